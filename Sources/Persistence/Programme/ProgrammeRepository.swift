import Domain
import FluentKit

/// The programme's records (projects and their targets, learning routes, Opleidingshuizen, funding, the timeline,
/// indicators and their targets) behind one seam (issue 13): pages read the tables they show and what those refer to
/// (`Dataset.slice`), edits are checked against the dataset's rules (`Dataset.violations`) and guarded by the version
/// the form was made on. `SQLProgrammeRepository` checks one record in SQL; `InMemoryProgrammeRepository` checks the
/// whole dataset in memory, which is the definition; `ProgrammeRepositoryContractTests` holds them to the same answers.
public protocol ProgrammeRepository: Sendable {
    /// The tables `entities` whole, and by key the records they refer to (one step).
    func slice(_ entities: Set<String>) async throws -> Dataset
    /// Adds a record; `StoreError.invalid` names the first rule it breaks (its key taken, a reference unknown, a field).
    func add<R: Record>(_ record: R, actor: String) async throws
    /// Replaces `expected` by `record`; `ChangedMeanwhile` when `expected` is no longer stored, `StoreError.invalid` as
    /// for `add`. Returns the changed fields (none: nothing written).
    @discardableResult
    func update<R: Record>(_ record: R, expected: R, actor: String) async throws -> [FieldChange]
}

/// SQL: `RecordStore`'s guarded writes, each checked inside its transaction.
public struct SQLProgrammeRepository: ProgrammeRepository {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }
    var store: RecordStore { RecordStore(database) }

    public func slice(_ entities: Set<String>) async throws -> Dataset { try await store.slice(entities) }
    public func add<R: Record>(_ record: R, actor: String) async throws { try await store.add(record, actor: actor) }
    public func update<R: Record>(_ record: R, expected: R, actor: String) async throws -> [FieldChange] {
        try await store.update(record, expected: expected, actor: actor)
    }
}

/// The dataset in memory: a change is applied to a copy, the copy checked whole, and kept only when it breaks no rule.
public actor InMemoryProgrammeRepository: ProgrammeRepository {
    public private(set) var data: Dataset
    public init(_ data: Dataset) { self.data = data }

    public func slice(_ entities: Set<String>) async throws -> Dataset { data.slice(entities) }

    public func add<R: Record>(_ record: R, actor: String) async throws {
        let table = try RecordStore.table(for: R.self)
        var next = data
        next[keyPath: table].append(record)
        try keep(next)
    }

    public func update<R: Record>(_ record: R, expected: R, actor: String) async throws -> [FieldChange] {
        let table = try RecordStore.table(for: R.self)
        let changes = try AuditLog.changes(before: expected, after: record)
        guard !changes.isEmpty else { return [] }
        guard let index = data[keyPath: table].firstIndex(where: { $0 == expected }) else {
            throw ChangedMeanwhile(current: data[keyPath: table].first { $0.key == expected.key })
        }
        var next = data
        next[keyPath: table][index] = record
        try keep(next)
        return changes
    }

    private func keep(_ next: Dataset) throws {
        if let v = next.violations().first { throw StoreError.invalid(v) }
        data = next
    }
}
