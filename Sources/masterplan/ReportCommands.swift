import ArgumentParser
import Domain
import Foundation
import Persistence
import Reports

/// `masterplan report`: the programme report for a period, from the database.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the programme report for a period as HTML, PDF, Markdown or XLSX.",
        discussion: "PDF is printed by headless Chromium (Debian: apt-get install chromium).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, pdf, md, xlsx }

    @OptionGroup var span: PeriodOptions
    @ArgumentParser.Option(help: "html, pdf, md or xlsx.") var format: Format = .html
    @ArgumentParser.Option(help: "nl or en.") var lang: String = "nl"
    @ArgumentParser.Option(help: "The file to write.") var out: String
    @OptionGroup var db: DatabaseOptions

    func validate() throws {
        guard Lang(rawValue: lang) != nil else { throw ValidationError("--lang: expected nl or en, got '\(lang)'") }
    }

    func run() async throws {
        let period = try span.period()
        // Fail before touching the database when the PDF cannot be made.
        if format == .pdf, PDFPrinter.chromium() == nil { throw PDFPrinter.Failure.chromiumMissing }
        let progress = TerminalProgress()
        defer { progress.done() }
        progress.show("Reading the programme's records …")
        let input = try await withApplication(db.location, seed: .embeddedIfEmpty) { app in
            try await SQLReportRepository(app.db).input(period: period, today: PartialDate(day: Date()))
        }
        progress.show("Computing the report …")
        let report = ProgrammeReport.build(from: input, period: period, lang: Lang(rawValue: lang) ?? .nl)
        if format == .pdf { progress.show("Printing the PDF with Chromium …") }
        let bytes: Data
        switch format {
        case .html: bytes = Data(ReportHTML.document(report).utf8)
        case .md: bytes = Data(ReportMarkdown.render(report).utf8)
        case .xlsx: bytes = try ReportXLSX.workbook(report).data()
        case .pdf: bytes = try PDFPrinter.pdf(html: ReportHTML.document(report))
        }
        try bytes.write(to: URL(fileURLWithPath: out))
        progress.done()
        print("Wrote the report \(period.label(report.lang)) as \(format.rawValue) to \(out) (\(bytes.count) bytes, \(report.sections.count) sections).")
    }
}

/// `--from` and `--to`, the days a report covers; shared by `report` and `bench report`.
struct PeriodOptions: ParsableArguments {
    @ArgumentParser.Option(help: "First day, YYYY-MM-DD.") var from: String
    @ArgumentParser.Option(help: "Last day, YYYY-MM-DD.") var to: String

    func validate() throws { _ = try period() }

    func period() throws -> ReportPeriod {
        guard let f = ReportPeriod.day(from) else { throw ValidationError("--from: expected a day as YYYY-MM-DD, got '\(from)'") }
        guard let t = ReportPeriod.day(to) else { throw ValidationError("--to: expected a day as YYYY-MM-DD, got '\(to)'") }
        guard let p = ReportPeriod(from: f, to: t) else { throw ValidationError("--to (\(to)) lies before --from (\(from))") }
        return p
    }
}

/// `masterplan indicators import FILE`: new or corrected figures in the long format (docs/data.md).
struct IndicatorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "indicators", abstract: "Indicator figures.", subcommands: [ImportObservations.self])

    struct ImportObservations: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import observations from CSV or XLSX; each series (indicator and its breakdown) and period in the file replaces what was stored for it.",
            discussion: "A bad file is rejected with file, line and column, and nothing is written. Every series and period imported is audited.")

        @ArgumentParser.Argument(help: "A .csv (UTF-8) or .xlsx file.") var file: String
        @ArgumentParser.Option(help: "Who is importing, for the audit log.") var actor: String = "cli"
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            let url = URL(fileURLWithPath: file)
            let bytes = try Data(contentsOf: url)
            let progress = TerminalProgress()
            defer { progress.done() }
            let result = try await withApplication(db.location, seed: .embeddedIfEmpty) { app in
                let store = RecordStore(app.db)
                let imported: ObservationImport
                progress.show("Reading and checking \(url.lastPathComponent) …")
                do { imported = try ObservationFile.parse(bytes, file: url.lastPathComponent, indicators: try await store.all(Indicator.self)) }
                catch let error as DatasetError { throw NothingImported(reason: error) }
                progress.show("Writing \(imported.observations.count) observations in one transaction …")
                return try await store.importObservations(imported, actor: actor)
            }
            progress.done()
            print("Imported \(result.stored) observations for \(result.periods.count) indicator periods (\(result.replaced) replaced).")
        }
    }
}

/// A rejected file: the reason with file, line and column, and no usage text after it.
struct NothingImported: Error, CustomStringConvertible {
    var reason: DatasetError
    var description: String { "Nothing was imported. \(reason)" }
}
