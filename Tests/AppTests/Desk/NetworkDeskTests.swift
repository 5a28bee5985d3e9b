import Domain
import Fluent
import Foundation
import Persistence
import Testing
import VaporTesting
@testable import Web

/// The network desk in-process: the three people of issue 4 (school contact, coordinator, company contact)
/// through request → match → confirm → plan → delivery, allocation of all open requests, capacity under
/// concurrency, and the exports.
@Suite struct NetworkDeskTests {
    static let today = PartialDate(year: 2026, month: 10, day: 1)

    struct People {
        var coordinator: Browser
        var school: Browser
        var company: Browser
    }

    func people(_ app: Application) async throws -> People {
        app.storage[DeskSupport.TodayKey.self] = Self.today
        return People(coordinator: try await signedIn(app, "coordinator@test.invalid", role: .beheerder),
                      school: try await signedIn(app, "school@test.invalid", role: .contactpersoon, org: "montessori-college-oost"),
                      company: try await signedIn(app, "company@test.invalid", role: .contactpersoon, org: "infento"))
    }

    static let offerFields: [(String, String)] = [
        ("type", "excursie"), ("title", "Bezoek aan de werkplaats"), ("description", "Rondleiding en zelf bouwen"), ("sectors", "metaal"), ("sectors", "mobiliteit"),
        ("levels", "vmbo-bk"), ("levels", "vmbo-t"), ("groupMin", "5"), ("groupMax", "30"), ("capacity", "1"),
        ("availableFrom", "2026-09-01"), ("availableTo", "2027-06-30"), ("location", "Werkplaats Infento"), ("pupilsTravel", "on"),
    ]

    static func requestFields(pupils: String = "24", start: String = "2026-10-01", end: String = "2026-12-31") -> [(String, String)] {
        [("type", "excursie"), ("sectors", "metaal"), ("level", "vmbo-bk"), ("pupils", pupils), ("windowStart", start), ("windowEnd", end), ("remarks", "Klas 3")]
    }

