import Domain
import Foundation
import Testing
@testable import Reports

@Suite struct ReportOutputTests {
    let data: Dataset
    init() throws { data = try Embedded.dataset() }

    func report(_ from: String, _ to: String, _ lang: Lang = .nl) throws -> ProgrammeReport {
        let period = try #require(ReportPeriod(from: PartialDate(from)!, to: PartialDate(to)!))
        return ProgrammeReport.build(from: data, period: period, lang: lang)
    }

    @Test func periodSelectsObservationsByTheirStart() throws {
        // 2014 only: the school year 2014-2015 (from 1 August 2014) is in, 2012-2013 and 2013-2014 are not.
        let r = try report("2014-01-01", "2014-12-31")
        let enrolment = try #require(r.table("enrolment"))
        #expect(enrolment.headers.contains("2014-2015"))
        #expect(!enrolment.headers.contains("2013-2014"))
        #expect(!enrolment.headers.contains("Groei"))  // one period: no change columns
        let timeline = try #require(r.table("timeline"))
        #expect(timeline.rows.allSatisfy { $0.label.hasSuffix("2014") })
        #expect(timeline.rows.count == data.timeline.filter { $0.date.year == 2014 }.count)
        // A period before the programme has no figures at all.
        #expect(try report("2000-01-01", "2000-12-31").table("enrolment") == nil)
    }

    @Test func periodMustBeDaysInOrder() {
        #expect(ReportPeriod(from: PartialDate(year: 2014, month: 2, day: 1), to: PartialDate(year: 2014, month: 1, day: 1)) == nil)
        #expect(ReportPeriod(from: PartialDate(year: 2014), to: PartialDate(year: 2014, month: 1, day: 1)) == nil)
    }

    @Test func htmlHasEverySectionAndAccessibleCharts() throws {
        let r = try report("2012-01-01", "2014-12-31")
        let html = ReportHTML.document(r)
        for id in ["onderwijs", "indicatoren", "projecten", "leerroutes", "opleidingshuizen", "financiering", "netwerk", "matchingday", "tijdlijn"] {
            #expect(html.contains("id=\"\(id)\""), "section \(id)")
        }
        #expect(html.contains("@media print"))
        let svgs = html.components(separatedBy: "<svg").count - 1
        #expect(svgs >= 5)
        #expect(html.components(separatedBy: "<desc id=").count - 1 == svgs)
        #expect(html.components(separatedBy: "Gegevens van deze grafiek").count - 1 == svgs)
        #expect(!html.contains("<script"))
        #expect(html.contains("+119,1 %"))
        #expect(html.contains("3.224"))
    }

    @Test func englishUsesEnglishNumbers() throws {
        let r = try report("2012-01-01", "2014-12-31", .en)
        #expect(r.table("enrolment")?.text(row: "Total", column: "2012-2013", .en) == "3,224")
        #expect(r.table("labour")?.text(row: "elementair", column: "Vacancy growth %", .en) == "+119.1 %")
    }

    @Test func markdownTablesHaveAColumnPerHeader() throws {
        let md = ReportMarkdown.render(try report("2012-01-01", "2014-12-31"))
        #expect(md.hasPrefix("# Rapportage Masterplan Techniek"))
        let lines = md.split(separator: "\n")
        let header = try #require(lines.firstIndex { $0.hasPrefix("| Sector / leerweg") })
        let columns = lines[header].filter { $0 == "|" }.count
        #expect(lines[header + 1].filter { $0 == "|" }.count == columns)
        #expect(lines[header + 2].contains("| 667 | 601 | 533 | −134 |"))
    }

    @Test func xlsxReportReadsBackWithTheSameNumbers() throws {
        let r = try report("2012-01-01", "2014-12-31")
        let bytes = try ReportXLSX.workbook(r).data()
        #expect(bytes.starts(with: Data("PK".utf8)))
        // The reader takes the first sheet: the contents.
        let rows = try XLSXReader.rows(bytes, file: "report.xlsx")
        #expect(rows.first?.fields.first == "Rapportage Masterplan Techniek")
        #expect(rows.contains { $0.fields == ["Onderwijs en arbeidsmarkt", "Studenten Techniek en Logistiek per sector en leerweg"] })
    }

    @Test func xlsxRoundTripKeepsTextNumbersAndPositions() throws {
        var book = XLSXWorkbook()
        book.add(name: "Waarnemingen: 2015/2016", rows: [
            [.bold("indicator"), .bold("period"), .bold("sector"), .bold("value"), .bold("source")],
            [.text("roc.students.sector"), .text("2015-2016"), .text("Bouwen & wonen <ROC>"), .number(540, .integer), .text("ROC")],
            [],
            [.text("havo-vwo.n-profile"), .text("2015-2016"), .empty, .number(53.3, .decimal), .text("DUO")],
        ])
        book.add(name: "Waarnemingen: 2015/2016", rows: [[.text("second")]])
        #expect(book.sheets.map(\.name) == ["Waarnemingen- 2015-2016", "Waarnemingen- 2015-2016 (2)"])
        let rows = try XLSXReader.rows(try book.data(), file: "x.xlsx")
        #expect(rows.map(\.line) == [1, 2, 3, 4])
        #expect(rows[1].fields == ["roc.students.sector", "2015-2016", "Bouwen & wonen <ROC>", "540", "ROC"])
        #expect(rows[2].fields == [])
        #expect(rows[3].fields == ["havo-vwo.n-profile", "2015-2016", "", "53.3", "DUO"])
    }

