import Domain
import Foundation

/// The Matchingday behind one seam (issue 13): a day read by event, and the writes that must not be half-done.
/// `SQLMatchingdayRepository` serves; `InMemoryMatchingdayRepository` answers from memory; one contract suite
/// (`MatchingdayRepositoryContractTests`) holds both to the same outcomes. Guarded writes refuse a record that is no
/// longer `expected` with `DeskError.changedMeanwhile`; registrations and cancellations of one event take turns.
public protocol MatchingdayRepository: Sendable {
    func events() async throws -> [MatchingdayEvent]
    func day(_ id: String) async throws -> MatchingdayDay?
    /// Registered participants per event and side (the lists' counts), without reading every day whole.
    func registeredCounts() async throws -> [String: (schools: Int, companies: Int)]
    /// An event's agreements made at its tables (desk agreements naming it), in the order they were made.
    func agreements(of eventId: String) async throws -> [ActivityAgreement]

    /// A new event with its tables.
    func create(_ event: MatchingdayEvent, tables: [MatchingdayTable], actor: String) async throws
    /// The day's settings: the event (guarded), its draft schedule dropped when `clearSchedule`, participants clamped.
    func saveSettings(_ event: MatchingdayEvent, expected: MatchingdayEvent, clearSchedule: Bool, participants: [ParticipantChange], actor: String) async throws
    /// Registers an organisation (`MatchingdayRegistration.register`); returns the participant as stored.
    func register(eventId: String, organizationId: String, side: ParticipantSide, today: PartialDate, actor: String, newId: String) async throws -> MatchingdayParticipant
    /// Cancels (`MatchingdayRegistration.cancel`); returns the participant that moved up from the waiting list.
    @discardableResult
    func cancel(_ participant: MatchingdayParticipant, actor: String) async throws -> MatchingdayParticipant?
    /// A participant's own fields (attendees, rounds, checked in), guarded.
    func update(_ participant: MatchingdayParticipant, expected: MatchingdayParticipant, actor: String) async throws
    /// Replaces what `fromId` wishes (or, with `byOrganiser`, the organiser's must-meet pairs of that school).
    func setWishes(eventId: String, fromId: String, byOrganiser: Bool, wishes: [MatchingdayWish], actor: String) async throws
    /// The day's tables: each of `tables` updated (guarded by `previous`) or added, the previous ones not in it removed.
    func saveTables(_ tables: [MatchingdayTable], previous: [MatchingdayTable], actor: String) async throws
    /// A new schedule in place of the old one, with the event's new status and figures.
    func saveSchedule(_ event: MatchingdayEvent, expected: MatchingdayEvent, meetings: [MatchingdayMeeting], actor: String) async throws
    /// Agreements whose follow-up question is due (of one event, or all), each claimed once: two instances never ask twice.
    func claimFollowUps(today: PartialDate, eventId: String?) async throws -> [ActivityAgreement]
}

