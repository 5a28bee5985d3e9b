import Domain
import Foundation
import Persistence
import Plot
import Vapor

/// The Matchingday's pages: the list, a new day, the day itself (what each role may do there), the organiser's grid
/// and check-in list, and recording an agreement (a participant's own pages: MatchingdayParticipantPages.swift).
enum MatchingdayPages {
    typealias Body = Node<HTML.BodyContext>

    static func names(_ data: Dataset) -> [String: String] { Dictionary(data.organizations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }) }

    /// The organisations a day's pages name: its participants', those its wishes name and `extra` (with their
    /// memberships), never every organisation.
    static func organizations(_ req: Request, _ day: MatchingdayDay, extra: [String] = []) async throws -> Dataset {
        try await PageSupport.about(req, organizations: day.participants.map(\.organizationId) + day.wishes.flatMap { [$0.fromId, $0.toId] } + extra)
    }

    static func exampleNote(_ event: MatchingdayEvent, _ t: (String, String) -> String) -> Body {
        .if(event.example, .p(.class("note example"), .strong(.text(t("Voorbeeldgegevens. ", "Example data. "))),
                              .text(t("De deelnemers en wensen van deze dag zijn gegenereerd om het plannen te laten zien; ze komen niet uit het rapport.",
                                      "This day's participants and wishes were generated to show the planning; they do not come from the report."))))
    }

    static func list(_ req: Request) async throws -> Response {
        let ctx = PageSupport.context(req, title: Localized("Matchingdagen", "Matchingdays"), section: .events)
        let t = ctx.t, lang = ctx.lang
        let store = req.matchingday
        var rows: [[Body]] = []
        let counts = try await store.registeredCounts()
        for e in try await store.events().sorted(by: { $0.date > $1.date }) {
            let registered = counts[e.id] ?? (0, 0)
            rows.append([.a(.href(SiteRoute.matchingday(e.id).path), .text(e.name)), .text(e.date.label(lang)), .text(e.place ?? ""),
                         .group(Components.badge(e.status.label(lang)), .if(e.example, Components.badge(t("Voorbeeldgegevens", "Example data"), "example"))),
                         .text(String(registered.schools)), .text(String(registered.companies))])
        }
        return PageSupport.html(Layout.render(ctx, .group(
            .p(.text(t("Op een Matchingdag ontmoeten scholen en bedrijven elkaar in korte gesprekken aan tafels. Het rooster zorgt dat wie elkaar wil spreken elkaar spreekt, eerlijk verdeeld over de scholen.",
                       "At a Matchingday schools and companies meet in short conversations at tables. The schedule makes sure those who want to meet do, shared fairly among the schools."))),
            .if(ctx.user?.role == .beheerder, .p(.a(.class("button"), .href(SiteRoute.newMatchingday.path), .text(t("Nieuwe Matchingdag", "New Matchingday"))))),
            rows.isEmpty ? .p(.text(t("Nog geen Matchingdagen.", "No Matchingdays yet."))) :
                Components.table(caption: t("Matchingdagen", "Matchingdays"), headers: [t("Naam", "Name"), t("Datum", "Date"), t("Plaats", "Place"), t("Status", "Status"),
                                                                                      t("Scholen", "Schools"), t("Bedrijven", "Companies")], rows: rows, numericFrom: 4),
            .p(.a(.href(SiteRoute.events.path), .text(t("Evenementen uit het rapport (Matchingday 2014 en zijn afspraken)", "Events from the report (Matchingday 2014 and its agreements)"))))
        )))
    }

    /// A new day, or (with `editing`) the settings of an existing one; tables are edited on the day's page.
    static func eventForm(_ req: Request, draft: MatchingdayEvent?, editing: MatchingdayEvent?, errors: [String: String], status: HTTPStatus = .ok) -> Response {
        let ctx = PageSupport.context(req, title: editing == nil ? Localized("Nieuwe Matchingdag", "New Matchingday") : Localized("Matchingdag bewerken", "Edit the Matchingday"), section: .events)
        let t = ctx.t
        let f = { (name: String) in (try? req.content.get(String.self, at: name)) }
        func field(_ name: String, _ label: String, _ value: String?, type: String = "text", required: Bool = true, hint: String? = nil) -> Body {
            Components.field(name, label: label, value: f(name) ?? value, type: type, error: errors[name], hint: hint, required: required)
        }
        return PageSupport.html(Layout.render(ctx, .group(
            Components.errorSummary(errors, t),
            .if(editing?.status == .gepland, .p(.class("note"), .text(t("Andere rondes, een ander maximum aantal gesprekken of het aanvullen aan- of uitzetten maken het conceptrooster ongeldig: het vervalt en u plant opnieuw.",
                                                                        "Other rounds, another maximum of meetings or switching the filling on or off invalidate the draft schedule: it is dropped and you plan again.")))),
            Components.postForm(action: editing.map { SiteRoute.editMatchingday($0.id).path } ?? SiteRoute.newMatchingday.path, csrf: ctx.csrf, class: "edit", [
                field("name", t("Naam", "Name"), draft?.name),
                field("date", t("Datum", "Date"), draft?.date.description, type: "date"),
                field("place", t("Plaats", "Place"), draft?.place, required: false),
                field("registrationDeadline", t("Aanmelden kan tot en met", "Registration open until"), draft?.registrationDeadline.description, type: "date",
                      required: false, hint: t("Leeg: een week voor de dag.", "Empty: a week before the day.")),
                field("startTime", t("Begintijd eerste ronde", "Start of the first round"), draft?.startTime ?? "13:00", type: "time"),
                field("rounds", t("Aantal rondes", "Number of rounds"), draft.map { String($0.rounds) } ?? "6", type: "number"),
                field("roundMinutes", t("Minuten per ronde", "Minutes per round"), draft.map { String($0.roundMinutes) } ?? "20", type: "number"),
                field("changeMinutes", t("Wisseltijd tussen rondes (minuten)", "Changeover between rounds (minutes)"), draft.map { String($0.changeMinutes) } ?? "5", type: "number"),
                field("breakAfterRound", t("Pauze na ronde", "Break after round"), draft?.breakAfterRound.map(String.init), type: "number", required: false),
                field("breakMinutes", t("Minuten pauze", "Minutes of break"), draft.map { String($0.breakMinutes) } ?? "15", type: "number", required: false),
                field("maxMeetings", t("Hoogstens gesprekken per deelnemer", "At most meetings per participant"), draft.map { String($0.maxMeetings) } ?? "5", type: "number"),
                field("minMeetings", t("Minimum gesprekken per deelnemer", "Minimum meetings per participant"), draft.map { String($0.minimumMeetings) } ?? "2", type: "number",
                      required: false, hint: t("Wie er minder krijgt, staat met naam bij het rooster.", "Whoever gets fewer is named with the schedule.")),
                Components.select(name: "fillFreePlaces", label: t("Vrije plaatsen aanvullen met voorgestelde gesprekken (passende paren die niemand wenste, nooit een 'niet')",
                                                                   "Fill free places with suggested meetings (fitting pairs nobody wished, never a 'not')"),
                                  options: [("ja", t("Ja", "Yes")), ("nee", t("Nee", "No"))],
                                  selected: f("fillFreePlaces") ?? ((draft?.fillsFreePlaces ?? true) ? "ja" : "nee"), error: errors["fillFreePlaces"]),
                field("schoolPlaces", t("Plaatsen voor scholen", "Places for schools"), draft.map { String($0.schoolPlaces) } ?? "20", type: "number"),
                field("companyPlaces", t("Plaatsen voor bedrijven", "Places for companies"), draft.map { String($0.companyPlaces) } ?? "30", type: "number"),
                .if(editing == nil, .group(field("tables", t("Aantal tafels", "Number of tables"), "10", type: "number"),
                                           field("seats", t("Stoelen per tafel", "Seats per table"), "6", type: "number"))),
                Components.textarea("description", label: t("Beschrijving", "Description"), value: f("description") ?? draft?.description ?? "", error: errors["description"]),
                Components.submit(editing == nil ? t("Matchingdag aanmaken", "Create the Matchingday") : t("Opslaan", "Save")),
            ])
        )), status: status)
    }

    // MARK: The day

    static func event(_ req: Request, _ day: MatchingdayDay) async throws -> Response {
        let e = day.event
        let ctx = PageSupport.context(req, title: Localized(e.name, e.name), section: .events)
        let t = ctx.t, lang = ctx.lang
        let organiser = ctx.user?.role == .beheerder
        let mine = day.participants.first { $0.organizationId == req.actor?.organizationId && req.actor?.role == .contactpersoon }
        let active = day.participants.filter { $0.status != .cancelled }
        let times = e.roundTimes
        let notices: [(String, String, String)] = [
            ("aangemeld", t("Aangemeld voor deze Matchingdag.", "Registered for this Matchingday."), "registered"), ("aangemeld", t("De Matchingdag is vol: de aanmelding staat op de wachtlijst.", "The Matchingday is full: the registration is on the waiting list."), "waiting"),
            ("afgemeld", t("De aanmelding is ingetrokken.", "The registration was cancelled."), "1"), ("vrijgegeven", t("De agenda's zijn vrijgegeven.", "The agendas are published."), "1"),
        ]
        let agreements = try await req.matchingday.agreements(of: e.id).filter { organiser || DeskSupport.involves(req, $0.schoolId, $0.companyId) }
        let data = try await organizations(req, day, extra: agreements.flatMap { [$0.schoolId, $0.companyId] })
        let name = names(data)
        let choice = organiser ? try await OrganizationChoice.load(req) : OrganizationChoice(options: nil)
        let sent = req.query[Int.self, at: "opvolging"]
        func participantRows(_ side: ParticipantSide) -> [[Body]] {
            active.filter { $0.side == side }.map { p in
                let own = organiser || p.organizationId == req.actor?.organizationId
                return [Components.orgLink(p.organizationId, data), Components.badge(p.status.label(lang), p.status == .waiting ? "amber" : ""),
                        .text(p.firstRound == 1 && p.lastRound == e.rounds ? t("hele dag", "all day") : t("ronde \(p.firstRound)–\(p.lastRound)", "rounds \(p.firstRound)–\(p.lastRound)")),
                        .text(own ? p.attendees.joined(separator: ", ") : "—"),
                        .text(String(day.wishes.filter { $0.fromId == p.organizationId && !$0.byOrganiser }.count)),
                        own ? .group(.a(.href(SiteRoute.matchingdayParticipant(e.id, p.id).path), .text(t("Gegevens", "Details"))),
                                     .text(" · "), .a(.href(SiteRoute.matchingdayWishes(e.id, participant: organiser ? p.organizationId : nil).path), .text(t("Wensen", "Wishes"))),
                                     .if(organiser && !day.meetings.isEmpty, .group(.text(" · "), .a(.href(SiteRoute.matchingdayAgenda(e.id, organization: p.organizationId).path), .text(t("Agenda", "Agenda"))))))
                            : .text("")]
            }
        }
        let headers = [t("Organisatie", "Organisation"), t("Status", "Status"), t("Aanwezig", "Present"), t("Wie komen", "Attending"), t("Wensen", "Wishes"), ""]
        return PageSupport.html(Layout.render(ctx, .group(
            exampleNote(e, t),
            .forEach(notices.filter { req.query[String.self, at: $0.0] == $0.2 }) { .p(.class("note"), .attribute(named: "role", value: "status"), .text($0.1)) },
            .unwrap(sent) { .p(.class("note"), .attribute(named: "role", value: "status"), .text(t("Opvolgverzoeken verstuurd: \($0).", "Follow-up requests sent: \($0)."))) },
            Components.facts([
                (t("Datum", "Date"), .text(e.date.label(lang))), (t("Plaats", "Place"), e.place.map { .text($0) }),
                (t("Aanmelden tot en met", "Registration until"), .text(e.registrationDeadline.label(lang))),
                (t("Status", "Status"), Components.badge(e.status.label(lang))),
                (t("Rondes", "Rounds"), .text("\(e.rounds) × \(e.roundMinutes) min, " + (times.first.map { MatchingdayEvent.clock($0.start) } ?? "") + "–" + (times.last.map { MatchingdayEvent.clock($0.end) } ?? ""))),
                (t("Gesprekken per deelnemer", "Meetings per participant"), .text(t("hoogstens \(e.maxMeetings)", "at most \(e.maxMeetings)"))),
                (t("Plaatsen", "Places"), .text(t("\(e.schoolPlaces) scholen, \(e.companyPlaces) bedrijven", "\(e.schoolPlaces) schools, \(e.companyPlaces) companies"))),
                (t("Uit het rapport", "From the report"), e.reportEventId.map { .a(.href(SiteRoute.event($0).path), .text($0)) }),
            ]),
            .unwrap(e.description) { .p(.text($0)) },
            .if(req.actor?.role == .contactpersoon, ownPanel(ctx, e, mine, open: e.selfRegistrationClosed(on: DeskSupport.today(req)) == nil)),
            .h2(.text(t("Scholen", "Schools"))),
            Components.table(caption: t("Aangemelde scholen", "Registered schools"), headers: headers, rows: participantRows(.school), numericFrom: 4),
            .h2(.text(t("Bedrijven en organisaties", "Companies and organisations"))),
            Components.table(caption: t("Aangemelde bedrijven en organisaties", "Registered companies and organisations"), headers: headers, rows: participantRows(.company), numericFrom: 4),
            .if(!agreements.isEmpty, Components.table(caption: t("Afspraken op deze dag", "Agreements made on this day"),
                                                     headers: [t("School", "School"), t("Bedrijf", "Company"), t("Soort", "Type"), t("Periode", "Period"), t("Leerlingen", "Pupils"), t("Status", "Status")],
                                                     rows: agreements.map { a in [Components.orgLink(a.schoolId, data), Components.orgLink(a.companyId, data), .text(a.type.label(lang)),
                                                                                  .text([a.windowStart?.label(lang), a.windowEnd?.label(lang)].compactMap { $0 }.joined(separator: " – ")),
                                                                                  .text(String(a.pupils)), .a(.href(SiteRoute.agreement(a.id).path), .text(a.status.label(lang)))] }, numericFrom: 4)),
            .if(organiser, organiserPanel(ctx, day, choice: choice, name: name))
        )))
    }

    static func ownPanel(_ ctx: PageContext, _ e: MatchingdayEvent, _ mine: MatchingdayParticipant?, open: Bool) -> Body {
        let t = ctx.t
        guard let mine, mine.status != .cancelled else {
            return .section(.class("panel"), .h2(.text(t("Aanmelden", "Register"))),
                            open ? Components.postForm(action: SiteRoute.matchingdayAction(e.id, "aanmelden").path, csrf: ctx.csrf, [
                                Components.submit(t("Aanmelden voor deze Matchingdag", "Register for this Matchingday"))])
                                : .p(.text(t("De aanmelding is gesloten.", "Registration is closed."))))
        }
        return .section(.class("panel"), .h2(.text(t("Uw deelname", "Your participation"))),
                        .p(.text(t("Status: ", "Status: ")), Components.badge(mine.status.label(ctx.lang))),
                        .ul(.li(.a(.href(SiteRoute.matchingdayParticipant(e.id, mine.id).path), .text(t("Wie komen en wanneer", "Who attends and when")))),
                            .li(.a(.href(SiteRoute.matchingdayWishes(e.id).path), .text(t("Uw wensen: wie wilt u spreken?", "Your wishes: whom do you want to meet?")))),
                            .if(e.status == .vrijgegeven || e.status == .afgerond, .li(.a(.href(SiteRoute.matchingdayAgenda(e.id, organization: mine.organizationId).path), .text(t("Uw agenda", "Your agenda"))))),
                            .li(.a(.href(SiteRoute.matchingdayAgreement(e.id).path), .text(t("Een afspraak vastleggen", "Record an agreement"))))),
                        Components.postForm(action: SiteRoute.matchingdayParticipantAction(e.id, mine.id, "afmelden").path, csrf: ctx.csrf, class: "inline", [
                            Components.submit(t("Afmelden", "Cancel the registration"))]))
    }

    static func organiserPanel(_ ctx: PageContext, _ day: MatchingdayDay, choice: OrganizationChoice, name: [String: String]) -> Body {
        let t = ctx.t, lang = ctx.lang, e = day.event
        let active = day.participants.filter { $0.status != .cancelled }
        let registeredIds = Set(active.map(\.organizationId))
        let schools = active.filter { $0.side == .school }, companies = active.filter { $0.side == .company }
        let must = day.wishes.filter(\.byOrganiser)
        let canPlan = e.allows(.plan)
        return .section(.id("organiser"), .class("panel"), .h2(.text(t("Organisatie", "Organiser"))),
            .h3(.text(t("Rooster", "Schedule"))),
            .unwrap(e.objective) { objective in .p(.text(t("Waarde van het rooster: \(objective)", "Value of the schedule: \(objective)")),
                .unwrap(e.upperBound) { bound in .text(bound == objective ? t(" — bewezen optimaal.", " — proven optimal.")
                                                                      : t(" — hoogstens \(bound) is mogelijk (verschil \(bound - objective)).", " — at most \(bound) is possible (gap \(bound - objective)).")) },
                .unwrap(e.fairness) { .text(t(" Elke school heeft ten minste \($0) gesprek(ken) (of alles wat voor haar mogelijk is).", " Every school has at least \($0) meeting(s) (or all it can have).")) }) },
            .if(!day.meetings.isEmpty, .p(belowMinimum(day, name: name, t),
                .text(e.fillsFreePlaces ? t(" Vrije plaatsen worden aangevuld met voorgestelde gesprekken.", " Free places are filled with suggested meetings.")
                                        : t(" Vrije plaatsen worden niet aangevuld.", " Free places are not filled.")))),
            .div(.class("actions"),
                 .if(canPlan, Components.postForm(action: SiteRoute.matchingdayAction(e.id, "plannen").path, csrf: ctx.csrf, class: "inline", [
                    Components.submit(e.status == .open ? t("Rooster plannen", "Plan the schedule") : t("Opnieuw plannen", "Plan again"))])),
                 .if(e.status == .gepland || e.status == .vrijgegeven, Components.postForm(action: SiteRoute.matchingdayAction(e.id, "vrijgeven").path, csrf: ctx.csrf, class: "inline", [
                    Components.submit(e.status == .gepland ? t("Agenda's vrijgeven", "Publish the agendas") : t("Gewijzigde agenda's opnieuw vrijgeven", "Publish the changed agendas again"))])),
                 .if(e.status == .vrijgegeven, Components.postForm(action: SiteRoute.matchingdayAction(e.id, "herplannen").path, csrf: ctx.csrf, class: "inline", [
                    Components.submit(t("Herplannen met zo min mogelijk wijzigingen", "Reschedule with the fewest changes"))]))),
            .if(!day.meetings.isEmpty, .ul(
                .li(.a(.href(SiteRoute.matchingdayGrid(e.id).path), .text(t("Rooster (rondes × tafels)", "Schedule (rounds × tables)")))),
                .li(.a(.href(SiteRoute.matchingdayAgendas(e.id, pdf: false).path), .text(t("Alle agenda's afdrukken", "Print all agendas"))), .text(" · "),
                    .a(.href(SiteRoute.matchingdayAgendas(e.id, pdf: true).path), .text("PDF"))),
                .li(.a(.href(SiteRoute.matchingdayTableCards(e.id, pdf: false).path), .text(t("Tafelkaarten", "Table cards"))), .text(" · "),
                    .a(.href(SiteRoute.matchingdayTableCards(e.id, pdf: true).path), .text("PDF"))),
                .li(Downloads.links(csv: SiteRoute.matchingdayExport(e.id, "csv").path, xlsx: SiteRoute.matchingdayExport(e.id, "xlsx").path, lang: ctx.lang)))),
            .ul(.if(canPlan, .li(.a(.href(SiteRoute.editMatchingday(e.id).path), .text(t("Gegevens van de dag bewerken", "Edit the day's settings"))))),
                .li(.a(.href(SiteRoute.matchingdayCheckIn(e.id).path), .text(t("Aanwezigheid op de dag", "Check-in on the day")))),
                .li(.a(.href(SiteRoute.matchingdayAgreement(e.id).path), .text(t("Afspraak vastleggen", "Record an agreement"))))),
            Components.postForm(action: SiteRoute.matchingdayAction(e.id, "opvolging").path, csrf: ctx.csrf, class: "inline", [
                Components.submit(t("Opvolgverzoeken van deze dag versturen die nu aan de beurt zijn", "Send this day's follow-up requests now due"))]),
            .h3(.text(t("Deelnemer aanmelden", "Register a participant"))),
            Components.postForm(action: SiteRoute.matchingdayAction(e.id, "aanmelden").path, csrf: ctx.csrf, class: "inline", [
                Components.organizationField(choice, name: "organizationId", label: t("Organisatie", "Organisation"), selected: "", error: nil, t: t,
                                             allowed: { !registeredIds.contains($0.id) && $0.kind != .partnership },
                                             option: { $0.name + " (" + $0.kind.label(lang) + ")" }),
                Components.submit(t("Aanmelden", "Register"))]),
            .h3(.text(t("Moeten elkaar spreken", "Must meet"))),
            .p(.text(t("Bijvoorbeeld een school die nog geen bedrijf heeft. Een 'niet' van een van beide gaat voor.", "For example a school without any company yet. A 'not' from either side wins."))),
            .if(!must.isEmpty, .ul(.forEach(must) { w in
                .li(.text((name[w.fromId] ?? w.fromId) + " × " + (name[w.toId] ?? w.toId) + " "),
                    Components.postForm(action: SiteRoute.matchingdayAction(e.id, "moet-ontmoeten").path, csrf: ctx.csrf, class: "inline", [
                        .input(.type(.hidden), .name("school"), .value(w.fromId)), .input(.type(.hidden), .name("company"), .value(w.toId)),
                        .input(.type(.hidden), .name("remove"), .value("1")), Components.submit(t("Verwijderen", "Remove"))]))
            })),
            Components.postForm(action: SiteRoute.matchingdayAction(e.id, "moet-ontmoeten").path, csrf: ctx.csrf, class: "inline", [
                Components.select(name: "school", label: t("School", "School"), options: schools.map { ($0.organizationId, name[$0.organizationId] ?? $0.organizationId) }, selected: nil, error: nil),
                Components.select(name: "company", label: t("Bedrijf", "Company"), options: companies.map { ($0.organizationId, name[$0.organizationId] ?? $0.organizationId) }, selected: nil, error: nil),
                Components.submit(t("Toevoegen", "Add"))]),
            .h3(.id("tafels"), .text(t("Tafels", "Tables"))),
            canPlan ? Components.postForm(action: SiteRoute.matchingdayAction(e.id, "tafels").path, csrf: ctx.csrf, class: "edit", [
                Components.table(caption: t("Tafels en thema's", "Tables and themes"), headers: [t("Tafel", "Table"), t("Naam", "Name"), t("Stoelen", "Seats"), t("Sectorthema", "Sector theme")],
                                 rows: day.tables.map { tb in [.text(String(tb.number)),
                                    .input(.type(.text), .name("name-\(tb.number)"), .value(tb.name ?? ""), .attribute(named: "aria-label", value: t("Naam tafel \(tb.number)", "Name of table \(tb.number)"))),
                                    .input(.type(.number), .name("seats-\(tb.number)"), .value(String(tb.seats)), .attribute(named: "aria-label", value: t("Stoelen tafel \(tb.number)", "Seats at table \(tb.number)"))),
                                    .element(named: "select", nodes: [.attribute(named: "name", value: "sector-\(tb.number)"), .attribute(named: "aria-label", value: t("Thema tafel \(tb.number)", "Theme of table \(tb.number)")),
                                        .element(named: "option", nodes: [.attribute(named: "value", value: "", ignoreIfValueIsEmpty: false), .text("—")]),
                                        .forEach(Sector.allCases) { s in .element(named: "option", nodes: [.attribute(named: "value", value: s.rawValue),
                                            .if(tb.sector == s, .attribute(named: "selected", value: "selected")), .text(s.label(lang))]) }])] }, numericFrom: 9),
                Components.field("count", label: t("Aantal tafels", "Number of tables"), value: String(day.tables.count), type: "number"),
                Components.submit(t("Tafels opslaan", "Save the tables"))])
                : .p(.text(t("\(day.tables.count) tafels; de agenda's zijn uit, dus de tafels liggen vast.", "\(day.tables.count) tables; the agendas are out, so the tables are fixed.")))
        )
    }

    /// Every participant below the day's minimum number of meetings, by name (the grid and the organiser's summary).
    static func belowMinimum(_ day: MatchingdayDay, name: [String: String], _ t: (String, String) -> String) -> Body {
        let minimum = day.event.minimumMeetings
        let below = ScheduleSummary.belowMinimum(participants: day.participants, meetings: day.meetings, minimum: minimum)
        return .text(below.isEmpty ? t("Iedereen heeft ten minste \(minimum) gesprek(ken).", "Everyone has at least \(minimum) meeting(s).")
                     : t("Minder dan \(minimum) gesprek(ken): ", "Fewer than \(minimum) meeting(s): ") + below.map { (name[$0.organizationId] ?? $0.organizationId) + " (\($0.meetings))" }.joined(separator: ", ") + ".")
    }

    static func grid(_ req: Request, _ day: MatchingdayDay) async throws -> Response {
        let e = day.event
        let ctx = PageSupport.context(req, title: Localized("Rooster: " + e.name, "Schedule: " + e.name), section: .events)
        let t = ctx.t, lang = ctx.lang
        let name = names(try await organizations(req, day))
        let people = Dictionary(day.participants.map { ($0.organizationId, max(1, $0.attendees.count)) }, uniquingKeysWith: { a, _ in a })
        let summary = ["gewijzigd", "verplaatst", "vervallen", "nieuw", "behouden"].map { req.query[Int.self, at: $0] }
        let suggestions = ScheduleSummary.suggestions(meetings: day.meetings, wishes: day.wishes)
        let rows: [[Body]] = (1...e.rounds).map { r in
            [.text("\(r) · " + e.roundLabel(r))] + day.tables.map { tb in
                let here = day.meetings.filter { $0.round == r && $0.table == tb.number }
                return .group(.forEach(here) { m in
                    .div(.class(m.takesPlace ? "meeting" : "meeting cancelled"),
                         .text((name[m.schoolId] ?? m.schoolId) + " × " + (name[m.companyId] ?? m.companyId)),
                         .if(suggestions.contains(m.id), .group(.text(" "), Components.badge(t("voorstel", "suggested")))),
                         .unwrap(m.change) { c in .group(.text(" "), Components.badge(c.label(lang) + (c == .verplaatst ? t(" (was ronde \(m.previousRound ?? 0), tafel \(m.previousTable ?? 0))", " (was round \(m.previousRound ?? 0), table \(m.previousTable ?? 0))") : ""), "amber")) },
                         .if(m.takesPlace && (people[m.schoolId] ?? 1) + (people[m.companyId] ?? 1) > tb.seats, .group(.text(" "), Components.badge(t("te weinig stoelen", "too few seats"), "red"))),
                         .if(m.takesPlace, .group(.text(" "), .a(.href(SiteRoute.matchingdayAgreement(e.id, school: m.schoolId, company: m.companyId).path), .text(t("afspraak", "agreement"))))))
                })
            }
        }
        let taking = day.meetings.filter(\.takesPlace)
        let perSchool = Dictionary(grouping: taking, by: \.schoolId).mapValues(\.count)
        return PageSupport.html(Layout.render(ctx, .group(
            .p(.a(.href(SiteRoute.matchingday(e.id).path), .text(e.name))),
            exampleNote(e, t),
            .if(summary[0] != nil, .p(.class("note"), .attribute(named: "role", value: "status"),
                .text(t("Herpland: \(summary[0] ?? 0) afgedrukte gesprek(ken) gewijzigd (\(summary[1] ?? 0) verplaatst, \(summary[2] ?? 0) vervallen), \(summary[4] ?? 0) ongewijzigd, \(summary[3] ?? 0) nieuw.",
                        "Rescheduled: \(summary[0] ?? 0) printed meeting(s) changed (\(summary[1] ?? 0) moved, \(summary[2] ?? 0) cancelled), \(summary[4] ?? 0) unchanged, \(summary[3] ?? 0) new.")))),
            .p(.text(t("\(taking.count) gesprekken; waarde \(e.objective ?? 0)", "\(taking.count) meetings; value \(e.objective ?? 0)")),
               .unwrap(e.upperBound) { b in .text(b == e.objective ? t(", bewezen optimaal.", ", proven optimal.") : t(", bovengrens \(b).", ", upper bound \(b).")) },
               .text(t(" Gesprekken per school: ", " Meetings per school: ") + perSchool.sorted { $0.key < $1.key }.map { (name[$0.key] ?? $0.key) + " \($0.value)" }.joined(separator: ", "))),
            .p(.text(suggestions.isEmpty ? "" : t("\(taking.filter { suggestions.contains($0.id) }.count) gesprek(ken) zijn voorstellen van de organisatie (passende paren die niemand wenste, gemarkeerd als voorstel); ze tellen niet mee in de waarde. ",
                                                  "\(taking.filter { suggestions.contains($0.id) }.count) meeting(s) are the organiser's suggestions (fitting pairs nobody wished, marked as suggested); they do not count in the value. ")),
               belowMinimum(day, name: name, t)),
            Components.table(caption: t("Rondes × tafels", "Rounds × tables"), headers: [t("Ronde", "Round")] + day.tables.map { $0.label + ($0.sector.map { " (" + $0.label(lang) + ")" } ?? "") },
                             rows: rows, numericFrom: 99)
        )))
    }

    static func checkIn(_ req: Request, _ day: MatchingdayDay) async throws -> Response {
        let e = day.event
        let ctx = PageSupport.context(req, title: Localized("Aanwezigheid: " + e.name, "Check-in: " + e.name), section: .events)
        let t = ctx.t
        let data = try await organizations(req, day)
        let registered = day.participants.filter { $0.status == .registered }
        return PageSupport.html(Layout.render(ctx, .group(
            .p(.a(.href(SiteRoute.matchingday(e.id).path), .text(e.name))),
            .p(.text(t("\(registered.filter(\.checkedIn).count) van \(registered.count) aanwezig. Wie niet komt: afmelden, daarna herplannen.",
                       "\(registered.filter(\.checkedIn).count) of \(registered.count) present. Who does not come: cancel, then reschedule."))),
            Components.table(caption: t("Deelnemers", "Participants"), headers: [t("Organisatie", "Organisation"), t("Wie", "Who"), t("Aanwezig", "Present"), ""],
                             rows: registered.map { p in [
                                Components.orgLink(p.organizationId, data), .text(p.attendees.joined(separator: ", ")),
                                Components.badge(p.checkedIn ? t("Ja", "Yes") : t("Nee", "No"), p.checkedIn ? "green" : ""),
                                .group(Components.postForm(action: SiteRoute.matchingdayParticipantAction(e.id, p.id, "inchecken").path, csrf: ctx.csrf, class: "inline", [
                                            Components.submit(p.checkedIn ? t("Inchecken ongedaan maken", "Undo check-in") : t("Inchecken", "Check in"))]),
                                       Components.postForm(action: SiteRoute.matchingdayParticipantAction(e.id, p.id, "afmelden").path, csrf: ctx.csrf, class: "inline", [
                                            Components.submit(t("Afmelden", "Cancel"))])),
                             ] }, numericFrom: 9)
        )))
    }

    static func agreement(_ req: Request, _ day: MatchingdayDay, draft: ActivityAgreement?, errors: [String: String], status: HTTPStatus = .ok) async throws -> Response {
        let e = day.event
        let ctx = PageSupport.context(req, title: Localized("Afspraak vastleggen", "Record an agreement"), section: .events)
        let t = ctx.t, lang = ctx.lang
        let name = names(try await organizations(req, day))
        let registered = day.participants.filter { $0.status == .registered }
        func options(_ side: ParticipantSide) -> [(String, String)] {
            // A contact person records for their own organisation with anyone on the other side.
            let onSide = registered.filter { $0.side == side }
            let own = onSide.filter { $0.organizationId == req.actor?.organizationId && req.actor?.role == .contactpersoon }
            return [("", "—")] + (own.isEmpty ? onSide : own).map { ($0.organizationId, name[$0.organizationId] ?? $0.organizationId) }
        }
        let recorded = req.query[String.self, at: "vastgelegd"]
        return PageSupport.html(Layout.render(ctx, .group(
            .p(.a(.href(SiteRoute.matchingday(e.id).path), .text(e.name))),
            .unwrap(recorded) { id in .p(.class("note"), .attribute(named: "role", value: "status"),
                                       .text(t("Vastgelegd als afgesproken in de netwerkbalie; over zes maanden vragen we beide partijen of het is doorgegaan. ", "Recorded as agreed in the network desk; in six months both sides are asked whether it happened. ")),
                                       .a(.href(SiteRoute.agreement(id).path), .text(t("Bekijk de afspraak", "View the agreement")))) },
            Components.errorSummary(errors, t),
            Components.postForm(action: SiteRoute.matchingdayAgreement(e.id).path, csrf: ctx.csrf, class: "edit", [
                Components.select(name: "school", label: t("School", "School"), options: options(.school), selected: draft?.schoolId ?? req.query[String.self, at: "school"], error: errors["school"]),
                Components.select(name: "company", label: t("Bedrijf", "Company"), options: options(.company), selected: draft?.companyId ?? req.query[String.self, at: "bedrijf"], error: errors["company"]),
                Components.select(name: "type", label: t("Soort activiteit", "Type of activity"), options: ActivityType.allCases.map { ($0.rawValue, $0.label(lang)) },
                                  selected: draft?.type.rawValue, error: errors["type"]),
                Components.field("windowStart", label: t("Ergens tussen", "Some time between"), value: draft?.windowStart?.description, type: "date", error: errors["windowStart"], required: true),
                Components.field("windowEnd", label: t("en", "and"), value: draft?.windowEnd?.description, type: "date", error: errors["windowEnd"], required: true),
                Components.field("pupils", label: t("Aantal leerlingen", "Number of pupils"), value: draft.map { String($0.pupils) }, type: "number", error: errors["pupils"], required: true),
                Components.submit(t("Afspraak vastleggen", "Record the agreement")),
            ])
        )), status: status)
    }
}
