import Testing
@testable import Domain

/// Issue 14: every message exists in both languages, says the same in each, and carries its link.
@Suite struct MessagesTests {
    static let date = PartialDate(year: 2026, month: 11, day: 20)

    static func all(_ lang: Lang) -> [MailContent] {
        [Messages.passwordLink(name: "Kim", link: "https://m.example/w?token=t", hours: 168, welcome: true, lang: lang),
         Messages.passwordLink(name: "Kim", link: "https://m.example/w?token=t", hours: 2, welcome: false, lang: lang),
         Messages.registered(name: "Kim", organization: "Infento", waiting: true, event: "Matchingdag 2026", date: date, link: "https://m.example/m", lang: lang),
         Messages.placeFreed(name: "Kim", event: "Matchingdag 2026", date: date, link: "https://m.example/m", lang: lang),
         Messages.followUp(name: "Kim", type: .excursie, school: "Mundus College", company: "Infento", link: "https://m.example/a", lang: lang),
         Messages.evaluationRequest(name: "Kim", type: .gastles, company: "Infento", school: "Mundus College", link: "https://m.example/a", lang: lang),
         Messages.obligationReminder(name: "Kim", organization: "Infento", delivered: 1, required: 3, link: "https://m.example/n", lang: lang)]
    }

    @Test func eachMessageInBothLanguagesWithItsLinkAndNames() {
        let nl = Self.all(.nl), en = Self.all(.en)
        for (d, e) in zip(nl, en) {
            #expect(d.lang == .nl && e.lang == .en)
            #expect(d.subject != e.subject && d.text != e.text)
            #expect(d.text.hasPrefix("Beste Kim,") && e.text.hasPrefix("Dear Kim,"))
            let link = d.text.firstMatch(of: #/https://m\.example/\S+/#).map { String($0.output) }
            #expect(link != nil && e.text.contains(link!), "the same link in both")
            for dutchWord in ["Beste", "groet", "wachtlijst", "uitgevoerd", "afspraak"] { #expect(!e.text.contains(dutchWord), "\(dutchWord) in \(e.text)") }
        }
        // Vocabulary comes in the recipient's language; proper names stay as they are.
        #expect(nl[4].text.contains("Excursie / bedrijfsbezoek: Mundus College × Infento") && en[4].text.contains("Excursion / company visit: Mundus College × Infento"))
        #expect(nl[2].text.contains("20 november 2026") && en[2].text.contains("20 November 2026"))
        #expect(en[0].subject == "Welcome to Masterplan: choose your password" && en[0].text.contains("valid for 168 hours"))
    }
}
