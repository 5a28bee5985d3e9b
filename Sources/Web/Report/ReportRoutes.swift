import Domain
import Persistence
import Reports
import Vapor

/// The programme report (/rapportage and its downloads) and the analyst's import of new figures.
struct ReportRoutes {
    static let formats = ["html", "md", "xlsx", "pdf"]
    static let analysts = Access.roles([.analist, .beheerder])

    func register(_ app: Application) {
        app.get(.report(), access: .public, use: Self.reportPage)
        app.get(.reportDownload(format: "", from: "", to: ""), access: .public, use: Self.reportDownload)

        app.get(.importObservations, access: Self.analysts, use: Self.importObservations)
        app.get(.observationTemplate, access: Self.analysts, use: Self.observationTemplate)
        app.on(.POST, .importObservations, access: Self.analysts, maxBody: "10mb", use: Self.postImportObservations)
    }

    /// The report for a period, kept per period, language, day and data version until any write transaction moves
    /// the write generation (its platform section counts the desk's records): nationally its counts scan a million
    /// agreements and the memberships, and the report is the same for everyone who may read it (the public).
    static func report(_ req: Request, _ period: ReportPeriod) async throws -> ProgrammeReport {
        let versions = try await req.versions(), today = DeskSupport.today(req)
        let key = [period.from.description, period.to.description, req.lang.rawValue, today.description, String(versions.data)].joined(separator: "|")
        return try await req.application.reportCache.value(key, version: versions.writes) {
            ProgrammeReport.build(from: try await SQLReportRepository(req.db).input(period: period, today: today), period: period, lang: req.lang)
        }
    }

    /// from/to as YYYY-MM-DD; by default the years the observations and the timeline cover (read only when a
    /// day is missing or wrong, not for every report with both days given).
    static func period(_ reader: inout QueryReader, _ req: Request) async throws -> ReportPeriod {
        func day(_ name: String) -> PartialDate? {
            guard let raw = reader.string(name) else { return nil }
            guard let d = ReportPeriod.day(raw) else {
                reader.errors.append(FieldError(name: name, reason: "'\(raw)' is not a day; expected YYYY-MM-DD"))
                return nil
            }
            return d
        }
        let given = (day("from"), day("to"))
        if let from = given.0, let to = given.1, let period = ReportPeriod(from: from, to: to) { return period }
        let data = try await RecordStore(req.db).dataset(only: [Observation.entity, TimelineEntry.entity])
        let years = data.observations.compactMap { ObservationPeriod.start($0.period)?.year } + data.timeline.map(\.date.year)
        let fallback = ReportPeriod(from: PartialDate(year: years.min() ?? 2012, month: 1, day: 1), to: PartialDate(year: years.max() ?? 2014, month: 12, day: 31))!
        let from = given.0 ?? fallback.from, to = given.1 ?? fallback.to
        guard let period = ReportPeriod(from: from, to: to) else {
            reader.errors.append(FieldError(name: "to", reason: "\(to) lies before from (\(from))"))
            return fallback
        }
        return period
    }

    @Sendable static func reportPage(_ req: Request) async throws -> some AsyncResponseEncodable {
        var reader = QueryReader(req, allowed: ["from", "to"])
        let period = try await Self.period(&reader, req)
        if !reader.errors.isEmpty { throw InvalidInput(errors: reader.errors) }
        return PageSupport.html(ReportPage(report: try await Self.report(req, period))
            .render(PageSupport.context(req, title: Localized("Rapportage", "Report"), section: .report)))
    }

    @Sendable static func reportDownload(_ req: Request) async throws -> some AsyncResponseEncodable {
        var reader = QueryReader(req, allowed: ["from", "to", "format"])
        let period = try await Self.period(&reader, req)
        let format = reader.string("format") ?? "html"
        if !Self.formats.contains(format) {
            reader.errors.append(FieldError(name: "format", reason: "'\(format)' is not one of: \(Self.formats.joined(separator: ", "))"))
        }
        if !reader.errors.isEmpty { throw InvalidInput(errors: reader.errors) }
        let report = try await Self.report(req, period)
        let name = "rapportage-\(period.from)-\(period.to).\(format)"
        var headers = HTTPHeaders()
        headers.contentDisposition = .init(.attachment, filename: name)
        switch format {
        case "md":
            headers.contentType = HTTPMediaType(type: "text", subType: "markdown", parameters: ["charset": "utf-8"])
            return Response(status: .ok, headers: headers, body: .init(string: ReportMarkdown.render(report)))
        case "xlsx":
            return Downloads.xlsx(try ReportXLSX.workbook(report).data(), filename: name)
        case "pdf":
            return try await Printing.pdfResponse(req, html: ReportHTML.document(report), filename: name)
        default:
            headers.contentType = .html
            return Response(status: .ok, headers: headers, body: .init(string: ReportHTML.document(report)))
        }
    }

    @Sendable static func importObservations(_ req: Request) async throws -> some AsyncResponseEncodable {
        ImportPage.response(req, data: try await PageSupport.data(req, reads: [Indicator.entity]))
    }

    @Sendable static func observationTemplate(_ req: Request) async throws -> some AsyncResponseEncodable {
        try Downloads.csv(req, rows: ImportPage.template, numericColumns: [5], filename: "waarnemingen-sjabloon.csv")
    }

    @Sendable static func postImportObservations(_ req: Request) async throws -> some AsyncResponseEncodable {
        let data = try await PageSupport.data(req, reads: [Indicator.entity])
        guard let file = try? req.content.get(File.self, at: "file"), file.data.readableBytes > 0 else {
            return ImportPage.response(req, data: data, error: req.lang == .nl ? "Kies een CSV- of XLSX-bestand." : "Choose a CSV or XLSX file.", status: .unprocessableEntity)
        }
        let name = file.filename.isEmpty ? "upload" : file.filename
        let imported: ObservationImport
        do { imported = try ObservationFile.parse(Data(buffer: file.data), file: name, indicators: data.indicators) }
        catch { return ImportPage.response(req, data: data, error: "\(error)", status: .unprocessableEntity) }
        let result = try await RecordStore(req.db).importObservations(imported, actor: req.actor?.accountId ?? "?")
        return ImportPage.response(req, data: try await PageSupport.data(req, reads: [Indicator.entity]), result: result)
    }
}
