import Testing
@testable import Domain

/// Issue 13: the import reads a file a chunk at a time, so `CSV.Parser` must give the same rows, lines and errors
/// however the text is cut. The oracle is the whole-text parser this project used before (index and look-ahead),
/// kept here as the reference.
@Suite struct CSVStreamingTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 { state &+= 0x9E3779B97F4A7C15; var z = state; z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) &* 0x94D049BB133111EB; return z ^ (z >> 31) }
    }

    /// The former whole-text parser: the reference.
    static func oracle(_ text: String, file: String) -> Result<[CSV.Row], DatasetError> {
        var rows: [CSV.Row] = [], fields: [String] = [], field = ""
        var inQuotes = false, line = 1, rowLine = 1, column = 1, quoteLine = 1, quoteColumn = 1, atFieldStart = true
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        func endRow() {
            fields.append(field); field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(CSV.Row(line: rowLine, fields: fields)) }
            fields = []
        }
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1; column += 1 } else { inQuotes = false }
                } else { field.unicodeScalars.append(c); if c == "\n" { line += 1; column = 0 } }
            } else if c == "," {
                fields.append(field); field = ""; atFieldStart = true; i += 1; column += 1; continue
            } else {
                switch c {
                case "\"" where atFieldStart: inQuotes = true; quoteLine = line; quoteColumn = column
                case "\"": return .failure(DatasetError(file: file, line: line, column: column, field: nil,
                                                         message: "a quote may only start a field; quote the whole field and double inner quotes"))
                case "\r": break
                case "\n": endRow(); line += 1; rowLine = line; column = 0; atFieldStart = true; i += 1; column += 1; continue
                default: field.unicodeScalars.append(c)
                }
            }
            atFieldStart = false
            i += 1; column += 1
        }
        if inQuotes { return .failure(DatasetError(file: file, line: quoteLine, column: quoteColumn, field: nil, message: "quoted field is never closed")) }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return .success(rows)
    }

    static func fed(_ text: String, cuts: [Int], file: String) -> Result<[CSV.Row], DatasetError> {
        var parser = CSV.Parser(file: file)
        var rows: [CSV.Row] = []
        var start = text.startIndex
        do {
            for cut in cuts.sorted() {
                let end = text.index(text.startIndex, offsetBy: min(cut, text.count))
                if end > start { rows += try parser.feed(String(text[start..<end])); start = end }
            }
            rows += try parser.feed(String(text[start...]))
            return .success(rows + (try parser.finish()))
        } catch { return .failure(error) }
    }

    @Test func rowsLinesAndErrorsDoNotDependOnWhereTheTextIsCut() {
        let atoms = ["a", "bc", "é", "🚲", " ", ",", ",", "\n", "\n", "\r\n", "\"", "\"\"", "\"x,\ny\"", "\"\"\"q\"\"\"", "\u{FEFF}", "0"]
        var rng = Generator(state: 2026_1201)
        var failures = 0, compared = 0
        for _ in 0..<3_000 {
            var text = Bool.random(using: &rng) ? "\u{FEFF}" : ""
            for _ in 0..<Int.random(in: 0...40, using: &rng) { text += atoms.randomElement(using: &rng)! }
            let expected = Self.oracle(text, file: "t.csv")
            if case .failure = expected { failures += 1 }
            for _ in 0..<3 {
                let cuts = (0..<Int.random(in: 0...6, using: &rng)).map { _ in Int.random(in: 0...max(0, text.count), using: &rng) }
                let got = Self.fed(text, cuts: cuts, file: "t.csv")
                #expect(got == expected, "\(text.debugDescription) cut at \(cuts)")
                compared += 1
            }
        }
        #expect(failures > 100 && compared - failures * 3 > 1_000, "both good and bad texts are compared")
    }

    @Test func aQuoteAtTheEndOfAPieceIsDecidedByTheNextPiece() throws {
        var parser = CSV.Parser(file: "t.csv")
        #expect(try parser.feed("a\n\"say \"").map(\.fields) == [["a"]])
        #expect(try parser.feed("\"hi\"\"\"\nb").map(\.fields) == [["say \"hi\""]])
        #expect(try parser.finish().map(\.fields) == [["b"]])
    }
}
