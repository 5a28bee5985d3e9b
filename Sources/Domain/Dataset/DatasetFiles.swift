import Foundation

/// The data files of a dataset: one file per entity, `<entity>.csv` or `<entity>.json`.
public enum DataFormat: String, Sendable, CaseIterable {
    case csv, json
}

public enum DatasetFiles {
    /// Reads a folder of data files (one `<entity>.csv` or `.json` each).
    public static func read(directory: URL) throws -> Dataset {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDir), isDir.boolValue else {
            throw DatasetError(file: directory.path, message: "no such folder")
        }
        var files: [String: Data] = [:]
        for name in try fm.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".csv") || name.hasSuffix(".json") {
            files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return try decode(files)
    }

    /// Reads a dataset from file contents keyed by file name. Every entity may be absent (then empty),
    /// but an entity given twice, an unknown file or any bad value is an error naming file, line and column.
    public static func decode(_ files: [String: Data]) throws(DatasetError) -> Dataset {
        var dataset = Dataset()
        let seen = try entityFiles(Array(files.keys))
        var lines: [String: [Int]] = [:]
        for table in Dataset.tables {
            try read(table, files: files, seen: seen, into: &dataset, lines: &lines)
        }
        if let v = dataset.violations().first {
            let file = seen[v.entity] ?? v.entity
            let line = lines[v.entity].flatMap { v.row < $0.count ? $0[v.row] : nil }
            throw DatasetError(file: file, line: line, column: nil, field: v.column,
                               message: line == nil ? "item \(v.row + 1): \(v.message)" : v.message)
        }
        return dataset
    }

    private static func read<T: AnyTable>(_ table: T, files: [String: Data], seen: [String: String],
                                          into dataset: inout Dataset, lines: inout [String: [Int]]) throws(DatasetError) {
        guard let name = seen[T.Row.entity], let data = files[name] else { return }
        if name.hasSuffix(".json") {
            dataset[keyPath: table.keyPath] = try decodeJSON(T.Row.self, data, file: name)
        } else {
            let (rows, rowLines) = try decodeCSV(T.Row.self, data, file: name)
            dataset[keyPath: table.keyPath] = rows
            lines[T.Row.entity] = rowLines
        }
    }

    public static func decodeCSV<R: Record>(_ type: R.Type, _ data: Data, file: String) throws(DatasetError) -> ([R], [Int]) {
        guard let text = String(data: data, encoding: .utf8) else {
            throw DatasetError(file: file, message: "not UTF-8 text")
        }
        let rows = try CSV.parse(text, file: file)
        guard let header = rows.first else { return ([], []) }
        let decoder = try CSVRecords<R>(header: header, file: file)
        var records: [R] = []
        var lines: [Int] = []
        for row in rows.dropFirst() {
            records.append(try decoder.decode(row))
            lines.append(row.line)
        }
        return (records, lines)
    }

    /// The entity each data file of a folder holds (entity → file name), with the checks `decode` makes: an unknown
    /// entity or one given twice is an error; other files (a README) are not data.
    public static func entityFiles(_ names: [String]) throws(DatasetError) -> [String: String] {
        let known = Set(Dataset.entityNames)
        var seen: [String: String] = [:]
        for name in names.sorted() {
            guard let dot = name.lastIndex(of: "."), DataFormat(rawValue: String(name[name.index(after: dot)...])) != nil else { continue }
            let entity = String(name[..<dot])
            guard known.contains(entity) else {
                throw DatasetError(file: name, message: "unknown entity '\(entity)'; expected one of \(known.sorted().joined(separator: ", "))")
            }
            if let other = seen[entity] { throw DatasetError(file: name, message: "entity '\(entity)' is also given by \(other)") }
            seen[entity] = name
        }
        return seen
    }

    public static func decodeJSON<R: Record>(_ type: R.Type, _ data: Data, file: String) throws(DatasetError) -> [R] {
        do {
            return try JSONDecoder().decode([R].self, from: data)
        } catch let error as DecodingError {
            var field: String?
            var item: Int?
            let context: DecodingError.Context?
            switch error {
            case .dataCorrupted(let c), .typeMismatch(_, let c), .valueNotFound(_, let c): context = c
            case .keyNotFound(let key, let c): context = c; field = key.stringValue
            @unknown default: context = nil
            }
            for key in context?.codingPath ?? [] {
                if let i = key.intValue, item == nil { item = i } else if key.intValue == nil { field = field ?? key.stringValue }
            }
            let underlying = (context?.underlyingError).map { " (\($0))" } ?? ""
            let prefix = item.map { "item \($0 + 1): " } ?? ""
            throw DatasetError(file: file, field: field, message: prefix + describe(error) + underlying)
        } catch {
            throw DatasetError(file: file, message: "\(error)")
        }
    }

    /// Writes every entity as one file in the given format; the result decodes back to an equal dataset.
    public static func encode(_ dataset: Dataset, format: DataFormat) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for table in Dataset.tables { try write(table, dataset, format, &files) }
        return files
    }

    private static func write<T: AnyTable>(_ table: T, _ dataset: Dataset, _ format: DataFormat, _ files: inout [String: Data]) throws {
        let rows = dataset[keyPath: table.keyPath]
        let name = T.Row.entity + "." + format.rawValue
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            files[name] = try encoder.encode(rows)
        case .csv:
            files[name] = Data(try encodeCSV(rows).utf8)
        }
    }

    public static func encodeCSV<R: Record>(_ rows: [R]) throws -> String {
        let encoded = try rows.map { try RowCodec.encode($0) }
        var header: [String] = []
        for row in encoded { for (column, _) in row where !header.contains(column) { header.append(column) } }
        var out = header.map { CSV.escape($0) }.joined(separator: ",") + "\n"
        for row in encoded {
            var byColumn: [String: Cell] = [:]
            for (c, v) in row { byColumn[c] = v }
            out += header.map { CSV.escape(SpreadsheetCell.guarded(text(byColumn[$0] ?? .null))) }.joined(separator: ",") + "\n"
        }
        return out
    }

    // An entity without rows is written as an empty file: its columns cannot be learned from values, and an
    // empty file reads back as no rows.

    static func text(_ cell: Cell) -> String { cell.text ?? "" }
}

