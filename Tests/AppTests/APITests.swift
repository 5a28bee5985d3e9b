import Foundation
import Testing
import VaporTesting
@testable import Web

@Suite struct APITests {
    @Test func organizationsListHasTheDocumentedShape() async throws {
        try await withMasterplan { app in
            let res = try await get(app, "/api/v1/organizations?kind=secondary-school&level=vmbo-t&per=5")
            #expect(res.status == .ok)
            #expect(res.headers.contentType == .json)
            let body = try res.json()
            #expect(Set(body.keys) == ["items", "total", "page", "per"])
            #expect(body["total"] as? Int == 9)
            let items = try #require(body["items"] as? [[String: Any]])
            #expect(items.count == 5)
            #expect(Set(items[0].keys) == ["id", "name", "kind", "sectors", "levels", "district"])
            #expect(items.allSatisfy { ($0["levels"] as? [String])?.contains("vmbo-t") == true })
        }
    }

    @Test func filtersMatchTheUI() async throws {
        try await withMasterplan { app in
            let q = try await get(app, "/api/v1/organizations?q=b%C3%A8ta%20techniek")
            #expect((try q.json()["items"] as? [[String: Any]])?.map { $0["id"] as? String } == ["platform-beta-techniek"])
            let noord = try await get(app, "/api/v1/organizations?district=Noord&per=200")
            let items = try #require(try noord.json()["items"] as? [[String: Any]])
            #expect(!items.isEmpty && items.allSatisfy { $0["district"] as? String == "Noord" })
            let sector = try await get(app, "/api/v1/organizations?sector=luchtvaart&kind=company")
            #expect(try sector.json()["total"] as? Int == 3)
        }
    }

    @Test func paginationPagesThroughTheTotal() async throws {
        try await withMasterplan { app in
            let first = try await get(app, "/api/v1/organizations?per=100")
            let total = try #require(try first.json()["total"] as? Int)
            let last = try await get(app, "/api/v1/organizations?per=100&page=\((total + 99) / 100)")
            let items = try #require(try last.json()["items"] as? [[String: Any]])
            #expect(items.count == total - 100 * ((total - 1) / 100))
        }
    }

    @Test(arguments: [
        ("/api/v1/organizations?kind=castle", "kind"),
        ("/api/v1/organizations?sector=steel", "sector"),
        ("/api/v1/organizations?level=phd", "level"),
        ("/api/v1/organizations?per=0", "per"),
        ("/api/v1/organizations?per=201", "per"),
        ("/api/v1/organizations?page=-1", "page"),
        ("/api/v1/organizations?page=two", "page"),
        ("/api/v1/organizations?knd=company", "knd"),
        ("/api/v1/timeline?year=soon", "year"),
        ("/api/v1/timeline?kind=party", "kind"),
        ("/api/v1/projects/entreeopleiding?x=1", "x"),
    ])
    func badParametersAreProblemsNamingTheParameter(path: String, parameter: String) async throws {
        try await withMasterplan { app in
            let res = try await get(app, path)
            #expect(res.status == .badRequest)
            #expect(res.headers.first(name: .contentType) == "application/problem+json")
            let body = try res.json()
            #expect(body["status"] as? Int == 400)
            #expect(body["title"] as? String == "Invalid parameter")
            let invalid = try #require(body["invalid-params"] as? [[String: Any]])
            #expect(invalid.contains { $0["name"] as? String == parameter })
        }
    }

    @Test func unknownIdsAre404Problems() async throws {
        try await withMasterplan { app in
            for path in ["/api/v1/organizations/nope", "/api/v1/projects/nope", "/api/v1/routes/nope", "/api/v1/indicators/nope",
                         "/api/v1/events/nope", "/api/v1/opleidingshuizen/nope", "/api/v1/nothing"] {
                let res = try await get(app, path)
                #expect(res.status == .notFound, "\(path)")
                #expect(res.headers.first(name: .contentType) == "application/problem+json")
                #expect(try res.json()["status"] as? Int == 404)
            }
        }
    }

    @Test func organizationDetailCarriesItsRelations() async throws {
        try await withMasterplan { app in
            let res = try await get(app, "/api/v1/organizations/otib")
            let body = try res.json()
            #expect(body["name"] as? String == "OTIB")
            #expect((body["agreements"] as? [Any])?.count == 4)
            #expect((body["opleidingshuizen"] as? [[String: Any]])?.first?["id"] as? String == "technische-installaties")
        }
    }

