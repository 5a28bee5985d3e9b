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
        let csv = TableExport.csv([["plaats"], ["=HYPERLINK(\"http://evil.example\",\"klik\")"], ["-176"]], dialect: CSVDialect(separator: ",", decimalComma: false))
        #expect(csv.contains("\"'=HYPERLINK(") && csv.contains("\n-176\r\n"))
        let xlsx = try TableExport.xlsx([["plaats"], ["@SUM(A1:A9)"]], sheet: "x", numericColumns: [])
        let rows = try XLSXReader.rows(xlsx, file: "x.xlsx")
        #expect(rows[1].fields == ["'@SUM(A1:A9)"])
    }
}

/// Issue 14, files people open: an export's header row stays in view and filters; sheet names are cut at a word.
@Suite struct WorkbookShapeTests {
    @Test func exportsFreezeTheHeaderAndFilterIt() throws {
        let xlsx = try TableExport.xlsx([["School", "Bedrijf", "Leerlingen"], ["Mundus College", "Goflex BV", "24"], ["OSB", "Alliander", "30"]],
                                        sheet: "Afspraken", numericColumns: [2])
        let archive = try Archive(data: xlsx, accessMode: .read)
        var sheet = Data()
        _ = try archive.extract(try #require(archive["xl/worksheets/sheet1.xml"])) { sheet.append($0) }
        let xml = String(decoding: sheet, as: UTF8.self)
        #expect(xml.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(xml.contains(#"<autoFilter ref="A1:C3"/>"#))
        #expect(xml.range(of: "<sheetViews>")!.lowerBound < xml.range(of: "<sheetData>")!.lowerBound, "element order of the schema")
        #expect(try XLSXReader.rows(xlsx, file: "x.xlsx").map(\.fields) == [["School", "Bedrijf", "Leerlingen"], ["Mundus College", "Goflex BV", "24"], ["OSB", "Alliander", "30"]])
    }

    @Test func sheetNamesAreCutAtAWordAndStayUnique() {
        var book = XLSXWorkbook()
        book.add(name: "Studenten Techniek en Logistiek per sector en leerweg", rows: [])
        book.add(name: "Studenten Techniek en Logistiek per sector en niveau", rows: [])
        #expect(book.sheets[0].name == "Studenten Techniek en Logistiek")
        #expect(book.sheets[1].name == "Studenten Techniek en (2)")
        #expect(book.sheets.allSatisfy { $0.name.count <= 31 })
    }
}
