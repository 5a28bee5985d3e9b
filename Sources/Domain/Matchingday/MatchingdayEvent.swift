/// A Matchingday the organiser plans through the platform: schools and companies meet in rounds at tables.
/// Operational data (like the desk's records); the report's own 2014 Matchingday stays an `Event` with its
/// `Agreement`s. `reportEventId` links a planned day to the report's event (the 2015 primary-school day).
public struct MatchingdayEvent: Record {
    public static let entity = "matchingday_events"
    public var id: String
    public var name: String
    public var date: PartialDate
    public var place: String?
    public var description: String?
    /// Registration closes at the end of this day (the organiser can still add participants).
    public var registrationDeadline: PartialDate
    /// "09:30": the start of the first round.
    public var startTime: String
    public var rounds: Int
    public var roundMinutes: Int
    /// Minutes between two rounds (walking to the next table).
    public var changeMinutes: Int
    /// A longer break after this round (none: no break).
    public var breakAfterRound: Int?
    public var breakMinutes: Int
    /// At most this many meetings per participant.
    public var maxMeetings: Int
    /// Fill free places with suggested pairs nobody wished (nil: yes, the default; the organiser can switch it off).
    public var fillFreePlaces: Bool?
    /// Participants with fewer meetings are named on the schedule (nil: two, or maxMeetings if lower).
    public var minMeetings: Int?
    public var schoolPlaces: Int
    public var companyPlaces: Int
    public var status: MatchingdayStatus
    /// Generated demonstration data (participants and wishes), shown with a label wherever it appears.
    public var example: Bool
    public var reportEventId: String?
    /// The last schedule's figures: total weight, the bound no schedule can pass, the fairness level.
    public var objective: Int?
    public var upperBound: Int?
    public var fairness: Int?
    public var createdOn: PartialDate
    public var key: String { id }

    public init(id: String, name: String, date: PartialDate, place: String? = nil, description: String? = nil, registrationDeadline: PartialDate,
                startTime: String = "13:00", rounds: Int = 6, roundMinutes: Int = 20, changeMinutes: Int = 5, breakAfterRound: Int? = nil,
                breakMinutes: Int = 15, maxMeetings: Int = 6, schoolPlaces: Int = 20, companyPlaces: Int = 30, status: MatchingdayStatus = .open,
                example: Bool = false, reportEventId: String? = nil, createdOn: PartialDate) {
        self.id = id; self.name = name; self.date = date; self.place = place; self.description = description
        self.registrationDeadline = registrationDeadline; self.startTime = startTime; self.rounds = rounds; self.roundMinutes = roundMinutes
        self.changeMinutes = changeMinutes; self.breakAfterRound = breakAfterRound; self.breakMinutes = breakMinutes; self.maxMeetings = maxMeetings
        self.schoolPlaces = schoolPlaces; self.companyPlaces = companyPlaces; self.status = status; self.example = example
        self.reportEventId = reportEventId; self.createdOn = createdOn
    }

    public var fillsFreePlaces: Bool { fillFreePlaces ?? true }
    public var minimumMeetings: Int { minMeetings ?? min(2, maxMeetings) }

    /// Start and end of each round as minutes after midnight.
    public var roundTimes: [(start: Int, end: Int)] {
        guard let first = Self.minutes(startTime) else { return [] }
        var out: [(Int, Int)] = [], t = first
        for r in 1...max(1, rounds) {
            out.append((t, t + roundMinutes))
            t += roundMinutes + (r == breakAfterRound ? breakMinutes : changeMinutes)
        }
        return out
    }

    public func roundLabel(_ round: Int) -> String {
        let times = roundTimes
        guard (1...times.count).contains(round) else { return "" }
        return Self.clock(times[round - 1].start) + "–" + Self.clock(times[round - 1].end)
    }