    @Test(arguments: ["/api/v1/people", "/api/v1/projects", "/api/v1/routes", "/api/v1/opleidingshuizen", "/api/v1/indicators",
                      "/api/v1/observations?indicator=labour.vacancies", "/api/v1/timeline?year=2013", "/api/v1/events",
                      "/api/v1/agreements?event=matchingday-2014", "/api/v1/memberships", "/api/v1/partnership-members?partnership=nextechnician",
                      "/api/v1/acknowledgements", "/api/v1/targets", "/api/v1/statements?kind=bottleneck", "/api/v1/quotes"])
    func everyListAnswersWithItemsAndATotal(path: String) async throws {
        try await withMasterplan { app in
            let res = try await get(app, path)
            #expect(res.status == .ok, "\(path)")
            let body = try res.json()
            let total = try #require(body["total"] as? Int)
            #expect(total > 0)
            #expect((body["items"] as? [Any])?.count == min(total, 25))
        }
    }

    @Test(arguments: [
        ("/api/v1/projects/entreeopleiding", "Maarten Albersen"),
        ("/api/v1/routes/vakmanschapsroute", "montessori-college-oost"),
        ("/api/v1/opleidingshuizen/logistiek", "House of Logistics"),
        ("/api/v1/indicators/havo-vwo.n-profile", "39.1"),
        ("/api/v1/events/matchingday-2014", "DIVV - Marcanti College"),
    ])
    func detailEndpointsAnswerWithTheRecord(path: String, expected: String) async throws {
        try await withMasterplan { app in
            let res = try await get(app, path)
            #expect(res.status == .ok)
            #expect(res.headers.contentType == .json)
            #expect(res.text.contains(expected), "\(path) should contain \(expected)")
        }
    }

    @Test func computedFiguresInTheAPI() async throws {
        try await withMasterplan { app in
            let network = try await get(app, "/api/v1/network").json()
            let reported = try #require(network["reported"] as? [String: Any])
            #expect(reported["totals"] as? [Double] == [93, 143])
            #expect(reported["totalChange"] as? Double == 50)
            let vac = try await get(app, "/api/v1/indicators/labour.vacancies").json()
            let table = try #require(vac["table"] as? [String: Any])
            let rows = try #require(table["rows"] as? [[String: Any]])
            let elementary = try #require(rows.first { $0["label"] as? String == "elementair" })
            #expect(abs((elementary["changePercent"] as? Double ?? 0) - 119.1358) < 0.001)
            let agreements = try await get(app, "/api/v1/agreements?event=matchingday-2014&per=100").json()
            #expect(agreements["total"] as? Int == 24)
            let funding = try await get(app, "/api/v1/funding").json()
            #expect(funding["totalContributions"] as? Double == 2_000_000)
        }
    }

    @Test func openAPIDocumentDescribesExactlyTheRegisteredRoutes() async throws {
        try await withMasterplan { app in
            let res = try await get(app, "/api/v1/openapi.json")
            #expect(res.status == .ok)
            let doc = try res.json()
            #expect(doc["openapi"] as? String == "3.1.0")
            let paths = try #require(doc["paths"] as? [String: [String: Any]])
            // Every operation (method and path) registered under /api/v1 is documented, and nothing else.
            let documented = Set(paths.flatMap { path, item in item.keys.map { $0.uppercased() + " /api/v1" + path } })
            let registered = Set(app.routes.all.map { route in
                route.method.rawValue + " /" + route.path.map { c -> String in
                    if case .parameter(let p) = c { return "{\(p)}" }
                    return c.description
                }.joined(separator: "/")
            }.filter { $0.contains(" /api/v1/") && !$0.hasSuffix("/api/v1/openapi.json") })
            #expect(documented == registered)
            for (path, item) in paths {
                for (method, operation) in item {
                    let op = try #require(operation as? [String: Any], "\(method) \(path)")
                    let responses = try #require(op["responses"] as? [String: Any])
                    #expect(responses["200"] != nil && responses["400"] != nil, "\(method) \(path)")
                    if path.contains("{") { #expect(responses["404"] != nil) }
                    if method != "get" { #expect(op["requestBody"] != nil && op["security"] != nil, "\(method) \(path)") }
                }
            }
        }
    }
}

@Suite struct RouteRulesTests {
    @Test func securityHeadersOnEveryKindOfResponse() async throws {
        try await withMasterplan { app in
            for path in ["/", "/organisaties?kind=castle", "/bestaat-niet", "/static/site.css", "/api/v1/organizations", "/api/v1/nope"] {
                let res = try await get(app, path)
                let csp = try #require(res.headers.first(name: "Content-Security-Policy"), "\(path)")
                #expect(csp.contains("script-src 'none'") && csp.contains("frame-ancestors 'none'"))
                #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(res.headers.first(name: "Referrer-Policy") != nil)
            }
        }
    }

    /// Issue 3 builds on this: a route registered without an access rule fails here.
    @Test func everyRouteHasAnAccessRule() async throws {
        try await withMasterplan { app in
            #expect(app.routes.all.count > 30)
            for route in app.routes.all {
                #expect(route.access != nil, "\(route.method) \(route.path.string) has no access rule")
            }
        }
    }
}