/// The records of one CSV data file, a row at a time: the header read once (a column twice is an error), then each
/// row decoded through `RowCodec` with its line and column named on any error. The whole-file read and the streaming
/// import share it.
public struct CSVRecords<R: Record> {
    let file: String
    let header: CSV.Row
    let index: [String: Int]

    public init(header: CSV.Row, file: String) throws(DatasetError) {
        var index: [String: Int] = [:]
        for (i, name) in header.fields.enumerated() {
            if index[name] != nil { throw DatasetError(file: file, line: 1, column: i + 1, field: name, message: "column appears twice") }
            index[name] = i
        }
        self.file = file; self.header = header; self.index = index
    }

    public func decode(_ row: CSV.Row) throws(DatasetError) -> R {
        guard row.fields.count == header.fields.count else {
            throw DatasetError(file: file, line: row.line, column: min(row.fields.count, header.fields.count) + 1, field: nil,
                               message: "expected \(header.fields.count) fields, found \(row.fields.count)")
        }
        var values: [String: String] = [:]
        for (i, name) in header.fields.enumerated() { values[name] = SpreadsheetCell.unguarded(row.fields[i]) }
        do {
            return try RowCodec.decode(R.self, from: TextCells(values))
        } catch let error as CellError {
            throw DatasetError(file: file, line: row.line, column: index[error.column].map { $0 + 1 },
                               field: error.column.isEmpty ? nil : error.column, message: error.message)
        } catch {
            throw DatasetError(file: file, line: row.line, message: "\(error)")
        }
    }
}
