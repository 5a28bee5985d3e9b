/// What may happen to a Matchingday in each status, and what follows from an edit (issue 13: these guards lived in
/// the route handlers and again in the pages that offer the buttons; now both ask here).
public enum MatchingdayStep: Sendable, CaseIterable {
    /// Settings and tables: until the agendas are out (then only a reschedule changes anything).
    case editSettings, editTables
    /// A schedule from scratch: while nothing has been printed.
    case plan
    /// With the fewest changes: once the agendas are out.
    case reschedule
    /// Handing out the agendas: once there is a schedule.
    case publish
}

/// Why a participant may not register or cancel by itself (the organiser always may).
public enum SelfRegistrationClosed: Sendable, Equatable {
    case scheduleMade
    case deadlinePassed
}

extension MatchingdayEvent {
    public func allows(_ step: MatchingdayStep) -> Bool {
        switch step {
        case .editSettings, .editTables, .plan: status == .open || status == .gepland
        case .reschedule: status == .vrijgegeven
        case .publish: status == .gepland || status == .vrijgegeven
        }
    }

    /// Nil when a participant may still register or cancel itself on `today`: the day is open and the deadline
    /// (inclusive) has not passed.
    public func selfRegistrationClosed(on today: PartialDate) -> SelfRegistrationClosed? {
        guard status == .open else { return .scheduleMade }
        return today <= registrationDeadline ? nil : .deadlinePassed
    }

    /// Whether `edited` (this day with the organiser's new settings) makes a draft schedule worthless: other rounds,
    /// cap, round length or filling. The day is then open again, without a schedule.
    public func dropsDraft(_ edited: MatchingdayEvent) -> Bool {
        edited.rounds != rounds || edited.maxMeetings != maxMeetings || edited.fillsFreePlaces != fillsFreePlaces
            || edited.roundMinutes != roundMinutes
    }
}

extension WishPriority {
    /// A participant may say "moet" at most as often as it has meetings.
    public static func tooManyMusts(_ priorities: [WishPriority], maxMeetings: Int) -> Bool {
        priorities.filter { $0 == .moet }.count > maxMeetings
    }
}
