import Domain
import Fluent
import Foundation
import Persistence
import Reports
import SMTP
import Vapor

/// Sends one message of the outbox. Behind a protocol so installs without SMTP keep mail in the outbox.
protocol MailSender: Sendable {
    func send(_ message: OutboxMessageModel, logger: Logger) async -> DeliveryOutcome
}

/// Without SMTP: the message stays in the outbox (a beheerder sees it at /beheer/outbox) and the log says so.
/// Outside production the log also shows the message, so a coordinator can act on a development install;
/// in production the log never carries its body, which may hold a reset link.
struct LogMailSender: MailSender {
    let production: Bool
    func send(_ message: OutboxMessageModel, logger: Logger) async -> DeliveryOutcome {
        if production {
            logger.notice("Mail \(message.id?.uuidString ?? "?") waits in the outbox (no SMTP configured).")
        } else {
            logger.notice("Mail (no SMTP configured) \(message.id?.uuidString ?? "?"): \(message.subject)\n\(message.body)")
        }
        return .notConfigured
    }
}

/// Through an SMTP server (`MASTERPLAN_SMTP_URL`), from `MASTERPLAN_MAIL_FROM`.
struct SMTPMailSender: MailSender {
    let client: SMTPClient
    let from: String

    func send(_ message: OutboxMessageModel, logger: Logger) async -> DeliveryOutcome {
        var mail = MailMessage(from: from, to: message.recipient, subject: message.subject, text: message.body, html: message.html,
                               messageId: message.id.map { $0.uuidString.lowercased() + "@" + (from.split(separator: "@").last.map { String($0.filter { $0 != ">" }) } ?? "masterplan.invalid") },
                               language: message.language ?? "nl")
        mail.listUnsubscribe = message.listUnsubscribe
        do {
            let reply = try await client.send(mail)
            logger.info("Mail \(message.id?.uuidString ?? "?") sent: \(reply)")
            return .sent(reply: reply.description)
        } catch let error as SMTPError {
            logger.warning("Mail \(message.id?.uuidString ?? "?") not sent: \(error)")
            return .failed(reply: error.description, permanent: error.isPermanent)
        } catch {
            logger.warning("Mail \(message.id?.uuidString ?? "?") not sent: \(error)")
            return .failed(reply: String(describing: error), permanent: error is MailError)
        }
    }
}

/// Reads `MASTERPLAN_SMTP_URL`, `MASTERPLAN_MAIL_FROM` and `MASTERPLAN_SMTP_CA_FILE`; nil without an SMTP URL.
public enum MailSettings {
    public struct Invalid: Error, CustomStringConvertible { public let description: String }

    static func sender(environment: [String: String]) throws -> (any MailSender)? {
        guard let url = environment["MASTERPLAN_SMTP_URL"], !url.isEmpty else { return nil }
        let config = try SMTPConfiguration(url: url, caFile: environment["MASTERPLAN_SMTP_CA_FILE"])
        guard let from = environment["MASTERPLAN_MAIL_FROM"], let address = from.split(separator: "<").last?.split(separator: ">").first,
              address.contains("@") else {
            throw Invalid(description: "MASTERPLAN_MAIL_FROM must name the sender, e.g. \"Masterplan Techniek <noreply@example.nl>\"")
        }
        return SMTPMailSender(client: SMTPClient(configuration: config), from: from)
    }

    /// `masterplan mail test`: one message straight through SMTP; the server's reply or the error.
    public static func sendTest(to recipient: String, environment: [String: String]) async throws -> String {
        guard let url = environment["MASTERPLAN_SMTP_URL"], !url.isEmpty else { throw Invalid(description: "MASTERPLAN_SMTP_URL is not set") }
        let config = try SMTPConfiguration(url: url, caFile: environment["MASTERPLAN_SMTP_CA_FILE"])
        guard let from = environment["MASTERPLAN_MAIL_FROM"] else { throw Invalid(description: "MASTERPLAN_MAIL_FROM is not set") }
        let reply = try await SMTPClient(configuration: config).send(MailMessage(
            from: from, to: recipient, subject: "Masterplan: testbericht",
            text: "Dit is een testbericht van Masterplan (\(config)). Komt het aan, dan werkt de verzending van e-mail.", language: "nl"))
        return "\(config) answered: \(reply)"
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
    /// The queued form of a message: its text, the HTML made from it, its language.
    static func message(_ mail: MailContent, to recipient: String) -> OutboxMessageModel {
        OutboxMessageModel(recipient: recipient, subject: mail.subject, body: mail.text, html: MailHTML.document(mail), language: mail.lang.rawValue)
    }

    /// Queues a message to an account, written in the account's language by `compose`, and tries it right after,
    /// outside the request (a slow mail server never slows a page); one that could not go out stays queued for the
    /// worker in `serve`.
    static func send(to account: Account, on req: Request, _ compose: (Lang) -> MailContent) async throws {
        try await send(to: account.email, language: account.language, on: req, compose)
    }

    /// The same to an address without an account (a newsletter subscriber), in the language it chose.
    static func send(to email: String, language: Lang, on req: Request, _ compose: (Lang) -> MailContent) async throws {
        let message = message(compose(language), to: email)
        try await message.create(on: req.db)
        let app = req.application, logger = req.logger
        if let id = message.id { tryInBackground(id, app: app, logger: logger) }
    }

    /// Tries a message queued elsewhere (a newsletter delivery) in the background, as `send` does.
    static func tryInBackground(_ id: UUID, app: Application, logger: Logger) {
        guard !(app.mailSender is LogMailSender) else { return }
        Task {
            do { try await tryNow(id, app: app, logger: logger) } catch { logger.warning("Mail \(id): \(error)") }
        }
    }

    /// Claims one queued message and tries it now (after queueing it, or when the beheerder sends it again).
    static func tryNow(_ id: UUID, app: Application, logger: Logger) async throws {
        guard try await MailQueue.claim(id, on: app.db), let message = try await OutboxMessageModel.find(id, on: app.db) else { return }
        let sender = app.mailSender, metrics = app.metrics
        try await MailQueue.attempt(message, on: app.db) { let o = await sender.send($0, logger: logger); metrics.mail(o); return o }
    }

    /// The same outside a request (background work, commands).
    static func send(to account: Account, db: any Database, sender: any MailSender, logger: Logger, _ compose: (Lang) -> MailContent) async throws {
        let message = message(compose(account.language), to: account.email)
        try await message.create(on: db)
        guard let id = message.id, try await MailQueue.claim(id, on: db) else { return }
        try await MailQueue.attempt(message, on: db) { await sender.send($0, logger: logger) }
    }
}

/// The queue's worker: `serve` calls this every 30 seconds; safe on several instances at once.
public func deliverQueuedMail(_ app: Application) async throws -> Int {
    let sender = app.mailSender, logger = app.logger, metrics = app.metrics
    return try await MailQueue.deliverDue(on: app.db) { let o = await sender.send($0, logger: logger); metrics.mail(o); return o }
}