    /// Issue 14, files people open: what a download writes, the upload reads back, in each dialect.
    @Test func downloadDialectsRoundTripThroughTheUpload() throws {
        let rows = [["indicator", "period", "sector", "value", "source"],
                    ["roc.students.sector", "2015-2016", "Automotive", "455", "ROC; Amsterdam, west"],
                    ["havo-vwo.n-profile", "2015-2016", "", "52.5", "DUO"]]
        let dutch = try #require(CSVDialect.download(lang: .nl, sep: nil))
        let nl = TableExport.csv(rows, dialect: dutch, numericColumns: [3])
        #expect(nl.hasPrefix("\u{FEFF}indicator;period;sector;value;source\r\n"))
        #expect(nl.contains(";455;\"ROC; Amsterdam, west\"\r\n") && nl.contains(";52,5;DUO"), "\(nl)")
        // The period "2015-2016" and text are never touched; only a plain decimal in a numeric column.
        #expect(!nl.contains("2015,2016"))
        let english = TableExport.csv(rows, dialect: try #require(CSVDialect.download(lang: .en, sep: nil)), numericColumns: [3])
        #expect(english.contains(";52.5;"))
        let commas = TableExport.csv(rows, dialect: try #require(CSVDialect.download(lang: .nl, sep: ",")), numericColumns: [3])
        #expect(commas.contains(",455,\"ROC; Amsterdam, west\"\r\n") && commas.contains(",52.5,DUO"), "\(commas)")
        #expect(CSVDialect.download(lang: .nl, sep: "|") == nil && CSVDialect.download(lang: .nl, sep: "") == nil)
        for text in [nl, english, commas] {
            let read = try ObservationFile.parse(Data(text.utf8), file: "download.csv", indicators: data.indicators)
            #expect(read.observations.map(\.value) == [455, 52.5])
        }
    }

    @Test func observationFilesInEveryFormAnExcelUserMakes() throws {
        // Dutch Excel saves CSV with semicolons and decimal commas, often with a byte-order mark.
        let semicolons = Data("\u{FEFF}indicator;period;sector;value;source\r\nroc.students.sector;2015-2016;Automotive;455;ROC\r\nhavo-vwo.n-profile;2015-2016;;52,5;DUO\r\n".utf8)
        let a = try ObservationFile.parse(semicolons, file: "nl.csv", indicators: data.indicators)
        #expect(a.observations.map(\.value) == [455, 52.5])
        let commas = try ObservationFile.parse(Data("indicator,period,value,source\nhavo-vwo.n-profile,2015-2016,52.5,DUO\n".utf8), file: "en.csv", indicators: data.indicators)
        #expect(commas.observations.map(\.value) == [52.5])
        var book = XLSXWorkbook()
        book.add(name: "x", rows: [[.text("indicator"), .text("period"), .text("value"), .text("source")],
                                   [.text("havo-vwo.n-profile"), .text("2015-2016"), .number(52.5, .decimal), .text("DUO")]])
        #expect(try ObservationFile.parse(try book.data(), file: "x.xlsx", indicators: data.indicators).observations.map(\.value) == [52.5])
        #expect(throws: DatasetError.self) { try ObservationFile.parse(Data([0xFF, 0xFE, 0x00, 0x41]), file: "utf16.csv", indicators: data.indicators) }
    }

    @Test func readerRejectsWhatIsNotAWorkbook() {
        #expect(throws: DatasetError.self) { try XLSXReader.rows(Data("indicator,period\n".utf8), file: "fake.xlsx") }
        #expect(XLSXReader.columnIndex("AB12") == 27)
        #expect(XLSXWorkbook.column(27) == "AB")
    }

    @Test func pdfWithoutChromiumSaysHowToInstallIt() {
        #expect(PDFPrinter.chromium(environment: ["PATH": "/nonexistent"]) == nil)
        #expect(throws: PDFPrinter.Failure.self) { try PDFPrinter.pdf(html: "<p>x</p>", chromium: nil) }
        #expect(PDFPrinter.Failure.chromiumMissing.description.contains("apt-get install -y chromium"))
    }

    @Test func pdfPrintsWhenChromiumIsThere() throws {
        guard let chromium = PDFPrinter.chromium() else { return }  // scripts/test installs it; covered there
        let pdf = try PDFPrinter.pdf(html: ReportHTML.document(try report("2014-01-01", "2014-12-31")), chromium: chromium)
        #expect(pdf.starts(with: Data("%PDF".utf8)))
        #expect(pdf.count > 10_000)
    }
}
