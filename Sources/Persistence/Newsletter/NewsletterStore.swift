import Domain
import Fluent
import Foundation
import SQLKit

/// The newsletter's records: subscribers and their consent, issues, deliveries, images. Every command is one
/// transaction; sending is safe on several instances at once (a delivery row is claimed by its unique key before
/// its message is queued).
public struct NewsletterStore: Sendable {
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    public static let confirmationLifetime: TimeInterval = 7 * 24 * 3600

    // MARK: Subscribing

    /// Records the request: the subscriber (new, or the same address again) and each list as pending with this
    /// consent and the hash of a new confirmation token. Lists already confirmed stay confirmed.
    public func subscribe(_ request: SubscribeRequest, consent: Consent, confirmTokenHash: String, unsubscribeToken: String) async throws {
        try await db.writeTransaction { tx in
            let subscriber = try await Self.subscriber(email: request.email, name: request.name, language: request.language,
                                                       unsubscribeToken: unsubscribeToken, on: tx)
            let id = try subscriber.requireID()
            for list in request.lists {
                let existing = try await SubscriptionModel.query(on: tx).filter(\.$subscriberId == id).filter(\.$list == list.rawValue).first()
                if existing?.subscriptionStatus == .confirmed { continue }
                let s = existing ?? SubscriptionModel(subscriberId: id, list: list, status: .pending, consent: consent)
                s.status = SubscriptionStatus.pending.rawValue
                s.consentAt = consent.at; s.consentSource = consent.source; s.consentText = consent.text
                s.confirmTokenHash = confirmTokenHash; s.confirmExpires = consent.at.addingTimeInterval(Self.confirmationLifetime)
                s.changedAt = consent.at
                try await s.save(on: tx)
            }
            try await AuditLog.record(on: tx, actor: "public", entity: "newsletter_subscriptions", entityId: id.uuidString, action: "subscribe",
                                      changes: [FieldChange(field: "lists", before: nil, after: request.lists.map(\.rawValue).joined(separator: ";"))])
        }
    }

    static func subscriber(email: String, name: String?, language: Lang, unsubscribeToken: String, on db: any Database) async throws -> SubscriberModel {
        if let existing = try await SubscriberModel.query(on: db).filter(\.$email == email).first() {
            if let name { existing.name = name }
            existing.language = language.rawValue
            try await existing.save(on: db)
            return existing
        }
        let new = SubscriberModel(email: email, name: name, language: language, unsubscribeToken: unsubscribeToken)
        try await new.create(on: db)
        return new
    }

    /// The confirmation link: every pending list with this token, not expired, becomes confirmed. Nil when the
    /// token is unknown, used or expired.
    public func confirm(tokenHash: String, now: Date = Date()) async throws -> SubscriberModel? {
        try await db.writeTransaction { tx in
            let pending = try await SubscriptionModel.query(on: tx).filter(\.$confirmTokenHash == tokenHash)
                .filter(\.$status == SubscriptionStatus.pending.rawValue).all()
            let valid = pending.filter { ($0.confirmExpires ?? .distantPast) > now }
            guard let first = valid.first else { return nil }
            for s in valid {
                s.status = SubscriptionStatus.confirmed.rawValue; s.confirmTokenHash = nil; s.confirmExpires = nil; s.changedAt = now
                try await s.save(on: tx)
            }
            try await AuditLog.record(on: tx, actor: "public", entity: "newsletter_subscriptions", entityId: first.subscriberId.uuidString,
                                      action: "confirm", changes: [])
            return try await SubscriberModel.find(first.subscriberId, on: tx)
        }
    }

    /// Subscribed at once, without a confirmation mail: a signed-in account (its address is proven) or an import
    /// with recorded consent.
    public func subscribeConfirmed(email: String, name: String?, language: Lang, lists: [NewsletterList], consent: Consent,
                                   unsubscribeToken: @escaping @Sendable () -> String) async throws {
        try await db.writeTransaction { tx in
            let subscriber = try await Self.subscriber(email: email, name: name, language: language, unsubscribeToken: unsubscribeToken(), on: tx)
            let id = try subscriber.requireID()
            for list in lists {
                let s = try await SubscriptionModel.query(on: tx).filter(\.$subscriberId == id).filter(\.$list == list.rawValue).first()
                    ?? SubscriptionModel(subscriberId: id, list: list, status: .confirmed, consent: consent)
                s.status = SubscriptionStatus.confirmed.rawValue
                s.consentAt = consent.at; s.consentSource = consent.source; s.consentText = consent.text
                s.confirmTokenHash = nil; s.confirmExpires = nil; s.changedAt = consent.at
                try await s.save(on: tx)
            }
            try await AuditLog.record(on: tx, actor: consent.source, entity: "newsletter_subscriptions", entityId: id.uuidString, action: "subscribe-confirmed",
                                      changes: [FieldChange(field: "lists", before: nil, after: lists.map(\.rawValue).joined(separator: ";"))])
        }
    }

