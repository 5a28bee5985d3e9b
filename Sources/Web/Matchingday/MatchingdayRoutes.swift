import Domain
import Fluent
import Foundation
import Persistence
import Plot
import Vapor

/// The Matchingday planner: the organiser (beheerder) creates a day, contact persons register their organisation
/// and say whom they want to meet, the organiser plans the schedule, publishes the agendas, checks people in,
/// reschedules with the fewest changes when someone cancels, and records the agreements made at the tables.
struct MatchingdayRoutes {
    static let participants = Access.roles([.beheerder, .contactpersoon])

    func register(_ app: Application) {
        app.get(.matchingdays, access: .public) { req in try await MatchingdayPages.list(req) }
        app.get(.newMatchingday, access: .beheerder) { req in MatchingdayPages.eventForm(req, draft: nil, editing: nil, errors: [:]) }
        app.post(.newMatchingday, access: .beheerder) { req in try await Self.create(req) }
        app.get(.matchingday(":id"), access: .public) { req in try await MatchingdayPages.event(req, try await Self.day(req)) }
        app.get(.editMatchingday(":id"), access: .beheerder, use: Self.editMatchingday)
        app.post(.editMatchingday(":id"), access: .beheerder) { req in try await Self.edit(req) }
        app.post(.matchingdayAction(":id", "aanmelden"), access: Self.participants) { req in try await Self.registerParticipant(req) }
        app.get(.matchingdayParticipant(":id", ":pid"), access: Self.participants, use: Self.matchingdayParticipant)
        app.post(.matchingdayParticipant(":id", ":pid"), access: Self.participants) { req in try await Self.saveParticipant(req) }
        app.post(.matchingdayParticipantAction(":id", ":pid", "afmelden"), access: Self.participants, use: Self.cancelParticipant)
        app.post(.matchingdayParticipantAction(":id", ":pid", "inchecken"), access: .beheerder, use: Self.checkIn)
        app.get(.matchingdayWishes(":id"), access: Self.participants, use: Self.matchingdayWishes)
        app.post(.matchingdayWishes(":id"), access: Self.participants) { req in try await Self.saveWishes(req) }
        app.post(.matchingdayAction(":id", "moet-ontmoeten"), access: .beheerder) { req in try await Self.saveMustMeet(req) }
        app.post(.matchingdayAction(":id", "tafels"), access: .beheerder) { req in try await Self.saveTables(req) }
        app.post(.matchingdayAction(":id", "plannen"), access: .beheerder) { req in try await Self.plan(req) }
        app.post(.matchingdayAction(":id", "herplannen"), access: .beheerder) { req in try await Self.reschedule(req) }
        app.post(.matchingdayAction(":id", "vrijgeven"), access: .beheerder) { req in try await Self.publish(req) }
        app.post(.matchingdayAction(":id", "opvolging"), access: .beheerder, use: Self.postMatchingdayAction)
        app.get(.matchingdayGrid(":id"), access: .beheerder) { req in try await MatchingdayPages.grid(req, try await Self.day(req)) }
        app.get(.matchingdayCheckIn(":id"), access: .beheerder) { req in try await MatchingdayPages.checkIn(req, try await Self.day(req)) }
        app.get(.matchingdayAgreement(":id"), access: Self.participants, use: Self.matchingdayAgreement)
        app.post(.matchingdayAgreement(":id"), access: Self.participants) { req in try await Self.recordAgreement(req) }
        MatchingdayOutputs().register(app)
    }

    // MARK: Loading and who may act

    static func day(_ req: Request) async throws -> MatchingdayDay {
        guard let day = try await req.matchingday.day(try req.parameters.require("id")) else { throw Abort(.notFound) }
        return day
    }

    static func isOrganiser(_ req: Request) -> Bool { req.actor?.role == .beheerder }

