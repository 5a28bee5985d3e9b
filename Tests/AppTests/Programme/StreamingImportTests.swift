import Domain
import Foundation
import Persistence
import SQLKit
import Testing
import VaporTesting
@testable import Web

/// Issue 13: `masterplan import` streams. Read in chunks of a few bytes (cutting characters) and written a few rows
/// at a time, the embedded data arrives as `replace(with:)` writes it, with the same derived search columns and list
/// entries; a bad file is refused with what `DatasetFiles` says of it (file, line, field, message) and nothing written.
@Suite struct StreamingImportTests {
    static func folder(_ data: Dataset, format: DataFormat, edit: (inout [String: String]) -> Void = { _ in }) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString)")
        try DatasetDirectory.write(data, format: format, to: dir)
        var texts: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            texts[name] = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        }
        let before = texts
        edit(&texts)
        for (name, text) in texts where before[name] != text { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    static func derived(_ app: Application) async throws -> [String] {
        let sql = app.db as! any SQLDatabase
        let entries = try await sql.select().columns("entity", "field", "value", "recordKey").from("list_entries").all()
            .map { "\(try $0.decode(column: "entity", as: String.self))|\(try $0.decode(column: "field", as: String.self))|\(try $0.decode(column: "value", as: String.self))|\(try $0.decode(column: "recordKey", as: String.self))" }
        let orgs = try await sql.select().columns("id", "sortName", "searchText", "searchCompact", "districtKey", "position").from("organizations").all()
            .map { "\(try $0.decode(column: "id", as: String.self))|\(try $0.decode(column: "sortName", as: String.self))|\(try $0.decode(column: "searchText", as: String.self))|\(try $0.decode(column: "searchCompact", as: String.self))|\(try $0.decode(column: "districtKey", as: String.self))|\(try $0.decode(column: "position", as: Int.self))" }
        return (entries + orgs).sorted()
    }

    @Test func aStreamedImportWritesWhatTheWholeReplaceWrites() async throws {
        try await withMasterplan { app in
            let data = try embeddedDataset()
            let store = RecordStore(app.db)
            try await store.replace(with: data)
            let expected = try await Self.derived(app)
            for format in DataFormat.allCases {
                for (batch, chunk) in [(1, 1), (3, 7), (2_000, 1 << 20)] {
                    try await store.replace(with: Dataset())
                    let written = try await store.replace(streamingFrom: try Self.folder(data, format: format), batch: batch, chunkBytes: chunk)
                    #expect(written == data.recordCount)
                    let stored = try await store.dataset()
                    #expect(stored == data, "\(format), batches of \(batch), chunks of \(chunk) bytes")
                    let derived = try await Self.derived(app)
                    #expect(derived == expected)
                }
            }
        }
    }

    @Test func aBadFileIsRefusedAsTheWholeReadRefusesItAndNothingIsWritten() async throws {
        try await withMasterplan { app in
            let data = try embeddedDataset()
            let store = RecordStore(app.db)
            let version = try await store.version()
            let breakages: [(String, (inout [String: String]) -> Void)] = [
                ("duplicate key", { $0["people.csv"]! += $0["people.csv"]!.split(separator: "\n")[1] + "\n" }),
                ("unknown reference", { $0["agreements.csv"] = $0["agreements.csv"]!.replacingOccurrences(of: ",marcanti-college,", with: ",marcanti-colege,") }),
                ("unknown parent", { $0["organizations.csv"] = $0["organizations.csv"]! + "nieuw,Nieuw,company,,,,bestaat-niet,,,,test\n" }),
                ("bad cell", { $0["projects.csv"] = $0["projects.csv"]!.replacingOccurrences(of: ",running,", with: ",dreaming,") }),
                ("field count", { $0["quotes.csv"] = $0["quotes.csv"]! + "a,b\n" }),
                ("unclosed quote", { $0["statements.csv"] = $0["statements.csv"]! + "\"open\n" }),
                ("late table's reference", { $0["quotes.csv"] = $0["quotes.csv"]! + "q-x,niemand,,,,tekst,§1\n" }),
            ]
            for (what, edit) in breakages {
                let dir = try Self.folder(data, format: .csv, edit: edit)
                var whole: DatasetError?
                do { _ = try DatasetDirectory.read(dir) } catch let e as DatasetError { whole = e }
                let expected = try #require(whole, "\(what): the whole read refuses it")
                do {
                    _ = try await store.replace(streamingFrom: dir, batch: 2, chunkBytes: 64)
                    Issue.record("\(what): expected an error")
                } catch let e as DatasetError {
                    #expect(e == expected, "\(what)")
                }
                let now = try await store.version(), stored = try await store.dataset()
                #expect(now == version && stored == data, "\(what): nothing written")
            }
            // Bytes that are not UTF-8, cut across chunks.
            let dir = try Self.folder(data, format: .csv)
            var bytes = try Data(contentsOf: dir.appendingPathComponent("statements.csv"))
            bytes.append(contentsOf: [0x61, 0xC3, 0x28, 0x0A])
            try bytes.write(to: dir.appendingPathComponent("statements.csv"))
            await #expect(throws: DatasetError.self) { _ = try await store.replace(streamingFrom: dir, chunkBytes: 5) }
            let stored = try await store.dataset()
            #expect(stored == data)
        }
    }
}
