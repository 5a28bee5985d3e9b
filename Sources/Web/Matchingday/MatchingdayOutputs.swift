import Domain
import Foundation
import Persistence
import Plot
import Reports
import Vapor

/// What the Matchingday hands out: personal agendas (page, PDF, .ics), table cards (page, PDF) and the schedule as
/// CSV or Excel. A participant sees its own agenda once the agendas are published; the organiser sees everything.
struct MatchingdayOutputs {
    func register(_ app: Application) {
        let participants = MatchingdayRoutes.participants
        app.get(.matchingdayAgenda(":id", organization: ":org"), access: participants, use: Self.matchingdayAgenda)
        app.get(.matchingdayAgendaFile(":id", organization: ":org", "agenda.pdf"), access: participants, use: Self.agendaPDF)
        app.get(.matchingdayAgendaFile(":id", organization: ":org", "agenda.ics"), access: participants, use: Self.agendaICS)
        app.get(.matchingdayAction(":id", "agendas"), access: .beheerder, use: Self.agendas)
        app.get(.matchingdayAction(":id", "agendas.pdf"), access: .beheerder, use: Self.agendasPDF)
        app.get(.matchingdayAction(":id", "tafelkaarten"), access: .beheerder, use: Self.tableCards)
        app.get(.matchingdayAction(":id", "tafelkaarten.pdf"), access: .beheerder, use: Self.tableCardsPDF)
        for format in ["csv", "xlsx"] {
            app.get(.matchingdayExport(":id", format), access: .beheerder, use: { req in try await Self.matchingdayExport(req, format: format) })
        }
    }

    /// Every meeting with its printed line, in round and table order; cancelled meetings stay, marked, until the next
    /// publication. Callers choose a sheet's lines by the meeting's ids and table number, never by printed names
    /// (two tables may carry the same name).
    static func lines(_ day: MatchingdayDay, names: [String: String], lang: Lang) -> [(meeting: MatchingdayMeeting, line: ScheduleLine)] {
        let tables = Dictionary(day.tables.map { ($0.number, $0.label) }, uniquingKeysWith: { a, _ in a })
        return day.meetings.sorted { ($0.round, $0.table) < ($1.round, $1.table) }.map { m in
            var change = m.change?.label(lang)
            if m.change == .verplaatst, let r = m.previousRound, let t = m.previousTable {
                change = (change ?? "") + (lang == .nl ? " (was ronde \(r), \(tables[t] ?? "tafel \(t)"))" : " (was round \(r), \(tables[t] ?? "table \(t)"))")
            }
            return (m, ScheduleLine(id: m.id, round: m.round, time: day.event.roundLabel(m.round), table: tables[m.table] ?? "Tafel \(m.table)",
                                    school: names[m.schoolId] ?? m.schoolId, company: names[m.companyId] ?? m.companyId, change: change, cancelled: !m.takesPlace))
        }
    }

    static func subtitle(_ day: MatchingdayDay, _ lang: Lang) -> String {
        [day.event.name, day.event.date.label(lang), day.event.place].compactMap { $0 }.joined(separator: " · ")
    }

    /// One participant's agenda: the organiser always; its contact person once the agendas are published.
    static func agenda(_ req: Request) async throws -> (MatchingdayDay, MatchingdaySheet) {
        let day = try await MatchingdayRoutes.day(req)
        let org = try req.parameters.require("org")
        guard let p = day.participants.first(where: { $0.organizationId == org && $0.status != .cancelled }) else { throw Abort(.notFound) }
        guard DeskSupport.involves(req, org) else { throw PageError(.forbidden, "alleen uw eigen agenda", "only your own agenda") }
        guard MatchingdayRoutes.isOrganiser(req) || day.event.status == .vrijgegeven || day.event.status == .afgerond else {
            throw PageError(.notFound, "de agenda's zijn nog niet vrijgegeven", "the agendas are not published yet")
        }
        let names = MatchingdayPages.names(try await MatchingdayPages.organizations(req, day))
        let mine = lines(day, names: names, lang: req.lang).filter { $0.meeting.schoolId == org || $0.meeting.companyId == org }.map(\.line)
        return (day, MatchingdaySheet(title: names[org] ?? org, subtitle: subtitle(day, req.lang), attendees: p.attendees, lines: mine))
    }

    static func sheets(_ req: Request, kind: MatchingdaySheets.Kind) async throws -> (MatchingdayDay, [MatchingdaySheet]) {
        let day = try await MatchingdayRoutes.day(req)
        let names = MatchingdayPages.names(try await MatchingdayPages.organizations(req, day))
        let all = lines(day, names: names, lang: req.lang)
        switch kind {
        case .agenda:
            let present = day.participants.filter { $0.status == .registered }.sorted { ($0.side == .school ? 0 : 1, names[$0.organizationId] ?? "") < ($1.side == .school ? 0 : 1, names[$1.organizationId] ?? "") }
            return (day, present.map { p in
                MatchingdaySheet(title: names[p.organizationId] ?? p.organizationId, subtitle: subtitle(day, req.lang), attendees: p.attendees,
                                 lines: all.filter { $0.meeting.schoolId == p.organizationId || $0.meeting.companyId == p.organizationId }.map(\.line))
            })
        case .tableCard:
            return (day, day.tables.map { tb in
                MatchingdaySheet(title: tb.label + (tb.sector.map { " — " + $0.label(req.lang) } ?? ""), subtitle: subtitle(day, req.lang),
                                 lines: all.filter { $0.meeting.table == tb.number }.map(\.line))
            })
        }
    }

