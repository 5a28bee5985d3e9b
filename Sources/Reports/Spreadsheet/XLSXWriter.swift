import Foundation
import Domain
import ZIPFoundation

/// A minimal Office Open XML workbook: inline strings, numbers with a few number formats, bold headers.
/// Enough for Excel, LibreOffice and Google Sheets to open reports and exports without a conversion step.
public struct XLSXWorkbook: Sendable {
    public enum Cell: Sendable, Hashable {
        case empty
        case text(String)
        case bold(String)
        case number(Double, Format)
    }

    public enum Format: Int, Sendable, Hashable {
        // Style indexes in styles.xml below.
        case general = 0, integer = 2, decimal = 3, percent = 4, euro = 5, signedInteger = 6, signedPercent = 7
    }

    public struct Sheet: Sendable {
        public var name: String
        public var rows: [[Cell]]
        /// The first row names the columns: it stays in view while scrolling (a frozen pane) and carries filters.
        public var header: Bool
        public init(name: String, rows: [[Cell]], header: Bool = false) { self.name = name; self.rows = rows; self.header = header }
    }

    public var sheets: [Sheet] = []
    public init(sheets: [Sheet] = []) { self.sheets = sheets }

    /// Adds a sheet, making its name valid (≤ 31 characters, none of []:*?/\) and unique in the workbook.
    public mutating func add(name: String, rows: [[Cell]]) {
        var base = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 }).trimmingCharacters(in: .whitespaces)
        if base.isEmpty { base = "Blad" }
        base = Self.cut(base, to: 31)
        var candidate = base, n = 2
        while sheets.contains(where: { $0.name.lowercased() == candidate.lowercased() }) {
            let suffix = " (\(n))"
            candidate = Self.cut(base, to: 31 - suffix.count) + suffix
            n += 1
        }
        sheets.append(Sheet(name: candidate, rows: rows))
    }

    public func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        // A fixed timestamp keeps the bytes the same for the same content.
        let stamp = Date(timeIntervalSince1970: 1_420_070_400)
        func add(_ path: String, _ text: String) throws {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: stamp,
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var types = xml + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        types += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        types += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        types += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        types += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for i in sheets.indices {
            types += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        try add("[Content_Types].xml", types + "</Types>")
        try add("_rels/.rels", xml + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")
        var workbook = xml + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets>"
        var rels = xml + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for (i, sheet) in sheets.enumerated() {
            workbook += "<sheet name=\"\(escape(sheet.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
            rels += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        rels += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/></Relationships>"
        try add("xl/workbook.xml", workbook + "</sheets></workbook>")
        try add("xl/_rels/workbook.xml.rels", rels)
        try add("xl/styles.xml", xml + Self.styles)
        for (i, sheet) in sheets.enumerated() { try add("xl/worksheets/sheet\(i + 1).xml", xml + worksheet(sheet, ns: main)) }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// At most `limit` characters, cut after a whole word when one ends in the second half ("Studenten per sector
    /// en leerweg 2012" → "Studenten per sector en"), else hard.
    static func cut(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let head = String(text.prefix(limit))
        if text[text.index(text.startIndex, offsetBy: limit)] == " " { return head } // ends at a word already
        if let space = head.lastIndex(of: " "), head.distance(from: head.startIndex, to: space) >= limit / 2 {
            return String(head[..<space]).trimmingCharacters(in: .whitespaces)
        }
        return head
    }

    func worksheet(_ sheet: Sheet, ns: String) -> String {
        var s = "<worksheet xmlns=\"\(ns)\">"
        let widest = sheet.rows.map(\.count).max() ?? 0
        let header = sheet.header && sheet.rows.count > 1 && widest > 0
        if header {
            s += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            s += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        }
        if widest > 0 {
            // The label column wide, the others fit a number or a short header.
            s += "<cols><col min=\"1\" max=\"1\" width=\"48\" customWidth=\"1\"/>"
            if widest > 1 { s += "<col min=\"2\" max=\"\(widest)\" width=\"16\" customWidth=\"1\"/>" }
            s += "</cols>"
        }
        s += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            s += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let ref = Self.column(c) + String(r + 1)
                switch cell {
                case .empty: continue
                case .text(let t): s += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(SpreadsheetCell.guarded(t)))</t></is></c>"
                case .bold(let t): s += "<c r=\"\(ref)\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(SpreadsheetCell.guarded(t)))</t></is></c>"
                case .number(let v, let f): s += "<c r=\"\(ref)\" s=\"\(f.rawValue)\"><v>\(v)</v></c>"
                }
            }
            s += "</row>"
        }
        s += "</sheetData>"
        if header { s += "<autoFilter ref=\"A1:\(Self.column(widest - 1))\(sheet.rows.count)\"/>" }
        return s + "</worksheet>"
    }

    /// 0 → A, 25 → Z, 26 → AA.
    public static func column(_ index: Int) -> String {
        var n = index + 1, out = ""
        while n > 0 { let r = (n - 1) % 26; out = String(UnicodeScalar(65 + r)!) + out; n = (n - 1) / 26 }
        return out
    }

    static let styles = """
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
    <numFmts count="3"><numFmt numFmtId="164" formatCode="&quot;€ &quot;#,##0"/>\
    <numFmt numFmtId="165" formatCode="+#,##0;-#,##0;0"/><numFmt numFmtId="166" formatCode="+0.0%;-0.0%;0.0%"/></numFmts>\
    <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
    <cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
    <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
    <xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
    <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
    """
}

func escape(_ text: String) -> String {
    // XML 1.0 forbids most control characters even when escaped; drop them.
    escapeXML(String(text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }.map(Character.init)))
}
