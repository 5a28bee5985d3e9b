import Domain
import Fluent
import Foundation
import Persistence
import Reports
import Testing
import VaporTesting
@testable import Web

/// The report pages and downloads, and the analyst's import of new figures through the browser.
@Suite struct ReportTests {
    @Test func reportPageAndDownloads() async throws {
        try await withMasterplan { app in
            var b = Browser(app)
            let page = try await b.get("/rapportage?from=2012-01-01&to=2014-12-31")
            #expect(page.status == .ok)
            #expect(page.text.contains("Studenten Techniek en Logistiek per sector en leerweg"))
            #expect(page.text.contains("+119,1 %"))
            #expect(page.text.contains("/rapportage/download?format=pdf&amp;from=2012-01-01&amp;to=2014-12-31"))
            let md = try await b.get("/rapportage/download?format=md&from=2014-01-01&to=2014-12-31")
            #expect(md.status == .ok)
            #expect(md.headers.first(name: .contentDisposition)?.contains("rapportage-2014-01-01-2014-12-31.md") == true)
            #expect(md.text.contains("| Bedrijven | 72 | 110 | 38 |"))
            let xlsx = try await b.get("/rapportage/download?format=xlsx")
            #expect(xlsx.status == .ok)
            #expect(xlsx.headers.contentType?.subType == "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(Data(buffer: xlsx.body).starts(with: Data("PK".utf8)))
            let html = try await b.get("/rapportage/download?format=html&lang=en")
            #expect(html.text.contains("<html lang=\"en\""))
            #expect(html.text.contains("3,224"))
        }
    }

    @Test func badPeriodNamesTheField() async throws {
        try await withMasterplan { app in
            var b = Browser(app)
            let res = try await b.get("/rapportage/download?from=2014-13-01&to=2014-01-01&format=docx", headers: ["Accept": "application/json"])
            #expect(res.status == .badRequest)
            #expect(res.text.contains("from") && res.text.contains("format"))
            let reversed = try await b.get("/rapportage?from=2014-12-31&to=2014-01-01")
            #expect(reversed.status == .badRequest)
            #expect(reversed.text.contains("lies before"))
        }
    }

    @Test func analystImportsANewYearAndTheDashboardFollows() async throws {
        try await withMasterplan { app in
            var analyst = Browser(app)
            try await makeAccount(app, "analist@test.invalid", role: .analist)
            #expect(try await analyst.login("analist@test.invalid", "a-long-test-password-9").status == .seeOther)
            let before = try await analyst.get("/")
            #expect(!before.text.contains("2015-2016"))
            #expect(before.text.contains("<span class=\"period\"> 2012–2014</span>"), "the header names the years the data covers")
            #expect(before.text.contains("Onbekend"))  // the N-profile target has no overall figures yet
            let version = try await RecordStore(app.db).version()

            // A bad file: nothing is written and the error names file, line, column and field.
            let bad = Data("indicator,period,sector,value,source\nroc.students.sector,2015-2016,Automotive,455,ROC\nroc.students.sector,2015-2016,Automotive,4x,ROC\n".utf8)
            let rejected = try await analyst.upload("/indicatoren/import", file: bad, filename: "bad.csv")
            #expect(rejected.status == .unprocessableEntity)
            #expect(rejected.text.contains("bad.csv:3:4 (value): &#39;4x&#39; is not a number") || rejected.text.contains("bad.csv:3:4 (value): '4x' is not a number"))
            #expect(try await RecordStore(app.db).version() == version)

            // A good workbook: a new school year of enrolment and two years of overall N-profile choice.
            var book = XLSXWorkbook()
            book.add(name: "Cijfers", rows: [
                [.bold("indicator"), .bold("period"), .bold("sector"), .bold("value"), .bold("source")],
                [.text("roc.students.sector"), .text("2015-2016"), .text("Bouwen & wonen"), .number(540, .integer), .text("ROC van Amsterdam (test)")],
                [.text("roc.students.sector"), .text("2015-2016"), .text("Automotive"), .number(455, .integer), .text("ROC van Amsterdam (test)")],
                [.text("havo-vwo.n-profile"), .text("2013-2014"), .empty, .number(46, .integer), .text("DUO (test)")],
                [.text("havo-vwo.n-profile"), .text("2014-2015"), .empty, .number(51.5, .decimal), .text("DUO (test)")],
            ])
            let ok = try await analyst.upload("/indicatoren/import", file: try book.data(), filename: "nieuw.xlsx")
            #expect(ok.status == .ok)
            #expect(ok.text.contains("4 waarnemingen opgeslagen voor 3 periode(s)"))
            #expect(try await RecordStore(app.db).version() > version)

            let after = try await analyst.get("/")
            #expect(after.text.contains("2015-2016"))
            #expect(after.text.contains("<span class=\"period\"> 2012–2015</span>"), "and follows the import")  // the enrolment chart has the new school year
            // Two of four sectors are in for 2015-2016: the key figure stays on the last complete year.
            #expect(after.text.contains("ROC van Amsterdam, 2014-2015"))
            #expect(after.text.contains("Op koers"))   // 46 → 51,5 reaches 55 % by 2015
            #expect(after.text.contains("51,5 %"))

            // Re-importing a period replaces it and is audited with before and after.
            let again = Data("indicator,period,value,source\nhavo-vwo.n-profile,2014-2015,49,DUO (correctie)\n".utf8)
            #expect(try await analyst.upload("/indicatoren/import", file: again, filename: "correctie.csv").status == .ok)
            let stored = try await RecordStore(app.db).all(Observation.self).filter { $0.indicatorKey == "havo-vwo.n-profile" && $0.period == "2014-2015" }
            #expect(stored.map(\.value) == [49])
            let audit = try await AuditEntryModel.query(on: app.db).filter(\.$entity == "observations").all()
            #expect(audit.map(\.entityId).contains("havo-vwo.n-profile||2014-2015"))
            let reimport = try #require(audit.first { $0.action == "reimport" })
            #expect(reimport.changes.contains("51.5 (DUO (test))") && reimport.changes.contains("49 (DUO (correctie))"), "\(reimport.changes)")
        }
    }