    static func exampleText(_ day: MatchingdayDay, _ lang: Lang) -> String? {
        day.event.example ? (lang == .nl ? "Voorbeeldgegevens: gegenereerd, niet uit het rapport." : "Example data: generated, not from the report.") : nil
    }

    static func page(_ req: Request, _ day: MatchingdayDay, title: Localized, sheets: [MatchingdaySheet], kind: MatchingdaySheets.Kind, pdf: String, ics: String?) -> Response {
        let ctx = PageSupport.context(req, title: title, section: .events)
        let t = ctx.t
        return PageSupport.html(Layout.render(ctx, .group(
            .p(.class("no-print"), .a(.href(SiteRoute.matchingday(day.event.id).path), .text(day.event.name)), .text(" · "),
               .a(.href(pdf), .text(t("Als PDF", "As PDF"))),
               .unwrap(ics) { .group(.text(" · "), .a(.href($0), .text(t("In uw agenda (.ics)", "In your calendar (.ics)")))) },
               .text(" · " + t("Afdrukken: gebruik de afdrukknop van uw browser; elke agenda komt op een eigen pagina.", "Printing: use your browser's print button; each agenda gets its own page."))),
            .raw(MatchingdaySheets.fragment(sheets, lang: ctx.lang, kind: kind, exampleNote: exampleText(day, ctx.lang)))
        )))
    }

    static func pdf(_ req: Request, _ day: MatchingdayDay, _ sheets: [MatchingdaySheet], kind: MatchingdaySheets.Kind, filename: String) async throws -> Response {
        let html = MatchingdaySheets.document(title: day.event.name, body: MatchingdaySheets.fragment(sheets, lang: req.lang, kind: kind, exampleNote: exampleText(day, req.lang)), lang: req.lang)
        return try await Printing.pdfResponse(req, html: html, filename: filename)
    }

    @Sendable static func matchingdayAgenda(_ req: Request) async throws -> some AsyncResponseEncodable {
        let (day, sheet) = try await Self.agenda(req)
        return Self.page(req, day, title: Localized("Agenda: " + sheet.title, "Agenda: " + sheet.title), sheets: [sheet], kind: .agenda,
                         pdf: SiteRoute.matchingdayAgendaFile(day.event.id, organization: try req.parameters.require("org"), "agenda.pdf").path,
                         ics: SiteRoute.matchingdayAgendaFile(day.event.id, organization: try req.parameters.require("org"), "agenda.ics").path)
    }

    @Sendable static func agendaPDF(_ req: Request) async throws -> some AsyncResponseEncodable {
        let (day, sheet) = try await Self.agenda(req)
        return try await Self.pdf(req, day, [sheet], kind: .agenda, filename: "agenda-\(day.event.id)-\(try req.parameters.require("org")).pdf")
    }

    @Sendable static func agendaICS(_ req: Request) async throws -> some AsyncResponseEncodable {
        let (day, sheet) = try await Self.agenda(req)
        let current = MatchingdaySheets.calendarEntries(sheet, day: day.event.date, roundMinutes: day.event.roundMinutes, place: day.event.place ?? "", lang: req.lang)
        let org = try req.parameters.require("org")
        let entries = try await CalendarStore(req.db).publish(feed: "matchingday:\(day.event.id):\(org):\(req.lang.rawValue)", current: current)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: "matchingdag-\(org).ics")
        return Response(status: .ok, headers: headers, body: .init(string: ICalendar.document(name: day.event.name + " – " + sheet.title, entries: entries, stamp: Date())))
    }

    @Sendable static func agendas(_ req: Request) async throws -> some AsyncResponseEncodable {
        let (day, sheets) = try await Self.sheets(req, kind: .agenda)
        return Self.page(req, day, title: Localized("Agenda's: " + day.event.name, "Agendas: " + day.event.name), sheets: sheets, kind: .agenda,
                         pdf: SiteRoute.matchingdayAgendas(day.event.id, pdf: true).path, ics: nil)
    }

    @Sendable static func agendasPDF(_ req: Request) async throws -> some AsyncResponseEncodable {
        let (day, sheets) = try await Self.sheets(req, kind: .agenda)
        return try await Self.pdf(req, day, sheets, kind: .agenda, filename: "agendas-\(day.event.id).pdf")
    }

    @Sendable static func tableCards(_ req: Request) async throws -> some AsyncResponseEncodable {
        let (day, sheets) = try await Self.sheets(req, kind: .tableCard)
        return Self.page(req, day, title: Localized("Tafelkaarten: " + day.event.name, "Table cards: " + day.event.name), sheets: sheets, kind: .tableCard,
                         pdf: SiteRoute.matchingdayTableCards(day.event.id, pdf: true).path, ics: nil)
    }

    @Sendable static func tableCardsPDF(_ req: Request) async throws -> some AsyncResponseEncodable {
        let (day, sheets) = try await Self.sheets(req, kind: .tableCard)
        return try await Self.pdf(req, day, sheets, kind: .tableCard, filename: "tafelkaarten-\(day.event.id).pdf")
    }

    /// The day's schedule as CSV or XLSX (`format`).
    static func matchingdayExport(_ req: Request, format: String) async throws -> Response {
        let day = try await MatchingdayRoutes.day(req)
        let rows = MatchingdaySheets.rows(Self.lines(day, names: MatchingdayPages.names(try await MatchingdayPages.organizations(req, day)), lang: req.lang).map(\.line), lang: req.lang)
        let name = "rooster-\(day.event.id)."
        if format == "csv" { return try Downloads.csv(req, rows: rows, numericColumns: [0], filename: name + "csv") }
        return Downloads.xlsx(try TableExport.xlsx(rows, sheet: "Rooster", numericColumns: [0]), filename: name + "xlsx")
    }
}
