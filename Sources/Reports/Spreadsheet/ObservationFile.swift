import Domain
import Foundation

/// An observation file as uploaded or named on the command line: XLSX (recognised by its ZIP signature,
/// whatever the name says) or CSV in UTF-8.
public enum ObservationFile {
    public static func parse(_ data: Data, file: String, indicators: [Indicator]) throws(DatasetError) -> ObservationImport {
        let rows: [CSV.Row]
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            rows = try XLSXReader.rows(data, file: file)
        } else {
            guard let text = String(data: data, encoding: .utf8) else {
                throw DatasetError(file: file, message: "not UTF-8 text and not an XLSX workbook; save it as CSV UTF-8 or as .xlsx")
            }
            rows = try CSV.parse(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, file: file)
        }
        return try ObservationImport.parse(rows: rows, file: file, indicators: indicators)
    }
}
