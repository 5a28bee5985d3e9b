import Domain
import Foundation
import Testing
import ZIPFoundation
@testable import Reports

/// Issue 12: a zip bomb is refused while it unpacks; exports never hand a spreadsheet a live formula.
@Suite struct SpreadsheetSafetyTests {
    @Test func aZipBombIsRefusedWhileItUnpacks() throws {
        let archive = try Archive(accessMode: .create)
        let size = Int64(XLSXReader.maxPartBytes + 1024 * 1024)
        let chunk = Data(repeating: 0x20, count: 1 << 20)
        try archive.addEntry(with: "xl/workbook.xml", type: .file, uncompressedSize: size, compressionMethod: .deflate) { position, count in
            chunk.prefix(min(count, Int(size - position)))
        }
        let bytes = try #require(archive.data)
        #expect(bytes.count < 200_000, "a small file: \(bytes.count) bytes")
        do {
            _ = try XLSXReader.rows(bytes, file: "bomb.xlsx")
            Issue.record("the bomb was read")
        } catch {
            #expect(error.description.contains("unpacks to more than"), "\(error.description)")
        }
    }

    @Test func exportsGuardFormulaCells() throws {
        let csv = TableExport.csv([["plaats"], ["=HYPERLINK(\"http://evil.example\",\"klik\")"], ["-176"]])
        #expect(csv.contains("\"'=HYPERLINK(") && csv.contains("\n-176\n"))
        let xlsx = try TableExport.xlsx([["plaats"], ["@SUM(A1:A9)"]], sheet: "x", numericColumns: [])
        let rows = try XLSXReader.rows(xlsx, file: "x.xlsx")
        #expect(rows[1].fields == ["'@SUM(A1:A9)"])
    }
}
