import Domain
import Foundation
import Persistence
import Reports
import Vapor

extension Request {
    /// Transport's records for this request (issue 13): SQL behind the `TransportRepository` seam.
    var transport: any TransportRepository { SQLTransportRepository(db) }
}

/// Student transport (issue 16, §5.4 "Knelpunt leerlingenvervoer"): the coordinator turns a week of trips into a
/// plan (fewest vehicles, then least cost), sees it per vehicle, school and company with its cost, cancels a class
/// and re-plans with the least change, asks what one more vehicle would carry; schools and companies read and print
/// their own trip sheet (page, PDF, calendar).
struct TransportRoutes {
    static let sheetReaders = Access.roles([.beheerder, .contactpersoon])
    /// Seconds of search per day of the week: a week plans within five seconds.
    static let secondsPerDay = 1

    func register(_ app: Application) {
        app.get(.transport(), access: .beheerder) { req in try await Self.week(req) }
        app.post(.transportAction(":action"), access: .beheerder) { req in try await Self.action(req) }
        app.post(.transportCancelTrip(":id"), access: .beheerder) { req in try await Self.cancel(req) }
        app.get(.transportVehicle(":id"), access: .beheerder) { req in try await Self.vehicle(req, edit: false) }
        app.post(.transportVehicle(":id"), access: .beheerder) { req in try await Self.vehicle(req, edit: true) }
        app.post(.transportVehicleRemove(":id"), access: .beheerder) { req in try await Self.removeVehicle(req) }
        app.get(.transportTrip(":id"), access: .beheerder) { req in try await Self.tripForm(req, draft: nil, errors: [:]) }
        app.post(.transportTrip(":id"), access: .beheerder) { req in try await Self.editTrip(req) }
        app.get(.transportSheet(week: ":week", organization: ":org"), access: Self.sheetReaders) { req in try await Self.sheet(req, file: nil) }
        app.get(.transportSheet(week: ":week", organization: ":org", file: "ritten.pdf"), access: Self.sheetReaders) { req in try await Self.sheet(req, file: "pdf") }
        app.get(.transportSheet(week: ":week", organization: ":org", file: "ritten.ics"), access: Self.sheetReaders) { req in try await Self.sheet(req, file: "ics") }
    }

    /// Everything one week's pages show.
    struct Week {
        var monday: PartialDate
        var trips: [TransportTrip]
        var vehicles: [TransportVehicleType]
        var travel: TravelEstimate
        var record: TransportPlanRecord?
        var plan: TransportPlan?
        var data: Dataset
        var weeks: [PartialDate]

        var input: TransportPlanning.Input { .init(trips: trips, vehicles: vehicles, travel: travel) }
        var sunday: PartialDate { CivilDays.adding(6, to: monday)! }
        func name(_ id: String) -> String {
            if id.hasPrefix("depot:") { return vehicles.first { "depot:" + $0.id == id }?.depotName ?? id }
            if id.hasPrefix("site:"), let trip = trips.first(where: { "site:" + $0.id == id }) {
                return name(trip.siteId) + (trip.siteName.map { " – " + $0 } ?? "")
            }
            return data.organizations.first { $0.id == id }?.name ?? id
        }
    }

    static func monday(_ text: String?, today: PartialDate) throws -> PartialDate {
        guard let text, !text.isEmpty else { return CivilDays.monday(of: today) ?? today }
        guard let d = PartialDate(text), d.day != nil, let monday = CivilDays.monday(of: d) else {
            throw PageError(.badRequest, "week: '\(text)' is geen datum (jjjj-mm-dd)", "week: '\(text)' is not a date (yyyy-mm-dd)")
        }
        return monday
    }

