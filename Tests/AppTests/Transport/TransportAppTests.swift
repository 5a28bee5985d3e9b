import Domain
import Fluent
import Foundation
import Persistence
import Testing
import VaporTesting
@testable import Web

/// Student transport (issue 16) through the pages: the example Technologieroute week planned, costed and printed,
/// a class cancelled with the least change, what one more bus would carry, who may see what, and bad input named.
@Suite struct TransportAppTests {
    static let week = "2015-03-09"

    static func plan(_ app: Application) async throws -> TransportPlan {
        let record = try #require(try await SQLTransportRepository(app.db).plan(week: PartialDate(week)!))
        return try SQLTransportRepository.decode(record)
    }

    @Test func aWeekIsPlannedCostedAndReplannedWithTheLeastChange() async throws {
        try await withMasterplan { app in
            var coordinator = try await signedIn(app, "coordinator@test.invalid", role: .beheerder)
            var res = try await coordinator.get("/vervoer?week=\(Self.week)")
            #expect(res.status == .ok && res.text.contains("Voorbeeldgegevens") && res.text.contains("Berlage Lyceum"))
            let trips = try await SQLTransportRepository(app.db).trips(from: PartialDate(Self.week)!, to: PartialDate("2015-03-15")!)
            #expect(trips.count == 35 && trips.allSatisfy(\.example))
            res = try await coordinator.post("/vervoer/plannen", [("week", Self.week), ("revision", "")], csrfFrom: "/vervoer?week=\(Self.week)")
            #expect(res.status == .seeOther)
            let plan = try await Self.plan(app)
            let vehicles = try await SQLTransportRepository(app.db).vehicles()
            // Every class is on a vehicle both ways, or waits; no day uses more vehicles of a type than the carrier has.
            var legs: [String: Int] = [:]
            for day in plan.days {
                for type in vehicles { #expect(day.vehicles.filter { $0.typeId == type.id }.count <= type.available) }
                for v in day.vehicles {
                    #expect(v.stops.filter(\.pickup).map(\.travellers).allSatisfy { $0 <= (vehicles.first { $0.id == v.typeId }?.seats ?? 0) })
                    for s in v.stops { legs[s.tripId + s.leg.rawValue + (s.pickup ? "p" : "d"), default: 0] += 1 }
                }
            }
            let waiting = Set(plan.waiting.map { $0.tripId + $0.leg.rawValue })
            for trip in trips { for leg in ["heen", "terug"] where !waiting.contains(trip.id + leg) {
                #expect(legs[trip.id + leg + "p"] == 1 && legs[trip.id + leg + "d"] == 1, "\(trip.id) \(leg)")
            } }
            // The wheelchair classes ride in the vehicle with wheelchair places.
            for trip in trips where trip.wheelchairs > 0 {
                for day in plan.days { for v in day.vehicles where v.stops.contains(where: { $0.tripId == trip.id }) { #expect(v.typeId == "voorbeeld-rolstoelbus-16") } }
            }
            // Arrival inside the window before the start.
            for day in plan.days { for v in day.vehicles { for s in v.stops where s.leg == .heen && !s.pickup {
                let start = try #require(trips.first { $0.id == s.tripId }?.startMinute)
                #expect(s.minute >= start - 30 && s.minute <= start - 10)
            } } }
            res = try await coordinator.get("/vervoer?week=\(Self.week)")
            #expect(res.text.contains("Voertuig 1") && res.text.contains("Kosten per school") && res.text.contains("Kosten per project")
                    && res.text.contains("Technologieroute") && res.text.contains("(versie 1)"))
            // The same page in English, and the timeline drawn with a name for screen readers.
            res = try await coordinator.get("/vervoer?week=\(Self.week)&lang=en")
            #expect(res.status == .ok && res.text.contains("Student transport") && res.text.contains("Cost per school") && res.text.contains("Vehicle 1")
                    && res.text.contains("role=\"img\" aria-label=\"Timeline per vehicle, "))
            // Publishing tells every school and company with a trip, with a link to its own sheet.
            let victim = try #require(plan.days.flatMap(\.vehicles).flatMap(\.stops).first?.tripId)
            let victimTrip = try #require(trips.first { $0.id == victim })
            let other = try #require(trips.first { $0.schoolId != victimTrip.schoolId && $0.siteId != victimTrip.schoolId && $0.schoolId != victimTrip.siteId })
            _ = try await signedIn(app, "school@test.invalid", role: .contactpersoon, org: victimTrip.schoolId)
            _ = try await signedIn(app, "bystander@test.invalid", role: .contactpersoon, org: other.schoolId)
            res = try await coordinator.post("/vervoer/publiceren", [("week", Self.week), ("revision", "1")], csrfFrom: "/vervoer?week=\(Self.week)")
            #expect(res.status == .seeOther)
            #expect(try await Self.plan(app).publishedOn != nil)
            let published = try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "school@test.invalid").all()
            #expect(published.count == 1 && published[0].subject == "Busvervoer in de week van 9 maart 2015"
                    && published[0].body.contains("/vervoer/\(Self.week)/ritbrief/\(victimTrip.schoolId)"))
            // Once published, nobody plans from scratch.
            #expect(try await coordinator.post("/vervoer/plannen", [("week", Self.week), ("revision", "2")], csrfFrom: "/vervoer?week=\(Self.week)").status == .conflict)
            let published2 = try await Self.plan(app)
            // A class cancels: nobody else's vehicle or time changes, unless a waiting class now gets a seat.
            res = try await coordinator.post("/vervoer/ritten/\(victim)/annuleren", [], csrfFrom: "/vervoer?week=\(Self.week)")
            #expect(res.status == .seeOther && res.headers.first(name: .location)?.contains("gewijzigd=") == true)
            let after = try await Self.plan(app)
            #expect(!after.days.flatMap(\.vehicles).flatMap(\.stops).contains { $0.tripId == victim })
            let changed = TransportPlanning.changedTrips(from: published2, to: after).subtracting([victim])
            #expect(changed.isSubset(of: Set(plan.waiting.map(\.tripId))), "\(changed)")
            #expect(after.vehicleDays <= plan.vehicleDays && after.publishedOn == published2.publishedOn)
            // The cancelled class's school hears of the change; a school whose trips stayed as they were does not.
            let toSchool = try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "school@test.invalid").all().map(\.subject)
            #expect(toSchool.contains("Uw busvervoer in de week van 9 maart 2015 is gewijzigd"))
            if !changed.contains(where: { id in trips.first { $0.id == id }.map { $0.schoolId == other.schoolId || $0.siteId == other.schoolId } ?? false }) {
                let toBystander = try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "bystander@test.invalid").all().map(\.subject)
                #expect(toBystander == ["Busvervoer in de week van 9 maart 2015"])
            }
            // Cancelling twice is refused; a stale plan form is refused and nothing is overwritten.
            #expect(try await coordinator.post("/vervoer/ritten/\(victim)/annuleren", [], csrfFrom: "/vervoer?week=\(Self.week)").status == .conflict)
            res = try await coordinator.post("/vervoer/herplannen", [("week", Self.week), ("revision", "1")], csrfFrom: "/vervoer?week=\(Self.week)")
            #expect(res.status == .conflict)
            #expect(try await SQLTransportRepository(app.db).plan(week: PartialDate(Self.week)!)?.revision == 3)
        }
    }

    @Test func sheetsWhatIfAndAccess() async throws {
        try await withMasterplan { app in
            var coordinator = try await signedIn(app, "coordinator@test.invalid", role: .beheerder)
            // Fewer buses than needed: one touringcar, so classes wait.
            let store = AuditedRecords(app.db)
            let bus = try #require(try await store.find(TransportVehicleType.self, id: "voorbeeld-touringcar-50"))
            var one = bus
            one.available = 1
            try await store.update(one, expected: bus, actor: "test")
            #expect(try await coordinator.post("/vervoer/plannen", [("week", Self.week), ("revision", "")], csrfFrom: "/vervoer?week=\(Self.week)").status == .seeOther)
            let plan = try await Self.plan(app)
            #expect(!plan.waiting.isEmpty)
            var res = try await coordinator.post("/vervoer/extra-voertuig", [("week", Self.week), ("typeId", bus.id)], csrfFrom: "/vervoer?week=\(Self.week)")
            #expect(res.status == .ok && res.text.contains("Met één Touringcar 50 zitplaatsen extra kunnen mee: "))
            // A school's sheet: its own trips, with the calendar holding one entry per leg.
            let school = try #require(plan.days.flatMap(\.vehicles).flatMap(\.stops).first { $0.pickup && $0.leg == .heen }?.placeId)
            res = try await coordinator.get("/vervoer/\(Self.week)/ritbrief/\(school)")
            #expect(res.status == .ok && res.text.contains("Ritbrief") && res.text.contains("Instappen"))
            let ics = try await coordinator.get("/vervoer/\(Self.week)/ritbrief/\(school)/ritten.ics")
            #expect(ics.status == .ok && ics.headers.contentType?.subType == "calendar")
            let rows = res.text.components(separatedBy: "<tr>").count - 2
            #expect(ics.text.components(separatedBy: "BEGIN:VEVENT").count - 1 == rows)
            // The school's contact sees its own sheet, not another's; an analyst does not plan transport.
            var contact = try await signedIn(app, "school@test.invalid", role: .contactpersoon, org: school)
            #expect(try await contact.get("/vervoer/\(Self.week)/ritbrief/\(school)").status == .ok)
            #expect(try await contact.get("/vervoer/\(Self.week)/ritbrief/gvb").status == .forbidden)
            #expect(try await contact.get("/vervoer?week=\(Self.week)").status == .forbidden)
            var analyst = try await signedIn(app, "analist@test.invalid", role: .analist)
            #expect(try await analyst.get("/vervoer").status == .forbidden)
            #expect(try await get(app, "/vervoer").status != .ok)
        }
    }

    @Test func badInputIsNamedAndNothingIsWritten() async throws {
        try await withMasterplan { app in
            var coordinator = try await signedIn(app, "coordinator@test.invalid", role: .beheerder)
            let before = try await SQLTransportRepository(app.db).vehicles().count
            var res = try await coordinator.post("/vervoer/voertuigen", [("week", Self.week), ("name", "Minibus"), ("seats", "0"), ("costPerDay", "200"),
                                                                       ("centsPerKm", "50"), ("available", "2"), ("depotLatitude", "52.37"), ("depotLongitude", "abc")],
                                                 csrfFrom: "/vervoer?week=\(Self.week)")
            #expect(res.status == .badRequest && res.text.contains("id=\"seats-error\"") && res.text.contains("id=\"depotLongitude-error\""))
            #expect(try await SQLTransportRepository(app.db).vehicles().count == before)
            res = try await coordinator.post("/vervoer/voertuigen", [("week", Self.week), ("name", "Minibus <b>"), ("carrier", "Taxi Centrale"), ("depotName", "Sloterdijk"), ("seats", "8"), ("costPerDay", "200"),
                                                                   ("centsPerKm", "50"), ("available", "2"), ("depotLatitude", "52.37"), ("depotLongitude", "4.89")],
                                             csrfFrom: "/vervoer?week=\(Self.week)")
            #expect(res.status == .seeOther)
            let pageRes = try await coordinator.get("/vervoer?week=\(Self.week)")
            #expect(pageRes.status == .ok, "\(pageRes.text.prefix(300))")
            let page = pageRes.text
            #expect(page.contains("Minibus &lt;b&gt;") && !page.contains("Minibus <b>"))
            res = try await coordinator.post("/vervoer/reistijden", [("week", Self.week), ("csv", "van,naar,minuten,km\ngvb,amc,12,5.5\ngvb,amc,twaalf,5")],
                                             csrfFrom: "/vervoer?week=\(Self.week)")
            #expect(res.status == .badRequest && res.text.contains("Regel 3, kolom minuten"))
            #expect(try await SQLTransportRepository(app.db).legs().isEmpty)
            res = try await coordinator.post("/vervoer/reistijden", [("week", Self.week), ("csv", "van;naar;minuten;km\ngvb;amc;12;5,5")], csrfFrom: "/vervoer?week=\(Self.week)")
            #expect(res.status == .seeOther)
            #expect(try await SQLTransportRepository(app.db).legs().map(\.km) == [5.5])
            res = try await coordinator.post("/vervoer/instellingen", [("week", Self.week), ("detourFactor", "9")], csrfFrom: "/vervoer?week=\(Self.week)")
            #expect(res.status == .badRequest && res.text.contains("id=\"detourFactor-error\""))
            #expect(try await coordinator.get("/vervoer?week=15-03-2015").status == .badRequest)
        }
    }
}

