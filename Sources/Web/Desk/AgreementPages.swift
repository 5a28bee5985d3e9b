import Domain
import Foundation
import Plot

extension DeskPages {
    static func agreements(_ ctx: PageContext, agreements: [ActivityAgreement], loaded: DeskSupport.Loaded, proposed: Int?) -> String {
        let t = ctx.t, lang = ctx.lang
        return Layout.render(ctx, .group(
            .unwrap(proposed) { n in .p(.class("note"), .attribute(named: "role", value: "status"), .text(t("\(n) afspraak/afspraken voorgesteld.", "\(n) agreement(s) proposed."))) },
            .p(Downloads.links(csv: SiteRoute.agreementsExport("csv").path, xlsx: SiteRoute.agreementsExport("xlsx").path, lang: lang)),
            agreements.isEmpty ? .p(.text(t("Nog geen afspraken.", "No agreements yet."))) :
            Components.table(caption: t("Afspraken", "Agreements"),
                             headers: [t("Afspraak", "Agreement"), t("School", "School"), t("Bedrijf", "Company"), t("Status", "Status"), t("Datum", "Date"), t("Leerlingen", "Pupils")],
                             rows: agreements.map { a in [
                                .a(.href(SiteRoute.agreement(a.id).path), .text(a.type.label(lang) + " (" + a.id + ")")),
                                .text(DeskSupport.name(a.schoolId, loaded)), .text(DeskSupport.name(a.companyId, loaded)),
                                Components.badge(a.status.label(lang)), .text(a.date?.label(lang) ?? "–"), .text(String(a.pupilsReached ?? a.pupils)),
                             ] }, numericFrom: 5)
        ))
    }

    static func agreement(_ ctx: PageContext, _ a: ActivityAgreement, loaded: DeskSupport.Loaded, actor: Actor?, errors: [String: String],
                          pastDate: Bool = false) -> String {
        let t = ctx.t, lang = ctx.lang
        func form(_ step: AgreementStep, _ title: String, _ fields: [N]) -> N {
            .if(step.allowed(from: a.status) && step.permitted(actor, on: a),
                .section(.h2(.text(title)), Components.postForm(action: SiteRoute.agreementStep(a.id, step).path, csrf: ctx.csrf, class: "edit", fields)))
        }
        let isCoordinator = actor?.role == .beheerder
        return Layout.render(ctx, .group(
            Components.errorSummary(errors, t),
            .if(pastDate, .p(.class("note"), .attribute(named: "role", value: "status"),
                             .text(t("Gepland. Let op: deze datum ligt in het verleden.", "Planned. Note: this date lies in the past.")))),
            .unwrap(errors["status"]) { .p(.class("error"), .text($0)) },
            Components.facts([
                (t("Status", "Status"), Components.badge(a.status.label(lang))),
                (t("School", "School"), Components.orgLink(a.schoolId, loaded.data)),
                (t("Bedrijf", "Company"), Components.orgLink(a.companyId, loaded.data)),
                (t("Soort", "Kind"), .text(a.type.label(lang))),
                (t("Niveau", "Level"), a.level.map { .text($0.label(lang)) }),
                (t("Sectoren", "Sectors"), .text(a.sectors.map { $0.label(lang) }.joined(separator: ", "))),
                (t("Leerlingen (gepland)", "Pupils (planned)"), .text(String(a.pupils))),
                (t("Datum", "Date"), a.date.map { .text($0.label(lang) + (a.startTime.map { ", " + $0 } ?? "")) }),
                (t("Plaats", "Place"), a.place.map { .text($0) }),
                (t("Vervoer nodig", "Transport needed"), .text(a.transportNeeded ? t("ja", "yes") : t("nee", "no"))),
                (t("Leerlingen bereikt", "Pupils reached"), a.pupilsReached.map { .text(String($0)) }),
                (t("Docenten", "Teachers"), a.teachers.map { .text(String($0)) }),
                (t("Waardering school", "School's rating"), a.schoolRating.map { .text("\($0) / 5") }),
                (t("Waardering bedrijf", "Company's rating"), a.companyRating.map { .text("\($0) / 5") }),
                (t("Evaluatie", "Evaluation"), a.evaluation.map { .text($0) }),
                (t("Reden van annulering", "Reason for cancelling"), a.cancelReason.map { .text($0) }),
                (t("Verzoek", "Request"), a.requestId.map { .a(.href(SiteRoute.request($0).path), .text($0)) }),
            ]),
            form(.confirm, t("Bevestigen", "Confirm"), [.p(.text(t("Het bedrijf gaat akkoord met deze afspraak.", "The company agrees to this activity."))), Components.submit(t("Afspraak bevestigen", "Confirm the agreement"))]),
            form(.plan, t("Plannen", "Schedule"), [
                Components.field("date", label: t("Datum", "Date"), value: a.date?.description, type: "date", error: errors["date"], required: true),
                Components.field("startTime", label: t("Begintijd", "Start time"), value: a.startTime, type: "time", error: errors["startTime"]),
                Components.field("durationMinutes", label: t("Duur (minuten)", "Duration (minutes)"), value: String(a.durationMinutes), type: "number", error: errors["durationMinutes"]),
                Components.field("place", label: t("Plaats", "Place"), value: a.place, error: errors["place"]),
                Components.field("pupils", label: t("Leerlingen", "Pupils"), value: String(a.pupils), type: "number", error: errors["pupils"]),
                checkbox("transportNeeded", label: t("Vervoer nodig", "Transport needed"), checked: a.transportNeeded),
                Components.submit(t("Afspraak plannen", "Schedule")),
            ]),
            form(.deliver, t("Uitvoering vastleggen", "Record delivery"), [
                Components.field("pupilsReached", label: t("Leerlingen bereikt", "Pupils reached"), value: a.pupilsReached.map(String.init) ?? String(a.pupils), type: "number", error: errors["pupilsReached"], required: true),
                Components.field("teachers", label: t("Docenten", "Teachers"), value: a.teachers.map(String.init), type: "number", error: errors["teachers"]),
                Components.submit(t("Uitvoering vastleggen", "Record delivery")),
            ]),
            form(.evaluate, t("Evalueren", "Evaluate"), [
                .if(isCoordinator, Components.select(name: "side", label: t("Namens", "On behalf of"), options: [("school", t("de school", "the school")), ("company", t("het bedrijf", "the company"))], selected: nil, error: errors["side"])),
                Components.select(name: "rating", label: t("Waardering (1–5)", "Rating (1–5)"), options: (1...5).map { (String($0), String($0)) }, selected: "4", error: errors["rating"]),
                Components.textarea("remarks", label: t("Opmerkingen", "Remarks"), value: "", error: errors["remarks"]),
                Components.submit(t("Evaluatie opslaan", "Save evaluation")),
            ]),
            form(.cancel, t("Annuleren", "Cancel"), [
                Components.field("reason", label: t("Reden", "Reason"), value: nil, error: errors["reason"], required: true),
                Components.submit(t("Afspraak annuleren", "Cancel the agreement")),
            ])
        ))
    }

