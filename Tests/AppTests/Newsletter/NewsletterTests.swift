import Domain
import Fluent
import Foundation
import Persistence
import Reports
import Testing
import VaporTesting
@testable import Web

/// Issue 17: subscribe with double opt-in, compose from the programme's data, send through the queue with
/// List-Unsubscribe, leave with one click, archive and feed; import with consent; bounces; the person's rights.
@Suite struct NewsletterTests {
    static func outbox(_ app: Application, to email: String) async throws -> [OutboxMessageModel] {
        try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == email).sort(\.$createdAt).all()
    }

    @Test func subscribeConfirmSendUnsubscribeAndTheArchive() async throws {
        try await withMasterplan { app in
            var visitor = Browser(app)
            let bad = try await visitor.post("/nieuwsbrief", [("email", "geen-adres"), ("language", "nl"), ("lists[]", "nieuwsbrief")])
            #expect(bad.status == .badRequest && bad.text.contains("id=\"email-error\""), "\(bad.status) \(bad.text.prefix(600))")
            let none = try await visitor.post("/nieuwsbrief", [("email", "lezer@school.example"), ("language", "nl")])
            #expect(none.status == .badRequest && none.text.contains("id=\"lists-error\""))
            let asked = try await visitor.post("/nieuwsbrief", [("email", "Lezer@School.example"), ("name", "Lies <b>Lezer</b>"), ("language", "en"),
                                                                ("lists[]", "nieuwsbrief"), ("lists[]", "matchingday")])
            #expect(asked.status == .seeOther && asked.headers.first(name: .location) == "/nieuwsbrief?aangevraagd=1")
            // The confirmation mail, in the chosen language, with the link; nothing confirmed yet.
            let confirmation = try #require(try await Self.outbox(app, to: "lezer@school.example").first)
            #expect(confirmation.subject == "Confirm your newsletter subscription" && confirmation.language == "en")
            let link = try #require(confirmation.body.firstMatch(of: #/http://127\.0\.0\.1:8080(/nieuwsbrief/bevestigen\?token=[A-Za-z0-9_-]+)/#)?.1)
            #expect(try await NewsletterStore(app.db).counts().perList[.nieuwsbrief] == nil)
            let confirmed = try await visitor.get(String(link))
            #expect(confirmed.status == .ok && confirmed.text.contains("I want to receive by e-mail"), "the consent is shown")
            #expect(!confirmed.text.contains("<b>Lezer</b>"))
            #expect(try await visitor.get(String(link)).status == .notFound, "a link confirms once")
            #expect(try await NewsletterStore(app.db).counts().perList == [.nieuwsbrief: 1, .matchingday: 1])

            // An editor composes an issue with a text block and the programme's timeline, previews it and sends it now.
            var editor = try await signedIn(app, "comms@test.invalid", role: .communicatie)
            let created = try await editor.post("/beheer/nieuwsbrief", [], csrfFrom: "/beheer/nieuwsbrief")
            let edit = try #require(created.headers.first(name: .location))
            #expect(edit.hasPrefix("/beheer/nieuwsbrief/nb-"))
            let id = String(edit.dropFirst("/beheer/nieuwsbrief/".count))
            var res = try await editor.post(edit, [("subject_nl", "Nieuws <script>x</script>"), ("subject_en", "News"), ("list_nieuwsbrief", "1"),
                                                   ("b0_kind", "text"), ("b0_nl", "Hallo **lezers**, zie [de site](https://masterplan.example)."),
                                                   ("b0_en", "Hello **readers**."), ("b0_order", "1"), ("add", "timeline")])
            #expect(res.status == .seeOther)
            var issue = try #require(try await NewsletterStore(app.db).issue(id))
            #expect(issue.blocks.count == 2 && issue.blocks[0].kind == "text" && issue.blocks[1].kind == "timeline")
            res = try await editor.post(edit, [("subject_nl", "Nieuws <script>x</script>"), ("subject_en", "News"), ("list_nieuwsbrief", "1"),
                                               ("b0_kind", "text"), ("b0_nl", "Hallo **lezers**."), ("b0_en", "Hello **readers**."), ("b0_order", "2"),
                                               ("b1_kind", "timeline"), ("b1_since", "2014-01-01"), ("b1_order", "1")])
            issue = try #require(try await NewsletterStore(app.db).issue(id))
            #expect(issue.blocks.map(\.kind) == ["timeline", "text"], "reordered by the order field")
            let bad2 = try await editor.post(edit, [("subject_nl", "x"), ("subject_en", "y"), ("b0_kind", "timeline"), ("b0_since", "gisteren")])
            #expect(bad2.status == .badRequest && bad2.text.contains("id=\"b0-error\""))
            let preview = try await editor.get("/beheer/nieuwsbrief/\(id)/voorbeeld?lang=nl")
            #expect(preview.text.contains("Uit het programma") && preview.text.contains("<strong>lezers</strong>"))
            #expect(!preview.text.contains("<script>x") && preview.text.contains("&lt;script&gt;"))
            // The timeline block shows the programme's own entries of 2014.
            let entry2014 = try #require(try await RecordStore(app.db).dataset(only: [TimelineEntry.entity]).timeline.filter { $0.date >= PartialDate(year: 2014, month: 1, day: 1) }.min { $0.date < $1.date })
            #expect(preview.text.contains(escapeXML(entry2014.title)))
            res = try await editor.post("/beheer/nieuwsbrief/\(id)/versturen", [("when", "now")], csrfFrom: edit)
            #expect(res.status == .seeOther)
            _ = try await NewsletterSending.tick(app)
            let sent = try #require(try await Self.outbox(app, to: "lezer@school.example").last)
            #expect(sent.subject == "News" && sent.language == "en" && sent.html?.contains("From the programme") == true)
            let unsubscribe = try #require(sent.listUnsubscribe)
            #expect(unsubscribe.hasPrefix("http://127.0.0.1:8080/nieuwsbrief/afmelden/") && sent.body.contains(unsubscribe) && sent.html?.contains(unsubscribe) == true)
            #expect(!(sent.html ?? "").contains("<img"), "no tracking pixel")
            // Nobody left: the issue is sent; a second tick sends nothing twice.
            #expect(try await NewsletterSending.tick(app) == 0)
            #expect(try await NewsletterStore(app.db).issue(id)?.status == .sent)
            #expect(try await Self.outbox(app, to: "lezer@school.example").count == 2)
            // The archive and its feed, without anyone's unsubscribe link.
            var anonymous = Browser(app)
            #expect(try await anonymous.get("/nieuwsbrief/archief").text.contains("/nieuwsbrief/archief/\(id)"))
            let archived = try await anonymous.get("/nieuwsbrief/archief/\(id)")
            #expect(archived.status == .ok && archived.text.contains("Uit het programma") && !archived.text.contains("/nieuwsbrief/afmelden/"))
            let feed = try await anonymous.get("/nieuwsbrief/archief.atom")
            #expect(feed.headers.contentType?.subType == "atom+xml" && feed.text.contains("<entry><title>Nieuws &lt;script&gt;"))
            // Sent issues cannot change.
            #expect(try await editor.post(edit, [("subject_nl", "later"), ("subject_en", "later")], csrfFrom: "/beheer/nieuwsbrief").status == .conflict)

            // One click, as a mail client does it: a POST without cookies or form token.
            let path = String(unsubscribe.dropFirst("http://127.0.0.1:8080".count))
            #expect(try await anonymous.get(path).status == .ok)
            #expect(try await NewsletterStore(app.db).counts().perList[.nieuwsbrief] == 1, "opening the link does not unsubscribe")
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            let oneClick = try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: "List-Unsubscribe=One-Click"))
            #expect(oneClick.status == .ok)
            #expect(try await NewsletterStore(app.db).counts().perList[.nieuwsbrief] == nil)
            #expect(try await app.testing().sendRequest(.POST, "/nieuwsbrief/afmelden/nope", headers: headers, body: ByteBuffer(string: "List-Unsubscribe=One-Click")).status == .notFound)
            // The next issue does not reach that address.
            var next = NewsletterIssue(id: "nb-next", subject: Localized("Twee", "Two"), blocks: [.text(Localized("Nog een", "Another"))], lists: [.nieuwsbrief, .matchingday])
            next.status = .scheduled; next.scheduledAt = Date()
            _ = try await NewsletterStore(app.db).save(next, actor: "test")
            _ = try await NewsletterSending.tick(app)
            _ = try await NewsletterSending.tick(app)
            #expect(try await NewsletterStore(app.db).issue("nb-next")?.status == .sent)
            #expect(try await Self.outbox(app, to: "lezer@school.example").count == 2)
        }
    }

    @Test func importNeedsConsentBouncesStopAndThePersonsRights() async throws {
        try await withMasterplan { app in
            var admin = try await signedIn(app, "beheerder@test.invalid", role: .beheerder)
            let csv = "email;name;language;lists;consent\r\nkim@school.example;Kim;nl;nieuwsbrief;2013-05-01 formulier open dag\r\nzonder@school.example;Zonder;nl;nieuwsbrief;\r\nfout;X;nl;nieuwsbrief;ja\r\nlijst@school.example;L;nl;onbekend;ja\r\nkim@school.example;Kim;nl;nieuwsbrief;nogmaals\r\n"
            let res = try await admin.upload("/beheer/nieuwsbrief-import", file: Data(csv.utf8), filename: "leden.csv")
            #expect(res.status == .ok && res.text.contains("1 adres(sen) geïmporteerd, 4 geweigerd"), "\(res.text)")
            for line in ["3", "4", "5", "6"] { #expect(res.text.contains("<th scope=\"row\">\(line)</th>")) }
            let noColumn = try await admin.upload("/beheer/nieuwsbrief-import", file: Data("email\r\nx@y.example\r\n".utf8), filename: "x.csv")
            #expect(noColumn.status == .badRequest && noColumn.text.contains("consent"))
            let export = try await PersonData.export(email: "kim@school.example", on: app.db)
            #expect(export.id == nil && export.newsletter?.subscriptions.first?.consentText == "2013-05-01 formulier open dag")
            #expect(export.newsletter?.subscriptions.first?.consentSource == "import: leden.csv")
            // A second address, then its message fails for good: it bounces and gets nothing more.
            try await NewsletterStore(app.db).subscribeConfirmed(email: "weg@school.example", name: nil, language: .nl, lists: [.nieuwsbrief],
                                                                 consent: Consent(at: Date(), source: "test", text: "ja"), unsubscribeToken: { randomToken() })
            var issue = NewsletterIssue(id: "nb-1", subject: Localized("Een", "One"), blocks: [.keyFigures], lists: [.nieuwsbrief])
            issue.status = .scheduled; issue.scheduledAt = Date()
            _ = try await NewsletterStore(app.db).save(issue, actor: "test")
            #expect(try await NewsletterSending.tick(app) == 2)
            let failed = try #require(try await Self.outbox(app, to: "weg@school.example").first)
            failed.failedAt = Date(); failed.lastReply = "550 no such user"
            try await failed.save(on: app.db)
            #expect(try await NewsletterStore(app.db).markBounces() == 1)
            let deliveries = try await NewsletterStore(app.db).deliveries(of: "nb-1")
            #expect(Set(deliveries.map(\.email)) == ["kim@school.example", "weg@school.example"])
            var second = NewsletterIssue(id: "nb-2", subject: Localized("Twee", "Two"), blocks: [.keyFigures], lists: [.nieuwsbrief])
            second.status = .scheduled; second.scheduledAt = Date()
            _ = try await NewsletterStore(app.db).save(second, actor: "test")
            #expect(try await NewsletterSending.tick(app) == 1, "only kim; the bouncing address is skipped")
            // The beheerder's page counts it; erasure removes the subscription and its messages.
            #expect(try await admin.get("/beheer/nieuwsbrief").text.contains("(niets meer naartoe): 1"))
            try await PersonData.erase(email: "kim@school.example", actor: "test", on: app.db)
            #expect(try await NewsletterStore(app.db).subscriptions(email: "kim@school.example") == nil)
            #expect(try await Self.outbox(app, to: "kim@school.example").isEmpty)
            await #expect(throws: PersonData.Failure.self) { try await PersonData.export(email: "kim@school.example", on: app.db) }
        }
    }

    @Test func anIssueScheduledForLaterWaitsForItsTime() async throws {
        try await withMasterplan { app in
            try await NewsletterStore(app.db).subscribeConfirmed(email: "later@school.example", name: nil, language: .nl, lists: [.basisonderwijs],
                                                                 consent: Consent(at: Date(), source: "test", text: "ja"), unsubscribeToken: { randomToken() })
            var editor = try await signedIn(app, "comms@test.invalid", role: .communicatie)
            let created = try await editor.post("/beheer/nieuwsbrief", [], csrfFrom: "/beheer/nieuwsbrief")
            let edit = try #require(created.headers.first(name: .location))
            let id = String(edit.dropFirst("/beheer/nieuwsbrief/".count))
            // Not ready: no subject, no list; a time that is no time.
            var res = try await editor.post("/beheer/nieuwsbrief/\(id)/versturen", [("when", "later"), ("at", "morgen")], csrfFrom: edit)
            #expect(res.status == .badRequest && res.text.contains("id=\"at-error\"") && res.text.contains("(at, subject)"))
            _ = try await editor.post(edit, [("subject_nl", "Later"), ("subject_en", "Later"), ("list_basisonderwijs", "1"), ("b0_kind", "figures")])
            let next = Calendar(identifier: .gregorian).date(byAdding: .day, value: 2, to: Date())!
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX"); f.timeZone = TimeZone(identifier: "Europe/Amsterdam"); f.dateFormat = "yyyy-MM-dd'T'HH:mm"
            res = try await editor.post("/beheer/nieuwsbrief/\(id)/versturen", [("when", "later"), ("at", f.string(from: next))], csrfFrom: edit)
            #expect(res.status == .seeOther)
            #expect(try await NewsletterSending.tick(app) == 0)
            #expect(try await NewsletterStore(app.db).issue(id)?.status == .scheduled)
            #expect(try await NewsletterSending.tick(app, now: next.addingTimeInterval(60)) == 1)
            #expect(try await Self.outbox(app, to: "later@school.example").first?.subject == "Later")
        }
    }

    @Test func aContactPersonSubscribesInOneClickAndOnlyEditorsCompose() async throws {
        try await withMasterplan { app in
            var contact = try await signedIn(app, "contact@mco.invalid", role: .contactpersoon, org: "montessori-college-oost")
            #expect(try await contact.get("/beheer/nieuwsbrief").status == .forbidden)
            let res = try await contact.post("/account/nieuwsbrief", [("list_nieuwsbrief", "1")], csrfFrom: "/account")
            #expect(res.status == .seeOther)
            let account = try await contact.get("/account")
            #expect(account.text.contains("account") && account.text.contains("Aangemeld") && !account.text.contains("Meld mij aan voor de nieuwsbrief"))
            let export = try await PersonData.export(email: "contact@mco.invalid", on: app.db)
            #expect(export.role == "contactpersoon" && export.newsletter?.subscriptions.map(\.status) == ["confirmed"])
            var comms = try await signedIn(app, "comms@test.invalid", role: .communicatie)
            #expect(try await comms.get("/beheer/nieuwsbrief").status == .ok)
            #expect(try await comms.get("/beheer/accounts").status == .forbidden)
            // An image: PNG or JPEG by its bytes, at most 2 MB.
            let created = try await comms.post("/beheer/nieuwsbrief", [], csrfFrom: "/beheer/nieuwsbrief")
            let id = String(try #require(created.headers.first(name: .location)).dropFirst("/beheer/nieuwsbrief/".count))
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 64))
            let up = try await comms.upload("/beheer/nieuwsbrief-afbeeldingen", file: png, filename: "foto.png", field: "image", fields: [("issue", id)],
                                            csrfFrom: "/beheer/nieuwsbrief/\(id)")
            let location = try #require(up.headers.first(name: .location))
            let imageId = try #require(location.split(separator: "=").last.map(String.init))
            var reader = Browser(app)
            let image = try await reader.get("/nieuwsbrief/afbeeldingen/\(imageId)")
            #expect(image.headers.first(name: .contentType) == "image/png" && image.body.readableBytes == png.count)
            let notImage = try await comms.upload("/beheer/nieuwsbrief-afbeeldingen", file: Data("<svg onload=alert(1)>".utf8), filename: "x.svg", field: "image",
                                                  fields: [("issue", id)], csrfFrom: "/beheer/nieuwsbrief/\(id)")
            #expect(notImage.status == .unsupportedMediaType)
            // An image block needs its alt text in both languages.
            let noAlt = try await comms.post("/beheer/nieuwsbrief/\(id)", [("subject_nl", "a"), ("subject_en", "b"), ("b0_kind", "image"), ("b0_image", imageId)])
            #expect(noAlt.status == .badRequest && noAlt.text.contains("alt"))
        }
    }

    /// Nobody can make the platform mail one address over and over: three confirmation requests per quarter hour.
    @Test func theSubscribeFormIsThrottledPerAddress() async throws {
        try await withMasterplan { app in
            var visitor = Browser(app)
            for _ in 0..<3 {
                #expect(try await visitor.post("/nieuwsbrief", [("email", "doelwit@school.example"), ("language", "nl"), ("lists[]", "nieuwsbrief")]).status == .seeOther)
            }
            let res = try await visitor.post("/nieuwsbrief", [("email", "Doelwit@School.example"), ("language", "nl"), ("lists[]", "nieuwsbrief")])
            #expect(res.status == .tooManyRequests && res.headers.first(name: .retryAfter) == "900")
            #expect(try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "doelwit@school.example").count() == 3)
        }
    }
}