    /// The week and what its pages show of the programme: the projects and funders (small tables) and only the
    /// organisations its trips and funders name, plus `organization` (a sheet's), never all 250,000.
    static func load(_ req: Request, monday: PartialDate, organization: String? = nil) async throws -> Week {
        let store = req.transport, records = RecordStore(req.db)
        let settings = try await store.settings()
        let sunday = CivilDays.adding(6, to: monday)!
        let trips = try await store.trips(from: monday, to: sunday)
        var data = try await records.dataset(only: [Project.entity, Funding.entity])
        let named = trips.flatMap { [$0.schoolId, $0.siteId] + [$0.funderId].compactMap { $0 } } + data.funding.compactMap(\.funderId) + [organization].compactMap { $0 }
        data.organizations = try await records.organizations(Array(Set(named)).sorted())
        var coordinates: [String: Coordinate] = [:]
        // Weakest first: a district's centre, then a placement by hand, then the organisation's own coordinates.
        for o in data.organizations { if let d = o.district, let centre = DistrictCentres.amsterdam[d] { coordinates[o.id] = centre } }
        for l in try await store.locations() { coordinates[l.id] = Coordinate(latitude: l.latitude, longitude: l.longitude, approximate: l.approximate) }
        // An organisation's own coordinates are exact and win over an approximate placement.
        for o in data.organizations { if let lat = o.latitude, let lon = o.longitude { coordinates[o.id] = Coordinate(latitude: lat, longitude: lon) } }
        // An activity at its own site travels to that site's coordinates (exact: the coordinator typed them).
        for t in trips { if let lat = t.siteLatitude, let lon = t.siteLongitude { coordinates[t.sitePlace] = Coordinate(latitude: lat, longitude: lon) } }
        let travel = TravelEstimate(coordinates: coordinates, legs: try await store.legs(), settings: settings)
        let record = try await store.plan(week: monday)
        return Week(monday: monday, trips: trips, vehicles: try await store.vehicles(), travel: travel,
                    record: record, plan: try record.map(SQLTransportRepository.decode), data: data, weeks: try await store.weeks())
    }

    static func week(_ req: Request, whatIf: TransportPages.WhatIf? = nil, errors: [String: String] = [:], status: HTTPStatus = .ok) async throws -> Response {
        let monday = try Self.monday(req.query[String.self, at: "week"] ?? (try? req.content.get(String.self, at: "week")), today: DeskSupport.today(req))
        let week = try await load(req, monday: monday)
        let ctx = PageSupport.context(req, title: Localized("Leerlingenvervoer", "Student transport"), section: .desk)
        return PageSupport.html(TransportPages.week(ctx, week, csrf: req.csrfToken, whatIf: whatIf, errors: errors,
                                                    changed: req.query[Int.self, at: "gewijzigd"]), status: status)
    }

