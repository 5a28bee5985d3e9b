/// What the programme report reads. The small tables come whole in `data`; the large ones (agreements,
/// memberships, organisations) arrive summarised, so a national database of a million agreements is
/// counted in the database rather than loaded: `data.agreements` holds only the agreements the report
/// lists (at most `listLimit`), `data.organizations` at least every organisation the report names.
public struct ReportInput: Sendable {
    public var data: Dataset
    /// All agreements per event id, counted over the whole database.
    public var agreementCounts: [String: Int]
    /// Agreements of the period's events, counted over the whole database.
    public var agreementsInPeriod: Int
    /// Memberships active on the report's last day.
    public var activeMembers: Int
    public var listLimit: Int
    /// What the platform's own records count for the period and the one before (nil: not asked, as for the
    /// embedded report in tests).
    public var platform: PlatformFigures?

    public init(data: Dataset, agreementCounts: [String: Int], agreementsInPeriod: Int, activeMembers: Int, listLimit: Int) {
        self.data = data; self.agreementCounts = agreementCounts; self.agreementsInPeriod = agreementsInPeriod
        self.activeMembers = activeMembers; self.listLimit = listLimit
    }

    /// From a whole dataset in memory (tests, the embedded data): the same summaries, computed here.
    public init(whole data: Dataset, period: ReportPeriod, listLimit: Int = ReportInput.defaultListLimit) {
        var byEvent: [String: [Agreement]] = [:]
        for a in data.agreements { if let e = a.eventId { byEvent[e, default: []].append(a) } }
        let counts = byEvent.mapValues(\.count)
        // Listed event by event (in event order), each event's agreements in data-file order, up to the limit.
        let events = data.events.filter { period.containsStart(of: $0.date) }.map(\.id)
        var listed = data
        listed.agreements = Array(events.flatMap { byEvent[$0] ?? [] }.prefix(listLimit))
        self.init(data: listed, agreementCounts: counts, agreementsInPeriod: events.reduce(0) { $0 + (counts[$1] ?? 0) },
                  activeMembers: data.memberships.filter { $0.isActive(on: period.to) }.count, listLimit: listLimit)
    }

    public static let defaultListLimit = 200

    /// The entities the report reads whole; the rest is summarised (see the type's comment).
    public static let wholeEntities: Set<String> = [
        Indicator.entity, Observation.entity, Target.entity, Project.entity, ProjectTarget.entity, LearningRoute.entity,
        RouteParticipation.entity, RouteSector.entity, Opleidingshuis.entity, OpleidingshuisPartner.entity,
        OpleidingshuisMilestone.entity, Funding.entity, FundingApplication.entity, TimelineEntry.entity, Event.entity,
    ]

    /// Organisations the report names, given the agreements it lists.
    public static func namedOrganizations(in data: Dataset) -> Set<String> {
        var ids = Set(data.routeParticipations.map(\.organizationId))
        ids.formUnion(data.funding.compactMap(\.funderId))
        for a in data.agreements { ids.insert(a.schoolId); ids.formUnion(a.companyIds) }
        return ids
    }
}