    /// The participant in the path, when the actor is the organiser or that organisation's contact person.
    static func participant(_ req: Request) async throws -> (MatchingdayDay, MatchingdayParticipant) {
        let day = try await day(req)
        guard let p = day.participants.first(where: { $0.id == req.parameters.get("pid") }) else { throw Abort(.notFound) }
        guard DeskSupport.involves(req, p.organizationId) else { throw PageError(.forbidden, "alleen de aanmelding van uw eigen organisatie", "only your own organisation's registration") }
        return (day, p)
    }

    /// Whose wishes the page is about: the organiser chooses (?deelnemer=), a contact person is their organisation.
    static func wisher(_ req: Request, _ day: MatchingdayDay) throws -> MatchingdayParticipant {
        let orgId = isOrganiser(req) ? (req.query[String.self, at: "deelnemer"] ?? (try? req.content.get(String.self, at: "deelnemer"))) : req.actor?.organizationId
        guard let p = day.participants.first(where: { $0.organizationId == orgId && $0.status != .cancelled }) else {
            throw Abort(.notFound, reason: isOrganiser(req) ? "deelnemer: choose a registered participant" : "your organisation is not registered for this day")
        }
        return p
    }

    // MARK: Handlers

    /// The day's settings from the form (new or edited), with the errors of each field in `reader`.
    static func readEvent(_ reader: inout FormReader, base: MatchingdayEvent?, today: PartialDate) -> MatchingdayEvent {
        let date = reader.day("date")
        let deadline = reader.day("registrationDeadline", optional: true)
        var event = base ?? MatchingdayEvent(id: DeskSupport.newId("matchingdag"), name: "", date: today, registrationDeadline: today, createdOn: today)
        event.name = reader.string("name"); event.date = date ?? event.date; event.place = reader.text("place"); event.description = reader.text("description")
        event.registrationDeadline = deadline ?? Matching.day(date ?? today, plus: -7)
        event.startTime = reader.string("startTime"); event.rounds = reader.int("rounds") ?? 0; event.roundMinutes = reader.int("roundMinutes") ?? 0
        event.changeMinutes = reader.int("changeMinutes", default: 5) ?? 0; event.breakAfterRound = reader.int("breakAfterRound", optional: true)
        event.breakMinutes = reader.int("breakMinutes", default: 0) ?? 0; event.maxMeetings = reader.int("maxMeetings") ?? 0
        event.schoolPlaces = reader.int("schoolPlaces") ?? 0; event.companyPlaces = reader.int("companyPlaces") ?? 0
        event.minMeetings = reader.int("minMeetings", optional: true)
        switch reader.string("fillFreePlaces") {
        case "", "ja": event.fillFreePlaces = nil
        case "nee": event.fillFreePlaces = false
        default: reader.fail("fillFreePlaces", "Kies ja of nee.", "Choose yes or no.")
        }
        reader.merge(event.violations())
        if let d = date, d < today, d != base?.date { reader.fail("date", "De datum ligt in het verleden.", "The date is in the past.") }
        return event
    }

    static func create(_ req: Request) async throws -> Response {
        var reader = FormReader(req)
        let event = readEvent(&reader, base: nil, today: DeskSupport.today(req))
        let tables = reader.int("tables") ?? 0
        let seats = reader.int("seats", default: 6) ?? 6
        if !(1...500).contains(tables) { reader.fail("tables", "Van 1 tot 500 tafels.", "From 1 to 500 tables.") }
        if !(2...50).contains(seats) { reader.fail("seats", "Van 2 tot 50 stoelen per tafel.", "From 2 to 50 seats a table.") }
        guard reader.errors.isEmpty else { return MatchingdayPages.eventForm(req, draft: event, editing: nil, errors: reader.errors, status: .badRequest) }
        let made = (1...tables).map { MatchingdayTable(id: event.id + "-tafel-\($0)", eventId: event.id, number: $0, seats: seats) }
        try await req.matchingday.create(event, tables: made, actor: DeskSupport.actorId(req))
        return req.redirect(to: SiteRoute.matchingday(event.id).path)
    }