    /// "09:30" → 570; nil unless hh:mm.
    public static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }

    public static func clock(_ minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }

    /// Field errors (field name → message), empty when the event is consistent.
    public func violations() -> [String: Localized] {
        var errors: [String: Localized] = [:]
        if name.trimmingCharacters(in: .whitespaces).isEmpty || name.count > 200 { errors["name"] = Localized("Vul een naam in van hoogstens 200 tekens.", "Enter a name of at most 200 characters.") }
        if date.day == nil { errors["date"] = Localized("Vul een datum in (jjjj-mm-dd).", "Enter a date (yyyy-mm-dd).") }
        if registrationDeadline > date { errors["registrationDeadline"] = Localized("De aanmelding sluit uiterlijk op de dag zelf.", "Registration closes on the day itself at the latest.") }
        if Self.minutes(startTime) == nil { errors["startTime"] = Localized("Een begintijd als 13:00.", "A start time such as 13:00.") }
        if !(1...24).contains(rounds) { errors["rounds"] = Localized("Van 1 tot 24 rondes.", "From 1 to 24 rounds.") }
        if !(5...240).contains(roundMinutes) { errors["roundMinutes"] = Localized("Een ronde duurt 5 tot 240 minuten.", "A round lasts 5 to 240 minutes.") }
        if !(0...60).contains(changeMinutes) { errors["changeMinutes"] = Localized("Van 0 tot 60 minuten wisseltijd.", "From 0 to 60 minutes to change tables.") }
        if let b = breakAfterRound, !(1..<max(2, rounds)).contains(b) { errors["breakAfterRound"] = Localized("De pauze valt na een ronde, niet na de laatste.", "The break comes after a round, not after the last.") }
        if !(0...180).contains(breakMinutes) { errors["breakMinutes"] = Localized("Van 0 tot 180 minuten pauze.", "From 0 to 180 minutes of break.") }
        if maxMeetings < 1 || maxMeetings > rounds { errors["maxMeetings"] = Localized("Van 1 tot het aantal rondes.", "From 1 to the number of rounds.") }
        if let m = minMeetings, m < 0 || m > maxMeetings { errors["minMeetings"] = Localized("Van 0 tot het hoogste aantal gesprekken.", "From 0 to the most meetings per participant.") }
        if !(1...1000).contains(schoolPlaces) { errors["schoolPlaces"] = Localized("Van 1 tot 1000 scholen.", "From 1 to 1000 schools.") }
        if !(1...1000).contains(companyPlaces) { errors["companyPlaces"] = Localized("Van 1 tot 1000 bedrijven.", "From 1 to 1000 companies.") }
        if let end = roundTimes.last?.end, end > 24 * 60 { errors["rounds"] = Localized("De laatste ronde eindigt na middernacht.", "The last round ends after midnight.") }
        return errors
    }
}

/// open (registration and wishes) → gepland (a draft schedule) → vrijgegeven (agendas out: from now on changes are
/// reschedules with the fewest changes) → afgerond.
public enum MatchingdayStatus: String, Codable, CaseIterable, Sendable, Hashable, LocalizedLabel {
    case open
    case gepland
    case vrijgegeven
    case afgerond

    public var label: Localized {
        switch self {
        case .open: Localized("Aanmelding open", "Registration open")
        case .gepland: Localized("Rooster gemaakt (concept)", "Schedule made (draft)")
        case .vrijgegeven: Localized("Agenda's vrijgegeven", "Agendas published")
        case .afgerond: Localized("Afgerond", "Finished")
        }
    }
}

/// A table or room: one meeting per round.
public struct MatchingdayTable: Record {
    public static let entity = "matchingday_tables"
    public var id: String
    public var eventId: String
    public var number: Int
    public var name: String?
    /// Chairs: a meeting whose people do not fit is flagged on the grid.
    public var seats: Int
    /// A sector theme; companies of that sector are seated here where possible.
    public var sector: Sector?
    public var key: String { id }

    public init(id: String, eventId: String, number: Int, name: String? = nil, seats: Int = 6, sector: Sector? = nil) {
        self.id = id; self.eventId = eventId; self.number = number; self.name = name; self.seats = seats; self.sector = sector
    }

    public var label: String { name ?? "Tafel \(number)" }
}

public enum ParticipantSide: String, Codable, CaseIterable, Sendable, Hashable, LocalizedLabel {
    case school, company

    public var label: Localized {
        switch self {
        case .school: Localized("School", "School")
        case .company: Localized("Bedrijf of organisatie", "Company or organisation")
        }
    }

    public static func of(_ kind: OrganizationKind) -> ParticipantSide { kind.isEducation ? .school : .company }
}

