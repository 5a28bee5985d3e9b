/// A row of one entity of the dataset. The same Codable definition travels through the data files (CSV/JSON),
/// the database (via `RowCodec`) and the pages, so one entity has one definition.
public protocol Record: Codable, Hashable, Sendable {
    /// Plural snake_case name: the data file's base name and the table name.
    static var entity: String { get }
    /// Identity within its entity, used to detect duplicates and to merge imports.
    var key: String { get }
}

/// A typed handle on one entity of a `Dataset`.
public protocol AnyTable: Sendable {
    associatedtype Row: Record
    var keyPath: WritableKeyPath<Dataset, [Row]> & Sendable { get }
}

public struct Table<Row: Record>: AnyTable {
    public let keyPath: WritableKeyPath<Dataset, [Row]> & Sendable
    public init(_ keyPath: WritableKeyPath<Dataset, [Row]> & Sendable) { self.keyPath = keyPath }
    public var entity: String { Row.entity }
}
