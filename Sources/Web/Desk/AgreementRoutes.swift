import Domain
import Foundation
import Persistence
import Reports
import Vapor

/// Agreements made through the desk: their steps (confirm, plan, deliver, evaluate, cancel) by the people
/// involved, exports, and each organisation's calendar of planned activities.
struct AgreementRoutes {
    func register(_ app: Application) {
        let desk = Access.roles([.beheerder, .contactpersoon])
        app.get(.agreements, access: desk, use: Self.agreements)
        for format in ["csv", "xlsx"] {
            app.get(.agreementsExport(format), access: .roles([.beheerder, .analist, .contactpersoon]), use: { req in try await Self.agreementsExport(req, format: format) })
        }
        app.get(.agreement(":id"), access: desk, use: Self.agreementPage)
        app.post(.agreementAction(":id", ":step"), access: desk, use: Self.postAgreementAction)
        app.get(.organizationCalendar(":id"), access: desk, use: Self.organizationCalendar)
        // A subscription address: the secret in the path is the authorisation (calendar apps cannot log in).
        app.get(.calendarFeed(":token"), access: .public, use: Self.calendarFeed)
        app.get(.calendarSubscription(":id"), access: desk, use: Self.calendarSubscription)
        app.post(.calendarSubscription(":id"), access: desk, use: Self.postCalendarSubscription)
    }

    enum StepResult { case done(ActivityAgreement, warning: Localized?), invalid(ActivityAgreement, [String: Localized]), changedMeanwhile }

    /// One step, for the page and the API alike: the domain's rules, one guarded write, then everyone it concerns is
    /// told (after delivery, the evaluation request says it). The caller has checked permission and status.
    static func take(_ step: AgreementStep, on agreement: ActivityAgreement, input: StepInput, req: Request, loaded: DeskSupport.Loaded) async throws -> StepResult {
        let outcome = step.apply(to: agreement, input: input, actorOrganization: req.actor?.role == .beheerder ? nil : req.actor?.organizationId,
                                 request: loaded.requests.first { $0.id == agreement.requestId },
                                 offer: loaded.offers.first { $0.id == agreement.offerId }, today: DeskSupport.today(req))
        guard outcome.errors.isEmpty else { return .invalid(outcome.next, outcome.errors) }
        let next = outcome.next
        do {
            try await req.desk.advance(next, expected: agreement, actor: DeskSupport.actorId(req))
        } catch DeskError.changedMeanwhile {
            return .changedMeanwhile
        }
        if step != .deliver {
            let by = req.actor?.organizationId.map { DeskSupport.name($0, loaded) } ?? (req.lang == .nl ? "De netwerkbalie" : "The network desk")
            try await Notify.organizations([next.schoolId, next.companyId], except: req.actor?.accountId,
                                           notice: Notices.agreementStep(step, type: next.type, school: DeskSupport.name(next.schoolId, loaded),
                                                                         company: DeskSupport.name(next.companyId, loaded), by: by, date: next.date,
                                                                         link: req.application.absoluteURL(SiteRoute.agreement(next.id).path)), on: req)
        }
        if step == .deliver { try await Self.askForEvaluation(req, next, loaded: loaded) }
        // A trip made from this agreement moves, resizes or is cancelled with it.
        try await TransportRoutes.follow(next, req: req)
        return .done(next, warning: outcome.warning)
    }

    /// The organisation's planned activities as iCalendar.
    static func calendar(_ req: Request, organizationId id: String) async throws -> Response {
        let agreements = try await req.desk.all(ActivityAgreement.self)
        // The names the feed shows: the organisation's own and its partners', not every organisation's.
        let names = try await RecordStore(req.db).organizationNames([id] + agreements.filter { $0.schoolId == id || $0.companyId == id }.flatMap { [$0.schoolId, $0.companyId] })
        guard let orgName = names[id] else { throw Abort(.notFound) }
        let current = AgreementCalendar.entries(agreements, organizationId: id, names: names, lang: req.lang)
        let entries = try await CalendarStore(req.db).publish(feed: AgreementCalendar.feed(organizationId: id, lang: req.lang), current: current)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        headers.contentDisposition = .init(.attachment, filename: id + ".ics")
        return Response(status: .ok, headers: headers, body: .init(string: ICalendar.document(name: "Masterplan – " + orgName, entries: entries, stamp: Date())))
    }

    /// The same address with the scheme calendars register for, so one click subscribes (Apple Calendar,
    /// Outlook); Google Calendar takes the https address pasted under "From URL".
    static func webcal(_ address: String) -> String? {
        for scheme in ["https://", "http://"] where address.hasPrefix(scheme) { return "webcal://" + address.dropFirst(scheme.count) }
        return nil
    }