    /// Editing the day before the agendas are out. A draft schedule made under other rounds or another cap is
    /// dropped (the day is open again); presence is clamped to the new number of rounds.
    static func edit(_ req: Request) async throws -> Response {
        let day = try await day(req)
        guard day.event.allows(.editSettings) else { throw PageError(.conflict, "de agenda's zijn uit: de gegevens van de dag liggen vast", "the agendas are out: the day's settings are fixed") }
        var reader = FormReader(req)
        var event = readEvent(&reader, base: day.event, today: DeskSupport.today(req))
        guard reader.errors.isEmpty else { return MatchingdayPages.eventForm(req, draft: event, editing: day.event, errors: reader.errors, status: .badRequest) }
        let stale = day.event.dropsDraft(event)
        if stale { event.status = .open; event.objective = nil; event.upperBound = nil; event.fairness = nil }
        try await req.matchingday.saveSettings(event, expected: day.event, clearSchedule: stale,
                                               participants: MatchingdayRegistration.clamped(day.participants, rounds: event.rounds), actor: DeskSupport.actorId(req))
        return req.redirect(to: SiteRoute.matchingday(day.event.id).path)
    }

    static func registerParticipant(_ req: Request) async throws -> Response {
        let day = try await day(req)
        // The organiser names the organisation (an id, or a name that finds one); a contact person registers their own.
        let org: Organization
        if isOrganiser(req) {
            switch try await OrganizationChoice.resolve(req, FormReader(req).string("organizationId")) {
            case .found(let found): org = found
            case .refused(let message): throw PageError(.badRequest, "organizationId: " + message.nl, "organizationId: " + message.en)
            }
        } else {
            let orgId = req.actor?.organizationId ?? ""
            guard let own = try await req.network.organization(orgId) else { throw PageError(.badRequest, "organizationId: onbekende organisatie '\(orgId)'", "organizationId: unknown organisation '\(orgId)'") }
            org = own
        }
        let today = DeskSupport.today(req)
        if !isOrganiser(req) {
            switch day.event.selfRegistrationClosed(on: today) {
            case .scheduleMade: throw PageError(.conflict, "aanmelden is gesloten: het rooster is gemaakt", "registration is closed: the schedule is made")
            case .deadlinePassed: throw PageError(.conflict, "aanmelden sloot op \(day.event.registrationDeadline.label(.nl))", "registration closed on \(day.event.registrationDeadline.label(.en))")
            case nil: break
            }
        }
        let p = try await req.matchingday.register(eventId: day.event.id, organizationId: org.id, side: .of(org.kind), today: today,
                                                            actor: DeskSupport.actorId(req), newId: DeskSupport.newId("deelnemer"))
        // A confirmation for the organisation's contact persons, so a colleague who did not register knows too.
        let link = req.application.absoluteURL(SiteRoute.matchingday(day.event.id).path)
        for contact in try await Contacts.of(org.id, on: req.db) {
            try await Outbox.send(to: contact, on: req) {
                Messages.registered(name: contact.name, organization: org.name, waiting: p.status == .waiting, event: day.event.name,
                                    date: day.event.date, link: link, lang: $0)
            }
        }
        return req.redirect(to: SiteRoute.matchingday(day.event.id).path + "?aangemeld=" + p.status.rawValue)
    }

    static func saveParticipant(_ req: Request) async throws -> Response {
        let (day, participant) = try await participant(req)
        var reader = FormReader(req)
        var next = participant
        next.attendees = reader.string("attendees").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        next.firstRound = reader.int("firstRound") ?? 0
        next.lastRound = reader.int("lastRound") ?? 0
        reader.merge(next.violations(rounds: day.event.rounds))
        guard reader.errors.isEmpty else { return MatchingdayPages.participant(req, day, next, errors: reader.errors, status: .badRequest) }
        try await req.matchingday.update(next, expected: participant, actor: DeskSupport.actorId(req))
        return req.redirect(to: SiteRoute.matchingday(day.event.id).path)
    }

