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
        var text = text
        // Byte by byte: the national instance has 600,000 lines, and String splitting took seconds of them.
        let result: Result<FlowNetwork, ParseError> = text.withUTF8 { bytes in
            do throws(ParseError) { return .success(try parse(bytes: bytes)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    static func parse(bytes: UnsafeBufferPointer<UInt8>) throws(ParseError) -> FlowNetwork {
        var network: FlowNetwork?
        var expectedArcs = 0
        var lineNumber = 0
        var position = 0
        while position < bytes.count {
            lineNumber += 1
            var end = position
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let line = UnsafeBufferPointer(rebasing: bytes[position..<end])
            position = end + 1
            guard let kind = firstField(line) else { continue }
            if kind == UInt8(ascii: "a"), let arc = fastArc(line), network != nil {
                // The common case, without building strings; anything unusual falls through to the checked path.
                let n = network!.nodeCount
                if arc.0 >= 1, arc.0 <= n, arc.1 >= 1, arc.1 <= n, arc.2 >= 0, arc.2 <= arc.3 {
                    network!.arcs.append(.init(from: arc.0 - 1, to: arc.1 - 1, lower: arc.2, capacity: arc.3, cost: arc.4))
                    continue
                }
            }
            let fields = String(decoding: line, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            func int(_ i: Int, _ name: String) throws(ParseError) -> Int {
                guard i < fields.count, let v = Int(fields[i]) else { throw ParseError(line: lineNumber, message: "\(name) must be a whole number") }
                return v
            }
            switch fields[0] {
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
                throw ParseError(line: lineNumber, message: "unknown line type '\(fields[0])'")
            }
        }
        if bytes.last == UInt8(ascii: "\n") { lineNumber += 1 }  // end-of-file errors name the line after the last newline
        guard let network else { throw ParseError(line: lineNumber, message: "no 'p min' problem line") }
        guard network.arcs.count == expectedArcs else {
            throw ParseError(line: lineNumber, message: "the problem line announces \(expectedArcs) arcs, the file has \(network.arcs.count)")
        }
        return network
    }

    /// The first non-blank byte of a line, or nil for a blank line.
    private static func firstField(_ line: UnsafeBufferPointer<UInt8>) -> UInt8? {
        line.first { !isBlank($0) }
    }

    private static func isBlank(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") }

    /// `a FROM TO LOW CAP COST` with five plain integers and nothing else, or nil.
    private static func fastArc(_ line: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int, Int, Int)? {
        var values = (0, 0, 0, 0, 0)
        var i = 0
        while i < line.count, isBlank(line[i]) { i += 1 }
        i += 1  // the "a"
        for field in 0..<5 {
            guard i < line.count, isBlank(line[i]) else { return nil }
            while i < line.count, isBlank(line[i]) { i += 1 }
            var negative = false
            if i < line.count, line[i] == UInt8(ascii: "-") { negative = true; i += 1 }
            var value = 0, digits = 0
            while i < line.count, line[i] >= UInt8(ascii: "0"), line[i] <= UInt8(ascii: "9") {
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times.addingReportingOverflow(Int(line[i] - UInt8(ascii: "0")))
                guard !o1, !o2 else { return nil }
                value = sum; digits += 1; i += 1
            }
            guard digits > 0 else { return nil }
            if negative { value = -value }
            switch field {
            case 0: values.0 = value
            case 1: values.1 = value
            case 2: values.2 = value
            case 3: values.3 = value
            default: values.4 = value
            }
        }
        while i < line.count, isBlank(line[i]) { i += 1 }
        return i == line.count ? values : nil
    }
}
