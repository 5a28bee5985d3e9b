import Domain
import Fluent
import Foundation

/// One changed field of an audited change.
public struct FieldChange: Codable, Sendable, Hashable {
    public var field: String
    public var before: String?
    public var after: String?
    public init(field: String, before: String?, after: String?) { self.field = field; self.before = before; self.after = after }
}

/// The append-only audit log. Entries are only ever inserted; nothing in the app updates or deletes them,
/// except that erasing a person blanks that person's own personal data inside them.
public enum AuditLog {
    /// The fields that differ between two versions of a record (either may be nil: creation, deletion).
    public static func changes<R: Record>(before: R?, after: R?) throws -> [FieldChange] {
        let b = try before.map { Dictionary(try RowCodec.encode($0).map { ($0.column, $0.cell.text) }, uniquingKeysWith: { a, _ in a }) } ?? [:]
        let a = try after.map { try RowCodec.encode($0) } ?? []
        let order = a.map(\.column) + b.keys.sorted().filter { k in !a.contains { $0.column == k } }
        let afterValues = Dictionary(a.map { ($0.column, $0.cell.text) }, uniquingKeysWith: { x, _ in x })
        return order.compactMap { field in
            let old = b[field] ?? nil, new = afterValues[field] ?? nil
            return old == new ? nil : FieldChange(field: field, before: old, after: new)
        }
    }

    /// Many entries in a few multi-row INSERTs (an import of 100,000 figures audits tens of thousands of periods;
    /// one statement each took half the import's time).
    public static func recordAll(on db: any Database, _ entries: [(actor: String, entity: String, entityId: String, action: String, changes: [FieldChange])],
                                 at: Date = Date()) async throws {
        let encoder = JSONEncoder()
        let models = try entries.map { e in
            AuditEntryModel(at: at, actor: e.actor, entity: e.entity, entityId: e.entityId, action: e.action,
                            changes: String(decoding: try encoder.encode(e.changes), as: UTF8.self))
        }
        var offset = 0
        while offset < models.count {
            try await Array(models[offset..<min(offset + 1000, models.count)]).create(on: db)
            offset += 1000
        }
    }

    public static func record(on db: any Database, actor: String, entity: String, entityId: String, action: String,
                              changes: [FieldChange], at: Date = Date()) async throws {
        let json = String(decoding: try JSONEncoder().encode(changes), as: UTF8.self)
        try await AuditEntryModel(at: at, actor: actor, entity: entity, entityId: entityId, action: action, changes: json).create(on: db)
    }
}
