import Domain
import Foundation

/// An observation file as uploaded or named on the command line: XLSX (recognised by its ZIP signature,
/// whatever the name says) or CSV in UTF-8, separated by commas or, as Excel saves it in a Dutch locale, by
/// semicolons (recognised from the header line).
public enum ObservationFile {
    public static func parse(_ data: Data, file: String, indicators: [Indicator]) throws(DatasetError) -> ObservationImport {
        let rows: [CSV.Row]
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            rows = try XLSXReader.rows(data, file: file)
        } else {
            guard let text = String(data: data, encoding: .utf8) else {
                throw DatasetError(file: file, message: "not UTF-8 text and not an XLSX workbook; save it as CSV UTF-8 or as .xlsx")
            }
            // Scalars, not characters: "\r\n" is one Character and would hide the end of the line.
            let header = text.unicodeScalars.prefix { $0 != "\n" }
            let separator: Unicode.Scalar = header.contains(";") && !header.contains(",") ? ";" : ","
            rows = try CSV.parse(text, file: file, separator: separator)
        }
        return try ObservationImport.parse(rows: rows, file: file, indicators: indicators)
    }
}
