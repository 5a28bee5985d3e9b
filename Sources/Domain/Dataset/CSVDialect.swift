/// How a CSV download is written for the person who opens it. Excel in a Dutch locale splits lines on `;` and reads
/// the file as UTF-8 only after a byte-order mark; a Dutch reader expects a decimal comma. Tools that want commas
/// (`?sep=,`) get RFC 4180 with decimal points, still with the mark, which they skip. The open-data export
/// (`masterplan export`) is not a download for people and stays plain RFC 4180 so export → import is the identity.
public struct CSVDialect: Sendable, Hashable {
    public var separator: Character
    public var decimalComma: Bool

    public init(separator: Character, decimalComma: Bool) { self.separator = separator; self.decimalComma = decimalComma }

    public static let byteOrderMark = "\u{FEFF}"

    /// The dialect for a download in `lang`; `sep` is the query's choice (nil: `;`); nil for any other choice.
    public static func download(lang: Lang, sep: String?) -> CSVDialect? {
        switch sep {
        case nil, ";": CSVDialect(separator: ";", decimalComma: lang == .nl)
        case ",": CSVDialect(separator: ",", decimalComma: false)
        default: nil
        }
    }

    public static let separatorChoices = [";", ","]

    /// Rows as text, the mark first. Cells go through `SpreadsheetCell.guarded` (no formulas); in `numericColumns` a
    /// plain decimal number (12.5, -0.25) gets a decimal comma when the dialect has one; other text stays as it is.
    public func write(_ rows: [[String]], numericColumns: Set<Int> = []) -> String {
        var out = Self.byteOrderMark
        for row in rows {
            out += row.enumerated().map { c, value in
                let shown = decimalComma && numericColumns.contains(c) && Self.isDecimal(value) ? value.replacingDecimalPoint() : value
                return CSV.escape(SpreadsheetCell.guarded(shown), separator: separator)
            }.joined(separator: String(separator))
            out += "\r\n"
        }
        return out
    }

    static func isDecimal(_ s: String) -> Bool {
        let body = s.hasPrefix("-") ? s.dropFirst() : Substring(s)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}

extension String {
    fileprivate func replacingDecimalPoint() -> String { String(map { $0 == "." ? "," : $0 }) }
}
