import Foundation
import Testing
@testable import Domain

/// Issue 17: the newsletter's rules without a database: what a subscription request, an imported list and the
/// editor's form may hold.
@Suite struct NewsletterDomainTests {
    @Test func aSubscriptionRequestNamesEachProblem() {
        guard case .failure(let errors) = SubscribeRequest.check(email: "geen adres", name: String(repeating: "x", count: 121), language: "fr", lists: ["onbekend"]) else {
            Issue.record("accepted"); return
        }
        #expect(errors.fields.map(\.0) == ["email", "name", "language", "lists"])
        guard case .success(let ok) = SubscribeRequest.check(email: " Kim@School.Example ", name: " ", language: "en", lists: ["matchingday", "nieuwsbrief"]) else {
            Issue.record("refused"); return
        }
        #expect(ok.email == "kim@school.example" && ok.name == nil && ok.language == .en && ok.lists == [.nieuwsbrief, .matchingday])
        #expect(ConsentText.form(ok.lists, lang: .nl).contains("Nieuwsbrief Masterplan Techniek, Matchingday"))
    }

    @Test func anImportTakesOnlyRowsWithConsent() throws {
        let text = "email,name,language,lists,consent\nkim@school.example,Kim,en,nieuwsbrief;matchingday,ja via formulier 2013\nzonder@school.example,,nl,,\nnee@school.example,,nl,,nee\nKIM@school.example,,nl,,ja\n"
        let (accepted, refused) = try SubscriberImport.parse(CSV.parse(text, file: "l.csv"), file: "l.csv")
        #expect(accepted.map(\.email) == ["kim@school.example"] && accepted[0].lists == [.nieuwsbrief, .matchingday] && accepted[0].language == .en)
        #expect(refused.map(\.line) == [3, 4, 5])
        #expect(throws: DatasetError.self) { try SubscriberImport.parse(CSV.parse("email,name\nx@y.example,X\n", file: "l.csv"), file: "l.csv") }
    }

    @Test func theEditorReadsAddsRemovesAndOrdersBlocks() {
        let issue = NewsletterIssue(id: "nb", subject: Localized("", ""), blocks: [], lists: [])
        let form = ["subject_nl": "Nieuws", "subject_en": "News", "list_matchingday": "1",
                    "b0_kind": "text", "b0_nl": "a", "b0_en": "b", "b0_order": "3",
                    "b1_kind": "figures", "b1_order": "1",
                    "b2_kind": "events", "b2_remove": "1",
                    "b3_kind": "vrienden", "b3_since": "2014-09-01", "b3_order": "2",
                    "add": "matchingday"]
        let (read, errors) = NewsletterEditor.apply(form, to: issue)
        #expect(errors.isEmpty)
        #expect(read.blocks == [.keyFigures, .newVrienden(since: PartialDate(year: 2014, month: 9, day: 1)), .text(Localized("a", "b")), .nextMatchingday])
        #expect(read.lists == [.matchingday] && read.subject == Localized("Nieuws", "News") && read.readiness().isEmpty)
        // A bad row is named and kept as far as it can be; an image needs its alt text in both languages.
        let (kept, problems) = NewsletterEditor.apply(["subject_nl": "x\ny", "b0_kind": "image", "b0_image": "not-a-uuid", "b1_kind": "timeline", "b1_since": "gisteren", "add": "script"], to: issue)
        #expect(Set(problems.fields.map(\.0)) == ["subject", "b0", "b1", "add"])
        #expect(kept.blocks.count == 2)
        #expect(NewsletterIssue(id: "x", subject: Localized("a", ""), blocks: [], lists: []).readiness().fields.map(\.0) == ["subject", "blocks", "lists"])
        #expect(NewsletterEditor.scheduledTime("2026-12-01T09:00") == Date(timeIntervalSince1970: 1_796_112_000))
    }
}

