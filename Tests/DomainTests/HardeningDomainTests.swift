import Foundation
import Testing
@testable import Domain

/// The pure rules behind issue 12: redirect targets, formula-safe cells, one validation for form and import,
/// and an observation import that is linear and capped.
@Suite struct HardeningDomainTests {
    @Test(arguments: ["/%09/127.0.0.1:9/x", "//evil.example", "/\\evil.example", "https://evil.example", "/%2F/evil.example",
                      "/%252F%252Fevil.example", "%2F%2Fevil.example", "/\t/evil.example", "/ /evil", "javascript:alert(1)",
                      "/%0d%0aSet-Cookie:x=1", "/a\u{202E}b", "", "evil.example", "/%zz"])
    func foreignTargetsAreRefused(_ target: String) {
        #expect(LocalPath.validated(target) == nil)
        #expect(LocalPath.safe(target) == "/")
    }

    @Test(arguments: ["/", "/organisaties?q=techniek&kind=school", "/matchingdagen/x#tafels", "/organisaties/montessori-college-oost"])
    func ownPathsPass(_ target: String) {
        #expect(LocalPath.validated(target) == target)
    }

    /// Limits are counted in code points, as the API's schema (JSON Schema maxLength) counts them: a name of 101
    /// letters with a skin-tone modifier is 101 characters to Swift but 202 to any JSON client, and is refused.
    @Test func lengthLimitsCountCodePointsAsTheSchemaDoes() {
        let long = String(repeating: "K\u{1F3FB}", count: 101)
        #expect(long.count == 101 && long.unicodeScalars.count == 202)
        let org = Organization(id: "x", name: long, kind: .company, source: "test")
        #expect(org.fieldViolations().contains { $0.field == "name" })
        let fits = Organization(id: "x", name: String(repeating: "K\u{1F3FB}", count: 100), kind: .company, source: "test")
        #expect(!fits.fieldViolations().contains { $0.field == "name" })
    }

    @Test func formulaCellsAreGuardedAndReadBackExactly() {
        for (raw, shown) in [("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+31 20", "'+31 20"), ("@SUM(A1)", "'@SUM(A1)"),
                             ("\tx", "'\tx"), ("-x", "'-x"), ("-176", "-176"), ("+53,3 %", "+53,3 %"), ("'CSI-team'", "'CSI-team'"),
                             ("'=x", "''=x"), ("Ymere", "Ymere"), ("", "")] {
            #expect(SpreadsheetCell.guarded(raw) == shown, "\(raw)")
            #expect(SpreadsheetCell.unguarded(SpreadsheetCell.guarded(raw)) == raw, "\(raw) round trip")
        }
    }

    @Test func theImportKnowsTheFormsRules() throws {
        var data = try Embedded.dataset()
        data.organizations[0].latitude = 95
        data.organizations[0].longitude = 4.9
        let v = try #require(data.violations().first { $0.entity == Organization.entity })
        #expect(v.column == "latitude" && v.row == 0)
        data.organizations[0].latitude = 52.3
        data.organizations[0].name = "X\u{0}"
        #expect(data.violations().contains { $0.column == "name" })
    }

    @Test func aHundredThousandRowsImportInLinearTime() throws {
        let d = try Embedded.dataset()
        func csv(_ n: Int) -> String {
            var s = "indicator,period,sector,value,source\n"
            let start = Date(timeIntervalSince1970: 0), calendar = Calendar(identifier: .gregorian)
            let day = DateFormatter()
            day.dateFormat = "yyyy-MM-dd"
            day.timeZone = TimeZone(identifier: "UTC")
            for i in 0..<n { s += "roc.students.sector,\(day.string(from: calendar.date(byAdding: .day, value: i / 4, to: start)!)),\(["Automotive", "Bouwen & wonen", "Techniek & Procesindustrie", "Transport & Logistiek"][i % 4]),\(i),ROC\n" }
            return s
        }
        let clock = ContinuousClock()
        var small: Duration = .zero, large: Duration = .zero
        small = try clock.measure { _ = try ObservationImport.parse(rows: CSV.parse(csv(10_000), file: "a.csv"), file: "a.csv", indicators: d.indicators).periods }
        large = try clock.measure {
            let imported = try ObservationImport.parse(rows: CSV.parse(csv(100_000), file: "b.csv"), file: "b.csv", indicators: d.indicators)
            #expect(imported.observations.count == 100_000 && imported.periods.count == 25_000)
            #expect(imported.applied(to: d.observations).count >= 100_000)
        }
        // Ten times the rows, well under a hundred times the time (the quadratic version took 50× for 8×).
        #expect(large < small * 25, "10k rows \(small), 100k rows \(large)")
    }

    @Test func tooManyRowsAreRefusedWithTheLine() throws {
        let d = try Embedded.dataset()
        let rows = [CSV.Row(line: 1, fields: ["indicator", "period", "value", "source"])]
            + (0...ObservationImport.maxRows).map { CSV.Row(line: $0 + 2, fields: ["x", "2015", "1", "s"]) }
        #expect(throws: DatasetError.self) { try ObservationImport.parse(rows: rows, file: "big.csv", indicators: d.indicators) }
        do { _ = try ObservationImport.parse(rows: rows, file: "big.csv", indicators: d.indicators) } catch {
            #expect(error.description.contains("more than 200000 rows"))
        }
    }
}
