import Testing
@testable import Domain

@Suite struct CSVTests {
    @Test func parsesQuotedFieldsEscapedQuotesAndLineBreaks() throws {
        let rows = try CSV.parse("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"multi\nline\",z\n", file: "t.csv")
        #expect(rows.count == 3)
        #expect(rows[1].fields == ["x, y", "say \"hi\""])
        #expect(rows[2].fields == ["multi\nline", "z"])
        #expect(rows.map(\.line) == [1, 2, 3])
    }

    @Test func keepsLineNumbersAfterMultilineFields() throws {
        let rows = try CSV.parse("h\n\"a\nb\"\nc\n", file: "t.csv")
        #expect(rows.map(\.line) == [1, 2, 4])
    }

    @Test func unterminatedQuoteNamesItsPosition() {
        #expect(throws: DatasetError(file: "t.csv", line: 2, column: 3, field: nil, message: "quoted field is never closed")) {
            try CSV.parse("a,b\nx,\"open\n", file: "t.csv")
        }
    }

    @Test func strayQuoteInsideAFieldIsAnError() throws {
        do {
            _ = try CSV.parse("a\nab\"c\n", file: "t.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 3)
        }
    }

    @Test func escapeQuotesOnlyWhenNeeded() {
        #expect(CSV.escape("plain") == "plain")
        #expect(CSV.escape("a,b") == "\"a,b\"")
        #expect(CSV.escape("say \"x\"") == "\"say \"\"x\"\"\"")
    }
}
