import Fluent
import Persistence
import Vapor

/// Sends what is in the outbox. Behind a protocol so tests and installs without SMTP use a fake or the log.
protocol MailSender: Sendable {
    func send(_ message: OutboxMessageModel, logger: Logger) async throws -> Bool
}

/// Without SMTP: the message stays in the outbox (a beheerder sees it at /beheer/outbox) and the log says so.
/// Outside production the log also shows the message, so a coordinator can act on a development install;
/// in production the log never carries its body, which may hold a reset link.
struct LogMailSender: MailSender {
    let production: Bool
    func send(_ message: OutboxMessageModel, logger: Logger) async throws -> Bool {
        if production {
            logger.notice("Mail \(message.id?.uuidString ?? "?") waits in the outbox (no SMTP configured).")
        } else {
            logger.notice("Mail (no SMTP configured) \(message.id?.uuidString ?? "?"): \(message.subject)\n\(message.body)")
        }
        return false
    }
}

struct MailSenderKey: StorageKey { typealias Value = any MailSender }

extension Application {
    var mailSender: any MailSender {
        get { storage[MailSenderKey.self] ?? LogMailSender(production: environment == .production) }
        set { storage[MailSenderKey.self] = newValue }
    }
}

enum Outbox {
    /// Queues a message and hands it to the sender; a message the sender could not deliver stays queued.
    static func send(to recipient: String, subject: String, body: String, on req: Request) async throws {
        try await send(to: recipient, subject: subject, body: body, db: req.db, sender: req.application.mailSender, logger: req.logger)
    }

    /// The same outside a request (background work, commands).
    static func send(to recipient: String, subject: String, body: String, db: any Database, sender: any MailSender, logger: Logger) async throws {
        let message = OutboxMessageModel(recipient: recipient, subject: subject, body: body)
        try await message.create(on: db)
        if try await sender.send(message, logger: logger) {
            message.sentAt = Date()
            try await message.save(on: db)
        }
    }
}
