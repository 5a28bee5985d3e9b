import Domain
import Foundation

/// JSON Schemas for the API's responses, read from the very types the handlers encode, so the document cannot
/// drift from what is sent. It decodes a type with a decoder that answers every question with a sample value and
/// notes what was asked: each property's name, its type, and whether it was optional (`decodeIfPresent`, which
/// the synthesised `Encodable` leaves out when nil). Enumerations list their cases; `PartialDate` is a pattern.
/// A type whose decoding cannot be answered this way is a programming error, reported by `SchemaReaderTests`.
struct SchemaReader {
    /// Component schemas by type name, filled as types are met; `$ref`s point here.
    private(set) var components: [String: JSONValue] = [:]
    private var failures: [String] = []

    /// The schema of `T`, as a `$ref` for structured types (added to `components`) or inline for leaves.
    mutating func schema<T: Decodable>(of type: T.Type) -> JSONValue {
        let box = Box()
        let (schema, _): (JSONValue, T?) = Self.describe(T.self, box: box)
        components.merge(box.components) { a, _ in a }
        failures += box.failures
        return schema
    }

    var problems: [String] { failures }

    /// Shared state of one reading: components met so far, types being read (for recursion), failures.
    final class Box {
        var components: [String: JSONValue] = [:]
        var reading: Set<String> = []
        var failures: [String] = []
    }

    /// "TableDTORow" for `Web.TableDTO.Row`: the module dropped, nested names joined, so two `Row`s never meet.
    static func name<T>(_ type: T.Type) -> String {
        String(reflecting: type).split(separator: ".").dropFirst().joined()
    }

    /// The schema of `T` and a sample value of it.
    static func describe<T: Decodable>(_ type: T.Type, box: Box) -> (JSONValue, T?) {
        switch type {
        case is String.Type: return (.object([("type", .string("string"))]), "" as? T)
        case is Bool.Type: return (.object([("type", .string("boolean"))]), false as? T)
        case is Int.Type: return (.object([("type", .string("integer"))]), 0 as? T)
        case is Double.Type: return (.object([("type", .string("number"))]), 0.0 as? T)
        case is PartialDate.Type:
            return (.object([("type", .string("string")), ("pattern", .string("^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"))]), PartialDate(year: 2014) as? T)
        case is Date.Type:
            // JSONEncoder's default: seconds since 1 January 2001.
            return (.object([("type", .string("number"))]), Date(timeIntervalSinceReferenceDate: 0) as? T)
        default: break
        }
        if let optional = T.self as? any OptionalSchema.Type {
            let (schema, sample) = optional.describeWrapped(box: box)
            return (nullable(schema), sample as? T)
        }
        if let cases = T.self as? any CaseIterable.Type, let (values, first) = enumeration(cases, as: T.self) {
            return (.object([("type", .string("string")), ("enum", .array(values.map { .string($0) }))]), first)
        }
        let name = name(T.self)
        if box.reading.contains(name) { return (ref(name), nil) }
        box.reading.insert(name)
        defer { box.reading.remove(name) }
        let decoder = SampleDecoder(box: box)
        do {
            let value = try T(from: decoder)
            guard let shape = decoder.shape else { return (.object([]), value) }
            switch shape {
            case .array(let item):
                // An array is inline: [Sector] reads as "array of that enumeration".
                return (.object([("type", .string("array")), ("items", item)]), value)
            case .object(let properties):
                let required = properties.filter { !$0.optional }.map { JSONValue.string($0.name) }
                let props = JSONValue.object(properties.map { p in (p.name, p.optional ? nullable(p.schema) : p.schema) })
                box.components[name] = .object([("type", .string("object")), ("required", .array(required)), ("properties", props)])
                return (ref(name), value)
            case .value(let schema):
                return (schema, value)
            }
        } catch {
            box.failures.append("\(name): \(error)")
            return (.object([]), nil)
        }
    }

    static func enumeration<C: CaseIterable, T>(_ type: C.Type, as: T.Type) -> ([String], T?)? {
        let values = C.allCases.compactMap { ($0 as? any RawRepresentable)?.rawValue as? String }
        guard values.count == C.allCases.count, !values.isEmpty else { return nil }
        return (values, C.allCases.first as? T)
    }

    static func ref(_ name: String) -> JSONValue { .object([("$ref", .string("#/components/schemas/" + name))]) }

    /// Absent or null: the synthesised encoder leaves nil out, a hand-written one may write null.
    static func nullable(_ schema: JSONValue) -> JSONValue {
        .object([("anyOf", .array([schema, .object([("type", .string("null"))])]))])
    }
}

