import Domain
import NIOConcurrencyHelpers
import Persistence
import Reports
import Vapor

/// The header's years with the database version they were read at (issue 13: no instance holds the whole dataset any
/// more; every page reads its slice). Several instances stay correct: each compares the version on every request,
/// and every write increases it in the same transaction.
final class DatasetCache: Sendable {
    /// The years the data covers ("2012–2014") for the header, with the version it was read at; nil before the first read.
    private let coverageBox = NIOLockedValueBox<(version: Int, label: String?)?>(nil)
    var coverage: String? { coverageBox.withLockedValue { $0?.label } }

    /// Reads the years again when the data's version moved: the timeline and the observations only (issue 13: pages
    /// that read through a repository never load the whole dataset, and the header must not make them). Answers the
    /// data version and the write generation, read in one query.
    @discardableResult
    func refreshCoverage(_ store: RecordStore) async throws -> (data: Int, writes: Int) {
        let versions = try await store.versions()
        let version = versions.data
        if coverageBox.withLockedValue({ $0?.version == version }) { return versions }
        let data = try await store.dataset(only: [TimelineEntry.entity, Observation.entity])
        let label = DataCoverage.label(DataCoverage.years(data))
        coverageBox.withLockedValue { $0 = (version, label) }
        return versions
    }
}

extension Request {
    struct DataVersionKey: StorageKey { typealias Value = Int }
    struct WriteGenerationKey: StorageKey { typealias Value = Int }

    /// The data version this request reads at: read once (by `CoverageMiddleware` for pages) and kept for the request.
    func dataVersion() async throws -> Int { try await versions().data }

    /// The data version and the write generation (`CreateWriteGeneration`) this request reads at, read once.
    func versions() async throws -> (data: Int, writes: Int) {
        if let data = storage[DataVersionKey.self], let writes = storage[WriteGenerationKey.self] { return (data, writes) }
        let versions = try await RecordStore(db).versions()
        keep(versions)
        return versions
    }

    /// Keeps the versions read (by `CoverageMiddleware` or `versions()`) for the rest of the request.
    func keep(_ versions: (data: Int, writes: Int)) {
        storage[DataVersionKey.self] = versions.data
        storage[WriteGenerationKey.self] = versions.writes
    }
}

/// Keeps the header's years current for the pages (one small query per page). The API, static files and the
/// health, readiness and metrics endpoints skip it (`/health` must answer without the database), and a database that
/// does not answer leaves the years as they were: the page itself then reports the failure, or `/ready` does.
struct CoverageMiddleware: AsyncMiddleware {
    static let skipped = ["/api/", "/static/", "/health", "/ready", "/metrics"]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.url.path
        if request.method == .GET, !Self.skipped.contains(where: { path.hasPrefix($0) }),
           let versions = try? await request.application.datasetCache.refreshCoverage(RecordStore(request.db)) {
            request.keep(versions)
        }
        return try await next.respond(to: request)
    }
}

extension Application {
    struct DatasetCacheKey: StorageKey { typealias Value = DatasetCache }

    struct CountCacheKey: StorageKey { typealias Value = CountCache }
    struct DashboardCacheKey: StorageKey { typealias Value = VersionedCache<DashboardPage> }
    struct DashboardHTMLKey: StorageKey { typealias Value = VersionedCache<String> }
    struct ReportCacheKey: StorageKey { typealias Value = VersionedCache<ProgrammeReport> }
    struct APICacheKey: StorageKey { typealias Value = VersionedCache<Data?> }

    /// Large API answers that change only with the data, encoded, per data version (an event with its agreements).
    var apiCache: VersionedCache<Data?> {
        guard let cache = storage[APICacheKey.self] else { fatalError("prepare(_:seed:) sets up the API cache") }
        return cache
    }

    /// The programme report per period, language, day and data version, kept by write generation (`ReportRoutes.report`).
    var reportCache: VersionedCache<ProgrammeReport> {
        guard let cache = storage[ReportCacheKey.self] else { fatalError("prepare(_:seed:) sets up the report cache") }
        return cache
    }

    /// The public dashboard whole, per language, day and data version, kept by write generation (`DashboardPage.response`).
    var dashboardHTML: VersionedCache<String> {
        guard let cache = storage[DashboardHTMLKey.self] else { fatalError("prepare(_:seed:) sets up the dashboard cache") }
        return cache
    }

    /// The dashboard's programme part per language and data version (its figures and charts are pure in the data).
    var dashboardCache: VersionedCache<DashboardPage> {
        guard let cache = storage[DashboardCacheKey.self] else { fatalError("prepare(_:seed:) sets up the dashboard cache") }
        return cache
    }

    /// Counts over the large tables per data version (`CountCache`), set up in `prepare` beside the dataset cache.
    var countCache: CountCache {
        guard let cache = storage[CountCacheKey.self] else { fatalError("prepare(_:seed:) sets up the count cache") }
        return cache
    }

    /// Set up once in `prepare`, before any request, so requests only read it.
    var datasetCache: DatasetCache {
        guard let cache = storage[DatasetCacheKey.self] else { fatalError("prepare(_:seed:) sets up the dataset cache") }
        return cache
    }
}
