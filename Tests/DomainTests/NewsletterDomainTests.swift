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
