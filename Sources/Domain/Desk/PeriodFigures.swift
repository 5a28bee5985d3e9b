/// What the platform's own records count for any period (issue 15, part 3): the desk's requests and activities,
/// pupils and schools reached (by district and level), Matchingday agreements recorded in the platform, and the
/// Vrienden at both ends. The report shows it next to the figures as reported, labelled as the platform's count,
/// with the previous comparable period beside it. Counted from the records only, never typed in.
public struct PeriodFigures: Sendable, Hashable {
    public struct ActivityCount: Sendable, Hashable {
        public var type: ActivityType
        /// Proposed, agreed or planned.
        public var planned: Int
        /// Delivered or evaluated.
        public var delivered: Int
    }

    public var period: ReportPeriod
    public var requestsReceived: Int
    /// Received in the period and no longer waiting for the desk (matched, done, expired or withdrawn).
    public var requestsAnswered: Int
    /// Received in the period, still waiting, past the date the desk promised an answer by (as of `today`).
    public var requestsOverdue: Int
    public var activities: [ActivityCount]
    public var pupilsReached: Int
    public var schoolsReached: Int
    public var matchingdayAgreements: Int
    public var vriendenAtStart: Int
    public var vriendenAtEnd: Int
    public var byDistrict: [ReachRow]
    public var byLevel: [ReachRow]

    public var activitiesPlanned: Int { activities.reduce(0) { $0 + $1.planned } }
    public var activitiesDelivered: Int { activities.reduce(0) { $0 + $1.delivered } }
    /// Nothing happened in the platform in this period (the report then leaves the section out).
    public var isEmpty: Bool { requestsReceived == 0 && activitiesPlanned == 0 && activitiesDelivered == 0 && matchingdayAgreements == 0 }

    /// An agreement counts on its activity's date (else the day it was proposed); a request on the day it came in.
    public static func compute(requests: [NetworkRequest], agreements: [ActivityAgreement], memberships: [Membership],
                               organizations: [String: Organization], period: ReportPeriod, today: PartialDate, lang: Lang) -> PeriodFigures {
        compute(requests: requests, agreements: agreements, vrienden: { Membership.vrienden(memberships, on: $0) },
                organizations: organizations, period: period, today: today, lang: lang)
    }

    /// The same with the number of Vrienden on a day given (a count in SQL at national scale, issue 13).
    public static func compute(requests: [NetworkRequest], agreements: [ActivityAgreement], vrienden: (PartialDate) -> Int,
                               organizations: [String: Organization], period: ReportPeriod, today: PartialDate, lang: Lang) -> PeriodFigures {
        let received = requests.filter { period.contains($0.createdOn) }
        let answered = received.filter { $0.status != .nieuw && $0.status != .inBehandeling }
        let overdue = received.filter { $0.isOverdue(today: today) }
        let inPeriod = agreements.filter { $0.status != .geannuleerd && period.contains($0.countingDay) }
        let activities = ActivityType.allCases.map { type in
            ActivityCount(type: type, planned: inPeriod.filter { $0.type == type && $0.isPending }.count,
                          delivered: inPeriod.filter { $0.type == type && $0.isDelivered }.count)
        }.filter { $0.planned + $0.delivered > 0 }
        let delivered = inPeriod.filter(\.isDelivered)
        return PeriodFigures(period: period, requestsReceived: received.count, requestsAnswered: answered.count, requestsOverdue: overdue.count,
                             activities: activities, pupilsReached: delivered.map { $0.pupilsReached ?? $0.pupils }.reduce(0, +),
                             schoolsReached: Set(delivered.map(\.schoolId)).count,
                             matchingdayAgreements: inPeriod.filter { $0.eventId != nil }.count,
                             vriendenAtStart: vrienden(period.from), vriendenAtEnd: vrienden(period.to),
                             byDistrict: Reach.rows(inPeriod, by: .district, organizations: organizations, lang: lang),
                             byLevel: Reach.rows(inPeriod, by: .level, organizations: organizations, lang: lang))
    }

    /// The comparable period before: as many days, ending the day before `period` starts.
    public static func previous(_ period: ReportPeriod) -> ReportPeriod {
        let days = Matching.days(from: period.from, to: period.to)
        let to = Matching.day(period.from, plus: -1)
        return ReportPeriod(from: Matching.day(to, plus: -days), to: to) ?? period
    }
}

/// The platform's count for a report period and for the comparable period before it.
public struct PlatformFigures: Sendable, Hashable {
    public var current: PeriodFigures
    public var previous: PeriodFigures
    public init(current: PeriodFigures, previous: PeriodFigures) { self.current = current; self.previous = previous }

    /// Both periods from the same records.
    public static func compute(requests: [NetworkRequest], agreements: [ActivityAgreement], memberships: [Membership],
                               organizations: [String: Organization], period: ReportPeriod, today: PartialDate) -> PlatformFigures {
        compute(requests: requests, agreements: agreements, vrienden: { Membership.vrienden(memberships, on: $0) },
                organizations: organizations, period: period, today: today)
    }

    /// The days whose number of Vrienden the figures need: both ends of the period and of the one before.
    public static func vriendenDays(_ period: ReportPeriod) -> [PartialDate] {
        let previous = PeriodFigures.previous(period)
        return [previous.from, previous.to, period.from, period.to]
    }

    public static func compute(requests: [NetworkRequest], agreements: [ActivityAgreement], vrienden: (PartialDate) -> Int,
                               organizations: [String: Organization], period: ReportPeriod, today: PartialDate) -> PlatformFigures {
        func figures(_ p: ReportPeriod) -> PeriodFigures {
            PeriodFigures.compute(requests: requests, agreements: agreements, vrienden: vrienden, organizations: organizations,
                                  period: p, today: today, lang: .nl)
        }
        return PlatformFigures(current: figures(period), previous: figures(PeriodFigures.previous(period)))
    }
}
