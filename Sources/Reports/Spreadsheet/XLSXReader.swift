import Domain
import Foundation
import XMLCoder
import ZIPFoundation

/// Reads the first sheet of an XLSX file into rows of text, each with its spreadsheet row number, so an
/// import can point at "row 3, column C" exactly as Excel shows it. Numbers come back in their shortest
/// form (1793, 53.3), shared and inline strings as text; formulas as their cached value.
public enum XLSXReader {
    /// A workbook part may unpack to at most this many bytes: a 209 KB zip bomb unpacked to gigabytes before.
    /// The size in the zip's header can lie, so the bytes are counted as they come.
    public static let maxPartBytes = 40 * 1024 * 1024
    struct TooLarge: Error { let path: String }

    public static func rows(_ data: Data, file: String) throws(DatasetError) -> [CSV.Row] {
        do {
            let archive = try Archive(data: data, accessMode: .read)
            func part(_ path: String) throws -> Data? {
                guard let entry = archive[path] else { return nil }
                if entry.uncompressedSize > UInt64(maxPartBytes) { throw TooLarge(path: path) }
                var out = Data()
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    if out.count + chunk.count > maxPartBytes { throw TooLarge(path: path) }
                    out.append(chunk)
                }
                return out
            }
            let decoder = XMLDecoder()
            decoder.shouldProcessNamespaces = false
            guard let workbookData = try part("xl/workbook.xml") else { throw DatasetError(file: file, message: "not an XLSX workbook (no xl/workbook.xml)") }
            let workbook = try decoder.decode(Workbook.self, from: workbookData)
            guard let first = workbook.sheets.sheet.first else { throw DatasetError(file: file, message: "the workbook has no sheets") }
            var sheetPath = "xl/worksheets/sheet1.xml"
            if let relsData = try part("xl/_rels/workbook.xml.rels"),
               let target = try decoder.decode(Relationships.self, from: relsData).Relationship.first(where: { $0.Id == first.rid })?.Target {
                sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
            let shared = try part("xl/sharedStrings.xml").map { (try decoder.decode(SharedStrings.self, from: $0).si ?? []).map(\.text) } ?? []
            guard let sheetData = try part(sheetPath) else { throw DatasetError(file: file, message: "the first sheet (\(sheetPath)) is missing") }
            let sheet = try decoder.decode(Worksheet.self, from: sheetData)
            var out: [CSV.Row] = []
            for (i, row) in (sheet.sheetData.row ?? []).enumerated() {
                let number = row.r ?? (i + 1)
                var fields: [String] = []
                for (j, cell) in (row.c ?? []).enumerated() {
                    let column = cell.r.flatMap(columnIndex) ?? j
                    guard column < 16_384 else { throw DatasetError(file: file, line: number, message: "cell reference \(cell.r ?? "") is out of range") }
                    while fields.count < column { fields.append("") }
                    let text: String
                    switch cell.t {
                    case "s":
                        guard let i = cell.v.flatMap({ Int($0.value ?? "") }), shared.indices.contains(i) else {
                            throw DatasetError(file: file, line: number, column: column + 1, message: "a shared string that does not exist")
                        }
                        text = shared[i]
                    case "inlineStr": text = cell.is?.text ?? ""
                    case "b": text = cell.v?.value == "1" ? "TRUE" : "FALSE"
                    case "str", "e": text = cell.v?.value ?? ""
                    default: text = shortest(cell.v?.value ?? "")
                    }
                    if column < fields.count { fields[column] = text } else { fields.append(text) }
                }
                out.append(CSV.Row(line: number, fields: fields))
            }
            return out
        } catch let error as DatasetError {
            throw error
        } catch let error as TooLarge {
            throw DatasetError(file: file, message: "\(error.path) unpacks to more than \(maxPartBytes / 1024 / 1024) MB; split the figures over several files")
        } catch {
            throw DatasetError(file: file, message: "cannot read this as an XLSX workbook (\(error))")
        }
    }

    /// "C12" → 2.
    static func columnIndex(_ reference: String) -> Int? {
        var n = 0
        for ch in reference.uppercased() {
            guard let a = ch.asciiValue else { return nil }
            if (65...90).contains(a) { n = n * 26 + Int(a - 64) } else { break }
        }
        return n > 0 ? n - 1 : nil
    }

    /// Excel writes 53.3 as 53.299999999999997; Swift's shortest round-trip form gives 53.3 back.
    static func shortest(_ raw: String) -> String {
        guard let d = Double(raw) else { return raw }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return String(d)
    }

    struct Workbook: Decodable {
        struct Sheets: Decodable { var sheet: [Sheet] }
        struct Sheet: Decodable {
            var name: String?
            var rid: String?
            enum CodingKeys: String, CodingKey { case name, rid = "r:id" }
        }
        var sheets: Sheets
    }

    struct Relationships: Decodable {
        struct Relation: Decodable { var Id: String; var Target: String }
        var Relationship: [Relation]
    }

    /// Text of <t> with or without attributes such as xml:space.
    struct Text: Decodable {
        var value: String?
        enum CodingKeys: String, CodingKey { case value = "" }
    }

    /// A string item: plain <t>, or rich text runs <r><t>…</t></r>.
    struct StringItem: Decodable {
        struct Run: Decodable { var t: Text? }
        var t: Text?
        var r: [Run]?
        var text: String { t?.value ?? (r ?? []).map { $0.t?.value ?? "" }.joined() }
    }

    struct SharedStrings: Decodable { var si: [StringItem]? }

    struct Worksheet: Decodable {
        struct SheetData: Decodable { var row: [Row]? }
        struct Row: Decodable { var r: Int?; var c: [Cell]? }
        struct Cell: Decodable {
            var r: String?
            var t: String?
            var v: Text?
            var `is`: StringItem?
        }
        var sheetData: SheetData
    }
}