    static func feedPage(_ req: Request, organizationId id: String, address: String?) -> Response {
        let ctx = PageSupport.context(req, title: Localized("Agenda-abonnement", "Calendar subscription"), section: .desk)
        let t = ctx.t
        return PageSupport.html(Layout.render(ctx, .group(
            .p(.text(t("Geplande activiteiten van uw organisatie in Outlook of Google Agenda: abonneer u op een geheim adres. Wie het adres heeft, ziet de planning; maak een nieuw adres als het is uitgelekt (het oude werkt dan niet meer).",
                       "Your organisation's planned activities in Outlook or Google Calendar: subscribe to a secret address. Whoever has it sees the schedule; make a new address if it leaked (the old one then stops working)."))),
            .p(.a(.href(SiteRoute.organizationCalendar(id).path), .text(t("Of download het .ics-bestand", "Or download the .ics file")))),
            .unwrap(address) { a in .group(
                .p(.class("note"), .attribute(named: "role", value: "status"), .text(t("Uw nieuwe adres (wordt maar één keer getoond):", "Your new address (shown once):"))),
                .p(.element(named: "code", nodes: [.class("feed"), .text(a)])),
                .unwrap(Self.webcal(a)) { w in .p(.a(.href(w), .text(t("Abonneer direct in uw agenda (webcal)", "Subscribe in your calendar now (webcal)")))) }) },
            Components.postForm(action: SiteRoute.calendarSubscription(id).path, csrf: ctx.csrf, class: "inline", [
                Components.submit(t("Nieuw abonnementsadres maken", "Make a new subscription address")),
            ])
        )))
    }

    /// After delivery both sides are asked for their evaluation (rating 1–5 and remarks), through the outbox.
    static func askForEvaluation(_ req: Request, _ a: ActivityAgreement, loaded: DeskSupport.Loaded) async throws {
        let link = req.application.absoluteURL(SiteRoute.agreement(a.id).path)
        for contact in try await Contacts.of(a.schoolId, on: req.db) + Contacts.of(a.companyId, on: req.db) {
            try await Outbox.send(to: contact, on: req) {
                Messages.evaluationRequest(name: contact.name, type: a.type, company: DeskSupport.name(a.companyId, loaded),
                                           school: DeskSupport.name(a.schoolId, loaded), link: link, lang: $0)
            }
        }
    }

    /// The agreement of the path, visible to the coordinator and the two organisations involved (others: 404,
    /// so ids cannot be probed).
    static func agreement(_ req: Request) async throws -> (DeskSupport.Loaded, ActivityAgreement) {
        let loaded = try await DeskSupport.load(req)
        guard let agreement = loaded.agreements.first(where: { $0.id == req.parameters.get("id") }),
              DeskSupport.involves(req, agreement.schoolId, agreement.companyId) else { throw Abort(.notFound) }
        return (loaded, agreement)
    }

    static func detail(_ req: Request, _ agreement: ActivityAgreement, loaded: DeskSupport.Loaded, errors: [String: String],
                       status: HTTPStatus = .ok, step: AgreementStep? = nil) -> Response {
        let ctx = PageSupport.context(req, title: Localized("Afspraak: \(agreement.type.label(.nl))", "Agreement: \(agreement.type.label(.en))"), section: .desk)
        return PageSupport.html(DeskPages.agreement(ctx, agreement, loaded: loaded, actor: req.actor, errors: errors,
                                                    pastDate: req.query[String.self, at: "verleden"] != nil), status: status)
    }

    @Sendable static func agreements(_ req: Request) async throws -> some AsyncResponseEncodable {
        let loaded = try await DeskSupport.load(req)
        let visible = loaded.agreements.filter { DeskSupport.involves(req, $0.schoolId, $0.companyId) }
        let ctx = PageSupport.context(req, title: Localized("Afspraken", "Agreements"), section: .desk)
        return PageSupport.html(DeskPages.agreements(ctx, agreements: visible.reversed(), loaded: loaded,
                                                     proposed: req.query[Int.self, at: "voorgesteld"]))
    }

    /// The agreements as CSV or XLSX (`format`), each person's own.
    static func agreementsExport(_ req: Request, format: String) async throws -> Response {
        let loaded = try await DeskSupport.load(req)
        // Analysts read all (no personal data in agreements); contact persons their own organisation's.
        let visible = loaded.agreements.filter { req.actor?.role != .contactpersoon || DeskSupport.involves(req, $0.schoolId, $0.companyId) }
        let rows = AgreementTable.rows(visible, organizations: loaded.organizations, lang: req.lang)
        if format == "csv" { return try Downloads.csv(req, rows: rows, numericColumns: AgreementTable.numericColumns, filename: "afspraken.csv") }
        return Downloads.xlsx(try AgreementTable.xlsx(rows), filename: "afspraken.xlsx")
    }

