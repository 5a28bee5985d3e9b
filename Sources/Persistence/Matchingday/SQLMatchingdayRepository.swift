import Domain
import FluentKit
import Foundation
import SQLKit

/// One Matchingday's rows in SQL, read by event (indexed), and the writes that must not be half-done: a registration
/// against the places left, a cancellation that moves the waiting list up, a participant's wishes, the tables, and a
/// new schedule with the event's figures. Each is one transaction, audited (`AuditedRecords`); what a registration or
/// a cancellation changes is decided by `MatchingdayRegistration`.
public struct SQLMatchingdayRepository: MatchingdayRepository {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }

    var audited: AuditedRecords { AuditedRecords(database) }
    var sql: any SQLDatabase { RecordStore(database).sql }

    public func events() async throws -> [MatchingdayEvent] { try await audited.all(MatchingdayEvent.self) }

    public func day(_ id: String) async throws -> MatchingdayDay? {
        guard let event = try await audited.find(MatchingdayEvent.self, id: id) else { return nil }
        return MatchingdayDay(event: event, tables: try await rows(MatchingdayTable.self, event: id).sorted { $0.number < $1.number },
                              participants: try await rows(MatchingdayParticipant.self, event: id), wishes: try await rows(MatchingdayWish.self, event: id),
                              meetings: try await rows(MatchingdayMeeting.self, event: id))
    }

    func rows<R: Record>(_ type: R.Type, event: String) async throws -> [R] {
        try await audited.rows(R.self, where: "eventId", equals: event)
    }

    public func registeredCounts() async throws -> [String: (schools: Int, companies: Int)] {
        let rows = try await sql.select().column("eventId").column("side").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(MatchingdayParticipant.entity).where("status", .equal, SQLBind(EventRegistrations.Status.registered.rawValue))
            .groupBy("eventId").groupBy("side").all()
        var out: [String: (schools: Int, companies: Int)] = [:]
        for row in rows {
            let event = try row.decode(column: "eventId", as: String.self), side = try row.decode(column: "side", as: String.self)
            let n = try row.decode(column: "n", as: Int.self)
            var counts = out[event] ?? (0, 0)
            if side == ParticipantSide.school.rawValue { counts.schools += n } else { counts.companies += n }
            out[event] = counts
        }
        return out
    }

    public func agreements(of eventId: String) async throws -> [ActivityAgreement] {
        try await audited.rows(ActivityAgreement.self, where: "eventId", equals: eventId)
    }

    public func create(_ event: MatchingdayEvent, tables: [MatchingdayTable], actor: String) async throws {
        try await database.writeTransaction { tx in
            let store = AuditedRecords(tx)
            try await store.insertInTransaction(event, actor: actor)
            for t in tables { try await store.insertInTransaction(t, actor: actor) }
        }
    }

    public func saveSettings(_ event: MatchingdayEvent, expected: MatchingdayEvent, clearSchedule: Bool, participants: [ParticipantChange], actor: String) async throws {
        try await database.writeTransaction { tx in
            let repo = SQLMatchingdayRepository(tx)
            if clearSchedule { try await repo.replaceSchedule(event, expected: expected, meetings: [], actor: actor) }
            else { try await repo.audited.updateInTransaction(event, expected: expected, actor: actor) }
            for change in participants { try await repo.apply(change, actor: actor) }
        }
    }

    /// Holds the event's row for the rest of the transaction, so registrations for one event take turns
    /// (a row lock in PostgreSQL; SQLite has one writer).
    func lock(_ eventId: String) async throws {
        try await sql.update(MatchingdayEvent.entity).set("name", to: SQLIdentifier("name")).where("id", .equal, SQLBind(eventId)).run()
    }

    func apply(_ change: ParticipantChange, actor: String) async throws {
        switch change {
        case .unchanged: break
        case .insert(let p): try await audited.insertInTransaction(p, actor: actor)
        case .update(let p, let expected): try await audited.updateInTransaction(p, expected: expected, actor: actor)
        }
    }

    public func register(eventId: String, organizationId: String, side: ParticipantSide, today: PartialDate, actor: String, newId: String) async throws -> MatchingdayParticipant {
        try await database.writeTransaction { tx in
            let repo = SQLMatchingdayRepository(tx)
            try await repo.lock(eventId)
            guard let event = try await repo.audited.find(MatchingdayEvent.self, id: eventId) else { throw StoreError.notFound(entity: MatchingdayEvent.entity, key: eventId) }
            let change = MatchingdayRegistration.register(organizationId, side: side, event: event, participants: try await repo.rows(MatchingdayParticipant.self, event: eventId),
                                                          today: today, newId: newId)
            try await repo.apply(change, actor: actor)
            return change.participant
        }
    }

    @discardableResult
    public func cancel(_ participant: MatchingdayParticipant, actor: String) async throws -> MatchingdayParticipant? {
        try await database.writeTransaction { tx in
            let repo = SQLMatchingdayRepository(tx)
            try await repo.lock(participant.eventId)
            guard let (cancelled, promoted) = MatchingdayRegistration.cancel(participant.id, participants: try await repo.rows(MatchingdayParticipant.self, event: participant.eventId)) else { return nil }
            try await repo.apply(cancelled, actor: actor)
            if let promoted { try await repo.apply(promoted, actor: actor) }
            return promoted?.participant
        }
    }

    public func update(_ participant: MatchingdayParticipant, expected: MatchingdayParticipant, actor: String) async throws {
        try await audited.update(participant, expected: expected, actor: actor)
    }

    public func setWishes(eventId: String, fromId: String, byOrganiser: Bool, wishes: [MatchingdayWish], actor: String) async throws {
        try await database.writeTransaction { tx in
            let repo = SQLMatchingdayRepository(tx)
            let old = try await repo.rows(MatchingdayWish.self, event: eventId).filter { $0.fromId == fromId && $0.byOrganiser == byOrganiser }
            for w in old { try await repo.audited.delete(w, actor: actor) }
            for w in wishes { try await repo.audited.insertInTransaction(w, actor: actor) }
        }
    }

    public func saveTables(_ tables: [MatchingdayTable], previous: [MatchingdayTable], actor: String) async throws {
        try await database.writeTransaction { tx in
            let store = AuditedRecords(tx)
            for t in tables {
                if let old = previous.first(where: { $0.id == t.id }) { try await store.updateInTransaction(t, expected: old, actor: actor) }
                else { try await store.insertInTransaction(t, actor: actor) }
            }
            let kept = Set(tables.map(\.id))
            for old in previous where !kept.contains(old.id) { try await store.delete(old, actor: actor) }
        }
    }

    public func saveSchedule(_ event: MatchingdayEvent, expected: MatchingdayEvent, meetings: [MatchingdayMeeting], actor: String) async throws {
        try await database.writeTransaction { tx in try await SQLMatchingdayRepository(tx).replaceSchedule(event, expected: expected, meetings: meetings, actor: actor) }
    }

    func replaceSchedule(_ event: MatchingdayEvent, expected: MatchingdayEvent, meetings: [MatchingdayMeeting], actor: String) async throws {
        try await audited.updateInTransaction(event, expected: expected, actor: actor)
        try await sql.delete(from: MatchingdayMeeting.entity).where("eventId", .equal, SQLBind(event.id)).run()
        for m in meetings { try await RecordStore(database).append(m) }
        try await AuditLog.record(on: database, actor: actor, entity: MatchingdayMeeting.entity, entityId: event.id, action: "schedule",
                                  changes: [FieldChange(field: "meetings", before: nil, after: String(meetings.filter(\.takesPlace).count))])
    }

    /// Only the agreements not asked yet are read (`followUpSentOn IS NULL`); each is claimed by a conditional UPDATE.
    public func claimFollowUps(today: PartialDate, eventId: String?) async throws -> [ActivityAgreement] {
        var query = sql.select().column("*").from(ActivityAgreement.entity).where(SQLIdentifier("followUpSentOn"), .is, SQLLiteral.null)
            .where(SQLIdentifier("followUpOn"), .isNot, SQLLiteral.null)
        if let eventId { query = query.where("eventId", .equal, SQLBind(eventId)) }
        let pending = try await query.orderBy("position").all().map { try RowCodec.decode(ActivityAgreement.self, from: SQLRowCells(row: $0)) }
        var claimed: [ActivityAgreement] = []
        for a in pending where a.followUpDue(on: today) {
            let rows = try await sql.update(ActivityAgreement.entity).set("followUpSentOn", to: SQLBind(today.description))
                .where("id", .equal, SQLBind(a.id)).where(SQLIdentifier("followUpSentOn"), .is, SQLLiteral.null).returning("id").all()
            if !rows.isEmpty { var sent = a; sent.followUpSentOn = today; claimed.append(sent) }
        }
        return claimed
    }
}
