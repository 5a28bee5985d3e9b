import Domain
import Persistence
import Vapor

extension Request {
    /// The programme's records for this request (issue 13): SQL behind the `ProgrammeRepository` seam.
    var programme: any ProgrammeRepository { SQLProgrammeRepository(db) }
}

/// Loads what pages need and turns a rendered page into a response.
enum PageSupport {
    /// What a page reads (issue 13): the tables in `reads` whole and the records they refer to (`Dataset.slice`), in
    /// SQL. No page reads the whole dataset.
    static func data(_ req: Request, reads: Set<String>) async throws -> Dataset {
        try await req.programme.slice(reads)
    }

    /// The named organisations and their memberships, nothing else: what a form, a check or a notice about them reads.
    static func about(_ req: Request, organizations ids: [String]) async throws -> Dataset {
        let store = RecordStore(req.db), wanted = Array(Set(ids)).sorted()
        var data = Dataset()
        data.organizations = try await store.organizations(wanted)
        data.memberships = try await store.memberships(of: wanted)
        return data
    }

    /// An organisation's name, or its id when there is no such organisation (a notice names it either way).
    static func name(_ req: Request, of id: String) async throws -> String {
        try await RecordStore(req.db).organizationNames([id])[id] ?? id
    }

    /// A list page: checks `page`/`per`, loads what the page reads and pages one of its entities.
    static func listing<T: Sendable>(_ req: Request, _ items: KeyPath<Dataset, [T]>, reads: Set<String>) async throws -> (Dataset, Page<T>) {
        var reader = QueryReader(req, allowed: ["page", "per"])
        let pageRequest = reader.page()
        if !reader.errors.isEmpty { throw InvalidInput(errors: reader.errors) }
        let data = try await data(req, reads: reads)
        return (data, data[keyPath: items].paged(pageRequest))
    }

    /// A detail page: the record whose key is the path parameter, or 404.
    static func record<R: Record>(_ req: Request, _ items: KeyPath<Dataset, [R]>, parameter: String = "id", reads: Set<String>) async throws -> (Dataset, R) {
        let key = try req.parameters.require(parameter)
        let data = try await data(req, reads: reads)
        guard let item = data[keyPath: items].first(where: { $0.key == key }) else { throw Abort(.notFound) }
        return (data, item)
    }

    static func html(_ body: String, status: HTTPStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(string: body))
    }

    static func context(_ req: Request, title: Localized, section: NavSection?) -> PageContext {
        var ctx = PageContext(lang: req.lang, path: req.pathAndQuery, title: title(req.lang), section: section)
        ctx.coverage = req.application.datasetCache.coverage
        if let user = req.signedIn, user.via == .session {
            ctx.user = (user.account.name, user.account.role)
            ctx.csrf = req.csrfToken
        }
        return ctx
    }
}

/// Periods as the report prints them: school years as is, days as "1 januari 2014".
func periodLabel(_ period: String, _ lang: Lang) -> String {
    if period.hasSuffix("/"), let d = PartialDate(String(period.dropLast())) {
        return (lang == .nl ? "vanaf " : "since ") + d.label(lang)
    }
    if period.count == 10, let d = PartialDate(period) { return d.label(lang) }
    return period
}
