import Domain
import FluentKit
import SQLKit

/// What pages filter and sort on that the data files do not hold as such (issue 13): an organisation's folded name,
/// search text and district beside its row, and one row per entry of a `;`-list a page filters on (`list_entries`).
/// Every write of a record goes through `RecordStore.cells(of:)` and `replaceListEntries`, so both stay in step with
/// the records in the same transaction; they are never exported (the data files stay as they are).
enum DerivedColumns {
    /// The `;`-list columns with entries in `list_entries`, per entity: the organisation filter's sectors and levels,
    /// and the lists an organisation's page follows to the records that name it.
    static let lists: [String: [String]] = [
        Organization.entity: ["sectors", "levels"],
        Agreement.entity: ["companyIds"],
        TimelineEntry.entity: ["organizationIds"],
        FundingApplication.entity: ["applicantIds"],
    ]

    /// Extra columns of a record's row (only organisations have them).
    static func extra<R: Record>(_ record: R) -> [(column: String, cell: Cell)] {
        guard let org = record as? Organization else { return [] }
        let keys = OrganizationSearchKeys(org)
        return [("sortName", .text(keys.sortName)), ("searchText", .text(keys.searchText)),
                ("searchCompact", .text(keys.searchCompact)), ("districtKey", .text(keys.districtKey))]
    }

    /// The list entries of one encoded row: (column, value), each entry once.
    static func entries(entity: String, of cells: [(column: String, cell: Cell)]) -> [(field: String, value: String)] {
        guard let columns = lists[entity] else { return [] }
        var out: [(String, String)] = []
        for (column, cell) in cells where columns.contains(column) {
            guard case .text(let text) = cell else { continue }
            var seen = Set<String>()
            for part in text.split(separator: listSeparator) {
                let value = part.trimmingCharacters(in: .whitespaces)
                if !value.isEmpty, seen.insert(value).inserted { out.append((column, value)) }
            }
        }
        return out
    }
}

extension RecordStore {
    /// A record's row as stored: the data file's columns (`RowCodec`) and the derived ones.
    func cells<R: Record>(of record: R) throws -> [(column: String, cell: Cell)] {
        try RowCodec.encode(record) + DerivedColumns.extra(record)
    }

    /// Replaces the list entries of one record (after an insert or an update of its row).
    func replaceListEntries<R: Record>(of record: R, previousKey: String? = nil) async throws {
        guard DerivedColumns.lists[R.entity] != nil else { return }
        try await sql.delete(from: "list_entries").where("entity", .equal, SQLBind(R.entity))
            .where("recordKey", .equal, SQLBind(previousKey ?? record.key)).run()
        try await insertListEntries(R.entity, [(record.key, try RowCodec.encode(record))])
    }

    /// Inserts the list entries of many rows, in chunks that stay under the databases' limits on bound parameters.
    func insertListEntries(_ entity: String, _ rows: [(key: String, cells: [(column: String, cell: Cell)])]) async throws {
        guard DerivedColumns.lists[entity] != nil else { return }
        // Written a chunk at a time as the rows are read: a national import has ~1.5 million entries.
        var chunk: [(String, String, String)] = []
        func flush() async throws {
            guard !chunk.isEmpty else { return }
            var insert = sql.insert(into: "list_entries").columns("entity", "field", "value", "recordKey")
            for (field, value, key) in chunk { insert = insert.values(SQLBind(entity), SQLBind(field), SQLBind(value), SQLBind(key)) }
            try await insert.run()
            chunk.removeAll(keepingCapacity: true)
        }
        for (key, cells) in rows {
            for (field, value) in DerivedColumns.entries(entity: entity, of: cells) {
                chunk.append((field, value, key))
                if chunk.count == 5_000 { try await flush() }
            }
        }
        try await flush()
    }

    /// Fills the derived columns and list entries from the stored records (the migration that adds them, for data
    /// that was there before).
    func rebuildDerived() async throws {
        try await sql.delete(from: "list_entries").run()
        for org in try await all(Organization.self) {
            var update = sql.update(Organization.entity)
            for (column, cell) in DerivedColumns.extra(org) { update = update.set(SQLIdentifier(column), to: bind(cell)) }
            try await update.where("id", .equal, SQLBind(org.id)).run()
        }
        for table in Dataset.tables where DerivedColumns.lists[entityName(of: table)] != nil { try await rebuildListEntries(table) }
    }

    private func rebuildListEntries<T: AnyTable>(_ table: T) async throws {
        let rows = try await all(T.Row.self)
        try await insertListEntries(T.Row.entity, try rows.map { ($0.key, try RowCodec.encode($0)) })
    }
}
