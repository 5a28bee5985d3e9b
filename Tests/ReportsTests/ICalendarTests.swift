import Foundation
import Testing
@testable import Domain
@testable import Reports

@Suite struct ICalendarTests {
    @Test func feedIsValidICalendar() {
        let entries = [
            CalendarEntry(uid: "a1@masterplan", day: PartialDate(year: 2026, month: 10, day: 1), startTime: "09:30", durationMinutes: 90,
                          summary: "Excursie: Montessori College Oost × Infento B.V.", location: "Werkplaats, Amsterdam; hal 2",
                          description: String(repeating: "Lange beschrijving met ë en € tekens. ", count: 5)),
            CalendarEntry(uid: "a2@masterplan", day: PartialDate(year: 2026, month: 12, day: 31), startTime: "", durationMinutes: 60,
                          summary: "Open dag", location: "", description: ""),
        ]
        let ics = ICalendar.document(name: "Masterplan – Test", entries: entries, stamp: Date(timeIntervalSince1970: 1_790_000_000))
        let lines = ics.components(separatedBy: "\r\n")
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.dropLast().last == "END:VCALENDAR" && lines.last == "")
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "only CRLF line ends")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "folded at 75 octets")
        #expect(ics.contains("DTSTART;TZID=Europe/Amsterdam:20261001T093000") && ics.contains("DURATION:PT90M"))
        #expect(ics.contains("LOCATION:Werkplaats\\, Amsterdam\\; hal 2"))
        // An entry without a time is all day, ending the next day (across the year end).
        #expect(ics.contains("DTSTART;VALUE=DATE:20261231") && ics.contains("DTEND;VALUE=DATE:20270101"))
        #expect(ics.components(separatedBy: "BEGIN:VEVENT").count == 3 && ics.contains("BEGIN:VTIMEZONE"))
        // Each event carries its revision and state; a cancelled one says so, with when it changed.
        #expect(ics.components(separatedBy: "SEQUENCE:0\r\n").count == 3 && ics.components(separatedBy: "STATUS:CONFIRMED").count == 3)
        var cancelled = entries[0]
        cancelled.cancelled = true; cancelled.sequence = 3; cancelled.lastModified = Date(timeIntervalSince1970: 1_790_000_000)
        let gone = ICalendar.document(name: "x", entries: [cancelled], stamp: Date())
        #expect(gone.contains("SEQUENCE:3\r\nLAST-MODIFIED:20260921T141320Z") && gone.contains("STATUS:CANCELLED"), "\(gone)")
        // Unfolding gives the description back whole.
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("DESCRIPTION:" + String(repeating: "Lange beschrijving met ë en € tekens. ", count: 5)))
    }

    @Test func agreementTableHasOneRowPerAgreement() throws {
        let a = ActivityAgreement(id: "x", schoolId: "s", companyId: "c", type: .gastles, status: .uitgevoerd, pupils: 20, pupilsReached: 18, createdOn: PartialDate(year: 2026))
        let rows = AgreementTable.rows([a], organizations: [:], lang: .nl)
        #expect(rows.count == 2 && rows[0].count == rows[1].count)
        #expect(rows[1][1] == "Uitgevoerd" && rows[1][12] == "18")
        let xlsx = try AgreementTable.xlsx(rows)
        #expect(xlsx.starts(with: [0x50, 0x4B]))
        #expect(TableExport.csv(rows, dialect: CSVDialect.download(lang: .nl, sep: nil)!).hasPrefix("\u{FEFF}id;status;soort"))
    }
}

