import Domain
import Persistence
import Vapor

/// Loads what pages need and turns a rendered page into a response.
enum PageSupport {
    /// The dataset, from this instance's cache when the database's version number has not moved
    /// (one small query per request instead of one per entity).
    static func dataset(_ req: Request) async throws -> Dataset {
        let store = RecordStore(req.db)
        let version = try await store.version()
        let cache = req.application.datasetCache
        if let cached = cache.get(version) { return cached }
        let data = try await store.dataset()
        cache.set(version, data)
        return data
    }

    /// What a page reads (issue 13): the tables in `reads` whole and the records they refer to (`Dataset.slice`), in
    /// SQL; nil reads the whole dataset through the cache (pages not yet moved to their slice).
    static func data(_ req: Request, reads: Set<String>?) async throws -> Dataset {
        guard let reads else { return try await dataset(req) }
        return try await RecordStore(req.db).slice(reads)
    }

    /// A list page: checks `page`/`per`, loads what the page reads and pages one of its entities.
    static func listing<T: Sendable>(_ req: Request, _ items: KeyPath<Dataset, [T]>, reads: Set<String>? = nil) async throws -> (Dataset, Page<T>) {
        var reader = QueryReader(req, allowed: ["page", "per"])
        let pageRequest = reader.page()
        if !reader.errors.isEmpty { throw InvalidInput(errors: reader.errors) }
        let data = try await data(req, reads: reads)
        return (data, data[keyPath: items].paged(pageRequest))
    }

    /// A detail page: the record whose key is the path parameter, or 404.
    static func record<R: Record>(_ req: Request, _ items: KeyPath<Dataset, [R]>, parameter: String = "id", reads: Set<String>? = nil) async throws -> (Dataset, R) {
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
