import Domain
import Fluent
import Foundation
import Persistence
import Testing
import VaporTesting
@testable import Web

/// The Matchingday in-process: an organiser creates a day, participants register (waiting list included) and
/// enter wishes, the organiser plans, publishes agendas, records agreements, and reschedules after a cancellation
/// with the fewest changes; the example day plans out of the box.
@Suite struct MatchingdayAppTests {
    static let today = PartialDate(year: 2026, month: 10, day: 1)

    /// Every rule a stored schedule must keep: one meeting per participant and per table per round, presence,
    /// the cap per participant, no pair twice, no "niet".
    static func check(_ day: MatchingdayDay) -> [String] {
        var out: [String] = []
        let taking = day.meetings.filter(\.takesPlace)
        let byOrg = Dictionary(day.participants.map { ($0.organizationId, $0) }, uniquingKeysWith: { a, _ in a })
        for (key, group) in Dictionary(grouping: taking, by: { "\($0.round) \($0.schoolId)" }) where group.count > 1 { out.append("school twice: \(key)") }
        for (key, group) in Dictionary(grouping: taking, by: { "\($0.round) \($0.companyId)" }) where group.count > 1 { out.append("company twice: \(key)") }
        for (key, group) in Dictionary(grouping: taking, by: { "\($0.round) \($0.table)" }) where group.count > 1 { out.append("table twice: \(key)") }
        for (key, group) in Dictionary(grouping: taking, by: { "\($0.schoolId) \($0.companyId)" }) where group.count > 1 { out.append("pair twice: \(key)") }
        for m in taking {
            if !(byOrg[m.schoolId]?.present(in: m.round) ?? false) || !(byOrg[m.companyId]?.present(in: m.round) ?? false) { out.append("absent: \(m)") }
            if !day.tables.contains(where: { $0.number == m.table }) { out.append("no such table: \(m)") }
            if day.wishes.contains(where: { $0.priority == .niet && [[m.schoolId, m.companyId], [m.companyId, m.schoolId]].contains([$0.fromId, $0.toId]) }) { out.append("niet scheduled: \(m)") }
        }
        for (org, group) in Dictionary(grouping: taking, by: \.schoolId).merging(Dictionary(grouping: taking, by: \.companyId), uniquingKeysWith: { a, _ in a })
        where group.count > day.event.maxMeetings { out.append("\(org) over the cap") }
        return out
    }

