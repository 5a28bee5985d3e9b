/// An agreement (afspraak) made through the desk: an offer or request linked to a school and a company, followed
/// from proposal to evaluation. The report's own agreements (the 2014 Matchingday) stay `Agreement` records.
public struct ActivityAgreement: Record {
    public static let entity = "activity_agreements"
    public var id: String
    public var requestId: String?
    public var offerId: String?
    public var schoolId: String
    public var companyId: String
    public var type: ActivityType
    public var status: AgreementStatus
    public var level: EducationLevel?
    public var sectors: [Sector]
    public var pupils: Int
    public var date: PartialDate?
    /// "09:30" (none: all day); with `durationMinutes` it makes the calendar entry.
    public var startTime: String?
    public var durationMinutes: Int
    public var place: String?
    public var transportNeeded: Bool
    public var pupilsReached: Int?
    public var teachers: Int?
    public var schoolRating: Int?
    public var companyRating: Int?
    public var evaluation: String?
    public var cancelReason: String?
    public var createdOn: PartialDate
    /// Made at this Matchingday (`MatchingdayEvent.id`), with the date window agreed there.
    public var eventId: String?
    public var windowStart: PartialDate?
    public var windowEnd: PartialDate?
    /// When both sides are asked whether it happened (six months after a Matchingday), and when they were.
    public var followUpOn: PartialDate?
    public var followUpSentOn: PartialDate?
    public var key: String { id }

    public init(id: String, requestId: String? = nil, offerId: String? = nil, schoolId: String, companyId: String, type: ActivityType,
                status: AgreementStatus = .voorgesteld, level: EducationLevel? = nil, sectors: [Sector] = [], pupils: Int,
                date: PartialDate? = nil, startTime: String? = nil, durationMinutes: Int = 120, place: String? = nil,
                transportNeeded: Bool = false, pupilsReached: Int? = nil, teachers: Int? = nil, schoolRating: Int? = nil,
                companyRating: Int? = nil, evaluation: String? = nil, cancelReason: String? = nil, createdOn: PartialDate,
                eventId: String? = nil, windowStart: PartialDate? = nil, windowEnd: PartialDate? = nil, followUpOn: PartialDate? = nil) {
        self.id = id; self.requestId = requestId; self.offerId = offerId; self.schoolId = schoolId; self.companyId = companyId
        self.type = type; self.status = status; self.level = level; self.sectors = sectors; self.pupils = pupils; self.date = date
        self.startTime = startTime; self.durationMinutes = durationMinutes; self.place = place; self.transportNeeded = transportNeeded
        self.pupilsReached = pupilsReached; self.teachers = teachers; self.schoolRating = schoolRating
        self.companyRating = companyRating; self.evaluation = evaluation; self.cancelReason = cancelReason; self.createdOn = createdOn
        self.eventId = eventId; self.windowStart = windowStart; self.windowEnd = windowEnd; self.followUpOn = followUpOn
    }

    /// Due for the follow-up question: its day has come, it was not asked yet, and nothing says it happened or ended.
    public func followUpDue(on today: PartialDate) -> Bool {
        guard let day = followUpOn, followUpSentOn == nil else { return false }
        return day <= today && isPending
    }

    /// Delivered (and possibly evaluated): it counts for reach and obligations.
    public var isDelivered: Bool { status == .uitgevoerd || status == .geevalueerd }
    /// Still expected to happen: counts as "planned" for the amber compliance status.
    public var isPending: Bool { status == .voorgesteld || status == .afgesproken || status == .gepland }
    /// Holds a place of its offer's capacity.
    public var holdsCapacity: Bool { status != .geannuleerd }

    /// The day it counts in: the planned (or delivered) date, else the day it was made.
    public var countingDay: PartialDate { date ?? createdOn }
}

/// voorgesteld → afgesproken → gepland → uitgevoerd → geëvalueerd, or geannuleerd (with a reason).
public enum AgreementStatus: String, Codable, CaseIterable, Sendable, Hashable, LocalizedLabel {
    case voorgesteld
    case afgesproken
    case gepland
    case uitgevoerd
    case geevalueerd
    case geannuleerd

    public var label: Localized {
        switch self {
        case .voorgesteld: Localized("Voorgesteld", "Proposed")
        case .afgesproken: Localized("Afgesproken", "Agreed")
        case .gepland: Localized("Gepland", "Scheduled")
        case .uitgevoerd: Localized("Uitgevoerd", "Delivered")
        case .geevalueerd: Localized("Geëvalueerd", "Evaluated")
        case .geannuleerd: Localized("Geannuleerd", "Cancelled")
        }
    }
}

/// A step in an agreement's life, who may take it, and what it needs.
public enum AgreementStep: String, CaseIterable, Sendable, Hashable {
    /// The company accepts the proposal.
    case confirm = "bevestigen"
    /// Date, time, place, pupils, transport.
    case plan = "plannen"
    /// Pupils actually reached and teachers.
    case deliver = "uitvoering"
    /// Rating 1–5 and remarks, from either side.
    case evaluate = "evalueren"
    case cancel = "annuleren"

    public func allowed(from status: AgreementStatus) -> Bool {
        switch self {
        case .confirm: status == .voorgesteld
        case .plan: status == .afgesproken || status == .gepland
        case .deliver: status == .gepland
        case .evaluate: status == .uitgevoerd || status == .geevalueerd
        case .cancel: status == .voorgesteld || status == .afgesproken || status == .gepland
        }
    }

    /// Who may take the step: the coordinator always; the company for confirming; either party for planning,
    /// evaluating and cancelling; delivery is recorded by the coordinator or the school.
    public func permitted(_ actor: Actor?, on agreement: ActivityAgreement) -> Bool {
        guard let actor else { return false }
        if actor.role == .beheerder { return true }
        guard actor.role == .contactpersoon, let own = actor.organizationId else { return false }
        let isCompany = own == agreement.companyId, isSchool = own == agreement.schoolId
        switch self {
        case .confirm: return isCompany
        case .deliver: return isSchool
        case .plan, .evaluate, .cancel: return isCompany || isSchool
        }
    }
}