@Suite struct TransportTripEditTests {
    @Test func aMovedStartTimeAnOwnSiteAndPublicTransportAreReplannedWithTheLeastChange() async throws {
        try await withMasterplan { app in
            var coordinator = try await signedIn(app, "coordinator@test.invalid", role: .beheerder)
            let week = TransportAppTests.week
            #expect(try await coordinator.post("/vervoer/plannen", [("week", week), ("revision", "")], csrfFrom: "/vervoer?week=\(week)").status == .seeOther)
            let before = try await TransportAppTests.plan(app)
            let trips = try await SQLTransportRepository(app.db).trips(from: PartialDate(week)!, to: PartialDate("2015-03-15")!)
            let moved = try #require(trips.first { t in before.days.flatMap(\.vehicles).flatMap(\.stops).contains { $0.tripId == t.id } && t.wheelchairs == 0 })
            let page = try await coordinator.get("/vervoer/ritten/\(moved.id)")
            #expect(page.status == .ok && page.text.contains("Start van de activiteit"))
            func fields(_ start: String, expected: String, pt: String = "", lat: String = "", lon: String = "", site: String = "") -> [(String, String)] {
                [("expected", expected), ("startTime", start), ("durationMinutes", String(moved.durationMinutes)), ("pupils", String(moved.pupils)),
                 ("teachers", String(moved.teachers)), ("wheelchairs", "0"), ("publicTransport", pt), ("funderId", ""),
                 ("siteName", site), ("siteLatitude", lat), ("siteLongitude", lon)]
            }
            // Half an hour later: only this class's stops move (and perhaps a waiting class gets a seat).
            let newStart = TransportTrip.clock(moved.startMinute! + 30)
            var res = try await coordinator.post("/vervoer/ritten/\(moved.id)", fields(newStart, expected: TransportPages.fingerprint(moved)), csrfFrom: "/vervoer/ritten/\(moved.id)")
            #expect(res.status == .seeOther)
            let after = try await TransportAppTests.plan(app)
            let changed = TransportPlanning.changedTrips(from: before, to: after)
            #expect(changed.contains(moved.id))
            #expect(changed.subtracting([moved.id]).isSubset(of: Set(before.waiting.map(\.tripId))))
            for s in after.days.flatMap(\.vehicles).flatMap(\.stops) where s.tripId == moved.id && s.leg == .heen && !s.pickup {
                #expect(s.minute >= moved.startMinute! + 30 - 30 && s.minute <= moved.startMinute! + 30 - 10)
            }
            // The form of before the move is stale now: refused, nothing overwritten.
            res = try await coordinator.post("/vervoer/ritten/\(moved.id)", fields("08:00", expected: TransportPages.fingerprint(moved)), csrfFrom: "/vervoer/ritten/\(moved.id)")
            #expect(res.status == .conflict)
            let current = try #require(try await AuditedRecords(app.db).find(TransportTrip.self, id: moved.id))
            #expect(current.startTime == newStart)
            // Half a coordinate is named; then the activity's own site: the bus drives there.
            res = try await coordinator.post("/vervoer/ritten/\(moved.id)", fields(newStart, expected: TransportPages.fingerprint(current), lat: "52.38"),
                                             csrfFrom: "/vervoer/ritten/\(moved.id)")
            #expect(res.status == .badRequest && res.text.contains("id=\"siteLongitude-error\""))
            res = try await coordinator.post("/vervoer/ritten/\(moved.id)", fields(newStart, expected: TransportPages.fingerprint(current), lat: "52.3790", lon: "4.9000",
                                                                                 site: "Werkplaats Centraal"),
                                             csrfFrom: "/vervoer/ritten/\(moved.id)")
            #expect(res.status == .seeOther)
            let sited = try await TransportAppTests.plan(app)
            #expect(sited.days.flatMap(\.vehicles).flatMap(\.stops).contains { $0.tripId == moved.id && $0.placeId == "site:" + moved.id })
            #expect(try await coordinator.get("/vervoer?week=\(week)").text.contains("Werkplaats Centraal"))
            // By public transport: off the buses.
            let withSite = try #require(try await AuditedRecords(app.db).find(TransportTrip.self, id: moved.id))
            res = try await coordinator.post("/vervoer/ritten/\(moved.id)", fields(newStart, expected: TransportPages.fingerprint(withSite), pt: "ov"), csrfFrom: "/vervoer/ritten/\(moved.id)")
            #expect(res.status == .seeOther)
            let byTrain = try await TransportAppTests.plan(app)
            #expect(byTrain.publicTransport.contains(moved.id) && !byTrain.days.flatMap(\.vehicles).flatMap(\.stops).contains { $0.tripId == moved.id })
        }
    }
}