    @Test func theExampleDayIsLabelledAndPlansOutOfTheBox() async throws {
        try await withMasterplan { app in
            let store = SQLMatchingdayRepository(app.db)
            let day = try #require(try await store.day("matchingdag-basisonderwijs-2015"))
            #expect(day.event.example && day.event.reportEventId == "matchingday-2015-po")
            #expect(day.participants.count == 18 && day.tables.count == 6 && day.wishes.count == 67)
            let data = try embeddedDataset()
            for p in day.participants { #expect(data.organization(p.organizationId) != nil, "\(p.organizationId) is in the report") }
            #expect(day.participants.allSatisfy { $0.attendees.isEmpty }, "no invented people")
            var page = try await get(app, "/matchingdagen/matchingdag-basisonderwijs-2015")
            #expect(page.status == .ok && page.text.contains("Voorbeeldgegevens"))
            #expect(try await get(app, "/matchingdagen").text.contains("Voorbeeldgegevens"))
            var organiser = try await signedIn(app, "organiser@test.invalid", role: .beheerder)
            // Two tables with the same name stay two tables (their cards are chosen by number, not by name).
            page = try await organiser.post("/matchingdagen/matchingdag-basisonderwijs-2015/tafels", [("count", "6"), ("name-1", "Bouw"), ("name-2", "Bouw"), ("sector-1", "bouw"), ("sector-2", "installatie")],
                                            csrfFrom: "/matchingdagen/matchingdag-basisonderwijs-2015")
            #expect(page.status == .seeOther)
            page = try await organiser.post("/matchingdagen/matchingdag-basisonderwijs-2015/plannen", [], csrfFrom: "/matchingdagen/matchingdag-basisonderwijs-2015")
            #expect(page.status == .seeOther)
            let planned = try #require(try await store.day("matchingdag-basisonderwijs-2015"))
            #expect(Self.check(planned).isEmpty, "\(Self.check(planned))")
            #expect(planned.event.status == .gepland && planned.meetings.count >= 12)
            // The organiser's must-meet pair is in it; the bound is shown and never below the value.
            #expect(planned.meetings.contains { $0.schoolId == "basisschool-neptunus" && $0.companyId == "alliander" })
            let objective = try #require(planned.event.objective), bound = try #require(planned.event.upperBound)
            #expect(objective <= bound)
            // The API: the day for anyone (organisations, no attendee names), its schedule for the organiser only.
            let api = try await get(app, "/api/v1/matchingdays/matchingdag-basisonderwijs-2015").json()
            #expect(api["example"] as? Bool == true && (api["schools"] as? [Any])?.count == 6 && (api["rounds"] as? [Any])?.count == 6)
            #expect(!(try await get(app, "/api/v1/matchingdays/matchingdag-basisonderwijs-2015").text.contains("attendees")))
            #expect((try await get(app, "/api/v1/matchingdays").json()["total"] as? Int) == 1)
            #expect(try await get(app, "/api/v1/matchingdays/matchingdag-basisonderwijs-2015/meetings").status == .unauthorized)
            let schedule = try await organiser.get("/api/v1/matchingdays/matchingdag-basisonderwijs-2015/meetings")
            let scheduled = try schedule.json()["meetings"] as? [Any]
            #expect(schedule.status == .ok && scheduled?.count == planned.meetings.count)
            let cards = try await organiser.get("/matchingdagen/matchingdag-basisonderwijs-2015/tafelkaarten").text
            let emptyCards = planned.tables.filter { t in !planned.meetings.contains { $0.table == t.number } }.count
            #expect(cards.components(separatedBy: "<tr><td>").count - 1 == planned.meetings.count + emptyCards, "each meeting on exactly one card")
            let grid = try await organiser.get("/matchingdagen/matchingdag-basisonderwijs-2015/rooster")
            #expect(grid.status == .ok && grid.text.contains("Voorbeeldgegevens") && grid.text.contains("Alliander"))
        }
    }

    @Test func organiserParticipantsScheduleAgendasAgreementsAndReschedule() async throws {
        try await withMasterplan { app in
            app.storage[DeskSupport.TodayKey.self] = Self.today
            var organiser = try await signedIn(app, "organiser@test.invalid", role: .beheerder)
            // A day with a mistake names the fields and stores nothing.
            var res = try await organiser.post("/matchingdagen/nieuw", [("name", ""), ("date", "2026-11-20"), ("startTime", "25:00"), ("rounds", "0"), ("roundMinutes", "20"),
                                                                        ("maxMeetings", "3"), ("schoolPlaces", "2"), ("companyPlaces", "3"), ("tables", "2")], csrfFrom: "/matchingdagen/nieuw")
            #expect(res.status == .badRequest)
            for field in ["name", "startTime", "rounds"] { #expect(res.text.contains(field), "names \(field)") }
            #expect(try await SQLMatchingdayRepository(app.db).events().count == 1)
            #expect(!(try await get(app, "/").text.contains("Volgende Matchingday")), "the example day is made up: never announced")
            res = try await organiser.post("/matchingdagen/nieuw", [("name", "Matchingdag vmbo 2026"), ("date", "2026-11-20"), ("place", "Zuidas"), ("startTime", "13:00"),
                                                                    ("rounds", "3"), ("roundMinutes", "20"), ("changeMinutes", "5"), ("maxMeetings", "3"),
                                                                    ("schoolPlaces", "2"), ("companyPlaces", "3"), ("tables", "2"), ("seats", "6")], csrfFrom: "/matchingdagen/nieuw")
            #expect(res.status == .seeOther)
            let id = try #require(try await SQLMatchingdayRepository(app.db).events().first { !$0.example }?.id)
            let base = "/matchingdagen/\(id)"
            // The dashboard points to it as the next Matchingday (never to the labelled example day).
            let dashboard = try await get(app, "/").text
            #expect(dashboard.contains("Volgende Matchingday: </strong><a href=\"\(base)\">Matchingdag vmbo 2026</a>"))

            // Three schools register for two places: the third waits; a cancellation moves it up.
            var montessori = try await signedIn(app, "mco@test.invalid", role: .contactpersoon, org: "montessori-college-oost")
            var mundus = try await signedIn(app, "mundus@test.invalid", role: .contactpersoon, org: "mundus-college")
            var osb = try await signedIn(app, "osb@test.invalid", role: .contactpersoon, org: "open-schoolgemeenschap-bijlmer")
            var infento = try await signedIn(app, "infento@test.invalid", role: .contactpersoon, org: "infento")
            var alliander = try await signedIn(app, "alliander@test.invalid", role: .contactpersoon, org: "alliander")
            for var b in [montessori, mundus, osb, infento, alliander] {
                #expect(try await b.post(base + "/aanmelden", [], csrfFrom: base).status == .seeOther)
            }
            res = try await organiser.post(base + "/aanmelden", [("organizationId", "goflex")], csrfFrom: base)
            #expect(res.status == .seeOther)
            var day = try #require(try await SQLMatchingdayRepository(app.db).day(id))
            #expect(day.participants.first { $0.organizationId == "open-schoolgemeenschap-bijlmer" }?.status == .waiting)
            #expect(day.participants.filter { $0.status == .registered }.count == 5)
            let confirmations = try await OutboxMessageModel.query(on: app.db).all().filter { $0.subject.hasPrefix("Aanmelding") }
            #expect(confirmations.contains { $0.recipient == "osb@test.invalid" && $0.body.contains("wachtlijst") })
            #expect(confirmations.contains { $0.recipient == "mco@test.invalid" && $0.body.contains("is aangemeld voor") })
            let mundusId = try #require(day.participants.first { $0.organizationId == "mundus-college" }?.id)
            #expect(try await osb.post(base + "/deelnemers/\(mundusId)/afmelden", [], csrfFrom: base).status == .forbidden, "not someone else's registration")
            #expect(try await mundus.post(base + "/deelnemers/\(mundusId)/afmelden", [], csrfFrom: base).status == .seeOther)
            day = try #require(try await SQLMatchingdayRepository(app.db).day(id))
            #expect(day.participants.first { $0.organizationId == "open-schoolgemeenschap-bijlmer" }?.status == .registered)
            #expect(try await OutboxMessageModel.query(on: app.db).all().contains { $0.recipient == "osb@test.invalid" && $0.subject.contains("plaats") },
                    "the school that moved up hears it")
            try await expectAbsoluteLinks(app)

            // Presence: OSB arrives for round 2; a wrong round is named.
            let osbId = try #require(day.participants.first { $0.organizationId == "open-schoolgemeenschap-bijlmer" }?.id)
            res = try await osb.post(base + "/deelnemers/\(osbId)", [("attendees", "Docent techniek"), ("firstRound", "3"), ("lastRound", "2")], csrfFrom: base + "/deelnemers/\(osbId)")
            #expect(res.status == .badRequest && res.text.contains("lastRound"))
            res = try await osb.post(base + "/deelnemers/\(osbId)", [("attendees", "Docent techniek"), ("firstRound", "2"), ("lastRound", "3")], csrfFrom: base + "/deelnemers/\(osbId)")
            #expect(res.status == .seeOther)

            // Wishes, with suggestions on the page; a "niet" is never scheduled.
            let wishesPage = try await montessori.get(base + "/wensen")
            #expect(wishesPage.status == .ok && wishesPage.text.contains("Suggesties"))
            res = try await montessori.post(base + "/wensen", [("wish-infento", "moet"), ("wish-alliander", "graag"), ("wish-goflex", "niet")], csrfFrom: base + "/wensen")
            #expect(res.status == .seeOther)
            res = try await osb.post(base + "/wensen", [("wish-infento", "graag"), ("wish-alliander", "moet"), ("wish-goflex", "liever-niet")], csrfFrom: base + "/wensen")
            #expect(res.status == .seeOther)
            res = try await infento.post(base + "/wensen", [("wish-montessori-college-oost", "graag"), ("wish-open-schoolgemeenschap-bijlmer", "bijna")], csrfFrom: base + "/wensen")
            #expect(res.status == .badRequest && res.text.contains("wish-open-schoolgemeenschap-bijlmer"))
            res = try await infento.post(base + "/wensen", [("wish-montessori-college-oost", "graag")], csrfFrom: base + "/wensen")
            #expect(res.status == .seeOther)
            // The organiser: Goflex must meet Montessori, but Montessori said "niet": the "niet" wins.
            res = try await organiser.post(base + "/moet-ontmoeten", [("school", "montessori-college-oost"), ("company", "goflex")], csrfFrom: base)
            #expect(res.status == .seeOther)

            // Agendas are not out before publication.
            #expect(try await montessori.get(base + "/agenda/montessori-college-oost").status == .notFound)
            res = try await organiser.post(base + "/plannen", [], csrfFrom: base)
            #expect(res.status == .seeOther)
            day = try #require(try await SQLMatchingdayRepository(app.db).day(id))
            #expect(Self.check(day).isEmpty, "\(Self.check(day))")
            let pairs = Set(day.meetings.map { [$0.schoolId, $0.companyId] })
            // Every pair worth meeting fits (OSB only in rounds 2 and 3): all four are scheduled, proven optimal.
            #expect(pairs == [["montessori-college-oost", "infento"], ["montessori-college-oost", "alliander"], ["open-schoolgemeenschap-bijlmer", "infento"],
                              ["open-schoolgemeenschap-bijlmer", "alliander"]])
            #expect(day.event.objective == day.event.upperBound)
            #expect(day.meetings.filter { $0.schoolId == "open-schoolgemeenschap-bijlmer" }.allSatisfy { $0.round >= 2 })

            res = try await organiser.post(base + "/vrijgeven", [], csrfFrom: base)
            #expect(res.status == .seeOther)
            // Every participant with a meeting hears that its agenda is ready, with the address of its own agenda.
            for (who, org) in [("mco@test.invalid", "montessori-college-oost"), ("infento@test.invalid", "infento"), ("alliander@test.invalid", "alliander")] {
                let told = try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == who).all()
                #expect(told.contains { $0.subject.hasPrefix("Uw agenda voor de") && $0.body.contains(base + "/agenda/" + org) }, "\(who)")
            }
            var agenda = try await montessori.get(base + "/agenda/montessori-college-oost")
            #expect(agenda.status == .ok && agenda.text.contains("Infento") && agenda.text.contains("13:"))
            #expect(try await montessori.get(base + "/agenda/infento").status == .forbidden, "not another organisation's agenda")
            let ics = try await montessori.get(base + "/agenda/montessori-college-oost/agenda.ics")
            #expect(ics.status == .ok && ics.text.components(separatedBy: "BEGIN:VEVENT").count - 1 == 2 && ics.text.contains("DTSTART;TZID=Europe/Amsterdam:20261120T"))
            let csv = try await organiser.get(base + "/rooster.csv")
            #expect(csv.status == .ok && csv.text.components(separatedBy: "\r\n").dropLast().count == 1 + 4)
            let xlsx = try await organiser.get(base + "/rooster.xlsx")
            #expect(xlsx.status == .ok && xlsx.body.readableBytesView.starts(with: [0x50, 0x4B]))
            #expect(try await organiser.get(base + "/tafelkaarten").text.contains("Tafel 2"))
            #expect(try await organiser.get(base + "/agendas").text.contains("Goflex"))
            #expect(try await montessori.get(base + "/rooster").status == .forbidden)

