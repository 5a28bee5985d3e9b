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

    public static func == (a: Self, b: Self) -> Bool {
        a.year == b.year && a.requestsReceived == b.requestsReceived && a.requestsAnswered == b.requestsAnswered && a.requestsOverdue == b.requestsOverdue
            && a.activities.map(\.type) == b.activities.map(\.type) && a.activities.map(\.planned) == b.activities.map(\.planned)
            && a.activities.map(\.delivered) == b.activities.map(\.delivered) && a.pupilsReached == b.pupilsReached
            && a.schoolsReached == b.schoolsReached && a.vriendenNow == b.vriendenNow && a.vriendenAtNewYear == b.vriendenAtNewYear
    }
    public func hash(into h: inout Hasher) { h.combine(year); h.combine(requestsReceived); h.combine(pupilsReached) }

    public static func compute(requests: [NetworkRequest], agreements: [ActivityAgreement], memberships: [Membership],
                               today: PartialDate, startMonth: Int) -> SchoolYearFigures {
        let year = SchoolYear(containing: today, startMonth: startMonth)
        let received = requests.filter { year.contains($0.createdOn, startMonth: startMonth) }
        let answered = received.filter { $0.status != .nieuw && $0.status != .inBehandeling }
        let overdue = received.filter { $0.isOverdue(today: today) }
        let inYear = agreements.filter { year.contains($0.countingDay, startMonth: startMonth) }
        let activities = ActivityType.allCases.map { type in
            (type: type, planned: inYear.filter { $0.type == type && $0.isPending }.count, delivered: inYear.filter { $0.type == type && $0.isDelivered }.count)
        }.filter { $0.planned + $0.delivered > 0 }
        let delivered = inYear.filter(\.isDelivered)
        let newYear = PartialDate(year: today.year, month: 1, day: 1)
        return SchoolYearFigures(year: year, requestsReceived: received.count, requestsAnswered: answered.count, requestsOverdue: overdue.count,
                                 activities: activities, pupilsReached: delivered.compactMap(\.pupilsReached).reduce(0, +),
                                 schoolsReached: Set(delivered.map(\.schoolId)).count,
                                 vriendenNow: Set(memberships.filter { $0.isActive(on: today) }.map(\.organizationId)).count,
                                 vriendenAtNewYear: Set(memberships.filter { $0.isActive(on: newYear) }.map(\.organizationId)).count)
    }
}
