import Fluent
import Foundation
import Persistence
import SMTP
import Testing
import VaporTesting
@testable import Web

/// Issue 14: mail goes out as text and HTML in the recipient's language: chosen when the account is made, and
/// changed by the person's own language switch.
@Suite struct MailLanguageTests {
    @Test func theInvitationComesInTheChosenLanguageAndTheSwitchChangesIt() async throws {
        try await withMasterplan { app in
            var admin = try await signedIn(app, "beheerder@test.invalid", role: .beheerder)
            let bad = try await admin.post("/beheer/accounts", [("email", "x@bedrijf.invalid"), ("name", "X"), ("role", "analist"), ("language", "fr")])
            #expect(bad.status == .badRequest && bad.text.contains("id=\"language-error\""))
            let created = try await admin.post("/beheer/accounts", [("email", "new@company.invalid"), ("name", "Sam Engels"), ("role", "analist"), ("language", "en")])
            #expect(created.status == .seeOther)
            let welcome = try #require(try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "new@company.invalid").first())
            #expect(welcome.subject == "Welcome to Masterplan: choose your password" && welcome.body.hasPrefix("Dear Sam Engels,"))
            #expect(welcome.language == "en")
            #expect(welcome.html?.contains("<a href=\"http://127.0.0.1:8080/wachtwoord-herstellen?token=") == true, "\(welcome.html ?? "")")
            // Without a choice: Dutch.
            _ = try await admin.post("/beheer/accounts", [("email", "nieuw@bedrijf.invalid"), ("name", "Kim"), ("role", "analist")])
            let dutch = try #require(try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "nieuw@bedrijf.invalid").first())
            #expect(dutch.subject.hasPrefix("Welkom") && dutch.language == "nl" && dutch.html?.contains("<html lang=\"nl\">") == true)
            // A signed-in person switching to English gets English mail from then on; the anonymous switch changes no account.
            var analyst = try await signedIn(app, "analist@test.invalid", role: .analist)
            var anonymous = Browser(app)
            _ = try await anonymous.get("/taal/en")
            #expect(try await AccountModel.query(on: app.db).filter(\.$email == "analist@test.invalid").first()?.language == "nl")
            _ = try await analyst.get("/taal/en")
            #expect(try await AccountModel.query(on: app.db).filter(\.$email == "analist@test.invalid").first()?.language == "en")
            _ = try await analyst.get("/taal/nl")
            #expect(try await AccountModel.query(on: app.db).filter(\.$email == "analist@test.invalid").first()?.language == "nl")
        }
    }

    /// Through the real SMTP server of scripts/test: one multipart message, text and HTML, Content-Language en.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["MASTERPLAN_TEST_SMTP_DIR"] != nil, "needs the aiosmtpd server of scripts/test"))
    func anEnglishInvitationArrivesAsTextAndHTML() async throws {
        let env = ProcessInfo.processInfo.environment
        try await withMasterplan { app in
            let config = try SMTPConfiguration(url: env["MASTERPLAN_TEST_SMTP_RELAY"]!, caFile: nil)
            app.mailSender = SMTPMailSender(client: SMTPClient(configuration: config), from: "Masterplan <noreply@masterplan.example>")
            var admin = try await signedIn(app, "beheerder@test.invalid", role: .beheerder)
            _ = try await admin.post("/beheer/accounts", [("email", "smtp-en@company.invalid"), ("name", "Sam"), ("role", "analist"), ("language", "en")])
            var sent: OutboxMessageModel?
            for _ in 0..<100 {
                sent = try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "smtp-en@company.invalid").filter(\.$sentAt != nil).first()
                if sent != nil { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            let reply = try #require(sent?.lastReply)
            let n = try #require(reply.split(separator: "-").last.flatMap { Int($0.filter(\.isNumber)) })
            let data = try Data(contentsOf: URL(fileURLWithPath: env["MASTERPLAN_TEST_SMTP_DIR"]! + "/\(n).json"))
            let got = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(got["subject"] as? String == "Welcome to Masterplan: choose your password")
            #expect(got["language"] as? String == "en")
            #expect((got["text"] as? String)?.hasPrefix("Dear Sam,") == true)
            #expect((got["html"] as? String)?.contains("<a href=\"http://127.0.0.1:8080/wachtwoord-herstellen?token=") == true)
        }
    }
}
