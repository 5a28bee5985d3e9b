/// Solomon's VRPTW text format (C101 and family): a depot (customer 0) and customers with coordinates, demand, ready
/// time, due date and service time; travel time equals Euclidean distance, not rounded. Read as a
/// `TransportProblem` whose requests are delivery-only, with "fewest vehicles, then distance" as the objective
/// (each vehicle's fixed cost exceeds any possible total distance).
public enum SolomonFormat {
    public struct ParseError: Error, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public static func parse(_ text: String) throws -> TransportProblem {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }) }
        var vehicles: Int?, capacity: Int?
        var rows: [[Double]] = []
        for (i, fields) in lines.enumerated() {
            let numbers = fields.compactMap { Double($0) }
            guard !fields.isEmpty, numbers.count == fields.count else { continue }
            if numbers.count == 2 && vehicles == nil { vehicles = Int(numbers[0]); capacity = Int(numbers[1]); continue }
            if numbers.count == 7 { rows.append(numbers); continue }
            throw ParseError(line: i + 1, message: "expected 2 numbers (vehicles, capacity) or 7 (a customer), found \(numbers.count)")
        }
        guard let vehicles, let capacity else { throw ParseError(line: 1, message: "no VEHICLE line with number and capacity") }
        guard rows.count >= 2 else { throw ParseError(line: lines.count, message: "a depot and at least one customer are needed") }
        for (k, row) in rows.enumerated() where Int(row[0]) != k {
            throw ParseError(line: 0, message: "customers must be numbered 0, 1, 2, … in order; found \(Int(row[0])) at position \(k)")
        }
        let n = rows.count
        var distance = Array(repeating: 0.0, count: n * n)
        for a in 0..<n { for b in 0..<n {
            let dx = rows[a][1] - rows[b][1], dy = rows[a][2] - rows[b][2]
            distance[a * n + b] = (dx * dx + dy * dy).squareRoot()
        } }
        let depot = rows[0]
        let requests = rows.dropFirst().map { row in
            TransportProblem.Request(pickup: nil, delivery: .init(location: Int(row[0]), early: row[4], late: row[5], service: row[6]),
                                     load: .init(seats: Int(row[3])))
        }
        let longest = distance.max() ?? 0
        let fixed = (Double(n) * 2 * longest).rounded(.up) + 1
        let type = TransportProblem.VehicleType(capacity: .init(seats: capacity), fixedCost: fixed, costPerDistance: 1,
                                                available: vehicles, depot: 0, early: depot[4], late: depot[5])
        return TransportProblem(locationCount: n, distance: distance, duration: distance, requests: Array(requests), vehicleTypes: [type])
    }
}