    /// What the compliance page shows of the members its filters keep: a page of rows and the counts over all.
    struct ComplianceView: Equatable {
        var rows: Domain.Page<ComplianceRow>
        var behind = 0
        /// The first 50 names of members behind that no reminder reaches, and how many there are.
        var unreachable: [String] = []
        var unreachableCount = 0
        /// The first 200 members without activity for a year, and how many there are.
        var inactive: [ComplianceRow] = []
        var inactiveCount = 0
    }

    static func compliance(_ ctx: PageContext, _ view: ComplianceView, districts: [String], kind: String, district: String,
                           reminded: Int?, year: SchoolYear, current: SchoolYear? = nil, perCompany: Int = 2) -> String {
        let current = current ?? year
        let t = ctx.t, lang = ctx.lang
        func badge(_ s: ComplianceStatus) -> N {
            Components.badge(s.label(lang), s == .met ? "met" : s == .onTrack ? "ontrack" : s == .behind ? "behind" : "")
        }
        let behind = view.behind, unreachable = view.unreachable, more = view.unreachableCount - view.unreachable.count
        let unreachableText = unreachable.joined(separator: ", ") + (more > 0 ? t(" en nog \(more).", " and \(more) more.") : ".")
        let filters: [String] = [("kind", kind), ("district", district), ("schooljaar", year == current ? "" : String(year.startYear))]
            .filter { !$0.1.isEmpty }.map { "\($0.0)=" + ($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }
        let pager = Components.pager(view.rows, lang: lang) { SiteRoute.compliance.path + "?" + (filters + ["page=\($0)"]).joined(separator: "&") }
        return Layout.render(ctx, .group(
            .unwrap(reminded) { n in .p(.class("note"), .attribute(named: "role", value: "status"), .text(t("\(n) herinnering(en) in de outbox gezet.", "\(n) reminder(s) put in the outbox."))) },
            // Earlier school years stay viewable; reminders are for the current one only.
            .p(.text(t("Schooljaar: ", "School year: ")), .group((0..<5).reversed().map { back -> Node<HTML.BodyContext> in
                let y = SchoolYear(startYear: current.startYear - back)
                let label = y.description + (back == 0 ? t(" (nu)", " (now)") : "")
                return .group(.if(back < 4, .text(" · ")), y == year ? .strong(.text(label))
                              : .a(.href(SiteRoute.compliance.path + (back == 0 ? "" : "?schooljaar=\(y.startYear)")), .text(label)))
            })),
            .p(.text(t("Schooljaar \(year). Bedrijven organiseren ten minste het ingestelde aantal activiteiten per schooljaar, scholen nemen aan ten minste één deel. Op koers: met de geplande afspraken wordt het gehaald.",
                       "School year \(year). Companies organise at least the set number of activities per school year, schools take part in at least one. On track: the planned agreements would meet it."))),
            // What the figures count, so nobody has to guess.
            .p(.class("hint"), .text(t("Wat er telt: voor een bedrijf de afspraken van de netwerkbalie in dit schooljaar (naar de datum van de activiteit, anders de datum van het voorstel); uitgevoerd = uitgevoerd of geëvalueerd, gepland = voorgesteld, afgesproken of gepland; geannuleerde tellen niet; vereist \(perCompany) per bedrijf. Voor een school telt het techniekplan van dit schooljaar: goedgekeurd = 1 uitgevoerd, ingediend = 1 gepland. Alleen leden die nu Vriend zijn staan hier.",
                                       "What counts: for a company, the network desk's agreements in this school year (by the activity's date, else the proposal's date); delivered = delivered or evaluated, planned = proposed, agreed or planned; cancelled ones do not count; \(perCompany) required per company. For a school, its technology plan for this school year: approved = 1 delivered, submitted = 1 planned. Only current Vrienden are listed."))),
            .if(!unreachable.isEmpty, .p(.class("note"), .text(t("Niet te bereiken met een herinnering (geen contactpersoon met een account): ", "Cannot be reached by a reminder (no contact person with an account): ") + unreachableText))),
            .element(named: "form", nodes: [.class("filters"), .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.compliance.path),
                Components.select(name: "kind", label: t("Soort", "Kind"), options: [("", t("Alle", "All")), ("company", t("Bedrijven", "Companies")), ("school", t("Scholen", "Schools")), ("other", t("Overig", "Other"))], selected: kind, error: nil),
                Components.select(name: "district", label: t("Stadsdeel", "District"), options: [("", t("Alle", "All"))] + districts.map { ($0, $0) }, selected: district, error: nil),
                Components.submit(t("Filter", "Filter"))]),
            .if(year == current, Components.postForm(action: SiteRoute.remind.path, csrf: ctx.csrf, class: "inline", [
                Components.submit(t("Herinnering sturen aan alle leden die achterlopen (\(behind))", "Send a reminder to every member behind (\(behind))")),
            ])),
            Components.table(caption: t("Naleving per lid", "Obligations per member"),
                             headers: [t("Lid", "Member"), t("Status", "Status"), t("Vereist", "Required"), t("Uitgevoerd", "Delivered"), t("Gepland", "Planned")],
                             rows: view.rows.items.map { r in [
                                .a(.href(SiteRoute.organization(r.organization.id).path), .text(r.organization.name)), badge(r.status),
                                .text(String(r.required)), .text(String(r.delivered)), .text(String(r.pending)),
                             ] }, numericFrom: 2),
            pager,
            .section(.h2(.text(t("Een jaar zonder activiteit", "A year without activity"))),
                     .p(.text(t("\(view.inactiveCount) leden hebben in het afgelopen jaar niets via de netwerkbalie gedaan.", "\(view.inactiveCount) members did nothing through the desk in the past year."))),
                     .ul(.forEach(view.inactive) { r in .li(.a(.href(SiteRoute.organization(r.organization.id).path), .text(r.organization.name))) }))
        ))
    }