    static func saveWishes(_ req: Request) async throws -> Response {
        let day = try await day(req)
        let wisher = try wisher(req, day)
        var reader = FormReader(req)
        let others = day.participants.filter { $0.side != wisher.side && $0.status != .cancelled }
        var wishes: [MatchingdayWish] = []
        for o in others {
            let raw = reader.string("wish-" + o.organizationId)
            if raw.isEmpty { continue }
            guard let priority = WishPriority(rawValue: raw) else { reader.fail("wish-" + o.organizationId, "Onbekende voorkeur '\(raw)'.", "Unknown priority '\(raw)'."); continue }
            wishes.append(MatchingdayWish(id: DeskSupport.newId("wens"), eventId: day.event.id, fromId: wisher.organizationId, toId: o.organizationId, priority: priority))
        }
        if WishPriority.tooManyMusts(wishes.map(\.priority), maxMeetings: day.event.maxMeetings) {
            reader.fail("wishes", "Hoogstens \(day.event.maxMeetings) keer 'moet' (zoveel gesprekken heeft u).", "At most \(day.event.maxMeetings) times 'must' (that is how many meetings you have).")
        }
        guard reader.errors.isEmpty else { return try await MatchingdayPages.wishes(req, day, wisher, errors: reader.errors, status: .badRequest) }
        try await req.matchingday.setWishes(eventId: day.event.id, fromId: wisher.organizationId, byOrganiser: false, wishes: wishes, actor: DeskSupport.actorId(req))
        return req.redirect(to: SiteRoute.matchingdayWishes(day.event.id, participant: isOrganiser(req) ? wisher.organizationId : nil).path + (isOrganiser(req) ? "&" : "?") + "opgeslagen=1")
    }

    /// Adds (or with remove=1 removes) an organiser's must-meet pair.
    static func saveMustMeet(_ req: Request) async throws -> Response {
        let day = try await day(req)
        let reader = FormReader(req)
        let school = reader.string("school"), company = reader.string("company")
        let active = day.participants.filter { $0.status != .cancelled }
        guard active.contains(where: { $0.organizationId == school && $0.side == .school }) else { throw PageError(.badRequest, "school: kies een aangemelde school", "school: choose a registered school") }
        guard active.contains(where: { $0.organizationId == company && $0.side == .company }) else { throw PageError(.badRequest, "bedrijf: kies een aangemeld bedrijf", "company: choose a registered company") }
        var pairs = day.wishes.filter { $0.byOrganiser && $0.fromId == school }
        if reader.flag("remove") { pairs.removeAll { $0.toId == company } }
        else if !pairs.contains(where: { $0.toId == company }) {
            pairs.append(MatchingdayWish(id: DeskSupport.newId("moet"), eventId: day.event.id, fromId: school, toId: company, priority: .moet, byOrganiser: true))
        }
        let kept = pairs.map { MatchingdayWish(id: DeskSupport.newId("moet"), eventId: $0.eventId, fromId: $0.fromId, toId: $0.toId, priority: .moet, byOrganiser: true) }
        try await req.matchingday.setWishes(eventId: day.event.id, fromId: school, byOrganiser: true, wishes: kept, actor: DeskSupport.actorId(req))
        return req.redirect(to: SiteRoute.matchingday(day.event.id).path + "#organiser")
    }