    /// Issue 13: two editors of one offer. Both open the form; the first saves; the second's form names the older
    /// version and gets 409 with what changed, and the first's change stands. A form without a revision (an old page)
    /// counts as made on what is stored.
    @Test func aStaleOfferFormIsRefusedWithBothVersions() async throws {
        try await withMasterplan { app in
            var p = try await people(app)
            _ = try await p.company.post("/aanbod/nieuw", Self.offerFields, csrfFrom: "/aanbod/nieuw")
            let offer = try #require(try await AuditedRecords(app.db).all(Offer.self).first)
            func revision(_ html: String) -> String? {
                html.range(of: #"name="revision" value="([0-9a-f]+)""#, options: .regularExpression)
                    .map { String(html[$0]).split(separator: "\"")[3] }.map(String.init)
            }
            let path = "/aanbod/\(offer.id)/bewerken"
            let companyRevision = try #require(revision(try await p.company.get(path).text))
            let coordinatorRevision = try #require(revision(try await p.coordinator.get(path).text))
            #expect(companyRevision == coordinatorRevision)
            var res = try await p.company.post(path, Self.offerFields.filter { $0.0 != "title" } + [("title", "Werkplaats, nieuwe titel"), ("active", "on"),
                                                                                                  ("revision", companyRevision)], csrfFrom: path)
            #expect(res.status == .seeOther)
            res = try await p.coordinator.post(path, Self.offerFields.filter { $0.0 != "capacity" } + [("capacity", "4"), ("active", "on"),
                                                                                                        ("revision", coordinatorRevision)], csrfFrom: path)
            #expect(res.status == .conflict)
            #expect(res.text.contains("Iemand anders wijzigde dit record intussen") && res.text.contains("Werkplaats, nieuwe titel"))
            let stored = try #require(try await AuditedRecords(app.db).find(Offer.self, id: offer.id))
            #expect(stored.title == "Werkplaats, nieuwe titel" && stored.capacity == 1, "the first change stands, nothing of the second")
            // The 409 page carries the current version, so saving again from it is a deliberate overwrite.
            let current = try #require(revision(res.text))
            res = try await p.coordinator.post(path, Self.offerFields.filter { $0.0 != "capacity" } + [("capacity", "4"), ("active", "on"), ("revision", current)], csrfFrom: path)
            #expect(res.status == .seeOther)
            #expect(try await AuditedRecords(app.db).find(Offer.self, id: offer.id)?.capacity == 4)
        }
    }

    @Test func schoolCoordinatorAndCompanyWalkTheWholePath() async throws {
        try await withMasterplan { app in
            var p = try await people(app)
            // The company offers an excursion; a bad offer names its fields and stores nothing.
            var res = try await p.company.post("/aanbod/nieuw", [("type", "excursie"), ("title", ""), ("groupMin", "10"), ("groupMax", "5"), ("capacity", "1"),
                                                                 ("availableFrom", "2027-01-01"), ("availableTo", "2026-01-01"), ("sectors", "ruimtevaart")], csrfFrom: "/aanbod/nieuw")
            #expect(res.status == .badRequest)
            for field in ["title", "groupMax", "availableTo", "sectors", "levels"] { #expect(res.text.contains(field), "names \(field)") }
            #expect(try await AuditedRecords(app.db).all(Offer.self).isEmpty)
            res = try await p.company.post("/aanbod/nieuw", Self.offerFields, csrfFrom: "/aanbod/nieuw")
            #expect(res.status == .seeOther)
            let offer = try #require(try await AuditedRecords(app.db).all(Offer.self).first)
            #expect(offer.organizationId == "infento" && offer.capacity == 1 && offer.booked == 0)
            // Its own contact person edits it (capacity not below what is booked); another organisation may not.
            var edit = Self.offerFields.filter { $0.0 != "capacity" } + [("capacity", "3"), ("active", "on")]
            res = try await p.company.post("/aanbod/\(offer.id)/bewerken", edit, csrfFrom: "/aanbod/\(offer.id)/bewerken")
            #expect(res.status == .seeOther)
            #expect(try await AuditedRecords(app.db).find(Offer.self, id: offer.id)?.capacity == 3)
            edit = Self.offerFields
            edit.append(("active", "on"))
            _ = try await p.company.post("/aanbod/\(offer.id)/bewerken", edit, csrfFrom: "/aanbod/\(offer.id)/bewerken")
            #expect(try await p.school.get("/aanbod/\(offer.id)/bewerken").status == .forbidden)
            // The public catalogue shows it without any contact details.
            let catalogue = try await get(app, "/aanbod")
            #expect(catalogue.text.contains("Bezoek aan de werkplaats") && !catalogue.text.contains("@test.invalid"))

            // The school files a request; inconsistent fields are refused with their names.
            res = try await p.school.post("/verzoeken/nieuw", Self.requestFields(pupils: "0", start: "2026-12-01", end: "2026-11-01"), csrfFrom: "/verzoeken/nieuw")
            #expect(res.status == .badRequest && res.text.contains("pupils") && res.text.contains("windowEnd"))
            #expect(!(try await p.school.get("/organisaties/infento").text.contains("company@test.invalid")), "no contact details before an agreement")
            res = try await p.school.post("/verzoeken/nieuw", Self.requestFields(), csrfFrom: "/verzoeken/nieuw")
            #expect(res.status == .seeOther)
            let request = try #require(try await AuditedRecords(app.db).all(NetworkRequest.self).first)
            #expect(request.schoolId == "montessori-college-oost" && request.status == .nieuw && request.respondBy == PartialDate(year: 2026, month: 10, day: 15))

            // The coordinator sees the offer as a candidate with its reasons, and proposes it.
            res = try await p.coordinator.get("/verzoeken/\(request.id)")
            #expect(res.text.contains("Kandidaten") && res.text.contains("Bezoek aan de werkplaats") && res.text.contains("Sector: 1 van 1 gevraagd"))
            #expect(res.text.contains("Bedrijf heeft dit schooljaar nog 2 activiteit(en) te goed"))
            #expect(res.text.contains("ingediend (Test contactpersoon)"), "the history names who did it")
            // A second offer for havo only is listed as not fitting, with its reason.
            var havo = offer
            havo.id = "aanbod-havo"
            havo.levels = [.havo]
            try await AuditedRecords(app.db).insert(havo, actor: "test")
            #expect(try await p.coordinator.get("/verzoeken/\(request.id)").text.contains("Niet passend: Niet voor dit niveau (1)"))
            // The school sees its request but no candidates (that is the coordinator's work).
            let schoolView = try await p.school.get("/verzoeken/\(request.id)")
            #expect(schoolView.status == .ok && !schoolView.text.contains("Kandidaten"))
            res = try await p.coordinator.post("/verzoeken/\(request.id)/voorstellen", [("offerId", offer.id)], csrfFrom: "/verzoeken/\(request.id)")
            #expect(res.status == .seeOther)
            var agreement = try #require(try await AuditedRecords(app.db).all(ActivityAgreement.self).first)
            #expect(agreement.status == .voorgesteld && agreement.companyId == "infento" && agreement.pupils == 24)
            #expect(try await AuditedRecords(app.db).find(Offer.self, id: offer.id)?.booked == 1)
            #expect(try await AuditedRecords(app.db).find(NetworkRequest.self, id: request.id)?.status == .gematcht)
            // The desk in the API, with the pages' rules: the catalogue for anyone, requests for the school and the desk.
            let offersAPI = try await get(app, "/api/v1/offers")
            #expect(offersAPI.status == .ok && offersAPI.text.contains("Bezoek aan de werkplaats") && !offersAPI.text.contains("@test.invalid"))
            #expect(try await get(app, "/api/v1/requests").status == .unauthorized)
            #expect(try await p.school.get("/api/v1/requests").json()["total"] as? Int == 1)
            #expect(try await p.company.get("/api/v1/requests").json()["total"] as? Int == 0, "not the company's request")
            #expect(try await p.company.get("/api/v1/activity-agreements?status=voorgesteld").json()["total"] as? Int == 1)
            #expect(try await p.company.get("/api/v1/activity-agreements?status=gepland").json()["total"] as? Int == 0)
            #expect(try await p.company.get("/api/v1/activity-agreements?status=bezig").status == .badRequest)
            // With an agreement in progress, each side sees the other's contact persons (page and API).
            #expect(try await p.school.get("/organisaties/infento").text.contains("company@test.invalid"))
            #expect(try await p.company.get("/api/v1/organizations/montessori-college-oost/contacts").text.contains("school@test.invalid"))
            // Both sides hear of the proposal at once, with the agreement's address (issue 15: nobody was told).
            for who in ["school@test.invalid", "company@test.invalid"] {
                let told = try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == who).all()
                #expect(told.contains { $0.subject.hasPrefix("Voorstel van de netwerkbalie: Excursie") && $0.body.contains("/afspraken/\(agreement.id)") }, "\(who)")
            }

            // Only the company confirms; the school may not.
            res = try await p.school.post("/afspraken/\(agreement.id)/bevestigen", [], csrfFrom: "/afspraken/\(agreement.id)")
            #expect(res.status == .forbidden)
            // The school chose one overview a day: from now on its notices wait for it.
            #expect(try await p.school.post("/account/meldingen", [("mode", "daily")], csrfFrom: "/account").status == .seeOther)
            res = try await p.company.post("/afspraken/\(agreement.id)/bevestigen", [], csrfFrom: "/afspraken/\(agreement.id)")
            #expect(res.status == .seeOther)
            // Planning with a bad time names the field; then the real plan.
            res = try await p.company.post("/afspraken/\(agreement.id)/plannen", [("date", "2026-10-01"), ("startTime", "25:00"), ("place", "Werkplaats")], csrfFrom: "/afspraken/\(agreement.id)")
            #expect(res.status == .badRequest && res.text.contains("startTime"))
            // A date outside the school's period is refused, by field.
            res = try await p.company.post("/afspraken/\(agreement.id)/plannen", [("date", "2027-03-01"), ("startTime", "09:30"), ("place", "Werkplaats")], csrfFrom: "/afspraken/\(agreement.id)")
            #expect(res.status == .badRequest && res.text.contains("id=\"date-error\"") && res.text.contains("periode van de school"))
            res = try await p.company.post("/afspraken/\(agreement.id)/plannen", [("date", "2026-10-01"), ("startTime", "09:30"), ("durationMinutes", "90"),
                                                                                 ("place", "Werkplaats Infento"), ("pupils", "24"), ("transportNeeded", "on")], csrfFrom: "/afspraken/\(agreement.id)")
            #expect(res.status == .seeOther)
            // The company took both steps: the school's notices wait for its daily overview; the company is not told of its own steps.
            let companyMail = try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "company@test.invalid").all()
            #expect(!companyMail.contains { $0.subject.hasPrefix("Afspraak") })
            #expect(try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "school@test.invalid").all().filter { $0.subject.hasPrefix("Afspraak") }.isEmpty)
            let meldingen = try await p.school.get("/meldingen")
            #expect(meldingen.text.contains("Afspraak bevestigd: Excursie") && meldingen.text.contains("Afspraak gepland op 1 oktober 2026"), "\(meldingen.text)")
            let again = try await p.school.get("/meldingen")
            #expect(meldingen.text.contains("Nieuw: ") && !again.text.contains("Nieuw: "), "read once seen")
            var amsterdam = Calendar(identifier: .gregorian)
            amsterdam.timeZone = TimeZone(identifier: "Europe/Amsterdam")!
            let early = amsterdam.date(from: DateComponents(year: 2026, month: 10, day: 2, hour: 7))!
            #expect(try await Notify.sendDigests(app, now: early) == 0, "not before 08:00")
            let morning = amsterdam.date(from: DateComponents(year: 2026, month: 10, day: 2, hour: 9))!
            #expect(try await Notify.sendDigests(app, now: morning) == 1)
            #expect(try await Notify.sendDigests(app, now: morning.addingTimeInterval(600)) == 0, "once a day")
            let digest = try #require(try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "school@test.invalid").all().first { $0.subject.contains("melding(en)") })
            #expect(digest.subject == "Masterplan: 2 melding(en) van vandaag" && digest.body.contains("Afspraak bevestigd") && digest.body.contains("/afspraken/\(agreement.id)"))
            // The school's calendar holds the planned activity, as iCalendar.
            let ics = try await p.school.get("/organisaties/montessori-college-oost/activiteiten.ics")
            #expect(ics.status == .ok && ics.text.contains("BEGIN:VEVENT") && ics.text.contains("DTSTART;TZID=Europe/Amsterdam:20261001T093000") && ics.text.contains("\r\n"))
            #expect(try await p.school.get("/organisaties/infento/activiteiten.ics").status == .forbidden)
            // A secret subscription address works without logging in, until a new one replaces it.
            let made = try await p.school.post("/organisaties/montessori-college-oost/agenda", [], csrfFrom: "/organisaties/montessori-college-oost/agenda")
            let feed = try #require(made.text.firstMatch(of: #/(/agenda/[A-Za-z0-9_-]+/activiteiten\.ics)/#)?.1)
            let subscribed = try await get(app, String(feed))
            #expect(subscribed.status == .ok && subscribed.text.contains("DTSTART;TZID=Europe/Amsterdam:20261001T093000"))
            #expect(subscribed.text.contains("SEQUENCE:0\r\n") && subscribed.text.contains("STATUS:CONFIRMED"))
            #expect(made.text.contains("href=\"webcal://") && made.text.contains(String(feed)))
            _ = try await p.school.post("/organisaties/montessori-college-oost/agenda", [], csrfFrom: "/organisaties/montessori-college-oost/agenda")
            #expect(try await get(app, String(feed)).status == .notFound)

            // The coordinator records delivery: reach and the company's obligation follow.
            res = try await p.coordinator.post("/afspraken/\(agreement.id)/uitvoering", [("pupilsReached", "22"), ("teachers", "2")], csrfFrom: "/afspraken/\(agreement.id)")
            #expect(res.status == .seeOther)
            agreement = try #require(try await AuditedRecords(app.db).find(ActivityAgreement.self, id: agreement.id))
            #expect(agreement.status == .uitgevoerd && agreement.pupilsReached == 22)
            // The dashboard counts the school year live from the desk: this delivery's pupils, its school.
            let dashboard = try await get(app, "/").text
            #expect(dashboard.contains("Dit schooljaar (2026-2027), uit de netwerkbalie"))
            #expect(dashboard.contains("<dt>Leerlingen bereikt</dt><dd>22</dd>") && dashboard.contains("<dt>Scholen bereikt</dt><dd>1</dd>"), "\(dashboard)")
            // Reach by district (Montessori College Oost has none recorded) and by level.
            #expect(dashboard.contains("Bereik per stadsdeel") && dashboard.contains(">Onbekend<"))
            #expect(dashboard.contains("Bereik per niveau"))
            // Delivered, the activity stays in the calendar as it happened, unchanged.
            let after = try await p.school.get("/organisaties/montessori-college-oost/activiteiten.ics").text
            #expect(after.contains("DTSTART;TZID=Europe/Amsterdam:20261001T093000") && after.contains("SEQUENCE:0\r\n") && !after.contains("CANCELLED"))
            #expect(try await AuditedRecords(app.db).find(NetworkRequest.self, id: request.id)?.status == .afgerond)
            let reach = try await get(app, "/bereik?by=school")
            #expect(reach.text.contains("Montessori College Oost") && reach.text.contains("<td class=\"num\">22</td>"))
            let compliance = try await p.coordinator.get("/naleving?kind=company")
            // One delivered of the two a company owes, nothing else planned: behind.
            #expect(compliance.text.contains(#/Infento B\.V\.</a></th><td[^>]*><span[^>]*>Achter</span></td><td class="num">2</td><td class="num">1</td><td class="num">0</td>/#),
                    "\(compliance.text)")
            // Every step is in the audit log.
            let audited = try await AuditEntryModel.query(on: app.db).filter(\.$entity == ActivityAgreement.entity).filter(\.$entityId == agreement.id).all()
            #expect(audited.count == 4, "created, confirmed, planned, delivered")
            // Exports.
            // For Dutch Excel: a byte-order mark, `;` between fields; `?sep=,` for tools that want commas.
            let csv = try await p.coordinator.get("/afspraken.csv")
            #expect(csv.body.getBytes(at: 0, length: 3) == [0xEF, 0xBB, 0xBF])
            #expect(csv.text.contains("Infento B.V.") && csv.text.contains(";22;"), "\(csv.text)")
            let commas = try await p.coordinator.get("/afspraken.csv?sep=,")
            #expect(commas.text.contains(",22,") && !commas.text.contains(";22;"))
            #expect(try await p.coordinator.get("/afspraken.csv?sep=%7C").status == .badRequest)
            let xlsx = try await p.coordinator.get("/afspraken.xlsx")
            #expect(xlsx.body.readableBytes > 1000 && xlsx.body.getBytes(at: 0, length: 2) == [0x50, 0x4B])
        }
    }

    @Test func allocateAllProposesTheBestAssignmentAndNeverOverbooks() async throws {
        try await withMasterplan { app in
            var p = try await people(app)
            _ = try await p.company.post("/aanbod/nieuw", Self.offerFields, csrfFrom: "/aanbod/nieuw")
            _ = try await p.school.post("/verzoeken/nieuw", Self.requestFields(), csrfFrom: "/verzoeken/nieuw")
            _ = try await p.coordinator.post("/verzoeken/nieuw", [("schoolId", "mundus-college")] + Self.requestFields(pupils: "20"), csrfFrom: "/verzoeken/nieuw")
            let requests = try await AuditedRecords(app.db).all(NetworkRequest.self)
            #expect(requests.count == 2)
            // One place, two requests: the proposal gives it to exactly one, and says who is left.
            var res = try await p.coordinator.get("/verzoeken/toewijzen")
            #expect(res.status == .ok && res.text.contains("Zonder toewijzing") && res.text.contains("Passend aanbod vol") && res.text.contains("Eerder dit schooljaar"))
            let pair = try #require(res.text.firstMatch(of: /value="(verzoek-[a-z0-9]+\|aanbod-[a-z0-9]+)"/)?.1)
            res = try await p.coordinator.post("/verzoeken/toewijzen", [("pair", String(pair))], csrfFrom: "/verzoeken/toewijzen")
            #expect(res.status == .seeOther)
            #expect(try await AuditedRecords(app.db).all(ActivityAgreement.self).count == 1)
            // Proposing the full offer again (a second coordinator with an old page) is refused whole.
            let other = try #require(requests.first { !pair.hasPrefix($0.id) })
            let offer = try #require(try await AuditedRecords(app.db).all(Offer.self).first)
            res = try await p.coordinator.post("/verzoeken/toewijzen", [("pair", other.id + "|" + offer.id)], csrfFrom: "/verzoeken/toewijzen")
            #expect(res.status == .conflict)
            #expect(try await AuditedRecords(app.db).find(Offer.self, id: offer.id)?.booked == 1)
            #expect(try await AuditedRecords(app.db).all(ActivityAgreement.self).count == 1)
        }
    }

    /// Each pair proposed by its own coordinator, all at once; whether each proposal stood.
    static func proposeAtOnce(_ app: Application, _ pairs: [(NetworkRequest, Offer)]) async -> [Bool] {
        await withTaskGroup(of: Bool.self) { group in
            for (request, offer) in pairs {
                group.addTask {
                    let id = request.id + "-" + offer.id
                    do { _ = try await SQLDeskRepository(app.db).propose([(request, offer)], today: Self.today, actor: "c-" + id) { "afspraak-" + id }; return true }
                    catch { return false }
                }
            }
            var results: [Bool] = []
            for await r in group { results.append(r) }
            return results
        }
    }

    @Test func concurrentProposalsNeverExceedCapacity() async throws {
        try await withMasterplan { app in
            let store = AuditedRecords(app.db)
            let offer = Offer(id: "aanbod-druk", organizationId: "infento", type: .gastles, title: "Gastles", sectors: [.metaal], levels: [.vmboT],
                              groupMax: 30, capacity: 2, availableFrom: Self.today, availableTo: PartialDate(year: 2027, month: 6, day: 30))
            try await store.insert(offer, actor: "test")
            var requests: [NetworkRequest] = []
            for i in 0..<8 {
                let r = NetworkRequest(id: "verzoek-\(i)", schoolId: "montessori-college-oost", type: .gastles, sectors: [.metaal], level: .vmboT, pupils: 20,
                                       windowStart: Self.today, windowEnd: PartialDate(year: 2026, month: 12, day: 1), createdOn: Self.today, respondBy: Self.today)
                try await store.insert(r, actor: "test")
                requests.append(r)
            }
            // Eight coordinators at once, each proposing the same offer for a different request.
            let outcomes = await Self.proposeAtOnce(app, requests.map { ($0, offer) })
            #expect(outcomes.filter { $0 }.count == 2, "\(outcomes)")
            #expect(try await store.find(Offer.self, id: offer.id)?.booked == 2)
            #expect(try await store.all(ActivityAgreement.self).count == 2)
            #expect(try await store.all(NetworkRequest.self).filter { $0.status == .gematcht }.count == 2)
        }
    }

    /// Issue 13: eight coordinators propose at once for the same request, each with another offer that has room:
    /// exactly one proposal stands (the request's conditional UPDATE refuses the others), one place is booked in all,
    /// and the refused ones leave nothing behind. Runs on SQLite and on PostgreSQL (scripts/test).
    @Test func concurrentProposalsForOneRequestExactlyOneSucceeds() async throws {
        try await withMasterplan { app in
            let store = AuditedRecords(app.db)
            var offers: [Offer] = []
            for i in 0..<8 {
                let offer = Offer(id: "aanbod-\(i)", organizationId: "infento", type: .gastles, title: "Gastles \(i)", sectors: [.metaal], levels: [.vmboT],
                                  groupMax: 30, capacity: 3, availableFrom: Self.today, availableTo: PartialDate(year: 2027, month: 6, day: 30))
                try await store.insert(offer, actor: "test")
                offers.append(offer)
            }
            let request = NetworkRequest(id: "verzoek-een", schoolId: "montessori-college-oost", type: .gastles, sectors: [.metaal], level: .vmboT, pupils: 20,
                                         windowStart: Self.today, windowEnd: PartialDate(year: 2026, month: 12, day: 1), createdOn: Self.today, respondBy: Self.today)
            try await store.insert(request, actor: "test")
            let outcomes = await Self.proposeAtOnce(app, offers.map { (request, $0) })
            #expect(outcomes.filter { $0 }.count == 1, "\(outcomes)")
            let agreements = try await store.all(ActivityAgreement.self).filter { $0.requestId == request.id }
            #expect(agreements.count == 1)
            let booked = try await store.all(Offer.self).filter { $0.id.hasPrefix("aanbod-") }.reduce(0) { $0 + $1.booked }
            #expect(booked == 1, "the refused proposals gave their places back")
            #expect(try await store.find(NetworkRequest.self, id: request.id)?.status == .gematcht)
        }
    }

    @Test func cancellingGivesThePlaceBackAndReopensTheRequest() async throws {
        try await withMasterplan { app in
            var p = try await people(app)
            _ = try await p.company.post("/aanbod/nieuw", Self.offerFields, csrfFrom: "/aanbod/nieuw")
            _ = try await p.school.post("/verzoeken/nieuw", Self.requestFields(), csrfFrom: "/verzoeken/nieuw")
            let offer = try #require(try await AuditedRecords(app.db).all(Offer.self).first)
            let request = try #require(try await AuditedRecords(app.db).all(NetworkRequest.self).first)
            _ = try await p.coordinator.post("/verzoeken/\(request.id)/voorstellen", [("offerId", offer.id)], csrfFrom: "/verzoeken/\(request.id)")
            let agreement = try #require(try await AuditedRecords(app.db).all(ActivityAgreement.self).first)
            var res = try await p.school.post("/afspraken/\(agreement.id)/annuleren", [("reason", "")], csrfFrom: "/afspraken/\(agreement.id)")
            #expect(res.status == .badRequest && res.text.contains("reason"))
            res = try await p.school.post("/afspraken/\(agreement.id)/annuleren", [("reason", "Toetsweek verschoven")], csrfFrom: "/afspraken/\(agreement.id)")
            #expect(res.status == .seeOther)
            #expect(try await AuditedRecords(app.db).find(Offer.self, id: offer.id)?.booked == 0)
            #expect(try await AuditedRecords(app.db).find(NetworkRequest.self, id: request.id)?.status == .inBehandeling)
            // A cancelled agreement takes no further steps.
            res = try await p.company.post("/afspraken/\(agreement.id)/bevestigen", [], csrfFrom: "/afspraken/\(agreement.id)")
            #expect(res.status == .conflict)
            // Someone else's agreement is not even visible.
            var other = try await signedIn(app, "other@test.invalid", role: .contactpersoon, org: "alliander")
            #expect(try await other.get("/afspraken/\(agreement.id)").status == .notFound)
        }
    }

    @Test func overdueRequestsAreFlaggedAndRemindersGoToMembersBehind() async throws {
        try await withMasterplan { app in
            var p = try await people(app)
            _ = try await p.school.post("/verzoeken/nieuw", Self.requestFields(), csrfFrom: "/verzoeken/nieuw")
            app.storage[DeskSupport.TodayKey.self] = PartialDate(year: 2026, month: 10, day: 20)
            let queue = try await p.coordinator.get("/verzoeken")
            #expect(queue.text.contains("Te laat: 15 oktober 2026"))
            // infento is a Vriend (Bijlage 2) with nothing delivered: behind, and its contact gets a reminder.
            let res = try await p.coordinator.post("/naleving/herinneren", [], csrfFrom: "/naleving")
            #expect(res.status == .seeOther)
            let messages = try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "company@test.invalid").all()
            #expect(messages.count == 1 && messages[0].body.contains("0 van de 2"))
            // The page says what it counts, and names the members behind whom no reminder can reach.
            let page = try await p.coordinator.get("/naleving")
            #expect(page.text.contains("Wat er telt: voor een bedrijf") && page.text.contains("vereist 2 per bedrijf"))
            let unreachable = page.text.firstMatch(of: #/Niet te bereiken met een herinnering[^<]*/#).map { String($0.output) } ?? ""
            #expect(!unreachable.contains("Infento") && unreachable.contains("Schulten"), "Infento has a contact person, Ted Schulten none: \(unreachable)")
            // Earlier school years stay viewable (without reminders); the current one is the default.
            #expect(page.text.contains("<strong>2026-2027 (nu)</strong>") && page.text.contains("/naleving?schooljaar=2025"))
            let earlier = try await p.coordinator.get("/naleving?schooljaar=2025")
            #expect(earlier.text.contains("<strong>2025-2026</strong>") && earlier.text.contains("Schooljaar 2025-2026.") && !earlier.text.contains("Herinnering sturen"))
            // The company copies this year's offers to the next one; pressing twice copies once.
            _ = try await p.company.post("/aanbod/nieuw", Self.offerFields, csrfFrom: "/aanbod/nieuw")
            #expect(try await p.company.post("/aanbod/volgend-schooljaar", [], csrfFrom: "/aanbod").headers.first(name: .location) == "/aanbod?gekopieerd=1")
            #expect(try await p.company.post("/aanbod/volgend-schooljaar", [], csrfFrom: "/aanbod").headers.first(name: .location) == "/aanbod?gekopieerd=0")
            let copies = try await AuditedRecords(app.db).all(Offer.self).filter { $0.availableFrom == PartialDate(year: 2027, month: 9, day: 1) }
            #expect(copies.count == 1 && copies[0].availableTo == PartialDate(year: 2028, month: 6, day: 30) && copies[0].booked == 0 && copies[0].organizationId == "infento")
            #expect(try await p.coordinator.post("/aanbod/volgend-schooljaar", [], csrfFrom: "/aanbod").status == .forbidden)
            try await expectAbsoluteLinks(app)
        }
    }
}