    /// Runs the planner off the event loop: it is bounded (about a second per day) but pure CPU.
    static func compute<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        do { return try await Task.detached(priority: .userInitiated) { try work() }.value } catch let e as TransportPlanning.InvalidPlan {
            throw PageError(.internalServerError, "het vervoersplan klopte niet en is niet opgeslagen (\(e.messages.first ?? "")); meld dit aan de beheerder van het platform",
                            "the transport plan was invalid and was not stored (\(e.messages.first ?? "")); report this to the platform's administrator")
        }
    }

    static func action(_ req: Request) async throws -> Response {
        var reader = FormReader(req)
        let monday = try Self.monday(reader.string("week"), today: DeskSupport.today(req))
        let actor = DeskSupport.actorId(req), today = DeskSupport.today(req)
        let back = SiteRoute.transport(week: monday.description).path
        switch req.parameters.get("action") {
        case "plannen", "herplannen":
            let week = try await load(req, monday: monday)
            let expected = reader.int("revision", optional: true)
            let input = week.input
            let previous = week.plan
            let fresh = req.parameters.get("action") == "plannen" || previous == nil
            if fresh, let previous, !previous.mayPlanFromScratch {
                throw PageError(.conflict, "dit plan is al gepubliceerd; scholen en bedrijven rekenen op hun tijden. Gebruik ‘Bijwerken met de minste wijzigingen’",
                                "this plan is published already; schools and companies rely on their times. Use ‘Update with the fewest changes’")
            }
            guard fresh else {
                let changed = try await replanWeek(req, monday: monday, loaded: week, expected: expected, actor: actor)
                return req.redirect(to: SiteRoute.transport(week: monday.description).path + (changed.map { "&gewijzigd=\($0.count)" } ?? ""))
            }
            let plan = try await compute { try TransportPlanning.plan(input, timeLimitPerDay: .seconds(secondsPerDay)) }
            try await save(req, plan, week: monday, expected: expected ?? week.record?.revision, today: today, actor: actor)
            return req.redirect(to: back)
        case "publiceren":
            let week = try await load(req, monday: monday)
            guard var plan = week.plan, let record = week.record else { throw PageError(.conflict, "maak eerst een plan voor deze week", "make a plan for this week first") }
            guard plan.publishedOn == nil else { throw PageError(.conflict, "dit plan is al gepubliceerd", "this plan is published already") }
            plan.publishedOn = today
            try await save(req, plan, week: monday, expected: reader.int("revision", optional: true) ?? record.revision, today: today, actor: actor)
            let trips = Dictionary(uniqueKeysWithValues: week.trips.map { ($0.id, $0) })
            for org in plan.organizations(trips) {
                try await Notify.organizations([org], except: nil, notice: Notices.transportPublished(
                    week: monday, link: req.application.absoluteURL(SiteRoute.transportSheet(week: monday.description, organization: org).path)), on: req)
            }
            return req.redirect(to: back)
        case "ritten-uit-afspraken":
            let sunday = CivilDays.adding(6, to: monday)!
            // Which agreements make a trip is `TransportTrip.from`'s rule; here only the week.
            let agreements = try await req.desk.all(ActivityAgreement.self).filter { a in
                a.date.map { $0.day != nil && $0 >= monday && $0 <= sunday } == true && TransportTrip.from(a) != nil
            }
            let existing = Set(try await req.transport.trips(agreementIds: agreements.map(\.id)).compactMap(\.agreementId))
            let new = agreements.filter { !existing.contains($0.id) }.compactMap(TransportTrip.from)
            try await req.transport.add(new, actor: actor)
            return req.redirect(to: back)
        case "voertuigen":
            let vehicle = readVehicle(&reader, id: DeskSupport.newId("voertuig"), example: false)
            guard reader.errors.isEmpty else { return try await week(req, errors: reader.errors, status: .badRequest) }
            try await req.transport.add(vehicle, actor: actor)
            return req.redirect(to: back)
        case "extra-voertuig":
            let week = try await load(req, monday: monday)
            guard let plan = week.plan else { throw PageError(.conflict, "maak eerst een plan voor deze week", "make a plan for this week first") }
            let typeId = reader.string("typeId")
            guard let type = week.vehicles.first(where: { $0.id == typeId }) else {
                return try await Self.week(req, errors: ["typeId": req.lang == .nl ? "Kies een voertuigtype." : "Choose a vehicle type."], status: .badRequest)
            }
            let input = week.input
            let (served, extra) = try await compute { try TransportPlanning.whatIf(input, plan: plan, extra: type.id) }
            return try await Self.week(req, whatIf: .init(type: type, served: served, extraCost: extra))
        case "instellingen":
            var s = try await req.transport.settings()
            if let v = reader.double("detourFactor") { s.detourFactor = v }
            if let v = reader.double("busKmPerHour") { s.busKmPerHour = v }
            if let v = reader.double("publicTransportKmPerHour") { s.publicTransportKmPerHour = v }
            if let v = reader.int("publicTransportWaitMinutes", optional: true) { s.publicTransportWaitMinutes = v }
            if let v = reader.int("publicTransportLimit", optional: true) { s.publicTransportLimit = v }
            if let v = reader.int("arriveEarliest", optional: true) { s.arriveEarliest = v }
            if let v = reader.int("arriveLatest", optional: true) { s.arriveLatest = v }
            reader.merge(Dictionary(s.violations().map { ($0.field, $0.message) }, uniquingKeysWith: { a, _ in a }))
            guard reader.errors.isEmpty else { return try await week(req, errors: reader.errors, status: .badRequest) }
            try await req.transport.save(s, actor: actor)
            return req.redirect(to: back)
        case "reistijden":
            let text = reader.string("csv")
            let known = Set(try await RecordStore(req.db).organizationNames(TravelImport.mentionedIds(text)).keys)
            switch TravelImport.parse(text, known: known) {
            case .failure(let e):
                return try await week(req, errors: ["csv": e.message(req.lang)], status: .badRequest)
            case .success(let legs):
                try await req.transport.importLegs(legs, actor: actor)
                return req.redirect(to: back)
            }
        default:
            throw Abort(.notFound)
        }
    }

    /// An agreement's step moved, resized or cancelled its activity: its trip follows, and the weeks concerned are
    /// re-planned with the least change (those whose trips changed are told when the plan was published).
    static func follow(_ agreement: ActivityAgreement, req: Request) async throws {
        guard let trip = try await req.transport.trips(agreementIds: [agreement.id]).first, let next = trip.following(agreement) else { return }
        let actor = DeskSupport.actorId(req)
        try await req.transport.update(next, expected: trip, actor: actor)
        let weeks = Set([trip.date, next.date].compactMap { CivilDays.monday(of: $0) })
        for monday in weeks.sorted() { _ = try await replanWeek(req, monday: monday, touched: [trip.id], actor: actor) }
    }

    /// After a published plan changed: each school and company whose trips changed hears how many, with its sheet.
    static func tellChanges(_ req: Request, week: Week, before: TransportPlan, changed: Set<String>) async throws {
        guard before.publishedOn != nil, !changed.isEmpty else { return }
        var perOrganization: [String: Int] = [:]
        for trip in week.trips where changed.contains(trip.id) {
            perOrganization[trip.schoolId, default: 0] += 1
            perOrganization[trip.siteId, default: 0] += 1
        }
        for (org, count) in perOrganization.sorted(by: { $0.key < $1.key }) {
            try await Notify.organizations([org], except: nil, notice: Notices.transportChanged(
                week: week.monday, changes: count,
                link: req.application.absoluteURL(SiteRoute.transportSheet(week: week.monday.description, organization: org).path)), on: req)
        }
    }

    /// The one path after something in a planned week changed (a class cancelled, a trip or agreement edited, the
    /// coordinator's update): re-plan with the least change, store it guarded by the revision the week was read at
    /// (or `expected`, the form's), and tell those whose trips changed — `touched` trips (the changed one itself) are
    /// told even when the plan shows no difference for them. Returns the trips whose vehicle or time changed; nil when
    /// the week has no plan.
    static func replanWeek(_ req: Request, monday: PartialDate, loaded: Week? = nil, touched: Set<String> = [], expected: Int? = nil,
                           actor: String) async throws -> Set<String>? {
        let week: Week
        if let loaded { week = loaded } else { week = try await load(req, monday: monday) }
        guard let previous = week.plan else { return nil }
        let input = week.input
        let plan = try await compute { try TransportPlanning.replan(input, previous: previous) }
        try await save(req, plan, week: monday, expected: expected ?? week.record?.revision, today: DeskSupport.today(req), actor: actor)
        let changed = TransportPlanning.changedTrips(from: previous, to: plan)
        try await tellChanges(req, week: week, before: previous, changed: changed.union(touched))
        return changed
    }

    static func save(_ req: Request, _ plan: TransportPlan, week: PartialDate, expected: Int?, today: PartialDate, actor: String) async throws {
        do {
            _ = try await req.transport.save(plan, week: week, expectedRevision: expected, today: today, actor: actor)
        } catch DeskError.changedMeanwhile {
            throw PageError(.conflict, "het plan van deze week is intussen gewijzigd; open de pagina opnieuw", "this week's plan changed meanwhile; open the page again")
        }
    }

    /// A class cancels: the trip is cancelled and the week re-planned with the least change; the page says how many
    /// trips' times or vehicles changed (only the cancelled one, unless a vehicle became free for a waiting class).
    static func cancel(_ req: Request) async throws -> Response {
        guard let trip = try await req.transport.trip(try req.parameters.require("id")) else { throw Abort(.notFound) }
        let (cancelled, changed) = try await cancel(trip, reason: nil, req: req)
        let monday = CivilDays.monday(of: cancelled.date) ?? cancelled.date
        return req.redirect(to: SiteRoute.transport(week: monday.description).path + "&gewijzigd=\(changed)")
    }

    /// The one path for page and API: the trip is cancelled (guarded), the week re-planned with the least change and
    /// those concerned told; returns the cancelled trip and how many other trips changed.
    static func cancel(_ trip: TransportTrip, reason: String?, req: Request) async throws -> (TransportTrip, Int) {
        let store = req.transport
        guard let cancelled = trip.cancelled(reason: reason) else { throw PageError(.conflict, "deze rit is al geannuleerd", "this trip was cancelled already") }
        let actor = DeskSupport.actorId(req)
        do { try await store.update(cancelled, expected: trip, actor: actor) } catch DeskError.changedMeanwhile {
            throw PageError(.conflict, "deze rit is intussen gewijzigd", "this trip changed meanwhile")
        }
        let monday = CivilDays.monday(of: trip.date) ?? trip.date
        // The cancelled class's school and site hear it too.
        let changed = try await replanWeek(req, monday: monday, touched: [trip.id], actor: actor)?.subtracting([trip.id]).count ?? 0
        return (cancelled, changed)
    }

    /// An organisation's trips of a week: the school's classes or the company's visitors, with vehicle and times.
    static func sheet(_ req: Request, file: String?) async throws -> Response {
        let org = try req.parameters.require("org")
        guard DeskSupport.involves(req, org) else { throw PageError(.forbidden, "alleen de ritten van uw eigen organisatie", "only your own organisation's trips") }
        let monday = try Self.monday(try req.parameters.require("week"), today: DeskSupport.today(req))
        let week = try await load(req, monday: monday, organization: org)
        guard week.data.organizations.contains(where: { $0.id == org }) else { throw Abort(.notFound) }
        let lines = TransportPages.sheetLines(week, organization: org)
        switch file {
        case "pdf":
            let html = MatchingdaySheets.document(title: week.name(org), body: TransportPages.sheetFragment(week, organization: org, lines: lines, lang: req.lang), lang: req.lang)
            return try await Printing.pdfResponse(req, html: html, filename: "ritten-\(org)-\(monday.description).pdf")
        case "ics":
            let entries = lines.map { line in
                CalendarEntry(uid: "vervoer-\(line.tripId)-\(line.leg.rawValue)@masterplan", day: line.date, startTime: TransportTrip.clock(line.pickup),
                              durationMinutes: max(1, line.arrival - line.pickup),
                              summary: (req.lang == .nl ? "Busrit " : "Bus trip ") + line.leg.label(req.lang).lowercased() + ": " + line.from + " → " + line.to,
                              location: line.from, description: line.vehicle)
            }
            let published = try await CalendarStore(req.db).publish(feed: "transport:\(org):\(monday.description):\(req.lang.rawValue)", current: entries)
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
            headers.contentDisposition = .init(.attachment, filename: "ritten-\(org).ics")
            return Response(status: .ok, headers: headers, body: .init(string: ICalendar.document(name: week.name(org), entries: published, stamp: Date())))
        default:
            let ctx = PageSupport.context(req, title: Localized("Ritbrief: " + week.name(org), "Trip sheet: " + week.name(org)), section: .desk)
            return PageSupport.html(TransportPages.sheet(ctx, week, organization: org, lines: lines))
        }
    }
}