    /// An imported list: every accepted row in one transaction.
    public func importRows(_ rows: [SubscriberImport.Row], file: String, now: Date = Date(), token: @escaping @Sendable () -> String) async throws {
        for row in rows {
            try await subscribeConfirmed(email: row.email, name: row.name, language: row.language, lists: row.lists,
                                         consent: Consent(at: now, source: "import: " + file, text: row.consent), unsubscribeToken: token)
        }
    }

    /// One-click unsubscribe: every list of the subscriber with this token, at once. The subscriber, or nil.
    public func unsubscribe(token: String, now: Date = Date()) async throws -> SubscriberModel? {
        try await db.writeTransaction { tx in
            guard let subscriber = try await SubscriberModel.query(on: tx).filter(\.$unsubscribeToken == token).first() else { return nil }
            let id = try subscriber.requireID()
            let subscriptions = try await SubscriptionModel.query(on: tx).filter(\.$subscriberId == id).all()
            for s in subscriptions where s.subscriptionStatus != .unsubscribed {
                s.status = SubscriptionStatus.unsubscribed.rawValue; s.confirmTokenHash = nil; s.changedAt = now
                try await s.save(on: tx)
            }
            try await AuditLog.record(on: tx, actor: "public", entity: "newsletter_subscriptions", entityId: id.uuidString, action: "unsubscribe", changes: [])
            return subscriber
        }
    }

    public func subscriptions(email: String) async throws -> (SubscriberModel, [SubscriptionModel])? {
        guard let subscriber = try await SubscriberModel.query(on: db).filter(\.$email == email.lowercased()).first() else { return nil }
        return (subscriber, try await SubscriptionModel.query(on: db).filter(\.$subscriberId == (try subscriber.requireID())).sort(\.$list).all())
    }

    /// Confirmed subscribers per list (the coordinator's overview), and how many bounce.
    public func counts() async throws -> (perList: [NewsletterList: Int], bouncing: Int) {
        let confirmed = try await SubscriptionModel.query(on: db).filter(\.$status == SubscriptionStatus.confirmed.rawValue).all()
        var perList: [NewsletterList: Int] = [:]
        for s in confirmed { if let l = s.newsletterList { perList[l, default: 0] += 1 } }
        return (perList, try await SubscriberModel.query(on: db).filter(\.$bouncing == true).count())
    }

    // MARK: Issues

    public func issues() async throws -> [NewsletterIssue] {
        try await IssueModel.query(on: db).sort(\.$createdAt, .descending).all().map { try $0.issue() }
    }

    public func sentIssues() async throws -> [NewsletterIssue] {
        try await IssueModel.query(on: db).filter(\.$status == IssueStatus.sent.rawValue).sort(\.$sentAt, .descending).all().map { try $0.issue() }
    }

    public func issue(_ id: String) async throws -> NewsletterIssue? { try await IssueModel.find(id, on: db)?.issue() }

    /// Saves a draft (new or changed); an issue that is sending or sent cannot change.
    public func save(_ issue: NewsletterIssue, actor: String) async throws -> Bool {
        try await db.writeTransaction { tx in
            if let existing = try await IssueModel.find(issue.id, on: tx) {
                guard try existing.issue().editable else { return false }
                try existing.set(issue)
                try await existing.save(on: tx)
            } else {
                try await IssueModel(issue).create(on: tx)
            }
            try await AuditLog.record(on: tx, actor: actor, entity: "newsletter_issues", entityId: issue.id, action: "save-" + issue.status.rawValue, changes: [])
            return true
        }
    }

    // MARK: Sending