/// An organisation registered for a Matchingday, with who attends (personal data: the organiser and the
/// organisation itself see the names) and when it is there.
public struct MatchingdayParticipant: Record {
    public static let entity = "matchingday_participants"
    public var id: String
    public var eventId: String
    public var organizationId: String
    public var side: ParticipantSide
    public var status: EventRegistrations.Status
    public var registeredOn: PartialDate
    /// Teachers and coaches (schools) or representatives (companies) who attend.
    public var attendees: [String]
    /// Present from this round through `lastRound` (1-based): arrives late, leaves early.
    public var firstRound: Int
    public var lastRound: Int
    public var checkedIn: Bool
    public var key: String { id }

    public init(id: String, eventId: String, organizationId: String, side: ParticipantSide, status: EventRegistrations.Status = .registered,
                registeredOn: PartialDate, attendees: [String] = [], firstRound: Int = 1, lastRound: Int, checkedIn: Bool = false) {
        self.id = id; self.eventId = eventId; self.organizationId = organizationId; self.side = side; self.status = status
        self.registeredOn = registeredOn; self.attendees = attendees; self.firstRound = firstRound; self.lastRound = lastRound; self.checkedIn = checkedIn
    }

    public func present(in round: Int) -> Bool { status == .registered && (firstRound...max(firstRound, lastRound)).contains(round) }

    public func violations(rounds: Int) -> [String: Localized] {
        var errors: [String: Localized] = [:]
        if !(1...rounds).contains(firstRound) { errors["firstRound"] = Localized("Een ronde van 1 tot \(rounds).", "A round from 1 to \(rounds).") }
        if lastRound < firstRound || lastRound > rounds { errors["lastRound"] = Localized("Een ronde van de eerste ronde tot \(rounds).", "A round from the first round to \(rounds).") }
        if attendees.count > 10 || attendees.contains(where: { $0.count > 100 || $0.contains(";") }) {
            errors["attendees"] = Localized("Hoogstens 10 namen, één per regel, zonder puntkomma.", "At most 10 names, one per line, without semicolons.")
        }
        return errors
    }
}

/// A wish stored for an event; `byOrganiser` marks the organiser's must-meet pairs (school → company, moet).
public struct MatchingdayWish: Record {
    public static let entity = "matchingday_wishes"
    public var id: String
    public var eventId: String
    public var fromId: String
    public var toId: String
    public var priority: WishPriority
    public var byOrganiser: Bool
    public var key: String { id }

    public init(id: String, eventId: String, fromId: String, toId: String, priority: WishPriority, byOrganiser: Bool = false) {
        self.id = id; self.eventId = eventId; self.fromId = fromId; self.toId = toId; self.priority = priority; self.byOrganiser = byOrganiser
    }
}

/// One scheduled meeting (1-based round and table number). After a reschedule it says what changed since the
/// agendas went out: moved (with where it was), new, or cancelled (kept on the grid, struck through).
public struct MatchingdayMeeting: Record {
    public static let entity = "matchingday_meetings"
    public var id: String
    public var eventId: String
    public var schoolId: String
    public var companyId: String
    public var round: Int
    public var table: Int
    public var change: MeetingChange?
    public var previousRound: Int?
    public var previousTable: Int?
    public var key: String { id }

    public init(id: String, eventId: String, schoolId: String, companyId: String, round: Int, table: Int,
                change: MeetingChange? = nil, previousRound: Int? = nil, previousTable: Int? = nil) {
        self.id = id; self.eventId = eventId; self.schoolId = schoolId; self.companyId = companyId; self.round = round; self.table = table
        self.change = change; self.previousRound = previousRound; self.previousTable = previousTable
    }

    public var takesPlace: Bool { change != .vervallen }
}

public enum MeetingChange: String, Codable, CaseIterable, Sendable, Hashable, LocalizedLabel {
    case verplaatst, nieuw, vervallen

    public var label: Localized {
        switch self {
        case .verplaatst: Localized("Verplaatst", "Moved")
        case .nieuw: Localized("Nieuw", "New")
        case .vervallen: Localized("Vervalt", "Cancelled")
        }
    }
}

extension EventRegistrations.Status: LocalizedLabel {
    public var label: Localized {
        switch self {
        case .registered: Localized("Aangemeld", "Registered")
        case .waiting: Localized("Wachtlijst", "Waiting list")
        case .cancelled: Localized("Afgemeld", "Cancelled")
        }
    }
}
