/// One value in a row: what a CSV cell or a database column holds.
public enum Cell: Sendable, Hashable {
    case null
    case text(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
}

extension Cell {
    /// The value as written in a data file; nil for no value.
    public var text: String? {
        switch self {
        case .null: nil
        case .text(let t): t
        case .integer(let i): String(i)
        case .number(let d): formatPlain(d)
        case .bool(let b): String(b)
        }
    }
}

/// A failure at one column of one row.
public struct CellError: Error, Sendable, Hashable {
    public var column: String
    public var message: String
    public init(column: String, message: String) { self.column = column; self.message = message }
}

/// Where a row's values come from: a parsed CSV line or a database row.
public protocol CellSource {
    func has(_ column: String) -> Bool
    func isNull(_ column: String) throws -> Bool
    func string(_ column: String) throws -> String
    func int(_ column: String) throws -> Int
    func double(_ column: String) throws -> Double
    func bool(_ column: String) throws -> Bool
}

/// Lists are stored in one cell, separated by this character (CSV and database alike).
public let listSeparator: Character = ";"

/// Flat records ⇄ cells. Properties are scalars, optionals, `PartialDate`s, enums or lists of those.
public enum RowCodec {
    public static func decode<R: Decodable>(_ type: R.Type, from source: some CellSource) throws -> R {
        try R(from: RowDecoder(source: source))
    }

    public static func encode<R: Encodable>(_ record: R) throws -> [(column: String, cell: Cell)] {
        let sink = CellSink()
        try record.encode(to: RowEncoder(sink: sink))
        return sink.cells
    }
}

/// A CellSource over text cells (CSV): empty text is null.
public struct TextCells: CellSource {
    public var values: [String: String]
    public init(_ values: [String: String]) { self.values = values }
    public func has(_ column: String) -> Bool { values[column] != nil }
    public func isNull(_ column: String) throws -> Bool { (values[column] ?? "").isEmpty }
    public func string(_ column: String) throws -> String {
        guard let v = values[column] else { throw CellError(column: column, message: "missing column '\(column)'") }
        return v
    }
    public func int(_ column: String) throws -> Int {
        let t = try string(column)
        guard let v = Int(t) else { throw CellError(column: column, message: "'\(t)' is not a whole number") }
        return v
    }
    public func double(_ column: String) throws -> Double {
        let t = try string(column)
        guard let v = Double(t), v.isFinite else { throw CellError(column: column, message: "'\(t)' is not a number") }
        return v
    }
    public func bool(_ column: String) throws -> Bool {
        switch try string(column) {
        case "true", "1": return true
        case "false", "0": return false
        case let t: throw CellError(column: column, message: "'\(t)' is not true or false")
        }
    }
}

// MARK: - Decoding

private struct RowDecoder: Decoder {
    let source: any CellSource
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    func container<Key: CodingKey>(keyedBy: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(RowContainer<Key>(source: source))
    }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw unsupported() }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { throw unsupported() }
}

private func unsupported(_ what: String = "nested value") -> CellError {
    CellError(column: "", message: "a \(what) cannot be stored in one cell")
}

private struct RowContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let source: any CellSource
    var codingPath: [any CodingKey] = []
    var allKeys: [Key] { [] }
    func contains(_ key: Key) -> Bool { source.has(key.stringValue) }
    func decodeNil(forKey key: Key) throws -> Bool {
        if !source.has(key.stringValue) { return true }
        return try source.isNull(key.stringValue)
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        let value = try source.string(key.stringValue)
        if value.isEmpty { throw CellError(column: key.stringValue, message: "a value is required") }
        return value
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try required(key) { try source.int($0) } }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try required(key) { try source.double($0) } }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try required(key) { try source.bool($0) } }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let column = key.stringValue
        do {
            return try T(from: CellDecoder(source: source, column: column, codingPath: [key]))
        } catch let error as DecodingError {
            throw CellError(column: column, message: describe(error))
        }
    }
    func nestedContainer<N: CodingKey>(keyedBy: N.Type, forKey key: Key) throws -> KeyedDecodingContainer<N> {
        throw unsupported()
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try ListContainer(items: split(try source.string(key.stringValue)), column: key.stringValue)
    }
    func superDecoder() throws -> any Decoder { throw unsupported() }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw unsupported() }

    private func required<T>(_ key: Key, _ read: (String) throws -> T) throws -> T {
        if try source.isNull(key.stringValue) { throw CellError(column: key.stringValue, message: "a value is required") }
        return try read(key.stringValue)
    }
}

func describe(_ error: DecodingError) -> String {
    switch error {
    case .dataCorrupted(let c), .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c):
        return c.debugDescription
    @unknown default:
        return "\(error)"
    }
}

private func split(_ text: String) -> [String] {
    text.isEmpty ? [] : text.split(separator: listSeparator, omittingEmptySubsequences: false)
        .map { String($0).trimmingSpaces() }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

/// Decodes the value of one column: a scalar, an enum, a PartialDate or a list.
private struct CellDecoder: Decoder, SingleValueDecodingContainer {
    let source: any CellSource
    let column: String
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    func container<K: CodingKey>(keyedBy: K.Type) throws -> KeyedDecodingContainer<K> { throw unsupported() }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try ListContainer(items: split(try source.string(column)), column: column)
    }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }
    func decodeNil() -> Bool { (try? source.isNull(column)) ?? true }
    func decode(_ type: String.Type) throws -> String { try source.string(column) }
    func decode(_ type: Int.Type) throws -> Int { try source.int(column) }
    func decode(_ type: Double.Type) throws -> Double { try source.double(column) }
    func decode(_ type: Bool.Type) throws -> Bool { try source.bool(column) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: self) }
}

