import Domain
import NIOConcurrencyHelpers
import Vapor

/// The last dataset this instance read, with the database version it belongs to. Several instances stay correct:
/// each compares the version on every request, and every write increases it in the same transaction.
final class DatasetCache: Sendable {
    private let entry = NIOLockedValueBox<(version: Int, data: Dataset)?>(nil)

    func get(_ version: Int) -> Dataset? {
        entry.withLockedValue { $0.flatMap { $0.version == version ? $0.data : nil } }
    }

    func set(_ version: Int, _ data: Dataset) {
        let label = DataCoverage.label(DataCoverage.years(data))
        entry.withLockedValue { $0 = (version, data) }
        coverageBox.withLockedValue { $0 = label }
    }

    /// The years the last loaded dataset covers ("2012–2014"), for the header; nil before the first load.
    private let coverageBox = NIOLockedValueBox<String?>(nil)
    var coverage: String? { coverageBox.withLockedValue { $0 } }
}

extension Application {
    struct DatasetCacheKey: StorageKey { typealias Value = DatasetCache }

    /// Set up once in `prepare`, before any request, so requests only read it.
    var datasetCache: DatasetCache {
        guard let cache = storage[DatasetCacheKey.self] else { fatalError("prepare(_:seed:) sets up the dataset cache") }
        return cache
    }
}
