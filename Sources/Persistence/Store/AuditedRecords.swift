import Domain
import FluentKit
import Foundation
import SQLKit

/// The audited record writes every operational store shares (desk, Matchingday, transport, joining): a row at the end
/// of its table, a guarded replace, a delete, each with its audit entry in the caller's transaction. It was the generic
/// half of the desk's store; the desk's own commands are `SQLDeskRepository` now (issue 13).
public struct AuditedRecords: Sendable {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }

    var records: RecordStore { RecordStore(database) }

    public func all<R: Record>(_ type: R.Type) async throws -> [R] { try await records.all(type) }

    public func find<R: Record>(_ type: R.Type, id: String) async throws -> R? {
        let rows = try await records.sql.select().column("*").from(R.entity).where("id", .equal, SQLBind(id)).limit(1).all()
        return try rows.first.map { try RowCodec.decode(R.self, from: SQLRowCells(row: $0)) }
    }

    /// The rows of `R` whose `column` equals `value`, in file order: one indexed read instead of the whole table.
    public func rows<R: Record>(_ type: R.Type, where column: String, equals value: String) async throws -> [R] {
        let rows = try await records.sql.select().column("*").from(R.entity).where(SQLIdentifier(column), .equal, SQLBind(value)).orderBy("position").all()
        return try rows.map { try RowCodec.decode(R.self, from: SQLRowCells(row: $0)) }
    }

    /// A new record at the end of its table, with an audit entry holding every field.
    public func insert<R: Record>(_ record: R, actor: String) async throws {
        try await database.writeTransaction { tx in try await AuditedRecords(tx).insertInTransaction(record, actor: actor) }
    }

    public func insertInTransaction<R: Record>(_ record: R, actor: String) async throws {
        try await records.append(record)
        try await AuditLog.record(on: database, actor: actor, entity: R.entity, entityId: record.key, action: "create",
                                  changes: try AuditLog.changes(before: nil as R?, after: record))
    }

    /// Replaces a record by id and audits the changed fields; `expected` guards against a lost update: when the
    /// stored record is no longer `expected`, nothing is written and `DeskError.changedMeanwhile` is thrown.
    public func update<R: Record>(_ record: R, expected: R, actor: String) async throws {
        try await database.writeTransaction { tx in try await AuditedRecords(tx).updateInTransaction(record, expected: expected, actor: actor) }
    }

    /// The check and the write are one conditional UPDATE (issue 13): with a SELECT first and an UPDATE by id after,
    /// two proposals for one request both succeeded on PostgreSQL (the test `concurrentProposalsForOneRequest…`
    /// found it); now the second writer's UPDATE finds the row changed and nothing of its transaction stays.
    public func updateInTransaction<R: Record>(_ record: R, expected: R, actor: String) async throws {
        let changes = try AuditLog.changes(before: expected, after: record)
        var update = records.sql.update(R.entity)
        for (column, cell) in try RowCodec.encode(record) { update = update.set(SQLIdentifier(column), to: records.bind(cell)) }
        update = try records.unchanged(update.where("id", .equal, SQLBind(record.key)), since: expected)
        let touched = try await update.returning(SQLIdentifier("id")).all()
        guard touched.count == 1 else {
            guard try await find(R.self, id: record.key) != nil else { throw StoreError.notFound(entity: R.entity, key: record.key) }
            throw DeskError.changedMeanwhile
        }
        guard !changes.isEmpty else { return }
        try await AuditLog.record(on: database, actor: actor, entity: R.entity, entityId: record.key, action: "update", changes: changes)
    }

    /// Removes a record by id inside the caller's transaction, auditing every field it had.
    public func delete<R: Record>(_ record: R, actor: String) async throws {
        try await records.sql.delete(from: R.entity).where("id", .equal, SQLBind(record.key)).run()
        try await AuditLog.record(on: database, actor: actor, entity: R.entity, entityId: record.key, action: "delete",
                                  changes: try AuditLog.changes(before: record, after: nil as R?))
    }
}
