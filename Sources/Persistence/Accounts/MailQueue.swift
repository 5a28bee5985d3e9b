import Fluent
import Foundation
import SQLKit

/// Delivery state of the outbox.
struct UpdateOutboxAddDelivery: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OutboxMessageModel.schema)
            .field("attempts", .int, .required, .sql(.default(0)))
            .update()
        for (name, type) in [("next_attempt_at", DatabaseSchema.DataType.datetime), ("claimed_until", .datetime), ("last_reply", .string), ("failed_at", .datetime)] {
            try await database.schema(OutboxMessageModel.schema).field(.definition(name: .key(.init(stringLiteral: name)), dataType: type, constraints: [])).update()
        }
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "outbox_due").on(OutboxMessageModel.schema).column("sent_at").column("failed_at").column("next_attempt_at").run()
    }
    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await sql.drop(index: "outbox_due").run() }
        for name in ["attempts", "next_attempt_at", "claimed_until", "last_reply", "failed_at"] {
            try await database.schema(OutboxMessageModel.schema).deleteField(.init(stringLiteral: name)).update()
        }
    }
}

/// What a transport did with one message.
public enum DeliveryOutcome: Sendable, Equatable {
    case sent(reply: String)
    /// No transport configured (development without SMTP): the message waits in the outbox, no try is counted.
    case notConfigured
    case failed(reply: String, permanent: Bool)
}

/// The outbox as a queue. Any number of instances run `deliverDue`; each message is claimed by one conditional
/// UPDATE (`claimed_until` empty or past), so it is never sent twice. A failure is tried again after 1, 2, 4 … minutes
/// (at most 6 hours apart); a permanent refusal (5xx) or the 8th failure gives up, and the beheerder sees why and
/// can send it again.
public enum MailQueue {
    public static let maxAttempts = 8
    static let claimFor: TimeInterval = 120

    public static func backoff(afterAttempt n: Int) -> TimeInterval { min(6 * 3600, 60 * pow(2, Double(max(0, n - 1)))) }

    /// Claims the message for this worker; false when another holds it or it is done.
    public static func claim(_ id: UUID, on db: any Database, now: Date = Date()) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return false }
        let rows = try await sql.update(OutboxMessageModel.schema)
            .set("claimed_until", to: SQLBind(now.addingTimeInterval(claimFor)))
            .where("id", .equal, SQLBind(id))
            .where("sent_at", .is, SQLLiteral.null)
            .where("failed_at", .is, SQLLiteral.null)
            .where { $0.where("claimed_until", .is, SQLLiteral.null).orWhere("claimed_until", .lessThan, SQLBind(now)) }
            .returning("id")
            .all()
        return !rows.isEmpty
    }

    /// Tries one claimed message and records the outcome.
    @discardableResult
    public static func attempt(_ message: OutboxMessageModel, on db: any Database, now: Date = Date(),
                               transport: (OutboxMessageModel) async -> DeliveryOutcome) async throws -> DeliveryOutcome {
        let outcome = await transport(message)
        switch outcome {
        case .sent(let reply):
            message.sentAt = now; message.lastReply = String(reply.prefix(500)); message.claimedUntil = nil
        case .notConfigured:
            message.claimedUntil = nil
        case .failed(let reply, let permanent):
            message.attempts += 1
            message.lastReply = String(reply.prefix(500))
            message.claimedUntil = nil
            if permanent || message.attempts >= maxAttempts { message.failedAt = now } else {
                message.nextAttemptAt = now.addingTimeInterval(backoff(afterAttempt: message.attempts))
            }
        }
        try await message.save(on: db)
        return outcome
    }

    /// Delivers every message that is due (at most `limit` per call); returns how many went out.
    public static func deliverDue(on db: any Database, now: Date = Date(), limit: Int = 50,
                                  transport: (OutboxMessageModel) async -> DeliveryOutcome) async throws -> Int {
        let due = try await OutboxMessageModel.query(on: db)
            .filter(\.$sentAt == nil).filter(\.$failedAt == nil)
            .group(.or) { $0.filter(\.$nextAttemptAt == nil).filter(\.$nextAttemptAt <= now) }
            .sort(\.$createdAt).limit(limit).all()
        var sent = 0
        for message in due {
            guard let id = message.id, try await claim(id, on: db, now: now) else { continue }
            if case .sent = try await attempt(message, on: db, now: now, transport: transport) { sent += 1 }
        }
        return sent
    }

    /// Messages that have been due for longer than `grace`: the worker runs every 30 seconds on every instance, so
    /// any such message means no instance is delivering (the queue is stuck). A message waiting for its next try
    /// after a failure is not due and does not count.
    public static func overdue(on db: any Database, now: Date = Date(), grace: TimeInterval = 900) async throws -> Int {
        let limit = now.addingTimeInterval(-grace)
        return try await OutboxMessageModel.query(on: db)
            .filter(\.$sentAt == nil).filter(\.$failedAt == nil)
            .group(.or) { g in
                g.group(.and) { $0.filter(\.$nextAttemptAt == nil).filter(\.$createdAt < limit) }
                 .filter(\.$nextAttemptAt < limit)
            }
            .count()
    }

    /// The beheerder sends a failed (or waiting) message again, now.
    public static func retry(_ id: UUID, on db: any Database) async throws {
        guard let m = try await OutboxMessageModel.find(id, on: db), m.sentAt == nil else { return }
        m.failedAt = nil; m.attempts = 0; m.nextAttemptAt = nil; m.claimedUntil = nil
        try await m.save(on: db)
    }
}
