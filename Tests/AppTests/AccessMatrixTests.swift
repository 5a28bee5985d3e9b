import Domain
import Foundation
import Testing
import VaporTesting
@testable import Web

/// Every registered route × every role (and anonymous): the outcome must follow the route's access rule.
/// A route registered without a rule fails here, as does any rule the app does not enforce.
@Suite struct AccessMatrixTests {
    /// A real record for each path parameter, chosen so that object-level rules allow the demo roles
    /// (the contact person's own organisation, the project leader's own project).
    static func concrete(_ route: Route) -> String {
        let parts = route.path.map(\.description)
        var out: [String] = []
        for (i, component) in route.path.enumerated() {
            guard case .parameter(let name) = component else { out.append(component.description); continue }
            let parent = i > 0 ? parts[i - 1] : ""
            switch (parent, name) {
            case ("organisaties", _), ("organizations", _): out.append("montessori-college-oost")
            case ("projecten", _), ("projects", _): out.append("technologieroute")
            case ("opleidingshuizen", _): out.append("mobiliteitstechniek")
            case ("indicatoren", _), ("indicators", _): out.append("labour.vacancies")
            case ("evenementen", _), ("events", _): out.append("matchingday-2014")
            case ("matchingdagen", _), ("matchingdays", _): out.append("matchingdag-basisonderwijs-2015")
            case ("routes", _), ("leerroutes", _): out.append("vakmanschapsroute")
            case ("taal", _): out.append("en")
            case ("vervoer", "week"): out.append("2015-03-09")
            case ("ritbrief", _): out.append("montessori-college-oost")
            default: out.append(UUID().uuidString)
            }
        }
        return "/" + out.joined(separator: "/")
    }

    @Test func everyRouteFollowsItsRuleForEveryRole() async throws {
        try await withMasterplan { app in
            let routes = app.routes.all
            var cells = 0
            var roleBrowsers = try await browsers(app)
            // Two more columns per role: a read token and a write token of that role's account.
            var tokens: [(role: String, scope: String, token: String)] = []
            for (role, var browser) in roleBrowsers where role != "publiek" {
                for scope in ["read", "write"] { tokens.append((role, scope, try await browser.createToken(name: "matrix-" + scope, scope: scope))) }
            }
            for route in routes {
                let access = try #require(route.access, "\(route.method) \(route.path.string) has no access rule")
                let path = Self.concrete(route)
                let isAPI = path.hasPrefix("/api/")
                for (index, (role, var browser)) in roleBrowsers.enumerated() {
                    let res: TestingHTTPResponse
                    switch route.method {
                    case .GET:
                        res = try await browser.get(path)
                    case .POST:
                        res = try await browser.post(path, [], csrfFrom: role == "publiek" ? "/inloggen" : "/account")
                    default:
                        let csrf = Browser.csrf(in: try await browser.get(role == "publiek" ? "/inloggen" : "/account").text) ?? ""
                        var h = HTTPHeaders()
                        h.contentType = .json
                        res = try await browser.send(route.method, path, headers: h, body: ByteBuffer(string: #"{"_csrf":"\#(csrf)"}"#))
                    }
                    let toLogin = res.status == .seeOther && (res.headers.first(name: .location) ?? "").hasPrefix("/inloggen")
                    let roleValue = Role(rawValue: role)
                    let label = "\(route.method) \(path) as \(role): \(res.status.code)"
                    if access.allows(roleValue) {
                        #expect(![.unauthorized, .forbidden].contains(res.status) && !toLogin, "\(label) should be allowed")
                        #expect(res.status.code < 500, "\(label)")
                    } else if roleValue == nil {
                        #expect(isAPI ? res.status == .unauthorized : toLogin, "\(label) should ask to log in")
                    } else {
                        #expect(res.status == .forbidden, "\(label) should be forbidden")
                    }
                    cells += 1
                    // Logging out ends the session for real: sign in again for the routes that follow.
                    if path == "/uitloggen", role != "publiek" {
                        var again = Browser(app)
                        _ = try await again.login("\(role)@test.invalid", "a-long-test-password-9")
                        roleBrowsers[index] = (role, again)
                    }
                }
                for (role, scope, token) in tokens {
                    var h = HTTPHeaders()
                    h.bearerAuthorization = BearerAuthorization(token: token)
                    if route.method != .GET { h.contentType = .json }
                    let res = try await app.testing().sendRequest(route.method, path, headers: h, body: route.method == .GET ? nil : ByteBuffer(string: "{}"))
                    let toLogin = res.status == .seeOther && (res.headers.first(name: .location) ?? "").hasPrefix("/inloggen")
                    let label = "\(route.method) \(path) with the \(scope) token of \(role): \(res.status.code)"
                    if !isAPI {
                        // A token is no login outside /api/: the request is anonymous, and a form post has no CSRF token.
                        if !access.allows(nil) {
                            #expect(toLogin, "\(label) should ask to log in")
                        } else if route.method == .GET {
                            #expect(![.unauthorized, .forbidden].contains(res.status) && res.status.code < 500, "\(label)")
                        } else if route.secretInPath {
                            // Proved by the secret in its path alone (one-click unsubscribe); a made-up one is unknown.
                            #expect(res.status == .notFound, "\(label): an unknown secret")
                        } else {
                            #expect(res.status == .forbidden, "\(label) should be refused (no CSRF token)")
                        }
                    } else if scope == "read" && route.method != .GET {
                        #expect(res.status == .forbidden, "\(label) should be refused: read scope")
                    } else if access.allows(Role(rawValue: role)) {
                        #expect(![.unauthorized, .forbidden].contains(res.status) && res.status.code < 500, "\(label) should be allowed")
                    } else {
                        #expect(res.status == .forbidden, "\(label) should be forbidden")
                    }
                    cells += 1
                }
            }
            // Recorded for the closing note: routes × (every role + anonymous + every role × 2 tokens).
            let columns = Role.allCases.count * 3 + 1
            print("access matrix: \(routes.count) routes × \(columns) = \(cells) cells")
            #expect(cells == routes.count * columns)
        }
    }
}