    /// Names, seats and sector themes of the tables; `count` adds or removes tables at the end.
    static func saveTables(_ req: Request) async throws -> Response {
        let day = try await day(req)
        guard day.event.allows(.editTables) else { throw PageError(.conflict, "tafels: de agenda's zijn uit; herplan in plaats daarvan", "tables: the agendas are out; reschedule instead") }
        var reader = FormReader(req)
        let count = reader.int("count") ?? day.tables.count
        guard (1...500).contains(count) else { throw PageError(.badRequest, "aantal: van 1 tot 500 tafels", "count: from 1 to 500 tables") }
        var tables: [MatchingdayTable] = []
        for n in 1...count {
            var t = day.tables.first { $0.number == n } ?? MatchingdayTable(id: day.event.id + "-tafel-\(n)", eventId: day.event.id, number: n, seats: day.tables.last?.seats ?? 6)
            if day.tables.contains(where: { $0.number == n }) {
                t.name = reader.text("name-\(n)")
                t.seats = reader.int("seats-\(n)", default: t.seats) ?? t.seats
                let sector = reader.string("sector-\(n)")
                t.sector = sector.isEmpty ? nil : Sector(rawValue: sector)
                if !sector.isEmpty && t.sector == nil { reader.fail("sector-\(n)", "Onbekende sector.", "Unknown sector.") }
                if !(2...50).contains(t.seats) { reader.fail("seats-\(n)", "Van 2 tot 50 stoelen.", "From 2 to 50 seats.") }
            }
            tables.append(t)
        }
        guard reader.errors.isEmpty else { throw Abort(.badRequest, reason: reader.errors.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")) }
        try await req.matchingday.saveTables(tables, previous: day.tables, actor: DeskSupport.actorId(req))
        return req.redirect(to: SiteRoute.matchingday(day.event.id).path + "#tafels")
    }

    /// The planner for a day, with the organisations' sectors for the themed tables.
    static func planner(_ req: Request, _ day: MatchingdayDay) async throws -> MatchingdayPlanner {
        let data = try await MatchingdayPages.organizations(req, day)
        return MatchingdayPlanner(day, organizations: Dictionary(data.organizations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
    }

    static func plan(_ req: Request) async throws -> Response {
        let day = try await day(req)
        guard day.event.allows(.plan) else { throw PageError(.conflict, "de agenda's zijn uit: herplan met zo min mogelijk wijzigingen", "the agendas are out: reschedule with the fewest changes instead") }
        let planner = try await planner(req, day)
        let (meetings, schedule) = req.application.metrics.solve("matchingday-plan") { planner.plan { DeskSupport.newId("gesprek") } }
        var event = day.event
        event.status = .gepland
        event.objective = schedule.objective; event.upperBound = schedule.upperBound; event.fairness = schedule.fairness
        try await req.matchingday.saveSchedule(event, expected: day.event, meetings: meetings, actor: DeskSupport.actorId(req))
        return req.redirect(to: SiteRoute.matchingdayGrid(day.event.id).path)
    }

    static func reschedule(_ req: Request) async throws -> Response {
        let day = try await day(req)
        guard day.event.allows(.reschedule) else { throw PageError(.conflict, "er is nog niets afgedrukt: plan opnieuw", "nothing is printed yet: plan again instead") }
        let planner = try await planner(req, day)
        let (meetings, result) = req.application.metrics.solve("matchingday-reschedule") { planner.reschedule { DeskSupport.newId("gesprek") } }
        var event = day.event
        event.objective = result.objective
        event.upperBound = nil
        event.fairness = nil
        try await req.matchingday.saveSchedule(event, expected: day.event, meetings: meetings, actor: DeskSupport.actorId(req))
        // Only the participants whose meetings changed hear of it, each with the number of its changes.
        var changed: [String: Int] = [:]
        for m in meetings where m.change != nil { changed[m.schoolId, default: 0] += 1; changed[m.companyId, default: 0] += 1 }
        for (org, n) in changed.sorted(by: { $0.key < $1.key }) {
            try await Notify.organizations([org], except: req.actor?.accountId,
                                           notice: Notices.rescheduled(event: day.event.name, changes: n,
                                                                       link: req.application.absoluteURL(SiteRoute.matchingdayAgenda(day.event.id, organization: org).path)), on: req)
        }
        let summary = query([("gewijzigd", String(result.changes)), ("verplaatst", String(result.moved.count)), ("vervallen", String(result.dropped.count)),
                             ("nieuw", String(result.added.count)), ("behouden", String(result.kept.count))])
        return req.redirect(to: SiteRoute.matchingdayGrid(day.event.id).path + summary)
    }

    /// Publishes the agendas: the schedule as it stands is what people hold from now on (change marks cleared,
    /// cancelled meetings removed), so a later reschedule counts its changes against this.
    static func publish(_ req: Request) async throws -> Response {
        let day = try await day(req)
        guard day.event.allows(.publish) else { throw PageError(.conflict, "maak eerst het rooster", "plan the schedule first") }
        var event = day.event
        event.status = .vrijgegeven
        let meetings = day.meetings.filter(\.takesPlace).map { m in
            MatchingdayMeeting(id: m.id, eventId: m.eventId, schoolId: m.schoolId, companyId: m.companyId, round: m.round, table: m.table)
        }
        try await req.matchingday.saveSchedule(event, expected: day.event, meetings: meetings, actor: DeskSupport.actorId(req))
        // Every participant with a meeting hears that its agenda is ready (a republication says it again).
        for org in Set(meetings.flatMap { [$0.schoolId, $0.companyId] }).sorted() {
            try await Notify.organizations([org], except: req.actor?.accountId,
                                           notice: Notices.agendasPublished(event: day.event.name, date: day.event.date,
                                                                            link: req.application.absoluteURL(SiteRoute.matchingdayAgenda(day.event.id, organization: org).path)), on: req)
        }
        return req.redirect(to: SiteRoute.matchingday(day.event.id).path + "?vrijgegeven=1")
    }

    /// An agreement made at the table lands in the network desk as "afgesproken", with a follow-up in six months.
    static func recordAgreement(_ req: Request) async throws -> Response {
        let day = try await day(req)
        var reader = FormReader(req)
        let school = reader.string("school"), company = reader.string("company")
        if !school.isEmpty, !company.isEmpty, !DeskSupport.involves(req, school, company) {
            throw PageError(.forbidden, "alleen de school, het bedrijf of de organisator legt hun afspraak vast", "only the school, the company or the organiser records their agreement")
        }
        let type = reader.choice("type", ActivityType.self)
        let from = reader.day("windowStart"), to = reader.day("windowEnd")
        let pupils = reader.int("pupils")
        let (agreement, violations) = day.agreement(id: DeskSupport.newId("afspraak"), school: school, company: company, type: type ?? .gastles, pupils: pupils,
                                                    windowStart: from, windowEnd: to, today: DeskSupport.today(req))
        reader.merge(violations)
        guard reader.errors.isEmpty else { return try await MatchingdayPages.agreement(req, day, draft: agreement, errors: reader.errors, status: .badRequest) }
        try await req.desk.insert(agreement, actor: DeskSupport.actorId(req))
        return req.redirect(to: SiteRoute.matchingdayAgreement(day.event.id).path + "?vastgelegd=" + agreement.id)
    }

    @Sendable static func editMatchingday(_ req: Request) async throws -> some AsyncResponseEncodable {
        let day = try await Self.day(req)
        return MatchingdayPages.eventForm(req, draft: day.event, editing: day.event, errors: [:])
    }

    @Sendable static func matchingdayParticipant(_ req: Request) async throws -> some AsyncResponseEncodable {
        let (day, participant) = try await Self.participant(req)
        return MatchingdayPages.participant(req, day, participant, errors: [:])
    }

    @Sendable static func cancelParticipant(_ req: Request) async throws -> some AsyncResponseEncodable {
        let (day, participant) = try await Self.participant(req)
        if let promoted = try await req.matchingday.cancel(participant, actor: DeskSupport.actorId(req)) {
            // The first on the waiting list has a place now, and should hear it without checking the page.
            for contact in try await Contacts.of(promoted.organizationId, on: req.db) {
                let link = req.application.absoluteURL(SiteRoute.matchingday(day.event.id).path)
                try await Outbox.send(to: contact, on: req) {
                    Messages.placeFreed(name: contact.name, event: day.event.name, date: day.event.date, link: link, lang: $0)
                }
            }
        }
        // The organiser cancels from the check-in list on the day and stays there.
        return req.redirect(to: Self.isOrganiser(req) ? SiteRoute.matchingdayCheckIn(day.event.id).path : SiteRoute.matchingday(day.event.id).path + "?afgemeld=1")
    }

    @Sendable static func checkIn(_ req: Request) async throws -> some AsyncResponseEncodable {
        let (day, participant) = try await Self.participant(req)
        guard participant.status == .registered else { throw PageError(.conflict, "alleen een aangemelde deelnemer meldt zich aan de balie", "only a registered participant checks in") }
        var next = participant
        next.checkedIn.toggle()
        try await req.matchingday.update(next, expected: participant, actor: DeskSupport.actorId(req))
        return req.redirect(to: SiteRoute.matchingdayCheckIn(day.event.id).path)
    }

    @Sendable static func matchingdayWishes(_ req: Request) async throws -> some AsyncResponseEncodable {
        let day = try await Self.day(req)
        return try await MatchingdayPages.wishes(req, day, try Self.wisher(req, day))
    }

    @Sendable static func postMatchingdayAction(_ req: Request) async throws -> some AsyncResponseEncodable {
        let day = try await Self.day(req)
        let sent = try await FollowUps.send(db: req.db, sender: req.application.mailSender, logger: req.logger, base: req.application.publicBaseURL,
                                             today: DeskSupport.today(req), eventId: day.event.id)
        return req.redirect(to: SiteRoute.matchingday(day.event.id).path + "?opvolging=\(sent)")
    }

    @Sendable static func matchingdayAgreement(_ req: Request) async throws -> some AsyncResponseEncodable {
        let day = try await Self.day(req)
        return try await MatchingdayPages.agreement(req, day, draft: nil, errors: [:])
    }
}

extension Request {
    /// The Matchingday's records for this request (issue 13): SQL behind the `MatchingdayRepository` seam.
    var matchingday: any MatchingdayRepository { SQLMatchingdayRepository(db) }
}

/// Six months after a Matchingday both sides are asked whether their agreement happened.
enum FollowUps {
    /// Sends every due follow-up (of one event, or all) once, claimed atomically, to the contact persons of both
    /// sides; returns how many.
    static func send(db: any Database, sender: any MailSender, logger: Logger, base: String, today: PartialDate, eventId: String? = nil) async throws -> Int {
        let claimed = try await SQLMatchingdayRepository(db).claimFollowUps(today: today, eventId: eventId)
        guard !claimed.isEmpty else { return 0 }
        let names = try await RecordStore(db).organizationNames(claimed.flatMap { [$0.schoolId, $0.companyId] })
        for a in claimed {
            let link = base + SiteRoute.agreement(a.id).path
            for org in [a.schoolId, a.companyId] {
                for contact in try await Contacts.of(org, on: db) {
                    try await Outbox.send(to: contact, db: db, sender: sender, logger: logger) {
                        Messages.followUp(name: contact.name, type: a.type, school: names[a.schoolId] ?? a.schoolId,
                                          company: names[a.companyId] ?? a.companyId, link: link, lang: $0)
                    }
                }
            }
        }
        return claimed.count
    }
}

/// Sends the follow-up questions now due (the `follow-ups` command and the hourly job in `serve`); safe to run
/// on several instances at once, since each agreement is claimed once.
public func sendDueFollowUps(_ app: Application, today: PartialDate = PartialDate(day: Date())) async throws -> Int {
    try await FollowUps.send(db: app.db, sender: app.mailSender, logger: app.logger, base: app.publicBaseURL, today: today)
}
