import Domain
import SQLKit

/// Reads a database row through the same codec as a CSV line.
struct SQLRowCells: CellSource {
    let row: any SQLRow
    let columns: Set<String>
    init(row: any SQLRow) { self.row = row; columns = Set(row.allColumns) }
    func has(_ column: String) -> Bool { columns.contains(column) }
    func isNull(_ column: String) throws -> Bool { try row.decodeNil(column: column) }
    func string(_ column: String) throws -> String {
        if try isNull(column) { return "" }
        return try row.decode(column: column, as: String.self)
    }
    func int(_ column: String) throws -> Int { try row.decode(column: column, as: Int.self) }
    func double(_ column: String) throws -> Double { try row.decode(column: column, as: Double.self) }
    func bool(_ column: String) throws -> Bool { try row.decode(column: column, as: Bool.self) }
}