/// Issue 15, desk loose ends: a planned date lies in the school's period and the offer's availability; the past warns.
@Suite struct AgreementPlanningTests {
    @Test func theDateMustFitTheWindowAndTheOffer() {
        let d = { (y: Int, m: Int, day: Int) in PartialDate(year: y, month: m, day: day) }
        var agreement = ActivityAgreement(id: "a", schoolId: "s", companyId: "c", type: .excursie, status: .afgesproken, pupils: 20, createdOn: d(2026, 9, 1))
        let request = NetworkRequest(id: "r", schoolId: "s", type: .excursie, sectors: [], level: .havo, pupils: 20, windowStart: d(2026, 10, 1), windowEnd: d(2026, 12, 31), createdOn: d(2026, 9, 1), respondBy: d(2026, 9, 15))
        let today = d(2026, 11, 15)
        #expect(AgreementPlanning.check(date: d(2026, 11, 20), agreement: agreement, request: request, offer: nil, today: today) == .init(error: nil, warning: nil))
        #expect(AgreementPlanning.check(date: d(2027, 1, 5), agreement: agreement, request: request, offer: nil, today: today).error != nil)
        #expect(AgreementPlanning.check(date: d(2026, 10, 5), agreement: agreement, request: request, offer: nil, today: today).warning != nil, "past: a warning, not an error")
        // A Matchingday agreement's own window counts when there is no request.
        agreement.windowStart = d(2027, 1, 1); agreement.windowEnd = d(2027, 2, 1)
        #expect(AgreementPlanning.check(date: d(2027, 3, 1), agreement: agreement, request: nil, offer: nil, today: today).error != nil)
        #expect(AgreementPlanning.check(date: d(2027, 1, 15), agreement: agreement, request: nil, offer: nil, today: today).error == nil)
    }
}

/// Issue 15, the year in figures: the dashboard's live count of the school year, against an independent count of a
/// generated year.
@Suite struct SchoolYearFiguresTests {
    @Test func aGeneratedYearCountsAsCountedByHand() {
        var rng = SystemRandomNumberGenerator()
        let today = PartialDate(year: 2027, month: 3, day: 15)
        let day = { (i: Int) in PartialDate(year: 2026 + (i / 12), month: i % 12 + 1, day: 10) }   // 2026-01 … 2027-12
        var requests: [NetworkRequest] = [], agreements: [ActivityAgreement] = []
        for i in 0..<60 {
            let created = day(Int.random(in: 0..<24, using: &rng))
            requests.append(NetworkRequest(id: "r\(i)", schoolId: "s\(i % 7)", type: .gastles, sectors: [], level: .havo, pupils: 20, windowStart: created,
                                           windowEnd: created, status: RequestStatus.allCases.randomElement(using: &rng)!, createdOn: created,
                                           respondBy: day(Int.random(in: 0..<24, using: &rng))))
            var a = ActivityAgreement(id: "a\(i)", schoolId: "s\(i % 5)", companyId: "c", type: ActivityType.allCases.randomElement(using: &rng)!,
                                      status: AgreementStatus.allCases.randomElement(using: &rng)!, pupils: 20, createdOn: day(Int.random(in: 0..<24, using: &rng)))
            if Bool.random(using: &rng) { a.date = day(Int.random(in: 0..<24, using: &rng)) }
            a.pupilsReached = Int.random(in: 0...30, using: &rng)
            agreements.append(a)
        }
        let memberships = [Membership(id: "m1", organizationId: "c", startDate: PartialDate(year: 2026, month: 5), evidence: "", source: ""),
                           Membership(id: "m2", organizationId: "d", startDate: PartialDate(year: 2027, month: 2), evidence: "", source: "")]
        let f = SchoolYearFigures.compute(requests: requests, agreements: agreements, memberships: memberships, today: today, startMonth: 8)
        // By hand: the school year 2026-2027 runs from 1 August 2026 to 31 July 2027.
        func inYear(_ d: PartialDate) -> Bool { (d.year == 2026 && (d.month ?? 1) >= 8) || (d.year == 2027 && (d.month ?? 1) < 8) }
        let received = requests.filter { inYear($0.createdOn) }
        #expect(f.year.description == "2026-2027")
        #expect(f.requestsReceived == received.count)
        #expect(f.requestsAnswered == received.filter { ![RequestStatus.nieuw, .inBehandeling].contains($0.status) }.count)
        #expect(f.requestsOverdue == received.filter { [RequestStatus.nieuw, .inBehandeling].contains($0.status) && $0.respondBy < today }.count)
        let counted = agreements.filter { inYear($0.date ?? $0.createdOn) }
        let done = counted.filter { $0.status == .uitgevoerd || $0.status == .geevalueerd }
        #expect(f.pupilsReached == done.reduce(0) { $0 + ($1.pupilsReached ?? 0) })
        #expect(f.schoolsReached == Set(done.map(\.schoolId)).count)
        #expect(f.activities.reduce(0) { $0 + $1.delivered } == done.count)
        #expect(f.activities.reduce(0) { $0 + $1.planned } == counted.filter { [.voorgesteld, .afgesproken, .gepland].contains($0.status) }.count)
        #expect(f.vriendenNow == 2 && f.vriendenAtNewYear == 1)
    }
}