/// The Matchingday's rows in memory, in the order they were made. Each command works on a copy and keeps it only when
/// it succeeded, as a rolled-back transaction leaves nothing.
public actor InMemoryMatchingdayRepository: MatchingdayRepository {
    public struct State: Sendable {
        public var events: [MatchingdayEvent] = []
        public var tables: [MatchingdayTable] = []
        public var participants: [MatchingdayParticipant] = []
        public var wishes: [MatchingdayWish] = []
        public var meetings: [MatchingdayMeeting] = []
        public var agreements: [ActivityAgreement] = []
        public init() {}
    }
    public private(set) var state: State
    public init(_ state: State = State()) { self.state = state }

    public func events() async throws -> [MatchingdayEvent] { state.events }
    public func day(_ id: String) async throws -> MatchingdayDay? {
        guard let event = state.events.first(where: { $0.id == id }) else { return nil }
        return MatchingdayDay(event: event, tables: state.tables.filter { $0.eventId == id }.sorted { $0.number < $1.number },
                              participants: state.participants.filter { $0.eventId == id }, wishes: state.wishes.filter { $0.eventId == id },
                              meetings: state.meetings.filter { $0.eventId == id })
    }
    public func registeredCounts() async throws -> [String: (schools: Int, companies: Int)] {
        var out: [String: (schools: Int, companies: Int)] = [:]
        for p in state.participants where p.status == .registered {
            var n = out[p.eventId] ?? (0, 0)
            if p.side == .school { n.schools += 1 } else { n.companies += 1 }
            out[p.eventId] = n
        }
        return out
    }
    public func agreements(of eventId: String) async throws -> [ActivityAgreement] { state.agreements.filter { $0.eventId == eventId } }

    public func create(_ event: MatchingdayEvent, tables: [MatchingdayTable], actor: String) async throws {
        try command { s in
            try MemoryRows.insert(event, into: &s.events)
            for t in tables { try MemoryRows.insert(t, into: &s.tables) }
        }
    }

    public func saveSettings(_ event: MatchingdayEvent, expected: MatchingdayEvent, clearSchedule: Bool, participants: [ParticipantChange], actor: String) async throws {
        try command { s in
            try MemoryRows.replace(event, expected: expected, in: &s.events)
            if clearSchedule { s.meetings.removeAll { $0.eventId == event.id } }
            for change in participants { try Self.apply(change, to: &s.participants) }
        }
    }

    public func register(eventId: String, organizationId: String, side: ParticipantSide, today: PartialDate, actor: String, newId: String) async throws -> MatchingdayParticipant {
        try command { s in
            guard let event = s.events.first(where: { $0.id == eventId }) else { throw StoreError.notFound(entity: MatchingdayEvent.entity, key: eventId) }
            let change = MatchingdayRegistration.register(organizationId, side: side, event: event, participants: s.participants.filter { $0.eventId == eventId },
                                                          today: today, newId: newId)
            try Self.apply(change, to: &s.participants)
            return change.participant
        }
    }

    public func cancel(_ participant: MatchingdayParticipant, actor: String) async throws -> MatchingdayParticipant? {
        try command { s in
            guard let (cancelled, promoted) = MatchingdayRegistration.cancel(participant.id, participants: s.participants.filter { $0.eventId == participant.eventId }) else { return nil }
            try Self.apply(cancelled, to: &s.participants)
            if let promoted { try Self.apply(promoted, to: &s.participants) }
            return promoted?.participant
        }
    }

    public func update(_ participant: MatchingdayParticipant, expected: MatchingdayParticipant, actor: String) async throws {
        try command { s in try MemoryRows.replace(participant, expected: expected, in: &s.participants) }
    }

    public func setWishes(eventId: String, fromId: String, byOrganiser: Bool, wishes: [MatchingdayWish], actor: String) async throws {
        try command { s in
            s.wishes.removeAll { $0.eventId == eventId && $0.fromId == fromId && $0.byOrganiser == byOrganiser }
            for w in wishes { try MemoryRows.insert(w, into: &s.wishes) }
            // One wish per pair and kind on a day (the SQL table's unique constraint).
            let pairs = s.wishes.map { [$0.eventId, $0.fromId, $0.toId, String($0.byOrganiser)] }
            if Set(pairs).count != pairs.count { throw StoreError.invalid(Violation(entity: MatchingdayWish.entity, row: 0, column: "toId", message: "the same wish twice")) }
        }
    }

    public func saveTables(_ tables: [MatchingdayTable], previous: [MatchingdayTable], actor: String) async throws {
        try command { s in
            for t in tables {
                if let old = previous.first(where: { $0.id == t.id }) { try MemoryRows.replace(t, expected: old, in: &s.tables) } else { try MemoryRows.insert(t, into: &s.tables) }
            }
            let kept = Set(tables.map(\.id))
            for old in previous where !kept.contains(old.id) { s.tables.removeAll { $0.id == old.id } }
            // One table per number on a day (the SQL table's unique constraint).
            let numbers = s.tables.map { [$0.eventId, String($0.number)] }
            if Set(numbers).count != numbers.count { throw StoreError.invalid(Violation(entity: MatchingdayTable.entity, row: 0, column: "number", message: "two tables with one number")) }
        }
    }

    public func saveSchedule(_ event: MatchingdayEvent, expected: MatchingdayEvent, meetings: [MatchingdayMeeting], actor: String) async throws {
        try command { s in
            try MemoryRows.replace(event, expected: expected, in: &s.events)
            s.meetings.removeAll { $0.eventId == event.id }
            for m in meetings { try MemoryRows.insert(m, into: &s.meetings) }
        }
    }

    public func claimFollowUps(today: PartialDate, eventId: String?) async throws -> [ActivityAgreement] {
        command { s in
            var claimed: [ActivityAgreement] = []
            for i in s.agreements.indices where s.agreements[i].followUpDue(on: today) && (eventId == nil || s.agreements[i].eventId == eventId) {
                s.agreements[i].followUpSentOn = today
                claimed.append(s.agreements[i])
            }
            return claimed
        }
    }

    // MARK: applying changes

    private func command<T>(_ body: (inout State) throws -> T) rethrows -> T {
        var copy = state
        let result = try body(&copy)
        state = copy
        return result
    }

    static func apply(_ change: ParticipantChange, to rows: inout [MatchingdayParticipant]) throws {
        switch change {
        case .unchanged: break
        case .insert(let p): try MemoryRows.insert(p, into: &rows)
        case .update(let p, let expected): try MemoryRows.replace(p, expected: expected, in: &rows)
        }
    }
}

extension MatchingdayRepository {
    /// Every event's due follow-ups.
    public func claimFollowUps(today: PartialDate) async throws -> [ActivityAgreement] { try await claimFollowUps(today: today, eventId: nil) }
}