    @Test func importIsForAnalystsAndBeheerders() async throws {
        try await withMasterplan { app in
            for (role, var b) in try await browsers(app) {
                let res = try await b.get("/indicatoren/import")
                switch role {
                case "analist", "beheerder": #expect(res.status == .ok, "\(role)")
                case "publiek": #expect(res.status == .seeOther, "\(role)")
                default: #expect(res.status == .forbidden, "\(role)")
                }
            }
        }
    }
}

/// The report read from the database (counts in SQL, only named rows loaded) equals the report built from
/// the whole dataset, on SQLite and on PostgreSQL.
@Suite struct ReportInputTests {
    @Test func storeInputMatchesTheWholeDataset() async throws {
        try await withMasterplan { app in
            let store = RecordStore(app.db)
            let period = try #require(ReportPeriod(from: PartialDate("2012-01-01")!, to: PartialDate("2014-12-31")!))
            let whole = ReportInput(whole: try await store.dataset(), period: period)
            let input = try await store.reportInput(period: period)
            #expect(input.agreementCounts == whole.agreementCounts)
            #expect(input.agreementCounts["matchingday-2014"] == 24)
            #expect(input.activeMembers == whole.activeMembers)
            #expect(input.data.agreements.map(\.id) == whole.data.agreements.map(\.id))
            let a = ReportMarkdown.render(ProgrammeReport.build(from: input, period: period, lang: .nl))
            let b = ReportMarkdown.render(ProgrammeReport.build(from: whole, period: period, lang: .nl))
            #expect(a == b)
            #expect(input.data.organizations.count < whole.data.organizations.count)

            // A short list: the first rows, and a note with the full count.
            let short = try await store.reportInput(period: period, listLimit: 5)
            #expect(short.data.agreements.map(\.id) == Array(whole.data.agreements.prefix(5)).map(\.id))
            let table = try #require(ProgrammeReport.build(from: short, period: period, lang: .nl).table("agreements"))
            #expect(table.rows.count == 5)
            #expect(table.note == "De eerste 5 van 24 afspraken; alle afspraken staan in de export.")
            // Before the programme: no agreements; memberships count as in memory (those without a start date count).
            let early = try #require(ReportPeriod(from: PartialDate("2000-01-01")!, to: PartialDate("2000-12-31")!))
            let none = try await store.reportInput(period: early)
            #expect(none.agreementsInPeriod == 0 && none.data.agreements.isEmpty)
            #expect(none.activeMembers == ReportInput(whole: try await store.dataset(), period: early).activeMembers)
            // Dated memberships: the SQL comparison of partial dates agrees with Membership.isActive.
            var data = try await store.dataset()
            let spans: [(String, String?, String?, String?)] = [("a", "2014", nil, nil), ("b", "2014-12", "2015", nil), ("c", "2015-01-01", nil, nil),
                                                                ("d", "2013", "2014-12", nil), ("e", nil, "2014-12-31", nil), ("f", nil, nil, "2015-01"), ("g", nil, nil, "2014-11")]
            data.memberships = spans.map {
                Membership(id: $0.0, organizationId: "otib", startDate: $0.1.flatMap(PartialDate.init), endDate: $0.2.flatMap(PartialDate.init),
                           attestedOn: $0.3.flatMap(PartialDate.init), evidence: "test", source: "test")
            }
            try await store.replace(with: data)
            let dated = try await store.reportInput(period: period)
            #expect(dated.activeMembers == data.memberships.filter { $0.isActive(on: period.to) }.count)
            #expect(dated.activeMembers == 4)  // a, b, e and g; c starts later, d ended before 31 December, f is shown from 2015
        }
    }
}

