import Domain
import FluentKit
import SQLKit

/// A programme record changed from a form that was filled in on an older version.
public struct ChangedMeanwhile: Error, Sendable {
    /// The record as it is stored now (nil: it was removed).
    public var current: (any Record)?
    public init(current: (any Record)?) { self.current = current }
}

extension RecordStore {
    /// Replaces `expected` by `record` only if the stored row still is `expected`: one conditional UPDATE whose
    /// WHERE names every column of the expected version, so of two editors of one record exactly one succeeds, on
    /// SQLite and PostgreSQL alike (the second gets `ChangedMeanwhile`, nothing written). Then the dataset's rules
    /// for this record (unique key, its references, its fields) are checked in SQL inside the same transaction,
    /// audited, and the version moves; the rest of the dataset is not read.
    public func update<R: Record>(_ record: R, expected: R, actor: String) async throws -> [FieldChange] {
        let changes = try AuditLog.changes(before: expected, after: record)
        guard !changes.isEmpty else { return [] }
        return try await database.writeTransaction { tx in
            let store = RecordStore(tx)
            var update = store.sql.update(R.entity)
            for (column, cell) in try store.cells(of: record) { update = update.set(SQLIdentifier(column), to: store.bind(cell)) }
            update = try store.unchanged(update, since: expected)
            let touched = try await update.returning(SQLIdentifier("position")).all()
            guard touched.count == 1 else {
                let now = try await store.all(R.self).first { $0.key == expected.key }
                throw ChangedMeanwhile(current: now)
            }
            let row = try touched[0].decode(column: "position", as: Int.self)
            try await store.replaceListEntries(of: record, previousKey: expected.key)
            if let v = try await store.violations(of: record, row: row, previousKey: expected.key) { throw StoreError.invalid(v) }
            try await AuditLog.record(on: tx, actor: actor, entity: R.entity, entityId: record.key, action: "update", changes: changes)
            try await store.bumpVersion()
            return changes
        }
    }

    /// `update` restricted to the row that still is `expected`, column by column (a text stored empty reads back as
    /// NULL). One statement checks and writes, so of two writers of one row exactly one succeeds: PostgreSQL
    /// re-evaluates the condition on the row the first writer committed.
    func unchanged<R: Record>(_ update: SQLUpdateBuilder, since expected: R) throws -> SQLUpdateBuilder {
        var update = update
        for (column, cell) in try RowCodec.encode(expected) {
            let name = SQLIdentifier(column)
            switch cell {
            case .null: update = update.where(name, .is, SQLLiteral.null)
            case .text(""): update = update.where { $0.where(name, .equal, SQLBind("")).orWhere(name, .is, SQLLiteral.null) }
            default: update = update.where(name, .equal, bind(cell))
            }
        }
        return update
    }
}