/// `Double?` inside an array (`[Double?]`) reads as "number or null".
protocol OptionalSchema {
    static func describeWrapped(box: SchemaReader.Box) -> (JSONValue, Any?)
}

extension Optional: OptionalSchema where Wrapped: Decodable {
    static func describeWrapped(box: SchemaReader.Box) -> (JSONValue, Any?) {
        let (schema, sample) = SchemaReader.describe(Wrapped.self, box: box)
        return (schema, sample.map { Optional.some($0) as Any })
    }
}

/// What a decoding asked for.
private enum Shape {
    case object([(name: String, schema: JSONValue, optional: Bool)])
    case array(JSONValue)
    case value(JSONValue)
}

private final class SampleDecoder: Decoder {
    let box: SchemaReader.Box
    var shape: Shape?
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    init(box: SchemaReader.Box) { self.box = box }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let c = Keyed<Key>(decoder: self)
        if case .object = shape {} else { shape = .object([]) }
        return KeyedDecodingContainer(c)
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { Unkeyed(decoder: self) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(decoder: self) }

    func note(_ name: String, _ schema: JSONValue, optional: Bool) {
        guard case .object(var properties) = shape else { return }
        if !properties.contains(where: { $0.name == name }) { properties.append((name, schema, optional)) }
        shape = .object(properties)
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: SampleDecoder
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { [] }
        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) throws -> Bool { false }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try value(type, key, optional: false)
        }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            try value(type, key, optional: true)
        }
        // The standard library's own versions for these types ask `decodeNil` and then `decode`, which would hide
        // that the property is optional.
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try value(type, key, optional: true) }
        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try value(type, key, optional: true) }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try value(type, key, optional: true) }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try value(type, key, optional: true) }

        func value<T: Decodable>(_ type: T.Type, _ key: Key, optional: Bool) throws -> T {
            let (schema, sample) = SchemaReader.describe(T.self, box: decoder.box)
            decoder.note(key.stringValue, schema, optional: optional)
            guard let sample else { throw DecodingError.valueNotFound(T.self, .init(codingPath: [key], debugDescription: "no sample")) }
            return sample
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            throw DecodingError.typeMismatch(type, .init(codingPath: [key], debugDescription: "nested containers are not described"))
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw DecodingError.typeMismatch([Any].self, .init(codingPath: [key], debugDescription: "nested containers are not described"))
        }
        func superDecoder() throws -> any Decoder { decoder }
        func superDecoder(forKey key: Key) throws -> any Decoder { decoder }
    }

    /// One element, so the array's element type is read once.
    struct Unkeyed: UnkeyedDecodingContainer {
        let decoder: SampleDecoder
        var codingPath: [any CodingKey] { [] }
        var count: Int? { 1 }
        var currentIndex = 0
        var isAtEnd: Bool { currentIndex >= 1 }

        init(decoder: SampleDecoder) { self.decoder = decoder; decoder.shape = .array(.object([])) }

        mutating func decodeNil() throws -> Bool { false }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            currentIndex += 1
            let (schema, sample) = SchemaReader.describe(T.self, box: decoder.box)
            decoder.shape = .array(schema)
            guard let sample else { throw DecodingError.valueNotFound(T.self, .init(codingPath: [], debugDescription: "no sample")) }
            return sample
        }

        mutating func decodeIfPresent<T: Decodable>(_ type: T.Type) throws -> T? {
            currentIndex += 1
            let (schema, sample) = SchemaReader.describe(T.self, box: decoder.box)
            decoder.shape = .array(SchemaReader.nullable(schema))
            return sample
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            throw DecodingError.typeMismatch(type, .init(codingPath: [], debugDescription: "nested containers are not described"))
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            throw DecodingError.typeMismatch([Any].self, .init(codingPath: [], debugDescription: "nested containers are not described"))
        }
        mutating func superDecoder() throws -> any Decoder { decoder }
    }

    struct Single: SingleValueDecodingContainer {
        let decoder: SampleDecoder
        var codingPath: [any CodingKey] { [] }
        func decodeNil() -> Bool { false }
        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let (schema, sample) = SchemaReader.describe(T.self, box: decoder.box)
            decoder.shape = .value(schema)
            guard let sample else { throw DecodingError.valueNotFound(T.self, .init(codingPath: [], debugDescription: "no sample")) }
            return sample
        }
    }
}
