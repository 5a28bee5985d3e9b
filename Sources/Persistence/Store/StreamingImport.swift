import Domain
import FluentKit
import Foundation
import SQLKit

/// `masterplan import` (replace) without the dataset in memory (issue 13): each CSV file is read a chunk at a time,
/// its rows decoded, checked and inserted in batches inside the one transaction, so memory is the keys the checks
/// need (every referenced table's keys, the current table's for duplicates), not the 1.4 million records. The checks
/// are `Dataset.violations()`'s, in file order: a duplicate key, a reference to no record, a field rule; any error
/// names file, line and column and rolls everything back. A JSON file is read whole (its format has no rows).
extension RecordStore {
    /// Replaces everything with the folder's data files; answers how many records were written.
    public func replace(streamingFrom directory: URL, batch: Int = 2_000, chunkBytes: Int = 1 << 20,
                        progress: @escaping @Sendable (String, Int) -> Void = { _, _ in }) async throws -> Int {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDir), isDir.boolValue else {
            throw DatasetError(file: directory.path, message: "no such folder")
        }
        let files = try DatasetFiles.entityFiles(try FileManager.default.contentsOfDirectory(atPath: directory.path))
        return try await database.writeTransaction { tx in
            let store = RecordStore(tx)
            for table in Dataset.tables.reversed() { try await store.deleteAll(table) }
            var state = ImportState()
            for table in Dataset.tables {
                guard let name = files[entityName(of: table)] else { continue }
                try await store.stream(table, file: directory.appendingPathComponent(name), name: name, state: &state,
                                       batch: batch, chunkBytes: chunkBytes, progress: progress)
            }
            try await store.bumpVersion()
            return state.written
        }
    }

    private func stream<T: AnyTable>(_ table: T, file: URL, name: String, state: inout ImportState, batch: Int, chunkBytes: Int,
                                     progress: @escaping @Sendable (String, Int) -> Void) async throws {
        var check = TableCheck<T.Row>(file: name, keys: state.keys)
        var pending: [T.Row] = []
        var position = 0
        func flush() async throws {
            guard !pending.isEmpty else { return }
            try await insert(table, rows: pending, firstPosition: position)
            position += pending.count
            state.written += pending.count
            progress(name, position)
            pending.removeAll(keepingCapacity: true)
        }
        if name.hasSuffix(".json") {
            for (i, record) in try DatasetFiles.decodeJSON(T.Row.self, try Data(contentsOf: file), file: name).enumerated() {
                try check.accept(record, line: nil, item: i)
                pending.append(record)
                if pending.count >= batch { try await flush() }
            }
        } else {
            var reader = try ChunkedText(url: file, name: name, chunkBytes: chunkBytes)
            var parser = CSV.Parser(file: name)
            var decoder: CSVRecords<T.Row>?
            var item = 0
            // The first row is the header; every other is decoded, checked and queued for the next batch.
            func take(_ rows: [CSV.Row]) async throws {
                for row in rows {
                    guard let decoder else { decoder = try CSVRecords<T.Row>(header: row, file: name); continue }
                    let record = try decoder.decode(row)
                    try check.accept(record, line: row.line, item: item)
                    item += 1
                    pending.append(record)
                    if pending.count >= batch { try await flush() }
                }
            }
            while let text = try reader.next(line: parser.currentLine) { try await take(try parser.feed(text)) }
            try await take(try parser.finish())
        }
        try await flush()
        try check.finish()
        // The keys later tables refer to (organisations, people, projects, …) stay; the rest is dropped.
        if Dataset.references.contains(where: { $0.target == T.Row.entity }) { state.keys[T.Row.entity] = check.seen }
    }
}

/// What the import keeps between tables: the keys of every table another refers to, and how many records it wrote.
struct ImportState {
    var keys: [String: Set<String>] = [:]
    var written = 0
}

/// `Dataset.violations()` for one table read row by row: duplicate keys, references to the tables read before (every
/// reference points to an earlier table in `Dataset.tables`, except an organisation's parent, checked at the end),
/// and the field rules.
struct TableCheck<R: Record> {
    let file: String
    let keys: [String: Set<String>]
    let references: [RecordReference]
    var seen = Set<String>()
    /// References within the table itself, checked once all its keys are known.
    var own: [(line: Int?, item: Int, column: String, key: String)] = []

    init(file: String, keys: [String: Set<String>]) {
        self.file = file; self.keys = keys
        references = Dataset.references.filter { $0.entity == R.entity }
    }

    mutating func accept(_ record: R, line: Int?, item: Int) throws {
        if !seen.insert(record.key).inserted { throw error(line, item, "key", "duplicate record '\(record.key)'") }
        for reference in references {
            for key in reference.ids(in: record) {
                if reference.target == R.entity { own.append((line, item, reference.column, key)); continue }
                if keys[reference.target]?.contains(key) != true { throw error(line, item, reference.column, "unknown reference '\(key)'") }
            }
        }
        if let v = Dataset.fieldViolations(of: record, row: item).first { throw error(line, item, v.column, v.message) }
    }

    func finish() throws {
        if let bad = own.first(where: { !seen.contains($0.key) }) { throw error(bad.line, bad.item, bad.column, "unknown reference '\(bad.key)'") }
    }

    /// Located as `DatasetFiles.decode` locates a violation: by line in a CSV file, by item in a JSON one.
    func error(_ line: Int?, _ item: Int, _ column: String, _ message: String) -> DatasetError {
        DatasetError(file: file, line: line, column: nil, field: column, message: line == nil ? "item \(item + 1): \(message)" : message)
    }
}

/// A UTF-8 file as text a chunk at a time, never cut inside a character; bytes that are not UTF-8 are an error with
/// the line reached.
struct ChunkedText {
    let handle: FileHandle
    let name: String
    let chunkBytes: Int
    var carry = Data()

    init(url: URL, name: String, chunkBytes: Int) throws {
        handle = try FileHandle(forReadingFrom: url)
        self.name = name; self.chunkBytes = chunkBytes
    }

    mutating func next(line: Int) throws -> String? {
        let read = try handle.read(upToCount: chunkBytes) ?? Data()
        var bytes = carry + read
        carry = Data()
        if bytes.isEmpty { try? handle.close(); return nil }
        if !read.isEmpty {
            // Keep an incomplete last character for the next chunk: back to its lead byte, if its length runs past the end.
            var start = bytes.endIndex - 1
            while start > bytes.startIndex, bytes[start] & 0xC0 == 0x80, bytes.endIndex - start < 4 { start -= 1 }
            let lead = bytes[start]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            if bytes.endIndex - start < length { carry = bytes[start...]; bytes = bytes[..<start] }
        }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw DatasetError(file: name, line: line, message: "not UTF-8 text (at or after this line)")
        }
        return text
    }
}
