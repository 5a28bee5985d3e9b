/// RFC 4180 CSV: comma-separated, double quotes around fields that hold commas, quotes or line breaks.
public enum CSV {
    public struct Row: Sendable, Hashable {
        public var line: Int
        public var fields: [String]
        public init(line: Int, fields: [String]) { self.line = line; self.fields = fields }
    }

    /// Parses text into rows, each with the line it starts on (1-based). `separator` is `,` for the data files;
    /// spreadsheets in a Dutch locale save CSV with `;`.
    public static func parse(_ text: String, file: String, separator: Unicode.Scalar = ",") throws(DatasetError) -> [Row] {
        var parser = Parser(file: file, separator: separator)
        return try parser.feed(text) + parser.finish()
    }

    /// The parser fed a piece of text at a time (issue 13: a 100 MB file is read in chunks, never whole): each `feed`
    /// answers the rows completed so far, `finish` the last one. A row may span pieces, a quoted field line breaks.
    public struct Parser: Sendable {
        let file: String
        let separator: Unicode.Scalar
        private var fields: [String] = []
        private var field = ""
        private var inQuotes = false
        /// A quote inside a quoted field, not yet known to be a doubled quote or the field's end (the next scalar says).
        private var quoteSeen = false
        private var line = 1, rowLine = 1, column = 1
        private var quoteLine = 1, quoteColumn = 1
        private var atFieldStart = true
        private var started = false
        /// The line the parser has reached (for an error found outside it, such as bytes that are not UTF-8).
        public var currentLine: Int { line }

        public init(file: String, separator: Unicode.Scalar = ",") { self.file = file; self.separator = separator }

        public mutating func feed(_ text: String) throws(DatasetError) -> [Row] {
            var rows: [Row] = []
            for c in text.unicodeScalars {
                if !started { started = true; if c == "\u{FEFF}" { continue } }
                if quoteSeen {
                    quoteSeen = false
                    if c == "\"" { field.unicodeScalars.append("\""); column += 1; continue }
                    inQuotes = false
                }
                if inQuotes {
                    if c == "\"" { quoteSeen = true }
                    else {
                        field.unicodeScalars.append(c)
                        if c == "\n" { line += 1; column = 0 }
                    }
                } else if c == separator {
                    fields.append(field); field = ""; atFieldStart = true; column += 1; continue
                } else {
                    switch c {
                    case "\"" where atFieldStart:
                        inQuotes = true; quoteLine = line; quoteColumn = column
                    case "\"":
                        throw DatasetError(file: file, line: line, column: column, field: nil,
                                           message: "a quote may only start a field; quote the whole field and double inner quotes")
                    case "\r":
                        break
                    case "\n":
                        endRow(into: &rows); line += 1; rowLine = line; column = 1; atFieldStart = true; continue
                    default:
                        field.unicodeScalars.append(c)
                    }
                }
                atFieldStart = false
                column += 1
            }
            return rows
        }

        /// The last row, or an error when a quoted field is still open.
        public mutating func finish() throws(DatasetError) -> [Row] {
            if quoteSeen { quoteSeen = false; inQuotes = false }
            if inQuotes {
                throw DatasetError(file: file, line: quoteLine, column: quoteColumn, field: nil, message: "quoted field is never closed")
            }
            var rows: [Row] = []
            if !field.isEmpty || !fields.isEmpty { endRow(into: &rows) }
            return rows
        }

        private mutating func endRow(into rows: inout [Row]) {
            fields.append(field); field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowLine, fields: fields)) }
            fields = []
        }
    }

    /// Quotes a field that holds the separator, a quote or a line break, or starts or ends with a space.
    public static func escape(_ field: String, separator: Character = ",") -> String {
        if field.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || field.hasPrefix(" ") || field.hasSuffix(" ") {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

/// A bad data file, located as precisely as the format allows.
public struct DatasetError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// The column or field name.
    public var field: String?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, field: String? = nil, message: String) {
        self.file = file; self.line = line; self.column = column; self.field = field; self.message = message
    }

    public var description: String {
        var at = file
        if let line { at += ":\(line)" }
        if let column { at += ":\(column)" }
        if let field { at += " (\(field))" }
        return "\(at): \(message)"
    }
}
