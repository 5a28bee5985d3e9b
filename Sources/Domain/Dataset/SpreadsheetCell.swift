/// Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return,
/// so `=HYPERLINK(…)` typed into an offer's location came out live in `/afspraken.csv`. Every export (CSV, XLSX,
/// the audit log, the dataset files) writes text through `guarded`: such a cell gets a leading apostrophe, which
/// spreadsheets show as text. Plain numbers (-176, +2,5) stay numbers.
///
/// The dataset files must read back exactly (export → import is the identity), so `unguarded` undoes it: it
/// drops one apostrophe before a run of apostrophes that ends in a trigger. A value that itself starts with
/// `'=` is written `''=` and reads back as `'=`; any other apostrophe (`'CSI-team'`) is left alone both ways.
public enum SpreadsheetCell {
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    public static func guarded(_ text: String) -> String {
        needsGuard(text) ? "'" + text : text
    }

    public static func unguarded(_ text: String) -> String {
        guard text.hasPrefix("'"), needsGuard(String(text.dropFirst())) else { return text }
        return String(text.dropFirst())
    }

    /// Apostrophes, then a trigger character, and not a plain number.
    static func needsGuard(_ text: String) -> Bool {
        let rest = text.drop { $0 == "'" }
        guard let first = rest.first, triggers.contains(first) else { return false }
        return rest.count == text.count ? !isPlainNumber(text) : true
    }

    /// A sign, digits with `.` or `,`, and at most a closing " %" (-176, +53,3 %).
    static func isPlainNumber(_ text: String) -> Bool {
        var body = Substring(text.dropFirst()) // the sign
        if body.hasSuffix(" %") { body = body.dropLast(2) } else if body.hasSuffix("%") { body = body.dropLast() }
        guard let f = body.first, f.isASCII, f.isNumber else { return false }
        return body.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," }
    }
}
