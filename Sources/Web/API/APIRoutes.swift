import Domain
import Persistence
import Vapor

/// One read endpoint of the JSON API: its path (OpenAPI style), documentation and handler.
struct APIEndpoint: Sendable {
    var method: HTTPMethod = .GET
    var path: String
    var summary: String
    var parameters: [String]
    var response: APIResponseType
    var access: Access = .public
    var maxBody: ByteCount = "1mb"
    /// The schema of a JSON body (in `OpenAPIDocument.schemas`); nil: a PATCH takes `OrganizationChange`, a POST a file.
    var body: String?
    var handler: @Sendable (Request) async throws -> Response

    init(method: HTTPMethod = .GET, path: String, summary: String, parameters: [String], response: APIResponseType, access: Access = .public,
         maxBody: ByteCount = "1mb", body: String? = nil, handler: @escaping @Sendable (Request) async throws -> Response) {
        self.method = method; self.path = path; self.summary = summary; self.parameters = parameters
        self.response = response; self.access = access; self.maxBody = maxBody; self.body = body; self.handler = handler
    }

    var pathComponents: [PathComponent] {
        ["api", "v1"] + path.split(separator: "/").map { part in
            part.hasPrefix("{") ? .parameter(String(part.dropFirst().dropLast())) : .constant(String(part))
        }
    }
}

/// The JSON API under /api/v1: read endpoints for every entity, with filters, pagination and a total.
enum APIRoutes {
    static let listParameters = ["page", "per"]
    /// Every operation of /api/v1: registered from this list, and described from it in the OpenAPI document.
    static var all: [APIEndpoint] { endpoints + AccountAPI.endpoints + MatchingdayAPI.endpoints + DeskAPI.endpoints + TransportAPI.endpoints }

    static func register(_ app: Application) {
        for endpoint in all {
            app.on(endpoint.method, endpoint.pathComponents, access: endpoint.access, maxBody: endpoint.maxBody, use: endpoint.handler)
        }
        app.get(.openAPI, access: .public) { req in
            return try json(OpenAPIDocument.build(endpoints: all, examples: try await OpenAPIExamples.examples(req, endpoints: all)), req)
        }
    }