/// Scripts deliver figures through the API with a write token; errors come back as problem+json naming the cell.
@Suite struct ObservationImportAPITests {
    @Test func writeTokenImportsAndReadTokenMayNot() async throws {
        try await withMasterplan { app in
            try await makeAccount(app, "cijfers@test.invalid", role: .analist)
            var b = Browser(app)
            _ = try await b.login("cijfers@test.invalid", "a-long-test-password-9")
            let write = try await b.createToken(name: "jaarlijks write", scope: "write")
            let read = try await b.createToken(name: "jaarlijks read", scope: "read")
            func post(_ body: String, _ token: String, query: String = "") async throws -> TestingHTTPResponse {
                var h = HTTPHeaders()
                h.bearerAuthorization = BearerAuthorization(token: token)
                h.contentType = HTTPMediaType(type: "text", subType: "csv")
                return try await app.testing().sendRequest(.POST, "/api/v1/observations/import" + query, headers: h, body: ByteBuffer(string: body))
            }
            let csv = "indicator,period,sector,value,source\nroc.students.sector,2015-2016,Automotive,455,ROC\n"
            #expect(try await post(csv, read).status == .forbidden)
            let bad = try await post("indicator,period,value,source\nroc.students.sector,2015-2016,12,\n", write, query: "?filename=levering.csv")
            #expect(bad.status == .badRequest)
            #expect(bad.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            #expect(bad.text.contains("levering.csv:2:4 (source)"))
            let ok = try await post(csv, write)
            #expect(ok.status == .ok)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(buffer: ok.body)) as? [String: Any])
            #expect(json["stored"] as? Int == 1 && json["replaced"] as? Int == 0)
            let stored = try await RecordStore(app.db).all(Observation.self).filter { $0.period == "2015-2016" }
            #expect(stored.map(\.value) == [455])
            let audit = try await AuditEntryModel.query(on: app.db).filter(\.$entity == "observations").all()
            #expect(audit.first?.entityId == "roc.students.sector|sector|2015-2016")
        }
    }
}

@Suite struct PrintGateTests {
    actor Counter {
        var now = 0, most = 0, done = 0
        func start() { now += 1; most = max(most, now) }
        func stop() { now -= 1; done += 1 }
    }

    @Test func atMostTheLimitRunAtOnceAndEveryoneGetsATurn() async {
        let gate = PrintGate(slots: 2, queue: 6), counter = Counter()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    guard await gate.enter() else { return }
                    await counter.start()
                    try? await Task.sleep(for: .milliseconds(20))
                    await counter.stop()
                    await gate.leave()
                }
            }
        }
        #expect(await counter.most == 2)
        #expect(await counter.done == 8)
    }
}
