import FluentKit
import SQLKit

/// Issue 13: the organisation list filters and sorts in SQL, and an organisation's page finds the records that name
/// it without reading whole tables. Adds the derived columns (`DerivedColumns`), the `list_entries` join table for
/// `;`-lists, and an index for every filter and sort the pages offer; fills them from the records already stored.
struct UpdateOrganizationsAddSearchIndexes: AsyncMigration {
    static let derived = ["sortName", "searchText", "searchCompact", "districtKey"]
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("organizations_sort", "organizations", ["sortName", "id"]),
        ("organizations_kind_sort", "organizations", ["kind", "sortName", "id"]),
        ("organizations_district", "organizations", ["districtKey"]),
        ("organizations_parent", "organizations", ["parentId"]),
        ("list_entries_value", "list_entries", ["entity", "field", "value", "recordKey"]),
        ("list_entries_record", "list_entries", ["entity", "recordKey"]),
        ("memberships_organization", "memberships", ["organizationId"]),
        ("agreements_school", "agreements", ["schoolId"]),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        // PostgreSQL sorts text by the server's locale unless told otherwise; "C" is byte order, SQLite's BINARY,
        // and the order `OrganizationSearchKeys.precedes` gives in memory.
        let collate = sql.dialect.name == "postgresql" ? " COLLATE \"C\"" : ""
        for column in Self.derived {
            try await sql.raw("ALTER TABLE organizations ADD COLUMN \(ident: column) TEXT\(unsafeRaw: collate)").run()
        }
        try await sql.create(table: "list_entries")
            .column("entity", type: .text, .notNull).column("field", type: .text, .notNull)
            .column("value", type: .text, .notNull).column("recordKey", type: .text, .notNull).run()
        for index in Self.indexes {
            var create = sql.create(index: index.name).on(index.table)
            for column in index.columns { create = create.column(column) }
            try await create.run()
        }
        try await RecordStore(database).rebuildDerived()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes { try await sql.drop(index: index.name).run() }
        try await sql.drop(table: "list_entries").run()
        for column in Self.derived { try await sql.raw("ALTER TABLE organizations DROP COLUMN \(ident: column)").run() }
    }
}
