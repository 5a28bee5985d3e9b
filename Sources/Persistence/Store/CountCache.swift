import Foundation

/// Counts over large tables that change only with the data (issue 13): the Vrienden on a day, per kind. Kept per
/// instance beside the data version they were counted at, so several instances stay right (every write moves the
/// version in its own transaction); a new version empties the cache. Bounded, since a day comes from the query
/// string: past `limit` entries it starts again.
public typealias CountCache = VersionedCache<[String: Int]>

/// Values that change only with the data, per instance, beside the data version they were made at (see above).
public final class VersionedCache<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var version = -1
    private var values: [String: Value] = [:]
    let limit: Int
    public init(limit: Int = 512) { self.limit = limit }

    /// The value stored under `key` at `version`, or `compute`d now and stored.
    public func value(_ key: String, version: Int, compute: () async throws -> Value) async throws -> Value {
        if let hit = lookup(key, version) { return hit }
        let fresh = try await compute()
        store(key, version, fresh)
        return fresh
    }

    private func lookup(_ key: String, _ at: Int) -> Value? {
        lock.lock(); defer { lock.unlock() }
        return version == at ? values[key] : nil
    }

    private func store(_ key: String, _ at: Int, _ counts: Value) {
        lock.lock(); defer { lock.unlock() }
        // A count made at an older version than the one held is dropped, never mixed in.
        if at > version || values.count >= limit { values = [:]; version = max(version, at) }
        if at == version { values[key] = counts }
    }
}