@Suite struct TransportAPITests {
    func call(_ app: Application, _ method: HTTPMethod, _ path: String, token: String, json: String? = nil) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        if json != nil { headers.contentType = .json }
        var result: TestingHTTPResponse!
        try await app.testing().test(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) }) { result = $0 }
        return result
    }

    @Test func tripsLegsAndCancellingThroughTheAPI() async throws {
        try await withMasterplan { app in
            let week = TransportAppTests.week
            var coordinator = try await signedIn(app, "coordinator@test.invalid", role: .beheerder)
            let write = try await coordinator.createToken(name: "vervoer", scope: "write")
            let read = try await coordinator.createToken(name: "lezen", scope: "read")
            var res = try await call(app, .GET, "/api/v1/transport/trips?week=2015-03-11&per=100", token: read)
            #expect(res.status == .ok)
            #expect(try res.json()["total"] as? Int == 35)
            // Nothing planned yet: no legs.
            res = try await call(app, .GET, "/api/v1/transport/legs?week=\(week)", token: read)
            #expect(res.status == .ok)
            #expect(try res.json()["total"] as? Int == 0)
            #expect(try await coordinator.post("/vervoer/plannen", [("week", week), ("revision", "")], csrfFrom: "/vervoer?week=\(week)").status == .seeOther)
            let plan = try await TransportAppTests.plan(app)
            let legs = plan.days.flatMap(\.vehicles).flatMap(\.stops).filter(\.pickup).count
            res = try await call(app, .GET, "/api/v1/transport/legs?week=\(week)&per=200", token: read)
            #expect(res.status == .ok)
            #expect(try res.json()["total"] as? Int == legs)
            // A school's contact reads only its own organisation's trips and legs.
            let trips = try await SQLTransportRepository(app.db).trips(from: PartialDate(week)!, to: PartialDate("2015-03-15")!)
            let school = trips[0].schoolId
            var contact = try await signedIn(app, "school@test.invalid", role: .contactpersoon, org: school)
            let own = try await contact.createToken(name: "school", scope: "read")
            res = try await call(app, .GET, "/api/v1/transport/trips?week=\(week)&per=100", token: own)
            let mine = trips.filter { $0.schoolId == school || $0.siteId == school }.count
            #expect(res.status == .ok)
            #expect(try res.json()["total"] as? Int == mine)
            let ownAnswer = try await call(app, .GET, "/api/v1/transport/legs?week=\(week)&per=200", token: own)
            let ownLegs = try ownAnswer.json()["items"] as? [[String: Any]] ?? []
            #expect(!ownLegs.isEmpty && ownLegs.allSatisfy { ($0["schoolId"] as? String) == school || ($0["siteId"] as? String) == school })
            // Bad input is named; a read token cannot cancel; a contact person cannot; the coordinator's write token can.
            res = try await call(app, .GET, "/api/v1/transport/trips?week=9-3-2015", token: read)
            #expect(res.status == .badRequest && res.text.contains("week"))
            let victim = trips.first { t in plan.days.flatMap(\.vehicles).flatMap(\.stops).contains { $0.tripId == t.id } }!
            #expect(try await call(app, .POST, "/api/v1/transport/trips/\(victim.id)/cancel", token: read, json: "{}").status == .forbidden)
            let contactWrite = try await contact.createToken(name: "school-w", scope: "write")
            #expect(try await call(app, .POST, "/api/v1/transport/trips/\(victim.id)/cancel", token: contactWrite, json: "{}").status == .forbidden)
            res = try await call(app, .POST, "/api/v1/transport/trips/\(victim.id)/cancel", token: write, json: #"{"reason": 7}"#)
            #expect(res.status == .badRequest && res.text.contains("reason"))
            // 2,001 code points that Swift counts as far fewer characters (a letter with a skin-tone modifier).
            let long = String(repeating: "K\u{1F3FB}", count: 1_001)
            res = try await call(app, .POST, "/api/v1/transport/trips/\(victim.id)/cancel", token: write, json: #"{"reason": ""# + long + #""}"#)
            #expect(res.status == .badRequest && res.text.contains("reason"))
            res = try await call(app, .POST, "/api/v1/transport/trips/\(victim.id)/cancel", token: write, json: #"{"reason": "Klas ziek"}"#)
            #expect(res.status == .ok)
            #expect(try res.json()["status"] as? String == "geannuleerd")
            #expect(try res.json()["cancelReason"] as? String == "Klas ziek")
            let replanned = try await TransportAppTests.plan(app)
            #expect(!replanned.days.flatMap(\.vehicles).flatMap(\.stops).contains { $0.tripId == victim.id })
            res = try await call(app, .POST, "/api/v1/transport/trips/\(victim.id)/cancel", token: write, json: "{}")
            #expect(res.status == .conflict && res.headers.contentType?.subType == "problem+json")
            #expect(try await call(app, .POST, "/api/v1/transport/trips/onbekend/cancel", token: write, json: "{}").status == .notFound)
        }
    }
}

@Suite struct TransportFollowsAgreementTests {
    @Test func aTripIsMadeFromItsAgreementAndFollowsItWhenCancelled() async throws {
        try await withMasterplan { app in
            let week = TransportAppTests.week
            var coordinator = try await signedIn(app, "coordinator@test.invalid", role: .beheerder)
            let agreement = ActivityAgreement(id: "afspraak-vervoer", schoolId: "berlage-lyceum", companyId: "gvb", type: .excursie, status: .gepland,
                                              pupils: 22, date: PartialDate("2015-03-10"), startTime: "10:00", durationMinutes: 120,
                                              transportNeeded: true, teachers: 2, createdOn: PartialDate("2015-02-01")!)
            let noBus = ActivityAgreement(id: "afspraak-zonder-vervoer", schoolId: "berlage-lyceum", companyId: "gvb", type: .excursie, status: .gepland,
                                          pupils: 22, date: PartialDate("2015-03-10"), startTime: "10:00", createdOn: PartialDate("2015-02-01")!)
            try await AuditedRecords(app.db).insert(agreement, actor: "test")
            try await AuditedRecords(app.db).insert(noBus, actor: "test")
            var res = try await coordinator.post("/vervoer/ritten-uit-afspraken", [("week", week)], csrfFrom: "/vervoer?week=\(week)")
            #expect(res.status == .seeOther)
            let made = try await SQLTransportRepository(app.db).trips(agreementIds: [agreement.id, noBus.id])
            #expect(made.map(\.id) == ["rit-afspraak-vervoer"] && made[0].seats == 24 && made[0].startTime == "10:00")
            // Taking them over twice makes no second trip.
            _ = try await coordinator.post("/vervoer/ritten-uit-afspraken", [("week", week)], csrfFrom: "/vervoer?week=\(week)")
            #expect(try await SQLTransportRepository(app.db).trips(agreementIds: [agreement.id]).count == 1)
            #expect(try await coordinator.post("/vervoer/plannen", [("week", week), ("revision", "")], csrfFrom: "/vervoer?week=\(week)").status == .seeOther)
            #expect(try await TransportAppTests.plan(app).days.flatMap(\.vehicles).flatMap(\.stops).contains { $0.tripId == "rit-afspraak-vervoer" })
            // The agreement is cancelled at the desk: the trip goes with it, and the plan no longer carries the class.
            let token = try await coordinator.createToken(name: "balie", scope: "write")
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            headers.contentType = .json
            try await app.testing().test(.POST, "/api/v1/activity-agreements/\(agreement.id)/steps/annuleren", headers: headers,
                                         body: ByteBuffer(string: #"{"reason": "Bus te duur"}"#)) { res = $0 }
            #expect(res.status == .ok)
            let trip = try #require(try await AuditedRecords(app.db).find(TransportTrip.self, id: "rit-afspraak-vervoer"))
            #expect(trip.status == .geannuleerd && trip.cancelReason == "Bus te duur")
            #expect(!(try await TransportAppTests.plan(app)).days.flatMap(\.vehicles).flatMap(\.stops).contains { $0.tripId == trip.id })
        }
    }
}

@Suite struct TransportLocationTests {
    @Test func districtCentresStandInApproximatelyAndUnknownPlacesAreNamed() async throws {
        try await withMasterplan { app in
            let week = TransportAppTests.week
            var coordinator = try await signedIn(app, "coordinator@test.invalid", role: .beheerder)
            // Both in Noord, neither with coordinates of its own: planned from the district's centre, marked approximate.
            let near = TransportTrip(id: "rit-noord", schoolId: "bredero-beroepscollege", siteId: "ifabrica", date: PartialDate("2015-03-11")!,
                                     startTime: "10:00", durationMinutes: 120, pupils: 20)
            // No district, no coordinates: cannot be planned, and the page says what to do.
            let unknown = TransportTrip(id: "rit-onbekend", schoolId: "bredero-beroepscollege", siteId: "bouwbedrijf-mj-de-nijs", date: PartialDate("2015-03-11")!,
                                        startTime: "10:00", durationMinutes: 120, pupils: 20)
            try await AuditedRecords(app.db).insert(near, actor: "test")
            try await AuditedRecords(app.db).insert(unknown, actor: "test")
            #expect(try await coordinator.post("/vervoer/plannen", [("week", week), ("revision", "")], csrfFrom: "/vervoer?week=\(week)").status == .seeOther)
            let plan = try await TransportAppTests.plan(app)
            #expect(plan.days.flatMap(\.vehicles).flatMap(\.stops).contains { $0.tripId == "rit-noord" })
            #expect(plan.missingLocation == ["rit-onbekend"])
            let page = try await coordinator.get("/vervoer?week=\(week)").text
            #expect(page.contains("Bredero Beroepscollege (locatie bij benadering)") && page.contains("Geen locatie bekend: vul de coördinaten in"))
        }
    }
}

@Suite struct TransportVehicleTests {
    @Test func aVehicleTypeIsChangedGuardedAndRemovedAndThePlanHandsItsClassesOn() async throws {
        try await withMasterplan { app in
            let week = TransportAppTests.week
            var coordinator = try await signedIn(app, "coordinator@test.invalid", role: .beheerder)
            let id = "voorbeeld-touringcar-50"
            let stored = try #require(try await AuditedRecords(app.db).find(TransportVehicleType.self, id: id))
            var res = try await coordinator.get("/vervoer/voertuigtypen/\(id)")
            #expect(res.status == .ok && res.text.contains("Voorbeeldgegevens"))
            func fields(_ v: TransportVehicleType, expected: String, available: String) -> [(String, String)] {
                [("expected", expected), ("name", v.name), ("carrier", v.carrier), ("seats", String(v.seats)), ("wheelchairPlaces", String(v.wheelchairPlaces)),
                 ("costPerDay", String(v.costPerDay)), ("centsPerKm", String(v.centsPerKm)), ("available", available), ("depotName", v.depotName),
                 ("depotLatitude", "\(v.depotLatitude)"), ("depotLongitude", "\(v.depotLongitude)")]
            }
            res = try await coordinator.post("/vervoer/voertuigtypen/\(id)", fields(stored, expected: TransportPages.fingerprint(stored), available: "-1"), csrfFrom: "/vervoer/voertuigtypen/\(id)")
            #expect(res.status == .badRequest && res.text.contains("id=\"available-error\""))
            res = try await coordinator.post("/vervoer/voertuigtypen/\(id)", fields(stored, expected: TransportPages.fingerprint(stored), available: "5"), csrfFrom: "/vervoer/voertuigtypen/\(id)")
            #expect(res.status == .seeOther)
            #expect(try await AuditedRecords(app.db).find(TransportVehicleType.self, id: id)?.available == 5)
            // The form of before that change is stale.
            res = try await coordinator.post("/vervoer/voertuigtypen/\(id)", fields(stored, expected: TransportPages.fingerprint(stored), available: "4"), csrfFrom: "/vervoer/voertuigtypen/\(id)")
            #expect(res.status == .conflict)
            #expect(try await AuditedRecords(app.db).find(TransportVehicleType.self, id: id)?.available == 5)
            // Planned with it, then it is removed: the update hands its classes to what is left (the wheelchair bus),
            // and those that do not fit wait, named.
            #expect(try await coordinator.post("/vervoer/plannen", [("week", week), ("revision", "")], csrfFrom: "/vervoer?week=\(week)").status == .seeOther)
            #expect(try await coordinator.post("/vervoer/voertuigtypen/\(id)/verwijderen", [], csrfFrom: "/vervoer/voertuigtypen/\(id)").status == .seeOther)
            #expect(try await AuditedRecords(app.db).find(TransportVehicleType.self, id: id) == nil)
            #expect(try await coordinator.post("/vervoer/herplannen", [("week", week), ("revision", "1")], csrfFrom: "/vervoer?week=\(week)").status == .seeOther)
            let plan = try await TransportAppTests.plan(app)
            #expect(plan.days.flatMap(\.vehicles).allSatisfy { $0.typeId == "voorbeeld-rolstoelbus-16" })
            #expect(!plan.waiting.isEmpty)
            #expect(try await coordinator.get("/vervoer?week=\(week)").text.contains("Wachten op een voertuig: "))
        }
    }
}
