import Domain
import FluentKit
import SQLKit

/// Reads and writes dataset records. Fluent owns connections, migrations and transactions;
/// rows travel through SQLKit with `RowCodec`, the codec the data files use, so an entity has one definition.
public struct RecordStore: Sendable {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }

    var sql: any SQLDatabase {
        guard let sql = database as? any SQLDatabase else { fatalError("Masterplan needs an SQL database (SQLite or PostgreSQL)") }
        return sql
    }

    /// All records of one entity, in data-file order.
    public func all<R: Record>(_ type: R.Type) async throws -> [R] {
        try decode(try await sql.select().column("*").from(R.entity).orderBy("position").all(), as: R.self)
    }

    /// Rows of `R`'s table as records, through the data files' codec; a cell that does not read names its column.
    func decode<R: Record>(_ rows: [any SQLRow], as type: R.Type) throws -> [R] {
        try rows.map { row in
            do { return try RowCodec.decode(R.self, from: SQLRowCells(row: row)) }
            catch let e as CellError { throw StoreError.corruptRow(entity: R.entity, column: e.column, message: e.message) }
        }
    }

    /// The whole dataset (one query per entity), or only the named entities (the rest stays empty).
    public func dataset(only entities: Set<String>? = nil) async throws -> Dataset {
        var data = Dataset()
        for table in Dataset.tables where entities.map({ $0.contains(entityName(of: table)) }) ?? true {
            try await load(table, into: &data)
        }
        return data
    }

    private func load<T: AnyTable>(_ table: T, into data: inout Dataset) async throws {
        data[keyPath: table.keyPath] = try await all(T.Row.self)
    }

    /// `Dataset.slice` in SQL: the tables in `entities` whole, and of the others only the records they refer to
    /// (read by key), so a page over the small tables never reads the 250,000 organisations whole.
    public func slice(_ entities: Set<String>) async throws -> Dataset {
        var data = try await dataset(only: entities)
        try await resolve(&data, loaded: entities)
        return data
    }

    /// `Dataset.eventSlice` in SQL: the events, one event's agreements (by index) and the organisations they name.
    public func eventSlice(_ eventId: String, page: Domain.PageRequest) async throws -> (data: Dataset, agreements: Domain.Page<Agreement>) {
        var data = try await dataset(only: [Event.entity])
        let total = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(Agreement.entity)
            .where("eventId", .equal, SQLBind(eventId)).first()?.decode(column: "n", as: Int.self) ?? 0
        // The index on (eventId, position) gives the page without reading the event's other agreements.
        let rows = try await sql.select().column("*").from(Agreement.entity).where("eventId", .equal, SQLBind(eventId))
            .orderBy("position").limit(page.per).offset((page.page - 1) * page.per).all()
        data.agreements = try decode(rows, as: Agreement.self)
        try await resolve(&data, loaded: [Event.entity, Agreement.entity])
        return (data, Domain.Page(items: data.agreements, total: total, page: page.page, per: page.per))
    }

    /// Reads by key the records the `loaded` tables of `data` refer to.
    private func resolve(_ data: inout Dataset, loaded: Set<String>) async throws {
        let wanted = data.referencedKeys(outside: loaded)
        for table in Dataset.tables {
            if let keys = wanted[entityName(of: table)], !keys.isEmpty { try await load(table, keys: keys, into: &data) }
        }
    }

    /// Agreements per event, counted in SQL.
    public func agreementCounts() async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        let grouped = try await sql.select().column("eventId").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(Agreement.entity).groupBy("eventId").all()
        for row in grouped {
            guard let event = try? row.decode(column: "eventId", as: String?.self) else { continue }
            counts[event] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    private func load<T: AnyTable>(_ table: T, keys: Set<String>, into data: inout Dataset) async throws {
        let column = Dataset.references.first { $0.target == T.Row.entity }?.targetKeyColumn ?? "id"
        data[keyPath: table.keyPath] = try await records(T.Row.self, where: column, in: keys.sorted())
    }

    /// Increases with every write to the programme's data (see `CreateDatasetVersion`).
    public func version() async throws -> Int {
        let row = try await sql.select().column("version").from("dataset_version").where("id", .equal, SQLBind(1)).first()
        return try row?.decode(column: "version", as: Int.self) ?? 0
    }

    /// The data version and the write generation (`CreateWriteGeneration`), in one query.
    public func versions() async throws -> (data: Int, writes: Int) {
        var out = (data: 0, writes: 0)
        for row in try await sql.select().columns("id", "version").from("dataset_version").all() {
            let id = try row.decode(column: "id", as: Int.self), version = try row.decode(column: "version", as: Int.self)
            if id == 1 { out.data = version } else if id == WriteGeneration.row { out.writes = version }
        }
        return out
    }

    func bumpVersion() async throws {
        try await sql.update("dataset_version").set("version", to: SQLBinaryExpression(SQLIdentifier("version"), .add, SQLLiteral.numeric("1")))
            .where("id", .equal, SQLBind(1)).run()
    }

    public func recordCount() async throws -> Int {
        var total = 0
        for table in Dataset.tables { total += try await count(table) }
        return total
    }

    private func count<T: AnyTable>(_ table: T) async throws -> Int {
        let row = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(T.Row.entity).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Replaces everything with `dataset` in one transaction: on any failure nothing is written.
    public func replace(with dataset: Dataset) async throws {
        try await replace(with: dataset, validating: true)
    }

    /// `validating: false` exists for tests that prove the database rolls back on its own constraint errors.
    func replace(with dataset: Dataset, validating: Bool) async throws {
        if validating, let v = dataset.violations().first { throw StoreError.invalid(v) }
        try await database.writeTransaction { tx in
            let store = RecordStore(tx)
            for table in Dataset.tables.reversed() { try await store.deleteAll(table) }
            for table in Dataset.tables { try await store.insert(table, from: dataset) }
            try await store.bumpVersion()
        }
    }

    /// Records of `dataset` replace those with the same key; the rest stays. One transaction.
    public func merge(_ dataset: Dataset) async throws {
        try await database.writeTransaction { tx in
            let store = RecordStore(tx)
            let merged = try await store.dataset().merged(with: dataset)
            try await store.replace(with: merged)
        }
    }

    /// Replaces one record, found by its `id`-like key column, checks that the dataset stays valid, and writes
    /// an audit entry with the changed fields, all in one transaction. Returns the changes (empty: nothing written).
    @discardableResult
    public func update<R: Record>(_ record: R, keyColumn: String = "id", actor: String) async throws -> [FieldChange] {
        try await database.writeTransaction { tx in
            let store = RecordStore(tx)
            var data = try await store.dataset()
            let table = try Self.table(for: R.self)
            guard let index = data[keyPath: table].firstIndex(where: { $0.key == record.key }) else {
                throw StoreError.notFound(entity: R.entity, key: record.key)
            }
            let before = data[keyPath: table][index]
            let changes = try AuditLog.changes(before: before, after: record)
            guard !changes.isEmpty else { return [] }
            data[keyPath: table][index] = record
            if let v = data.violations().first { throw StoreError.invalid(v) }
            var update = store.sql.update(R.entity)
            for (column, cell) in try store.cells(of: record) { update = update.set(SQLIdentifier(column), to: store.bind(cell)) }
            try await update.where(SQLIdentifier(keyColumn), .equal, SQLBind(record.key)).run()
            try await store.replaceListEntries(of: record, previousKey: before.key)
            try await AuditLog.record(on: tx, actor: actor, entity: R.entity, entityId: record.key, action: "update", changes: changes)
            try await store.bumpVersion()
            return changes
        }
    }

    /// Adds one record at the end of its table, checks that the dataset stays valid (a duplicate key included; only
    /// what the record refers to is read) and audits it with every field, in one transaction; the other rows are not
    /// rewritten.
    public func add<R: Record>(_ record: R, actor: String) async throws {
        try await database.writeTransaction { tx in
            let store = RecordStore(tx)
            _ = try Self.table(for: R.self)
            // A taken key before the insert: the table's unique index would refuse it with a database error.
            if try await store.keyCount(of: record) > 0 {
                throw StoreError.invalid(Violation(entity: R.entity, row: 0, column: "key", message: "duplicate record '\(record.key)'"))
            }
            let row = try await store.append(record)
            // Checked in SQL after the insert (issue 13): the record's own references and key, not the whole dataset.
            if let v = try await store.violations(of: record, row: row) { throw StoreError.invalid(v) }
            try await AuditLog.record(on: tx, actor: actor, entity: R.entity, entityId: record.key, action: "create",
                                      changes: try AuditLog.changes(before: nil as R?, after: record))
            try await store.bumpVersion()
        }
    }

    /// Inserts one row after the last position of its table; returns its row number (0-based).
    @discardableResult
    func append<R: Record>(_ record: R) async throws -> Int {
        let row = try await sql.select().column(SQLFunction("MAX", args: SQLIdentifier("position")), as: "p").from(R.entity).first()
        let last = try row.flatMap { try $0.decodeNil(column: "p") ? nil : try $0.decode(column: "p", as: Int.self) } ?? -1
        let encoded = try cells(of: record)
        try await sql.insert(into: R.entity).columns(["position"] + encoded.map(\.column))
            .values([SQLBind(last + 1)] + encoded.map { bind($0.cell) }).run()
        try await replaceListEntries(of: record)
        return last + 1
    }

    static func table<R: Record>(for type: R.Type) throws -> WritableKeyPath<Dataset, [R]> {
        for table in Dataset.tables { if let kp = keyPath(of: table, as: R.self) { return kp } }
        throw StoreError.notFound(entity: R.entity, key: "(table)")
    }

    private static func keyPath<T: AnyTable, R: Record>(of table: T, as: R.Type) -> WritableKeyPath<Dataset, [R]>? {
        table.keyPath as? WritableKeyPath<Dataset, [R]>
    }

    func deleteAll<T: AnyTable>(_ table: T) async throws {
        try await sql.delete(from: T.Row.entity).run()
        if DerivedColumns.lists[T.Row.entity] != nil {
            try await sql.delete(from: "list_entries").where("entity", .equal, SQLBind(T.Row.entity)).run()
        }
    }

    func insert<T: AnyTable>(_ table: T, from dataset: Dataset) async throws {
        try await insert(table, rows: dataset[keyPath: table.keyPath], firstPosition: 0)
    }

    /// Inserts `rows` at positions from `firstPosition` on (a streaming import writes a table a batch at a time).
    func insert<T: AnyTable>(_ table: T, rows: [T.Row], firstPosition: Int) async throws {
        guard !rows.isEmpty else { return }
        let encoded = try rows.map { try cells(of: $0) }
        try await insertListEntries(T.Row.entity, zip(rows, encoded).map { ($0.key, $1) })
        let columns = ["position"] + encoded[0].map(\.column)
        // Stay well under SQLite's and PostgreSQL's limits on bound parameters per statement.
        let chunk = max(1, 30_000 / columns.count / 4)
        var offset = 0
        while offset < encoded.count {
            let slice = encoded[offset..<min(offset + chunk, encoded.count)]
            var insert = sql.insert(into: T.Row.entity).columns(columns)
            for (i, row) in zip(slice.indices, slice) {
                insert = insert.values([SQLBind(firstPosition + i)] + row.map { bind($0.cell) })
            }
            try await insert.run()
            offset += chunk
        }
    }

    func bind(_ cell: Cell) -> any SQLExpression {
        switch cell {
        case .null: SQLLiteral.null
        case .text(let t): SQLBind(t)
        case .integer(let i): SQLBind(i)
        case .number(let d): SQLBind(d)
        case .bool(let b): SQLBind(b)
        }
    }
}

public enum StoreError: Error, CustomStringConvertible {
    case invalid(Violation)
    case corruptRow(entity: String, column: String, message: String)
    case notFound(entity: String, key: String)

    public var description: String {
        switch self {
        case .invalid(let v): "refused to store an invalid dataset: \(v)"
        case .corruptRow(let entity, let column, let message): "\(entity).\(column) in the database: \(message)"
        case .notFound(let entity, let key): "no \(entity) record '\(key)'"
        }
    }
}
