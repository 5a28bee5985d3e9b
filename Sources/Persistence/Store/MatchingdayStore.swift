import Domain
import FluentKit
import Foundation
import SQLKit

/// One Matchingday's rows, read by event, and the writes that must not be half-done: a registration against the
/// places left, a cancellation that moves the waiting list up, a participant's wishes, and a new schedule with the
/// event's figures. Each is one transaction, audited through `AuditedRecords`.
public struct MatchingdayStore: Sendable {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }

    var desk: AuditedRecords { AuditedRecords(database) }
    var sql: any SQLDatabase { RecordStore(database).sql }

    public struct Day: Sendable {
        public var event: MatchingdayEvent
        public var tables: [MatchingdayTable]
        public var participants: [MatchingdayParticipant]
        public var wishes: [MatchingdayWish]
        public var meetings: [MatchingdayMeeting]
        public init(event: MatchingdayEvent, tables: [MatchingdayTable], participants: [MatchingdayParticipant], wishes: [MatchingdayWish], meetings: [MatchingdayMeeting]) {
            self.event = event; self.tables = tables; self.participants = participants; self.wishes = wishes; self.meetings = meetings
        }
    }

    public func events() async throws -> [MatchingdayEvent] { try await desk.all(MatchingdayEvent.self) }

    public func day(_ id: String) async throws -> Day? {
        guard let event = try await desk.find(MatchingdayEvent.self, id: id) else { return nil }
        return Day(event: event, tables: try await rows(MatchingdayTable.self, event: id).sorted { $0.number < $1.number },
                   participants: try await rows(MatchingdayParticipant.self, event: id), wishes: try await rows(MatchingdayWish.self, event: id),
                   meetings: try await rows(MatchingdayMeeting.self, event: id))
    }

    func rows<R: Record>(_ type: R.Type, event: String) async throws -> [R] {
        let rows = try await sql.select().column("*").from(R.entity).where("eventId", .equal, SQLBind(event)).orderBy("position").all()
        return try rows.map { try RowCodec.decode(R.self, from: SQLRowCells(row: $0)) }
    }

    /// A new event with its tables.
    public func create(_ event: MatchingdayEvent, tables: [MatchingdayTable], actor: String) async throws {
        try await database.writeTransaction { tx in
            let store = AuditedRecords(tx)
            try await store.insertInTransaction(event, actor: actor)
            for t in tables { try await store.insertInTransaction(t, actor: actor) }
        }
    }

    /// Holds the event's row for the rest of the transaction, so registrations for one event take turns
    /// (a row lock in PostgreSQL; SQLite has one writer).
    func lock(_ eventId: String) async throws {
        try await sql.update(MatchingdayEvent.entity).set("name", to: SQLIdentifier("name")).where("id", .equal, SQLBind(eventId)).run()
    }

    /// Registers an organisation: registered while its side has places, else on the waiting list. Registering again
    /// after cancelling reactivates the same row. Returns the participant as stored.
    public func register(eventId: String, organizationId: String, side: ParticipantSide, today: PartialDate, actor: String,
                         newId: String) async throws -> MatchingdayParticipant {
        try await database.writeTransaction { tx in
            let store = MatchingdayStore(tx)
            try await store.lock(eventId)
            guard let event = try await AuditedRecords(tx).find(MatchingdayEvent.self, id: eventId) else { throw StoreError.notFound(entity: MatchingdayEvent.entity, key: eventId) }
            let all = try await store.rows(MatchingdayParticipant.self, event: eventId)
            if let active = all.first(where: { $0.organizationId == organizationId && $0.status != .cancelled }) { return active }
            let places = side == .school ? event.schoolPlaces : event.companyPlaces
            var registrations = EventRegistrations(places: places, entries: all.filter { $0.side == side }.map { .init(organizationId: $0.organizationId, status: $0.status) })
            let status = registrations.register(organizationId)
            if var previous = all.first(where: { $0.organizationId == organizationId }) {
                let before = previous
                previous.status = status
                previous.registeredOn = today
                try await AuditedRecords(tx).updateInTransaction(previous, expected: before, actor: actor)
                return previous
            }
            let participant = MatchingdayParticipant(id: newId, eventId: eventId, organizationId: organizationId, side: side, status: status,
                                                     registeredOn: today, lastRound: event.rounds)
            try await AuditedRecords(tx).insertInTransaction(participant, actor: actor)
            return participant
        }
    }

    /// Cancels a registration; the first on the waiting list of the same side moves up (returned).
    @discardableResult
    public func cancel(_ participant: MatchingdayParticipant, actor: String) async throws -> MatchingdayParticipant? {
        try await database.writeTransaction { tx in
            let store = MatchingdayStore(tx)
            try await store.lock(participant.eventId)
            let all = try await store.rows(MatchingdayParticipant.self, event: participant.eventId)
            guard let current = all.first(where: { $0.id == participant.id }), current.status != .cancelled else { return nil }
            var cancelled = current
            cancelled.status = .cancelled
            cancelled.checkedIn = false
            try await AuditedRecords(tx).updateInTransaction(cancelled, expected: current, actor: actor)
            // First in the queue: by the day of (re-)registration, then the order rows were made (a stable sort), so an
            // organisation that cancelled and came back joins the end, not its old place.
            let queue = all.enumerated().filter { $0.element.side == current.side && $0.element.status == .waiting }
                .sorted { ($0.element.registeredOn, $0.offset) < ($1.element.registeredOn, $1.offset) }.map(\.element)
            guard current.status == .registered, let next = queue.first else { return nil }
            var promoted = next
            promoted.status = .registered
            try await AuditedRecords(tx).updateInTransaction(promoted, expected: next, actor: actor)
            return promoted
        }
    }

    /// Replaces what `fromId` wishes (or, with `byOrganiser`, the organiser's must-meet pairs of that school).
    public func setWishes(eventId: String, fromId: String, byOrganiser: Bool, wishes: [MatchingdayWish], actor: String) async throws {
        try await database.writeTransaction { tx in
            let store = MatchingdayStore(tx)
            let old = try await store.rows(MatchingdayWish.self, event: eventId).filter { $0.fromId == fromId && $0.byOrganiser == byOrganiser }
            for w in old { try await AuditedRecords(tx).delete(w, actor: actor) }
            for w in wishes { try await AuditedRecords(tx).insertInTransaction(w, actor: actor) }
        }
    }

    /// Stores a new schedule in place of the old one, with the event's new status and figures, in one transaction.
    public func saveSchedule(_ event: MatchingdayEvent, expected: MatchingdayEvent, meetings: [MatchingdayMeeting], actor: String) async throws {
        try await database.writeTransaction { tx in
            let store = MatchingdayStore(tx)
            try await AuditedRecords(tx).updateInTransaction(event, expected: expected, actor: actor)
            try await store.sql.delete(from: MatchingdayMeeting.entity).where("eventId", .equal, SQLBind(event.id)).run()
            for m in meetings { try await RecordStore(tx).append(m) }
            try await AuditLog.record(on: tx, actor: actor, entity: MatchingdayMeeting.entity, entityId: event.id, action: "schedule",
                                      changes: [FieldChange(field: "meetings", before: nil, after: String(meetings.filter(\.takesPlace).count))])
        }
    }

    /// Agreements whose follow-up question is due (of one event, or all), claimed one by one (a conditional
    /// UPDATE), so two instances never ask twice. Returns the claimed ones.
    public func claimFollowUps(today: PartialDate, eventId: String? = nil) async throws -> [ActivityAgreement] {
        var claimed: [ActivityAgreement] = []
        for a in try await desk.all(ActivityAgreement.self) where a.followUpDue(on: today) && (eventId == nil || a.eventId == eventId) {
            let rows = try await sql.update(ActivityAgreement.entity).set("followUpSentOn", to: SQLBind(today.description))
                .where("id", .equal, SQLBind(a.id)).where(SQLIdentifier("followUpSentOn"), .is, SQLLiteral.null).returning("id").all()
            if !rows.isEmpty { var sent = a; sent.followUpSentOn = today; claimed.append(sent) }
        }
        return claimed
    }
}