    static func reach(_ ctx: PageContext, loaded: DeskSupport.Loaded, by: ReachDimension, startMonth: Int) -> String {
        let t = ctx.t, lang = ctx.lang
        let rows = Reach.rows(loaded.agreements, by: by, organizations: loaded.organizations, lang: lang, schoolYearStartMonth: startMonth)
        return Layout.render(ctx, .group(
            .p(.text(t("Berekend uit de afspraken van de netwerkbalie die zijn uitgevoerd. De cijfers uit het rapport van 2014 staan bij de indicatoren; deze tellen vanaf het gebruik van het platform.",
                       "Computed from the desk's delivered agreements. The report's 2014 figures are with the indicators; these count from the platform's use on."))),
            Components.facts([
                (t("Uitgevoerde activiteiten", "Activities delivered"), .text(String(loaded.agreements.filter(\.isDelivered).count))),
                (t("Leerlingen bereikt", "Pupils reached"), .text(String(loaded.agreements.filter(\.isDelivered).reduce(0) { $0 + ($1.pupilsReached ?? $1.pupils) }))),
                (t("Excursies ondersteund sinds 1 augustus 2014", "Excursions supported since 1 August 2014"), .text(String(Reach.excursions(since: PartialDate(year: 2014, month: 8, day: 1), loaded.agreements)))),
                (t("Verzoeken bediend door Vrienden", "Requests served by Vrienden"), .text(String(Reach.requestsServed(loaded.agreements)))),
            ]),
            .p(.text(t("Per: ", "By: ")), .group(.forEach(ReachDimension.allCases) { d in
                .group(d == by ? .strong(.text(d.label(lang))) : .a(.href(SiteRoute.reach.path + "?by=" + d.rawValue), .text(d.label(lang))), .text(" "))
            })),
            rows.isEmpty ? .p(.text(t("Nog geen uitgevoerde activiteiten.", "No activities delivered yet."))) :
            Components.table(caption: t("Bereik per ", "Reach by ") + by.label(lang).lowercased(),
                             headers: [by.label(lang), t("Activiteiten", "Activities"), t("Leerlingen", "Pupils")],
                             rows: rows.map { [.text($0.label), .text(String($0.activities)), .text(String($0.pupils))] })
        ))
    }
}