    @Sendable static func agreementPage(_ req: Request) async throws -> some AsyncResponseEncodable {
        let (loaded, agreement) = try await Self.agreement(req)
        return Self.detail(req, agreement, loaded: loaded, errors: [:])
    }

    @Sendable static func postAgreementAction(_ req: Request) async throws -> some AsyncResponseEncodable {
        let (loaded, agreement) = try await Self.agreement(req)
        guard let step = AgreementStep(rawValue: req.parameters.get("step") ?? "") else { throw Abort(.notFound) }
        guard step.permitted(req.actor, on: agreement) else { throw PageError(.forbidden, "uw rol of organisatie mag deze stap niet zetten", "your role or organisation may not take this step") }
        guard step.allowed(from: agreement.status) else {
            return Self.detail(req, agreement, loaded: loaded, errors: ["status": req.lang == .nl ? "Deze stap kan niet vanuit ‘\(agreement.status.label(.nl))’." : "This step is not possible from ‘\(agreement.status.label(.en))’."], status: .conflict)
        }
        var reader = FormReader(req)
        // The form's text becomes the step's input; numbers that are not numbers are named here, the rest by the domain.
        let input = StepInput(date: step == .plan ? reader.day("date") : nil, startTime: reader.text("startTime"),
                              durationMinutes: reader.int("durationMinutes", optional: true), place: reader.text("place"),
                              pupils: reader.int("pupils", optional: true), transportNeeded: reader.flag("transportNeeded"),
                              pupilsReached: reader.int("pupilsReached", optional: true), teachers: reader.int("teachers", optional: true),
                              rating: reader.int("rating", optional: true), side: reader.text("side"), remarks: reader.text("remarks"), reason: reader.text("reason"))
        // Every field's error at once (the form's and the domain's) before anything is written.
        let preview = step.apply(to: agreement, input: input, actorOrganization: req.actor?.role == .beheerder ? nil : req.actor?.organizationId,
                                 request: loaded.requests.first { $0.id == agreement.requestId },
                                 offer: loaded.offers.first { $0.id == agreement.offerId }, today: DeskSupport.today(req))
        reader.merge(preview.errors)
        guard reader.errors.isEmpty else { return Self.detail(req, preview.next, loaded: loaded, errors: reader.errors, status: .badRequest, step: step) }
        switch try await Self.take(step, on: agreement, input: input, req: req, loaded: loaded) {
        case .invalid(let next, let errors):
            return Self.detail(req, next, loaded: loaded, errors: errors.mapValues { $0(req.lang) }, status: .badRequest, step: step)
        case .changedMeanwhile:
            return Self.detail(req, agreement, loaded: loaded, errors: ["status": req.lang == .nl ? "Iemand anders wijzigde deze afspraak intussen; bekijk hem opnieuw." : "Someone else changed this agreement meanwhile; look again."], status: .conflict)
        case .done(_, let warning):
            return req.redirect(to: SiteRoute.agreement(agreement.id).path + (warning != nil ? "?verleden=1" : ""))
        }
    }

    @Sendable static func organizationCalendar(_ req: Request) async throws -> some AsyncResponseEncodable {
        let id = try req.parameters.require("id")
        guard DeskSupport.involves(req, id) else { throw PageError(.forbidden, "alleen de agenda van uw eigen organisatie", "only your own organisation's calendar") }
        return try await Self.calendar(req, organizationId: id)
    }

    @Sendable static func calendarFeed(_ req: Request) async throws -> some AsyncResponseEncodable {
        let token = try req.parameters.require("token")
        guard let id = try await req.desk.calendarFeedOrganization(tokenHash: APITokens.hash(token)) else { throw Abort(.notFound) }
        return try await Self.calendar(req, organizationId: id)
    }

    @Sendable static func calendarSubscription(_ req: Request) async throws -> some AsyncResponseEncodable {
        let id = try req.parameters.require("id")
        guard DeskSupport.involves(req, id) else { throw PageError(.forbidden, "alleen de agenda van uw eigen organisatie", "only your own organisation's calendar") }
        return Self.feedPage(req, organizationId: id, address: nil)
    }

    @Sendable static func postCalendarSubscription(_ req: Request) async throws -> some AsyncResponseEncodable {
        let id = try req.parameters.require("id")
        guard DeskSupport.involves(req, id) else { throw PageError(.forbidden, "alleen de agenda van uw eigen organisatie", "only your own organisation's calendar") }
        let token = randomToken()
        try await req.desk.setCalendarFeed(organizationId: id, tokenHash: APITokens.hash(token))
        try await AuditLog.record(on: req.db, actor: DeskSupport.actorId(req), entity: "calendar_feeds", entityId: id, action: "rotate", changes: [])
        return Self.feedPage(req, organizationId: id, address: req.application.absoluteURL(SiteRoute.calendarFeed(token).path))
    }
}
