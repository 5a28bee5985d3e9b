/// One Matchingday's rows as its pages and planner read them.
public struct MatchingdayDay: Sendable, Hashable {
    public var event: MatchingdayEvent
    public var tables: [MatchingdayTable]
    public var participants: [MatchingdayParticipant]
    public var wishes: [MatchingdayWish]
    public var meetings: [MatchingdayMeeting]
    public init(event: MatchingdayEvent, tables: [MatchingdayTable], participants: [MatchingdayParticipant], wishes: [MatchingdayWish], meetings: [MatchingdayMeeting]) {
        self.event = event; self.tables = tables; self.participants = participants; self.wishes = wishes; self.meetings = meetings
    }
}

/// A participant row's change: nothing, a new row, or a row replaced (guarded by the one it replaces).
public enum ParticipantChange: Sendable, Hashable {
    case unchanged(MatchingdayParticipant)
    case insert(MatchingdayParticipant)
    case update(MatchingdayParticipant, expected: MatchingdayParticipant)

    public var participant: MatchingdayParticipant {
        switch self { case .unchanged(let p), .insert(let p), .update(let p, _): p }
    }
}

/// Registering for a Matchingday and cancelling, as pure functions over the event's participants in the order their
/// rows were made (issue 13: the rules lived between the store's queries). Both repositories apply what they return.
public enum MatchingdayRegistration {
    /// Registered while the organisation's side has places, else on the waiting list. Registering while active
    /// changes nothing; registering again after cancelling reactivates the same row (at the end of the queue: the
    /// day of registration is today).
    public static func register(_ organizationId: String, side: ParticipantSide, event: MatchingdayEvent, participants: [MatchingdayParticipant],
                                today: PartialDate, newId: String) -> ParticipantChange {
        if let active = participants.first(where: { $0.organizationId == organizationId && $0.status != .cancelled }) { return .unchanged(active) }
        let places = side == .school ? event.schoolPlaces : event.companyPlaces
        var registrations = EventRegistrations(places: places, entries: participants.filter { $0.side == side }.map { .init(organizationId: $0.organizationId, status: $0.status) })
        let status = registrations.register(organizationId)
        if let previous = participants.first(where: { $0.organizationId == organizationId }) {
            var next = previous
            next.status = status
            next.registeredOn = today
            return .update(next, expected: previous)
        }
        return .insert(MatchingdayParticipant(id: newId, eventId: event.id, organizationId: organizationId, side: side, status: status,
                                              registeredOn: today, lastRound: event.rounds))
    }

    /// Cancels a participant; when it held a place, the first on its side's waiting list moves up: by the day of
    /// (re-)registration, then the order rows were made, so an organisation that cancelled and came back joins the
    /// end, not its old place. Nil when the participant is unknown or cancelled already.
    public static func cancel(_ participantId: String, participants: [MatchingdayParticipant]) -> (cancelled: ParticipantChange, promoted: ParticipantChange?)? {
        guard let current = participants.first(where: { $0.id == participantId }), current.status != .cancelled else { return nil }
        var cancelled = current
        cancelled.status = .cancelled
        cancelled.checkedIn = false
        let queue = participants.enumerated().filter { $0.element.side == current.side && $0.element.status == .waiting }
            .sorted { ($0.element.registeredOn, $0.offset) < ($1.element.registeredOn, $1.offset) }.map(\.element)
        guard current.status == .registered, let next = queue.first else { return (.update(cancelled, expected: current), nil) }
        var promoted = next
        promoted.status = .registered
        return (.update(cancelled, expected: current), .update(promoted, expected: next))
    }

    /// The participants whose rounds lie beyond a day's new number of rounds, clamped to it (with the rows they replace).
    public static func clamped(_ participants: [MatchingdayParticipant], rounds: Int) -> [ParticipantChange] {
        participants.filter { $0.lastRound > rounds || $0.firstRound > rounds }.map { p in
            var next = p
            next.lastRound = min(p.lastRound, rounds)
            next.firstRound = min(p.firstRound, next.lastRound)
            return .update(next, expected: p)
        }
    }
}

extension MatchingdayDay {
    /// The agreement a school and a company record at the day's tables (it lands in the desk as agreed, with a follow-up
    /// question six months after the day), or what is wrong with it per field: both must take part in the day on
    /// their own side, the pupils from 1 to 2000, the window not ending before it starts (issue 13: these were checked
    /// in the route handler).
    public func agreement(id: String, school: String, company: String, type: ActivityType, pupils: Int?, windowStart: PartialDate?, windowEnd: PartialDate?,
                          today: PartialDate) -> (ActivityAgreement, [String: Localized]) {
        var errors: [String: Localized] = [:]
        let active = participants.filter { $0.status == .registered }
        if !active.contains(where: { $0.organizationId == school && $0.side == .school }) { errors["school"] = Localized("Kies een school die meedoet.", "Choose a participating school.") }
        if !active.contains(where: { $0.organizationId == company && $0.side == .company }) { errors["company"] = Localized("Kies een bedrijf dat meedoet.", "Choose a participating company.") }
        if let p = pupils, !(1...2000).contains(p) { errors["pupils"] = Localized("Van 1 tot 2000 leerlingen.", "From 1 to 2000 pupils.") }
        if let a = windowStart, let b = windowEnd, b < a { errors["windowEnd"] = Localized("Het einde ligt voor het begin.", "The end is before the start.") }
        let agreement = ActivityAgreement(id: id, schoolId: school, companyId: company, type: type, status: .afgesproken, pupils: pupils ?? 0, createdOn: today,
                                          eventId: event.id, windowStart: windowStart, windowEnd: windowEnd, followUpOn: max(event.date, today).adding(months: 6))
        return (agreement, errors)
    }
}
