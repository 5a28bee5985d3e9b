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
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1, rowLine = 1, column = 1
        var quoteLine = 1, quoteColumn = 1
        var atFieldStart = true
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        func endRow() {
            fields.append(field); field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowLine, fields: fields)) }
            fields = []
        }
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1; column += 1 }
                    else { inQuotes = false }
                } else {
                    field.unicodeScalars.append(c)
                    if c == "\n" { line += 1; column = 0 }
                }
            } else if c == separator {
                fields.append(field); field = ""; atFieldStart = true; i += 1; column += 1; continue
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
                    endRow(); line += 1; rowLine = line; column = 0; atFieldStart = true; i += 1; column += 1; continue
                default:
                    field.unicodeScalars.append(c)
                }
            }
            atFieldStart = false
            i += 1; column += 1
        }
        if inQuotes {
            throw DatasetError(file: file, line: quoteLine, column: quoteColumn, field: nil, message: "quoted field is never closed")
        }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
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
