/// The current school year as the desk's own records count it (issue 15, the year in figures): what the dashboard
/// shows live, next to the report's figures for 2012–2014. Counted from the records only, never typed in.
public struct SchoolYearFigures: Sendable, Hashable {
    public var year: SchoolYear
    public var requestsReceived: Int
    /// Received this year and no longer waiting for the desk (matched, done, expired or withdrawn).
    public var requestsAnswered: Int
    public var requestsOverdue: Int
    /// Per activity type: (planned: proposed, agreed or planned; delivered: delivered or evaluated).
    public var activities: [(type: ActivityType, planned: Int, delivered: Int)]
    public var pupilsReached: Int
    public var schoolsReached: Int
    public var vriendenNow: Int
    public var vriendenAtNewYear: Int
    /// Delivered activities and pupils reached by the school's district and by level.
    public var byDistrict: [ReachRow] = []
    public var byLevel: [ReachRow] = []

    public static func == (a: Self, b: Self) -> Bool {
        a.year == b.year && a.requestsReceived == b.requestsReceived && a.requestsAnswered == b.requestsAnswered && a.requestsOverdue == b.requestsOverdue
            && a.activities.map(\.type) == b.activities.map(\.type) && a.activities.map(\.planned) == b.activities.map(\.planned)
            && a.activities.map(\.delivered) == b.activities.map(\.delivered) && a.pupilsReached == b.pupilsReached
            && a.schoolsReached == b.schoolsReached && a.vriendenNow == b.vriendenNow && a.vriendenAtNewYear == b.vriendenAtNewYear
    }
    public func hash(into h: inout Hasher) { h.combine(year); h.combine(requestsReceived); h.combine(pupilsReached) }

    /// The school year containing `today`, counted by the same rules as any period of the report (`PeriodFigures`).
    public static func compute(requests: [NetworkRequest], agreements: [ActivityAgreement], memberships: [Membership],
                               organizations: [String: Organization] = [:], today: PartialDate, startMonth: Int, lang: Lang = .nl) -> SchoolYearFigures {
        compute(requests: requests, agreements: agreements, vrienden: { Membership.vrienden(memberships, on: $0) },
                organizations: organizations, today: today, startMonth: startMonth, lang: lang)
    }

    /// The days whose number of Vrienden the figures need (so a caller can count them in SQL first, issue 13).
    public static func vriendenDays(today: PartialDate, startMonth: Int) -> [PartialDate] {
        let period = schoolYearPeriod(today: today, startMonth: startMonth)
        return [period.from, period.to, today, PartialDate(year: today.year, month: 1, day: 1)]
    }

    static func schoolYearPeriod(today: PartialDate, startMonth: Int) -> ReportPeriod {
        let year = SchoolYear(containing: today, startMonth: startMonth)
        return ReportPeriod(from: year.start(startMonth: startMonth), to: Matching.day(year.end(startMonth: startMonth), plus: -1))!
    }

    /// The same with the number of Vrienden on a day given (`vriendenDays` are the days asked).
    public static func compute(requests: [NetworkRequest], agreements: [ActivityAgreement], vrienden: (PartialDate) -> Int,
                               organizations: [String: Organization] = [:], today: PartialDate, startMonth: Int, lang: Lang = .nl) -> SchoolYearFigures {
        let year = SchoolYear(containing: today, startMonth: startMonth)
        let period = schoolYearPeriod(today: today, startMonth: startMonth)
        let f = PeriodFigures.compute(requests: requests, agreements: agreements, vrienden: vrienden, organizations: organizations,
                                      period: period, today: today, lang: lang)
        let newYear = PartialDate(year: today.year, month: 1, day: 1)
        return SchoolYearFigures(year: year, requestsReceived: f.requestsReceived, requestsAnswered: f.requestsAnswered, requestsOverdue: f.requestsOverdue,
                                 activities: f.activities.map { ($0.type, $0.planned, $0.delivered) }, pupilsReached: f.pupilsReached,
                                 schoolsReached: f.schoolsReached,
                                 vriendenNow: vrienden(today),
                                 vriendenAtNewYear: vrienden(newYear),
                                 byDistrict: f.byDistrict, byLevel: f.byLevel)
    }
}
