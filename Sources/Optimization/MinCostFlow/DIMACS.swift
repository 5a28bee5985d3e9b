/// Reads a minimum-cost flow instance in the DIMACS `p min` format:
/// `c` comment lines, one `p min NODES ARCS` line, `n ID SUPPLY` lines (1-based ids; positive = supply,
/// negative = demand), `a FROM TO LOW CAP COST` lines. Errors name the line.
public enum DIMACS {
    public struct ParseError: Error, Hashable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public static func parse(_ text: String) throws(ParseError) -> FlowNetwork {
        var network: FlowNetwork?
        var expectedArcs = 0
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let fields = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard let kind = fields.first else { continue }
            func int(_ i: Int, _ name: String) throws(ParseError) -> Int {
                guard i < fields.count, let v = Int(fields[i]) else { throw ParseError(line: lineNumber, message: "\(name) must be a whole number") }
                return v
            }
            switch kind {
            case "c":
                continue
            case "p":
                guard network == nil else { throw ParseError(line: lineNumber, message: "a second problem line") }
                guard fields.count == 4, fields[1] == "min" else { throw ParseError(line: lineNumber, message: "expected 'p min NODES ARCS'") }
                let nodes = try int(2, "NODES"), arcs = try int(3, "ARCS")
                guard nodes >= 0, arcs >= 0 else { throw ParseError(line: lineNumber, message: "negative size") }
                network = FlowNetwork(nodeCount: nodes)
                network!.arcs.reserveCapacity(arcs)
                expectedArcs = arcs
            case "n":
                guard network != nil else { throw ParseError(line: lineNumber, message: "node line before the problem line") }
                let id = try int(1, "ID"), supply = try int(2, "SUPPLY")
                guard id >= 1, id <= network!.nodeCount else { throw ParseError(line: lineNumber, message: "node \(id) out of range 1…\(network!.nodeCount)") }
                network!.supply[id - 1] += supply
            case "a":
                guard network != nil else { throw ParseError(line: lineNumber, message: "arc line before the problem line") }
                let from = try int(1, "FROM"), to = try int(2, "TO"), low = try int(3, "LOW"), cap = try int(4, "CAP"), cost = try int(5, "COST")
                let n = network!.nodeCount
                guard (1...max(1, n)).contains(from), (1...max(1, n)).contains(to), n > 0 else {
                    throw ParseError(line: lineNumber, message: "arc endpoint out of range 1…\(n)")
                }
                guard low >= 0, low <= cap else { throw ParseError(line: lineNumber, message: "need 0 ≤ LOW ≤ CAP") }
                network!.arcs.append(.init(from: from - 1, to: to - 1, lower: low, capacity: cap, cost: cost))
            default:
                throw ParseError(line: lineNumber, message: "unknown line type '\(kind)'")
            }
        }
        guard let network else { throw ParseError(line: lineNumber, message: "no 'p min' problem line") }
        guard network.arcs.count == expectedArcs else {
            throw ParseError(line: lineNumber, message: "the problem line announces \(expectedArcs) arcs, the file has \(network.arcs.count)")
        }
        return network
    }
}