    /// The API's JSON: sorted keys, slashes as they are.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func json<T: Encodable>(_ value: T, _ req: Request, status: HTTPStatus = .ok) throws -> Response {
        json(encoded: try encoder.encode(value), status: status)
    }

    /// An answer already encoded (kept by `Application.apiCache`).
    static func json(encoded: Data, status: HTTPStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(data: encoded))
    }

    /// Checks the query string, then answers with a page of `items`.
    /// `reads`: the tables `items` reads (with what they refer to, `Dataset.slice`), never the whole dataset.
    static func list<T: Content>(_ req: Request, extra: [String] = [], reads: Set<String>, _ items: (inout QueryReader, Dataset) throws -> [T]) async throws -> Response {
        var reader = QueryReader(req, allowed: listParameters + extra)
        let page = reader.page()
        let data = try await PageSupport.data(req, reads: reads)
        let all = try items(&reader, data)
        if !reader.errors.isEmpty { throw InvalidInput(errors: reader.errors) }
        return try json(ListDTO(all.paged(page)), req)
    }

    static func single<T: Encodable>(_ req: Request, reads: Set<String>, _ find: (String, Dataset) -> T?) async throws -> Response {
        let reader = QueryReader(req, allowed: [])
        if !reader.errors.isEmpty { throw InvalidInput(errors: reader.errors) }
        let id = try req.parameters.require(req.route?.path.compactMap { if case .parameter(let p) = $0 { p } else { nil } }.first ?? "id")
        guard let value = find(id, try await PageSupport.data(req, reads: reads)) else {
            throw PageError(.notFound, "geen record met id \'\(id)\'", "no record with id \'\(id)\'")
        }
        return try json(value, req)
    }

    /// One organisation with everything it takes part in, and its version as the ETag (RFC 9110) that a change must
    /// name in If-Match, so two editors never overwrite each other unseen (GET and the answer to PATCH).
    static func organizationDetail(_ req: Request, id: String) async throws -> Response {
        guard let slice = try await req.network.profile(of: id), let profile = OrganizationProfile(id: id, in: slice) else {
            throw PageError(.notFound, "geen record met id \'\(id)\'", "no record with id \'\(id)\'")
        }
        let response = try json(OrganizationDetailDTO(profile), req)
        response.headers.replaceOrAdd(name: .eTag, value: "\"" + RecordForm.revision(profile.organization) + "\"")
        return response
    }

    static let endpoints: [APIEndpoint] = [
        APIEndpoint(path: "/organizations", summary: "Organisations, filtered by kind, sector, level, district and free text",
                    parameters: QueryReader.organizationParameters, response: .list(OrganizationSummaryDTO.self)) { req in
            var reader = QueryReader(req, allowed: QueryReader.organizationParameters)
            let filter = reader.organizationFilter()
            let page = reader.page()
            if !reader.errors.isEmpty { throw InvalidInput(errors: reader.errors) }
            let found = try await req.network.organizations(filter, page: page)
            return try json(ListDTO(Page(items: found.items.map(OrganizationSummaryDTO.init), total: found.total, page: found.page, per: found.per)), req)
        },
        APIEndpoint(path: "/organizations/{id}", summary: "One organisation with everything it takes part in",
                    parameters: [], response: .single(OrganizationDetailDTO.self)) { req in
            let reader = QueryReader(req, allowed: [])
            if !reader.errors.isEmpty { throw InvalidInput(errors: reader.errors) }
            return try await organizationDetail(req, id: try req.parameters.require("id"))
        },
        APIEndpoint(path: "/people", summary: "People named in the report, with their roles (names and roles only)",
                    parameters: listParameters, response: .list(PersonDTO.self)) { req in
            try await list(req, reads: [Person.entity, PersonRole.entity]) { _, data in
                data.people.map { p in PersonDTO(id: p.id, name: p.name, roles: data.personRoles.filter { $0.personId == p.id }) }
            }
        },
        APIEndpoint(path: "/network", summary: "Reported network counts beside the members registered in the platform today (a page of them, with their number)",
                    parameters: listParameters, response: .single(NetworkDTO.self)) { req in
            var reader = QueryReader(req, allowed: listParameters)
            let page = reader.page()
            if !reader.errors.isEmpty { throw InvalidInput(errors: reader.errors) }
            let overview = try await req.network.network(on: DeskSupport.today(req), page: page)
            return try json(NetworkDTO(reported: TableDTO(ProgrammeFigures(overview.reported).networkGrowth), registered: overview.members.items,
                                       registeredTotal: overview.registeredTotal, page: overview.members.page, per: overview.members.per), req)
        },
        APIEndpoint(path: "/projects", summary: "The seven projects with targets, actuals and participants",
                    parameters: listParameters, response: .list(ProjectDTO.self)) { req in
            try await list(req, reads: PageReads.projects) { _, data in data.projects.map { projectDTO($0, data) } }
        },
        APIEndpoint(path: "/projects/{id}", summary: "One project", parameters: [], response: .single(ProjectDTO.self)) { req in
            try await single(req, reads: PageReads.projects) { id, data in data.projects.first { $0.id == id }.map { projectDTO($0, data) } }
        },
        APIEndpoint(path: "/routes", summary: "Learning routes with schools, sectors and keuzedelen",
                    parameters: listParameters, response: .list(RouteDTO.self)) { req in
            try await list(req, reads: PageReads.routes) { _, data in data.routes.map { routeDTO($0, data) } }
        },
        APIEndpoint(path: "/routes/{id}", summary: "One learning route", parameters: [], response: .single(RouteDTO.self)) { req in
            try await single(req, reads: PageReads.routes) { id, data in data.routes.first { $0.id == id }.map { routeDTO($0, data) } }
        },
        APIEndpoint(path: "/opleidingshuizen", summary: "Opleidingshuizen (public–private partnerships)",
                    parameters: listParameters, response: .list(OpleidingshuisDTO.self)) { req in
            try await list(req, reads: PageReads.opleidingshuizen) { _, data in data.opleidingshuizen.map { houseDTO($0, data) } }
        },
        APIEndpoint(path: "/opleidingshuizen/{id}", summary: "One Opleidingshuis", parameters: [], response: .single(OpleidingshuisDTO.self)) { req in
            try await single(req, reads: PageReads.opleidingshuizen) { id, data in data.opleidingshuizen.first { $0.id == id }.map { houseDTO($0, data) } }
        },
        APIEndpoint(path: "/indicators", summary: "Indicator definitions", parameters: listParameters, response: .list(Indicator.self)) { req in
            try await list(req, reads: [Indicator.entity]) { _, data in data.indicators }
        },
        APIEndpoint(path: "/indicators/{key}", summary: "One indicator with observations, computed table and target status",
                    parameters: [], response: .single(IndicatorDTO.self)) { req in
            try await single(req, reads: PageReads.indicators) { key, data in
                data.indicators.first { $0.key == key }.map { i in
                    let obs = data.observations.filter { $0.indicatorKey == key }
                    return IndicatorDTO(indicator: i, observations: obs,
                                        targets: data.targets.filter { $0.indicatorKey == key }.map { .init(target: $0, status: TargetProgress.of($0, observations: obs).rawValue) },
                                        table: TableDTO(CrossTable(indicatorKey: key, dimension: i.dimensions.first, observations: obs)))
                }
            }
        },
        APIEndpoint(path: "/observations", summary: "Reported observations, optionally of one indicator",
                    parameters: ["indicator"] + listParameters, response: .list(Observation.self)) { req in
            try await list(req, extra: ["indicator"], reads: [Observation.entity]) { reader, data in
                let key = reader.string("indicator")
                return data.observations.filter { key == nil || $0.indicatorKey == key }
            }
        },
        APIEndpoint(path: "/timeline", summary: "Milestones and events, optionally of one year or kind",
                    parameters: ["year", "kind"] + listParameters, response: .list(TimelineEntry.self)) { req in
            try await list(req, extra: ["year", "kind"], reads: [TimelineEntry.entity]) { reader, data in
                let year = reader.string("year").map { _ in reader.integer("year", default: 0, range: 1900...2100) }
                let kind = reader.choice("kind", TimelineKind.self)
                return data.timeline.filter { (year == nil || $0.date.year == year) && (kind == nil || $0.kind == kind) }.sorted { $0.date < $1.date }
            }
        },
        APIEndpoint(path: "/funding", summary: "Budget, contributions and applications to funds", parameters: [], response: .single(FundingDTO.self)) { req in
            try await single(req, id: "funding", reads: PageReads.funding) { data in
                FundingDTO(funding: data.funding, applications: data.fundingApplications, totalContributions: ProgrammeFigures(data).totalContributions)
            }
        },
        APIEndpoint(path: "/events", summary: "Events such as the Matchingday", parameters: listParameters, response: .list(Event.self)) { req in
            try await list(req, reads: [Event.entity]) { _, data in data.events }
        },
        APIEndpoint(path: "/events/{id}", summary: "One event with its agreements", parameters: [], response: .single(EventDTO.self)) { req in
            let reader = QueryReader(req, allowed: [])
            if !reader.errors.isEmpty { throw InvalidInput(errors: reader.errors) }
            let id = try req.parameters.require("id"), store = RecordStore(req.db)
            // A national Matchingday has 10,000 agreements: its encoded answer is kept per data version.
            let body = try await req.application.apiCache.value(id, version: try await req.dataVersion()) { () async throws -> Data? in
                guard let event = try await store.records(Event.self, where: "id", in: [id]).first else { return nil }
                return try encoder.encode(EventDTO(event: event, agreements: try await store.records(Agreement.self, where: "eventId", in: [id])))
            }
            guard let body else { throw PageError(.notFound, "geen record met id \'\(id)\'", "no record with id \'\(id)\'") }
            return json(encoded: body)
        },
        APIEndpoint(path: "/memberships", summary: "Network memberships registered in the platform (Vrienden the report shows acting as one)",
                    parameters: listParameters, response: .list(Membership.self)) { req in
            var reader = QueryReader(req, allowed: listParameters)
            let page = reader.page()
            if !reader.errors.isEmpty { throw InvalidInput(errors: reader.errors) }
            return try json(ListDTO(try await RecordStore(req.db).page(Membership.self, page)), req)
        },
        APIEndpoint(path: "/partnership-members", summary: "Members of partnerships", parameters: ["partnership"] + listParameters,
                    response: .list(PartnershipMember.self)) { req in
            try await list(req, extra: ["partnership"], reads: [PartnershipMember.entity]) { reader, data in
                let id = reader.string("partnership")
                return data.partnershipMembers.filter { id == nil || $0.partnershipId == id }
            }
        },
        APIEndpoint(path: "/acknowledgements", summary: "The report's thank-you list, as printed", parameters: listParameters,
                    response: .list(Acknowledgement.self)) { req in
            try await list(req, reads: [Acknowledgement.entity]) { _, data in data.acknowledgements }
        },
        APIEndpoint(path: "/targets", summary: "Indicator targets with their status", parameters: listParameters, response: .list(IndicatorDTO.TargetStatus.self)) { req in
            try await list(req, reads: [Target.entity, Observation.entity]) { _, data in
                data.targets.map { IndicatorDTO.TargetStatus(target: $0, status: TargetProgress.of($0, observations: data.observations).rawValue) }
            }
        },
        APIEndpoint(path: "/statements", summary: "Ambitions, goals, follow-up and bottlenecks in the programme's words",
                    parameters: ["kind"] + listParameters, response: .list(Statement.self)) { req in
            try await list(req, extra: ["kind"], reads: [Statement.entity]) { reader, data in
                let kind = reader.choice("kind", StatementKind.self)
                return data.statements.filter { kind == nil || $0.kind == kind }
            }
        },
        APIEndpoint(path: "/quotes", summary: "Quotations printed in the report", parameters: listParameters, response: .list(Quote.self)) { req in
            try await list(req, reads: [Quote.entity]) { _, data in data.quotes }
        },
        APIEndpoint(path: "/agreements", summary: "Company–school agreements, optionally of one event or organisation",
                    parameters: ["event", "organization"] + listParameters, response: .list(Agreement.self)) { req in
            var reader = QueryReader(req, allowed: listParameters + ["event", "organization"])
            let page = reader.page()
            let event = reader.string("event"), org = reader.string("organization")
            if !reader.errors.isEmpty { throw InvalidInput(errors: reader.errors) }
            return try json(ListDTO(try await RecordStore(req.db).agreements(event: event, organization: org, page)), req)
        },
    ]

    static func single<T: Encodable>(_ req: Request, id: String, reads: Set<String>, _ make: (Dataset) -> T) async throws -> Response {
        let reader = QueryReader(req, allowed: [])
        if !reader.errors.isEmpty { throw InvalidInput(errors: reader.errors) }
        return try json(make(try await PageSupport.data(req, reads: reads)), req)
    }

    static func projectDTO(_ p: Project, _ data: Dataset) -> ProjectDTO {
        ProjectDTO(project: p, leads: ProjectPage.leads(p.id, data), targets: data.projectTargets.filter { $0.projectId == p.id },
                   participants: data.projectParticipants.filter { $0.projectId == p.id })
    }

    static func routeDTO(_ r: LearningRoute, _ data: Dataset) -> RouteDTO {
        RouteDTO(route: r, participations: data.routeParticipations.filter { $0.routeId == r.id },
                 sectors: data.routeSectors.filter { $0.routeId == r.id }, keuzedelen: data.keuzedelen.filter { $0.routeId == r.id })
    }

    static func houseDTO(_ h: Opleidingshuis, _ data: Dataset) -> OpleidingshuisDTO {
        OpleidingshuisDTO(opleidingshuis: h, partners: data.opleidingshuisPartners.filter { $0.opleidingshuisId == h.id },
                          milestones: data.opleidingshuisMilestones.filter { $0.opleidingshuisId == h.id })
    }
}

struct PersonDTO: Content {
    var id: String
    var name: String
    var roles: [PersonRole]
}
