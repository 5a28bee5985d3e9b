import Domain
import Foundation
import Testing
@testable import Reports

/// Every table of the printed 2012–2014 report, rebuilt from the embedded data and compared cell by cell
/// with the seed's own lines (Fixtures/seed-tables.txt, copied verbatim from the seed).
@Suite struct SeedTablesTests {
    let report: ProgrammeReport
    let data: Dataset
    let seed: [String: [[String]]]

    init() throws {
        let period = try #require(ReportPeriod(from: PartialDate(year: 2012, month: 1, day: 1), to: PartialDate(year: 2014, month: 12, day: 31)))
        data = try Embedded.dataset()
        report = ProgrammeReport.build(from: data, period: period, lang: .nl)
        let url = try #require(Bundle.module.url(forResource: "Fixtures/seed-tables", withExtension: "txt"))
        var tables: [String: [[String]]] = [:], current = ""
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { current = String(line.dropFirst(3).split(separator: " ")[0]); tables[current] = []; continue }
            if line.hasPrefix("#") || line.isEmpty { continue }
            tables[current, default: []].append(line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init))
        }
        seed = tables
    }

    /// Spaces differ between the print (13%) and our Dutch format (13 %); the figures may not.
    static func same(_ a: String, _ b: String) -> Bool {
        a.replacingOccurrences(of: " ", with: "") == b.replacingOccurrences(of: " ", with: "")
    }

    /// Walks the seed table's rows in order, matching each to the next row of ours whose label `matches`,
    /// and compares every cell under the same header. Returns how many cells were compared.
    func compare(_ name: String, _ table: ReportTable, headerRow: Bool = true, headers: [String]? = nil,
                 label matches: (String, String) -> Bool = { $0.lowercased() == $1.lowercased() },
                 cell check: ((String, String, [String]) -> Bool)? = nil) -> Int {
        guard let rows = seed[name], !rows.isEmpty else { Issue.record("no seed table \(name)"); return 0 }
        let seedHeaders = headers ?? rows[0]
        var compared = 0, next = 0
        for row in rows.dropFirst(headerRow ? 1 : 0) {
            guard let i = table.rows[next...].firstIndex(where: { matches(row[0], $0.label) }) else {
                Issue.record("\(name): no row for '\(row[0])' after row \(next)"); continue
            }
            next = i + 1
            let ours = table.rows[i]
            for (c, printed) in row.enumerated().dropFirst() {
                let header = seedHeaders[c]
                guard let column = table.headers.firstIndex(of: header), column > 0 else { Issue.record("\(name): no column '\(header)'"); continue }
                let mine = column - 1 < ours.cells.count ? ours.cells[column - 1].text(.nl) : ""
                let ok = check?(printed, mine, row) ?? Self.same(printed, mine)
                #expect(ok, "\(name), row '\(row[0])', column '\(header)': printed '\(printed)', ours '\(mine)'")
                compared += 1
            }
        }
        return compared
    }

    @Test func enrolmentBySectorAndLeerweg() throws {
        let table = try #require(report.table("enrolment"))
        // 8 rows × 3 school years, including both printed totals.
        #expect(compare("enrolment", table) == 24)
    }

    @Test func labourMarketWithExactVacancyGrowth() throws {
        let table = try #require(report.table("labour"))
        let prefix = "Uitkeringen technische & industrie beroepen "
        let compared = compare("labour", table, label: { printed, ours in
            printed == "Technische & industrie beroepen percentage van totaal uitkering/vacatures"
                ? ours == "aandeel technische & industrie beroepen in alle uitkeringen"
                : printed.hasPrefix(prefix) && String(printed.dropFirst(prefix.count)) == ours
        }, cell: { printed, ours, row in
            guard printed.hasSuffix("%"), row[0].hasPrefix(prefix) else { return Self.same(printed, ours) }
            // The print rounded growth (120 % for 162 → 355); ours is exact to one decimal: the same arithmetic
            // on the printed counts, and within a percentage point of the printed figure.
            let from = Double(row[3].replacingOccurrences(of: ".", with: ""))!, to = Double(row[4].replacingOccurrences(of: ".", with: ""))!
            let exact = NumberFormat.signed((to - from) / from * 100, decimals: 1, percent: true, .nl)
            let value = Double(ours.dropFirst().dropLast(2).replacingOccurrences(of: ",", with: "."))!
            return ours == exact && abs(value - Double(printed.dropLast())!) < 1
        })
        #expect(compared == 6 * 5)  // five levels and the share row, five columns each (empty cells too)
        #expect(table.text(row: "elementair", column: "Groei% Vacature", .nl) == "+119,1 %")
    }

    @Test func vakmanschapsrouteMatrix() throws {
        let table = try #require(report.table("route-sectors-vakmanschapsroute"))
        // Our sector labels are longer ("Mobiliteit / Automotive"); the marks are the printed ones, X and x.
        #expect(compare("route-sectors", table, label: { printed, ours in ours == printed || ours.hasPrefix(printed + " /") },
                        cell: { printed, ours, _ in printed == ours }) == 6 * 3)
    }

    @Test func networkGrowth() throws {
        let table = try #require(report.table("network"))
        #expect(compare("network", table, headers: ["Soort", "1-1-2014", "30-11-2014", "Toename"]) == 4 * 3)
    }

    @Test func networkCounters() throws {
        let table = try #require(report.table("network-counters"))
        #expect(compare("counters", table, headerRow: false, headers: ["", "Aantal"], label: { ours_, ours in ours.hasPrefix(ours_) }) == 2)
    }

    /// §4.7.1 lists the agreements as "company - school" lines. The report names each organisation by its
    /// registered name; every printed name must be that name or one of its recorded aliases, in the printed order.
    @Test func matchingdayAgreementsInPrintedOrder() throws {
        let table = try #require(report.table("agreements"))
        let lines = try #require(seed["agreements"]).map { String($0[0].dropFirst(2)) }
        #expect(lines.count == 24 && table.rows.count == 24)
        let byName = Dictionary(data.organizations.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        func printedAs(_ printed: String, _ name: String) -> Bool {
            guard let org = byName[name] else { return false }
            let bare = printed.replacingOccurrences(of: #" \(.*\)$"#, with: "", options: .regularExpression)
            return ([org.name] + org.aliases).contains { $0.lowercased() == printed.lowercased() || $0.lowercased() == bare.lowercased() }
        }
        for (line, row) in zip(lines, table.rows) {
            let parts = line.components(separatedBy: " - ")
            let companies = parts[0].components(separatedBy: "; "), school = parts[1]
            let ours = row.label.components(separatedBy: ", ")
            #expect(ours.count == companies.count && zip(companies, ours).allSatisfy { printedAs($0, $1) }, "\(line) → \(row.label)")
            #expect(printedAs(school, row.cells[0].text(.nl)), "\(line) → \(row.cells[0].text(.nl))")
        }
    }
}