    /// Scheduled issues whose time has come move to "sending" (a conditional update: one instance takes each).
    public func startDue(now: Date = Date()) async throws -> [String] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let rows = try await sql.update(IssueModel.schema)
            .set("status", to: SQLBind(IssueStatus.sending.rawValue))
            .where("status", .equal, SQLBind(IssueStatus.scheduled.rawValue))
            .where("scheduled_at", .lessThanOrEqual, SQLBind(now))
            .returning("id").all()
        return try rows.map { try $0.decode(column: "id", as: String.self) }
    }

    public func sendingIssues() async throws -> [NewsletterIssue] {
        try await IssueModel.query(on: db).filter(\.$status == IssueStatus.sending.rawValue).all().map { try $0.issue() }
    }

    /// Confirmed, not bouncing subscribers on any of the lists who have not had this issue, at most `limit`.
    public func recipients(of issue: NewsletterIssue, limit: Int) async throws -> [SubscriberModel] {
        // One set-based query (issue 13): before, every tick read all deliveries of the issue and every confirmed
        // subscription into memory to subtract them. The unique (issue, subscriber) index serves the NOT EXISTS.
        guard let sql = db as? any SQLDatabase, !issue.lists.isEmpty, limit > 0 else { return [] }
        let lists: [any Encodable & Sendable] = issue.lists.map(\.rawValue)
        return try await sql.raw("""
            SELECT s.* FROM newsletter_subscribers s
            WHERE s.bouncing = \(bind: false)
              AND EXISTS (SELECT 1 FROM newsletter_subscriptions sub WHERE sub.subscriber_id = s.id
                          AND sub.status = \(bind: SubscriptionStatus.confirmed.rawValue) AND sub.list IN (\(binds: lists)))
              AND NOT EXISTS (SELECT 1 FROM newsletter_deliveries d WHERE d.issue_id = \(bind: issue.id) AND d.subscriber_id = s.id)
            ORDER BY s.id LIMIT \(bind: limit)
            """).all(decodingFluent: SubscriberModel.self)
    }

    /// Claims the delivery of `issue` to `subscriber` and queues its message in the same transaction; false when
    /// another instance claimed it first.
    public func deliver(issueId: String, to subscriber: SubscriberModel, message: OutboxMessageModel) async throws -> Bool {
        try await db.writeTransaction { tx in
            guard let sql = tx as? any SQLDatabase else { return false }
            let claimed = try await sql.raw("""
                INSERT INTO newsletter_deliveries (id, issue_id, subscriber_id, created_at)
                VALUES (\(bind: UUID()), \(bind: issueId), \(bind: try subscriber.requireID()), \(bind: Date()))
                ON CONFLICT (issue_id, subscriber_id) DO NOTHING RETURNING id
                """).all()
            guard let row = claimed.first else { return false }
            try await message.create(on: tx)
            try await DeliveryModel.query(on: tx).filter(\.$id == (try row.decode(column: "id", as: UUID.self)))
                .set(\.$outboxId, to: message.id).update()
            return true
        }
    }

    /// Marks the issue sent with the copies the archive shows.
    public func finish(_ issueId: String, html: Localized, text: Localized, now: Date = Date()) async throws {
        try await db.writeTransaction { tx in
            guard let model = try await IssueModel.find(issueId, on: tx) else { return }
            var issue = try model.issue()
            guard issue.status == .sending else { return }
            issue.status = .sent; issue.sentAt = now; issue.sentHTML = html; issue.sentText = text
            try model.set(issue)
            try await model.save(on: tx)
        }
    }

    /// Addresses whose newsletter message failed for good (a permanent refusal or the queue's last try) bounce:
    /// nothing more is sent to them. Returns how many were marked now.
    public func markBounces() async throws -> Int {
        guard let sql = db as? any SQLDatabase else { return 0 }
        let rows = try await sql.raw("""
            UPDATE newsletter_subscribers SET bouncing = \(bind: true)
            WHERE bouncing = \(bind: false) AND id IN (
              SELECT d.subscriber_id FROM newsletter_deliveries d JOIN outbox o ON o.id = d.outbox_id WHERE o.failed_at IS NOT NULL)
            RETURNING id
            """).all()
        return rows.count
    }

    /// Per recipient of an issue: address and the state of its message.
    public func deliveries(of issueId: String) async throws -> [(email: String, message: OutboxMessageModel?)] {
        let deliveries = try await DeliveryModel.query(on: db).filter(\.$issueId == issueId).sort(\.$createdAt).all()
        let messages = Dictionary(try await OutboxMessageModel.query(on: db).filter(\.$id ~~ deliveries.compactMap(\.outboxId)).all()
            .map { ($0.id!, $0) }, uniquingKeysWith: { a, _ in a })
        return deliveries.map { d in (d.outboxId.flatMap { messages[$0]?.recipient } ?? "(gewist)", d.outboxId.flatMap { messages[$0] }) }
    }

    // MARK: Images

    public func saveImage(_ bytes: Data, contentType: String) async throws -> UUID {
        let image = NewsletterImageModel(contentType: contentType, bytes: bytes)
        try await image.create(on: db)
        return try image.requireID()
    }

    public func image(_ id: UUID) async throws -> NewsletterImageModel? { try await NewsletterImageModel.find(id, on: db) }
}