/// Issue 14: the HTML part says what the text says, escaped, with its links clickable.
@Suite struct MailHTMLTests {
    @Test func paragraphsLinksAndEscaping() {
        let mail = MailContent(subject: "Aanmelding <Matchingdag>", text: "Beste Kim & Co,\n\nZie https://m.example/a?x=1&y=2. En http://m.example/b\nregel twee\n\nGroet", lang: .nl)
        let html = MailHTML.document(mail)
        #expect(html.hasPrefix("<!DOCTYPE html><html lang=\"nl\">"))
        #expect(html.contains("<title>Aanmelding &lt;Matchingdag&gt;</title>"))
        #expect(html.contains("<p>Beste Kim &amp; Co,</p>"))
        #expect(html.contains("<a href=\"https://m.example/a?x=1&amp;y=2\">https://m.example/a?x=1&amp;y=2</a>. En <a href=\"http://m.example/b\">"), "\(html)")
        #expect(html.contains("</a><br>regel twee</p><p>Groet</p>"))
        let hostile = MailHTML.document(MailContent(subject: "x", text: "Naam: <script>alert(1)</script> \"javascript:x\" https://a.example/\"><img src=x>", lang: .en))
        #expect(!hostile.contains("<script>") && !hostile.contains("<img"), "\(hostile)")
        #expect(hostile.contains("<a href=\"https://a.example/\">https://a.example/</a>&quot;&gt;&lt;img src=x&gt;"), "a link ends at a quote: \(hostile)")
    }
}

/// Issue 17: what an editor writes in a newsletter cannot carry markup or script, and links only go to http(s)/mailto.
@Suite struct NewsletterMarkupTests {
    @Test func markdownIsASafeSubset() {
        let html = Markdown.html("# Kop\n\nTekst met **vet**, *schuin* en [een link](https://masterplan.example/a?b=1&c=2).\n- een\n- <script>alert(1)</script>\n\n[kwaad](javascript:alert(1)) <img src=x onerror=alert(1)>")
        #expect(html.contains("<h2") && html.contains("<strong>vet</strong>") && html.contains("<em>schuin</em>"))
        #expect(html.contains("<a href=\"https://masterplan.example/a?b=1&amp;c=2\""))
        #expect(html.contains("<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>") && !html.contains("<script") && !html.contains("<img"))
        #expect(!html.contains("href=\"javascript") && html.contains("[kwaad](javascript:alert(1))"))
        #expect(Markdown.plain("Zie [de site](https://m.example) en **dit**.") == "Zie de site (https://m.example) en dit.")
    }

    @Test func anIssueRendersInTheReadersLanguageWithItsUnsubscribeLink() {
        let data = NewsletterData(today: PartialDate(year: 2026, month: 11, day: 30), timeline: [], events: [], nextMatchingday: nil, schoolYear: "2026-2027",
                                  figures: [.init(label: Localized("Leerlingen bereikt", "Pupils reached"), value: 1793)], vrienden: [],
                                  imageURL: { "https://m.example/nieuwsbrief/afbeeldingen/" + $0 })
        let issue = NewsletterIssue(id: "nb", subject: Localized("Nieuws", "News"),
                                    blocks: [.keyFigures, .timeline(since: PartialDate(year: 2026)), .image(id: "abc", alt: Localized("Leerlingen in de werkplaats", "Pupils in the workshop"))],
                                    lists: [.nieuwsbrief])
        let nl = NewsletterRender.render(issue, data: data, lang: .nl, unsubscribeURL: "https://m.example/nieuwsbrief/afmelden/t", archiveURL: "https://m.example/a")
        #expect(nl.html.contains("<html lang=\"nl\">") && nl.html.contains(">1.793<") && nl.html.contains("alt=\"Leerlingen in de werkplaats\""))
        #expect(nl.html.contains("https://m.example/nieuwsbrief/afmelden/t") && nl.text.contains("Afmelden: https://m.example/nieuwsbrief/afmelden/t"))
        #expect(!nl.html.contains("Uit het programma"), "an empty data block is left out")
        let en = NewsletterRender.render(issue, data: data, lang: .en, unsubscribeURL: nil, archiveURL: "https://m.example/a")
        #expect(en.subject == "News" && en.html.contains(">1,793<") && !en.html.contains("afmelden") && en.text.contains("Pupils reached: 1,793"))
    }
}
