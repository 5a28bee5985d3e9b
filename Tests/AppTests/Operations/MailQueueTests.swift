import Domain
import Fluent
import Foundation
import Persistence
import Testing
import VaporTesting
@testable import Web

/// The outbox as a queue (issue 14): retries with backoff, permanent failures given up and resent by the
/// beheerder, and every message sent once even with two workers at it.
@Suite struct MailQueueTests {
    /// A transport that answers from a script and counts what it was asked to send.
    final class Scripted: MailSender, @unchecked Sendable {
        let lock = NSLock()
        var outcomes: [DeliveryOutcome]
        var sent: [UUID] = []
        init(_ outcomes: [DeliveryOutcome]) { self.outcomes = outcomes }
        func send(_ message: OutboxMessageModel, logger: Logger) async -> DeliveryOutcome {
            lock.withLock {
                let next = outcomes.count > 1 ? outcomes.removeFirst() : outcomes[0]
                if case .sent = next, let id = message.id { sent.append(id) }
                return next
            }
        }
    }

    static func account(_ email: String) -> Account { Account(id: UUID().uuidString, email: email, name: "Kim", role: .contactpersoon) }

    @Test func aFailureIsRetriedLaterAndAPermanentOneWaitsForTheBeheerder() async throws {
        try await withMasterplan(seed: .none) { app in
            let transport = Scripted([.failed(reply: "421 try later", permanent: false), .sent(reply: "250 queued")])
            app.mailSender = transport
            try await Outbox.send(to: Self.account("kim@school.example"), db: app.db, sender: transport, logger: app.logger) { MailContent(subject: "Test", text: "x", lang: $0) }
            var m = try #require(try await OutboxMessageModel.query(on: app.db).first())
            #expect(m.sentAt == nil && m.attempts == 1 && m.lastReply == "421 try later")
            let next = try #require(m.nextAttemptAt)
            #expect(abs(next.timeIntervalSinceNow - MailQueue.backoff(afterAttempt: 1)) < 5)
            #expect(try await deliverQueuedMail(app) == 0, "not due yet")
            #expect(try await MailQueue.deliverDue(on: app.db, now: next.addingTimeInterval(1)) { await transport.send($0, logger: app.logger) } == 1)
            m = try #require(try await OutboxMessageModel.find(m.id, on: app.db))
            #expect(m.sentAt != nil && m.lastReply == "250 queued")

            let refusing = Scripted([.failed(reply: "550 no such user", permanent: true)])
            try await Outbox.send(to: Self.account("niemand@school.example"), db: app.db, sender: refusing, logger: app.logger) { MailContent(subject: "Test 2", text: "y", lang: $0) }
            let failed = try #require(try await OutboxMessageModel.query(on: app.db).filter(\.$subject == "Test 2").first())
            #expect(failed.failedAt != nil && failed.attempts == 1)
            #expect(try await MailQueue.deliverDue(on: app.db, now: Date().addingTimeInterval(86_400)) { await refusing.send($0, logger: app.logger) } == 0)
            // The beheerder sees why and sends it again.
            try await makeAccount(app, "baas@test.invalid", role: .beheerder)
            var admin = Browser(app)
            _ = try await admin.login("baas@test.invalid", "a-long-test-password-9")
            let page = try await admin.get("/beheer/outbox").text
            #expect(page.contains("550 no such user") && page.contains("Opnieuw versturen"))
            app.mailSender = Scripted([.sent(reply: "250 ok")])
            _ = try await admin.post("/beheer/outbox/\(failed.id!.uuidString)/opnieuw", [], csrfFrom: "/beheer/outbox")
            let resent = try #require(try await OutboxMessageModel.find(failed.id, on: app.db))
            #expect(resent.sentAt != nil && resent.failedAt == nil)
        }
    }

    @Test func twoWorkersSendEachMessageOnce() async throws {
        try await withMasterplan(seed: .none) { app in
            for i in 0..<30 { try await OutboxMessageModel(recipient: "r\(i)@school.example", subject: "S\(i)", body: "b").create(on: app.db) }
            let transport = Scripted([.sent(reply: "250 ok")])
            async let a = MailQueue.deliverDue(on: app.db) { await transport.send($0, logger: app.logger) }
            async let b = MailQueue.deliverDue(on: app.db) { await transport.send($0, logger: app.logger) }
            let (x, y) = try await (a, b)
            #expect(x + y == 30)
            #expect(transport.sent.count == 30 && Set(transport.sent).count == 30)
            #expect(try await OutboxMessageModel.query(on: app.db).filter(\.$sentAt == nil).count() == 0)
        }
    }
}