            // On the day: check-in, then Alliander cancels; the reschedule keeps every other printed meeting in place.
            let printed = day.meetings
            let allianderId = try #require(day.participants.first { $0.organizationId == "alliander" }?.id)
            #expect(try await organiser.post(base + "/deelnemers/\(osbId)/inchecken", [], csrfFrom: base + "/aanwezigheid").status == .seeOther)
            #expect(try await organiser.post(base + "/deelnemers/\(allianderId)/afmelden", [], csrfFrom: base + "/aanwezigheid").status == .seeOther)
            res = try await organiser.post(base + "/herplannen", [], csrfFrom: base)
            // Only the participants whose meetings changed hear of the reschedule: Alliander's schools, not Infento.
            let changedMail = try await OutboxMessageModel.query(on: app.db).all().filter { $0.subject.contains("is gewijzigd") }
            #expect(Set(changedMail.map(\.recipient)) == ["mco@test.invalid", "osb@test.invalid", "alliander@test.invalid"], "\(changedMail.map(\.recipient))")
            let metrics = try await get(app, "/metrics").text
            #expect(metrics.contains(#"masterplan_solver_runs_total{solver="matchingday-plan"}"#) && metrics.contains(#"masterplan_solver_runs_total{solver="matchingday-reschedule"} 1"#))
            #expect(res.status == .seeOther)
            let location = res.headers.first(name: .location) ?? ""
            #expect(location.contains("gewijzigd=2") && location.contains("vervallen=2"), "\(location)")
            day = try #require(try await SQLMatchingdayRepository(app.db).day(id))
            #expect(day.participants.first { $0.organizationId == "open-schoolgemeenschap-bijlmer" }?.checkedIn == true)
            for m in printed where m.companyId != "alliander" { #expect(day.meetings.contains(m), "kept in place: \(m)") }
            #expect(day.meetings.filter { $0.companyId == "alliander" }.allSatisfy { $0.change == .vervallen })
            #expect(Self.check(day).isEmpty)
            agenda = try await montessori.get(base + "/agenda/montessori-college-oost")
            #expect(agenda.text.contains("Vervalt"))
            // The subscribed calendar learns it: the Alliander meeting comes back cancelled, one revision up; the kept
            // Infento meeting stays at its first revision.
            let rescheduled = try await montessori.get(base + "/agenda/montessori-college-oost/agenda.ics").text.replacingOccurrences(of: "\r\n ", with: "")
            let events = rescheduled.components(separatedBy: "BEGIN:VEVENT").dropFirst()
            #expect(events.count == 2)
            #expect(events.contains { $0.contains("Alliander") && $0.contains("SEQUENCE:1\r\n") && $0.contains("STATUS:CANCELLED") }, "\(rescheduled)")
            #expect(events.contains { $0.contains("Infento") && $0.contains("SEQUENCE:0\r\n") && $0.contains("STATUS:CONFIRMED") }, "\(rescheduled)")
            #expect(try await organiser.get(base + "/rooster" + "?gewijzigd=2&verplaatst=0&vervallen=2&nieuw=0&behouden=2").text.contains("2 afgedrukte gesprek(ken) gewijzigd"))

            // An agreement made at the table lands in the desk as "afgesproken", followed up six months later.
            res = try await montessori.post(base + "/afspraak", [("school", "montessori-college-oost"), ("company", "infento"), ("type", "excursie"),
                                                                 ("windowStart", "2027-02-01"), ("windowEnd", "2027-01-01"), ("pupils", "24")], csrfFrom: base + "/afspraak")
            #expect(res.status == .badRequest && res.text.contains("windowEnd"))
            #expect(try await osb.post(base + "/afspraak", [("school", "montessori-college-oost"), ("company", "infento"), ("type", "excursie"),
                                                            ("windowStart", "2027-01-01"), ("windowEnd", "2027-02-01"), ("pupils", "24")], csrfFrom: base + "/afspraak").status == .forbidden)
            res = try await montessori.post(base + "/afspraak", [("school", "montessori-college-oost"), ("company", "infento"), ("type", "excursie"),
                                                                 ("windowStart", "2027-01-01"), ("windowEnd", "2027-02-01"), ("pupils", "24")], csrfFrom: base + "/afspraak")
            #expect(res.status == .seeOther)
            let agreement = try #require(try await AuditedRecords(app.db).all(ActivityAgreement.self).first { $0.eventId == id })
            #expect(agreement.status == .afgesproken && agreement.schoolId == "montessori-college-oost" && agreement.companyId == "infento")
            #expect(agreement.followUpOn == PartialDate(year: 2027, month: 5, day: 20) && agreement.windowStart == PartialDate(year: 2027, month: 1, day: 1))
            #expect(try await infento.get("/afspraken/\(agreement.id)").status == .ok)
            // Not due yet: nothing is sent; on the day it is sent once, to the contact persons of both sides.
            res = try await organiser.post(base + "/opvolging", [], csrfFrom: base)
            #expect(res.headers.first(name: .location)?.hasSuffix("opvolging=0") == true)
            app.storage[DeskSupport.TodayKey.self] = PartialDate(year: 2027, month: 5, day: 20)
            res = try await organiser.post(base + "/opvolging", [], csrfFrom: base)
            #expect(res.headers.first(name: .location)?.hasSuffix("opvolging=1") == true)
            res = try await organiser.post(base + "/opvolging", [], csrfFrom: base)
            #expect(res.headers.first(name: .location)?.hasSuffix("opvolging=0") == true)
            let mail = try await OutboxMessageModel.query(on: app.db).all().filter { $0.subject.contains("doorgegaan") }
            #expect(Set(mail.map(\.recipient)) == ["mco@test.invalid", "infento@test.invalid"])
            try await expectAbsoluteLinks(app)
            _ = alliander
        }
    }

    @Test func registrationClosesAfterTheDeadlineAndPlanningAfterPublication() async throws {
        try await withMasterplan { app in
            app.storage[DeskSupport.TodayKey.self] = Self.today
            var organiser = try await signedIn(app, "organiser@test.invalid", role: .beheerder)
            var school = try await signedIn(app, "mco@test.invalid", role: .contactpersoon, org: "montessori-college-oost")
            let base = "/matchingdagen/matchingdag-basisonderwijs-2015"
            // The example's deadline (2015) has passed: a contact person cannot register (the page says so), the organiser can.
            #expect(try await school.get(base).text.contains("De aanmelding is gesloten."))
            #expect(try await school.post(base + "/aanmelden", [], csrfFrom: base).status == .conflict)
            #expect(try await organiser.post(base + "/aanmelden", [("organizationId", "montessori-college-oost")], csrfFrom: base).status == .seeOther)
            #expect(try await organiser.post(base + "/aanmelden", [("organizationId", "bestaat-niet")], csrfFrom: base).status == .badRequest)
            // Editing the day: a mistake is named; fewer rounds drop the draft schedule and clamp presence.
            let settings: [(String, String)] = [("name", "Matchingday basisonderwijs 2015"), ("date", "2015-06-01"), ("registrationDeadline", "2015-05-22"),
                                                ("startTime", "13:30"), ("roundMinutes", "20"), ("changeMinutes", "5"), ("breakMinutes", "0"),
                                                ("maxMeetings", "4"), ("schoolPlaces", "8"), ("companyPlaces", "14")]
            #expect(try await organiser.post(base + "/plannen", [], csrfFrom: base).status == .seeOther)
            var res = try await organiser.post(base + "/bewerken", settings + [("rounds", "3")], csrfFrom: base + "/bewerken")
            #expect(res.status == .badRequest && res.text.contains("maxMeetings"), "4 meetings in 3 rounds")
            res = try await organiser.post(base + "/bewerken", settings.filter { $0.0 != "maxMeetings" } + [("maxMeetings", "3"), ("rounds", "5"), ("place", "Amsterdam")], csrfFrom: base + "/bewerken")
            #expect(res.status == .seeOther)
            let edited = try #require(try await SQLMatchingdayRepository(app.db).day("matchingdag-basisonderwijs-2015"))
            #expect(edited.event.rounds == 5 && edited.event.place == "Amsterdam" && edited.event.status == .open && edited.meetings.isEmpty)
            #expect(edited.participants.allSatisfy { $0.lastRound <= 5 } && edited.participants.contains { $0.lastRound == 5 })
            #expect(try await school.get(base + "/bewerken").status == .forbidden)
            #expect(try await organiser.post(base + "/herplannen", [], csrfFrom: base).status == .conflict)
            #expect(try await organiser.post(base + "/plannen", [], csrfFrom: base).status == .seeOther)
            #expect(try await organiser.post(base + "/vrijgeven", [], csrfFrom: base).status == .seeOther)
            #expect(try await organiser.post(base + "/plannen", [], csrfFrom: base).status == .conflict, "after publication only a reschedule")
            #expect(try await organiser.post(base + "/tafels", [("count", "8")], csrfFrom: base).status == .conflict)
            #expect(try await organiser.post(base + "/bewerken", settings + [("rounds", "5")], csrfFrom: base).status == .conflict)
        }
    }

    /// A sector-themed table gets the companies of that sector: without the theme Ymere (bouw) would sit at table 1,
    /// the first free one; with table 3 themed "bouw" it sits there, and Alliander (installatie) at table 2's theme.
    @Test func themedTablesSeatTheirSector() throws {
        let data = try embeddedDataset()
        let organizations = Dictionary(data.organizations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let day = PartialDate(year: 2026, month: 11, day: 20)
        let event = MatchingdayEvent(id: "e", name: "Dag", date: day, registrationDeadline: day, rounds: 2, maxMeetings: 2, createdOn: day)
        func participant(_ org: String, _ side: ParticipantSide) -> MatchingdayParticipant {
            MatchingdayParticipant(id: org, eventId: "e", organizationId: org, side: side, registeredOn: day, lastRound: 2)
        }
        func plannedTable(themes: [Int: Sector]) -> [String: Int] {
            let tables = (1...3).map { MatchingdayTable(id: "t\($0)", eventId: "e", number: $0, sector: themes[$0]) }
            let stored = MatchingdayDay(event: event, tables: tables,
                                              participants: [participant("mundus-college", .school), participant("ymere", .company), participant("alliander", .company)],
                                              wishes: [MatchingdayWish(id: "w1", eventId: "e", fromId: "mundus-college", toId: "ymere", priority: .moet),
                                                       MatchingdayWish(id: "w2", eventId: "e", fromId: "mundus-college", toId: "alliander", priority: .graag)],
                                              meetings: [])
            var n = 0
            let meetings = MatchingdayPlanner(stored, organizations: organizations).plan { n += 1; return "m\(n)" }.meetings
            return Dictionary(meetings.map { ($0.companyId, $0.table) }, uniquingKeysWith: { a, _ in a })
        }
        let plain = plannedTable(themes: [:])
        #expect(Set(plain.values).isSubset(of: [1, 2]), "without themes the first tables: \(plain)")
        let themed = plannedTable(themes: [3: .bouw, 2: .installatie])
        #expect(themed == ["ymere": 3, "alliander": 2], "\(themed)")
    }

    /// Eight companies register at once for the example day's last company place: exactly one gets it.
    @Test func concurrentRegistrationsNeverExceedThePlaces() async throws {
        try await withMasterplan { app in
            let store = SQLMatchingdayRepository(app.db)
            let before = try #require(try await store.day("matchingdag-basisonderwijs-2015"))
            let taken = Set(before.participants.map(\.organizationId))
            let free = before.event.companyPlaces - before.participants.filter { $0.side == .company && $0.status == .registered }.count
            #expect(free == 2)
            let candidates = try embeddedDataset().organizations.filter { $0.kind == .company && !taken.contains($0.id) }.prefix(9).map(\.id)
            // One place left: the boundary where two transactions reading the same count would both take it.
            _ = try await store.register(eventId: "matchingdag-basisonderwijs-2015", organizationId: candidates[0], side: .company,
                                         today: Self.today, actor: "first", newId: "deelnemer-first")
            let companies = Array(candidates.dropFirst())
            #expect(companies.count == 8)
            let statuses = await withTaskGroup(of: EventRegistrations.Status?.self) { group in
                for c in companies {
                    group.addTask {
                        try? await SQLMatchingdayRepository(app.db).register(eventId: "matchingdag-basisonderwijs-2015", organizationId: c, side: .company,
                                                                      today: Self.today, actor: "c-\(c)", newId: "deelnemer-\(c)").status
                    }
                }
                var out: [EventRegistrations.Status?] = []
                for await s in group { out.append(s) }
                return out
            }
            #expect(statuses.filter { $0 == .registered }.count == 1 && statuses.filter { $0 == .waiting }.count == 7, "\(statuses)")
            let after = try #require(try await store.day("matchingdag-basisonderwijs-2015"))
            #expect(after.participants.filter { $0.side == .company && $0.status == .registered }.count == before.event.companyPlaces)
        }
    }

    /// The waiting list is served in order of (re-)registration: an organisation that cancelled and came back joins
    /// the end of the queue, not its old row's place.
    @Test func aReturningOrganisationJoinsTheEndOfTheWaitingList() async throws {
        try await withMasterplan { app in
            let store = SQLMatchingdayRepository(app.db)
            let day1 = PartialDate(year: 2026, month: 10, day: 1), day2 = PartialDate(year: 2026, month: 10, day: 2), day3 = PartialDate(year: 2026, month: 10, day: 3)
            let event = MatchingdayEvent(id: "wachtrij", name: "Wachtrij", date: PartialDate(year: 2026, month: 11, day: 20), registrationDeadline: day3,
                                         rounds: 3, maxMeetings: 3, schoolPlaces: 2, createdOn: day1)
            try await store.create(event, tables: [MatchingdayTable(id: "t1", eventId: "wachtrij", number: 1)], actor: "test")
            func register(_ org: String, _ day: PartialDate) async throws -> MatchingdayParticipant {
                try await store.register(eventId: "wachtrij", organizationId: org, side: .school, today: day, actor: "test", newId: "p-" + org)
            }
            let a = try await register("mundus-college", day1)
            _ = try await register("montessori-college-oost", day1)
            let c = try await register("open-schoolgemeenschap-bijlmer", day1)
            #expect(c.status == .waiting)
            try await store.cancel(c, actor: "test")
            #expect(try await register("montessori-lyceum-amsterdam", day2).status == .waiting)
            #expect(try await register("open-schoolgemeenschap-bijlmer", day3).status == .waiting)
            let promoted = try await store.cancel(a, actor: "test")
            #expect(promoted?.organizationId == "montessori-lyceum-amsterdam")
        }
    }
}