/// The items of a list cell.
private struct ListContainer: UnkeyedDecodingContainer {
    let items: [String]
    let column: String
    var codingPath: [any CodingKey] = []
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }
    var currentIndex = 0
    init(items: [String], column: String) throws {
        self.items = items; self.column = column
        if items.contains(where: \.isEmpty) { throw CellError(column: column, message: "empty item in list") }
    }
    mutating func next() -> String { defer { currentIndex += 1 }; return items[currentIndex] }
    mutating func decodeNil() throws -> Bool { false }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let item = next()
        do {
            return try T(from: CellDecoder(source: TextCells([column: item]), column: column, codingPath: []))
        } catch let error as DecodingError {
            throw CellError(column: column, message: describe(error))
        }
    }
    mutating func nestedContainer<N: CodingKey>(keyedBy: N.Type) throws -> KeyedDecodingContainer<N> { throw unsupported() }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { throw unsupported() }
    mutating func superDecoder() throws -> any Decoder { throw unsupported() }
}

// MARK: - Encoding

private final class CellSink {
    var cells: [(column: String, cell: Cell)] = []
    func set(_ column: String, _ cell: Cell) {
        if let i = cells.firstIndex(where: { $0.column == column }) { cells[i].cell = cell } else { cells.append((column, cell)) }
    }
}

private struct RowEncoder: Encoder {
    let sink: CellSink
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    func container<Key: CodingKey>(keyedBy: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(RowEncodingContainer<Key>(sink: sink))
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { fatalError("records are keyed") }
    func singleValueContainer() -> any SingleValueEncodingContainer { fatalError("records are keyed") }
}

private struct RowEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: CellSink
    var codingPath: [any CodingKey] = []
    mutating func encodeNil(forKey key: Key) throws { sink.set(key.stringValue, .null) }
    mutating func encode(_ value: String, forKey key: Key) throws { sink.set(key.stringValue, .text(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { sink.set(key.stringValue, .integer(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { sink.set(key.stringValue, .number(value)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { sink.set(key.stringValue, .bool(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let cell = CellEncoder(column: key.stringValue)
        try value.encode(to: cell)
        sink.set(key.stringValue, try cell.result())
    }
    // Optionals keep their column (as null) so every row has the same columns.
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try put(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try put(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try put(value, key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try put(value, key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try put(value, key) }
    private mutating func put<T: Encodable>(_ value: T?, _ key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func nestedContainer<N: CodingKey>(keyedBy: N.Type, forKey key: Key) -> KeyedEncodingContainer<N> {
        fatalError("records are flat")
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { fatalError("records are flat") }
    mutating func superEncoder() -> any Encoder { fatalError("records are flat") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { fatalError("records are flat") }
}

/// Encodes one column's value: a scalar, or a list joined with `listSeparator`.
private final class CellEncoder: Encoder, SingleValueEncodingContainer, UnkeyedEncodingContainer {
    let column: String
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    private var single: Cell?
    private var list: [String]?
    var count: Int { list?.count ?? 0 }
    init(column: String) { self.column = column }

    func result() throws -> Cell {
        if let list {
            if let bad = list.first(where: { $0.contains(listSeparator) || $0.isEmpty }) {
                throw CellError(column: column, message: "list item '\(bad)' may not be empty or contain '\(listSeparator)'")
            }
            return .text(list.joined(separator: String(listSeparator)))
        }
        return single ?? .null
    }
    func container<K: CodingKey>(keyedBy: K.Type) -> KeyedEncodingContainer<K> { fatalError("records are flat") }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { list = list ?? []; return self }
    func singleValueContainer() -> any SingleValueEncodingContainer { self }
    func encodeNil() throws { single = .null }
    func encode(_ value: String) throws { if list != nil { list!.append(value) } else { single = .text(value) } }
    func encode(_ value: Int) throws { if list == nil { single = .integer(value) } else { list!.append(String(value)) } }
    func encode(_ value: Double) throws { if list == nil { single = .number(value) } else { list!.append(formatPlain(value)) } }
    func encode(_ value: Bool) throws { if list == nil { single = .bool(value) } else { list!.append(String(value)) } }
    func encode<T: Encodable>(_ value: T) throws {
        if list != nil {
            let item = CellEncoder(column: column)
            try value.encode(to: item)
            switch try item.result() {
            case .text(let t): list!.append(t)
            case .integer(let i): list!.append(String(i))
            case .number(let d): list!.append(formatPlain(d))
            case .bool(let b): list!.append(String(b))
            case .null: throw CellError(column: column, message: "a list may not hold empty values")
            }
        } else {
            try value.encode(to: self)
        }
    }
    func nestedContainer<N: CodingKey>(keyedBy: N.Type) -> KeyedEncodingContainer<N> { fatalError("records are flat") }
    func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { fatalError("records are flat") }
    func superEncoder() -> any Encoder { fatalError("records are flat") }
}

/// "667" for whole numbers, "39.1" otherwise: how numbers are written to files.
public func formatPlain(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
}
