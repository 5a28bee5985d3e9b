/// Everything the programme knows, entity by entity. Loaded from data files, stored in the database,
/// exported again; the round trip must give back an equal value.
public struct Dataset: Sendable, Hashable {
    public var organizations: [Organization] = []
    public var partnershipMembers: [PartnershipMember] = []
    public var acknowledgements: [Acknowledgement] = []
    public var memberships: [Membership] = []
    public var people: [Person] = []
    public var personRoles: [PersonRole] = []
    public var projects: [Project] = []
    public var projectTargets: [ProjectTarget] = []
    public var projectParticipants: [ProjectParticipant] = []
    public var routes: [LearningRoute] = []
    public var routeParticipations: [RouteParticipation] = []
    public var routeSectors: [RouteSector] = []
    public var keuzedelen: [KeuzedeelSet] = []
    public var opleidingshuizen: [Opleidingshuis] = []
    public var opleidingshuisPartners: [OpleidingshuisPartner] = []
    public var opleidingshuisMilestones: [OpleidingshuisMilestone] = []
    public var indicators: [Indicator] = []
    public var observations: [Observation] = []
    public var targets: [Target] = []
    public var funding: [Funding] = []
    public var fundingApplications: [FundingApplication] = []
    public var timeline: [TimelineEntry] = []
    public var events: [Event] = []
    public var agreements: [Agreement] = []
    public var statements: [Statement] = []
    public var quotes: [Quote] = []

    public init() {}

    /// Every entity, in an order where referenced entities come first.
    public static let tables: [any AnyTable] = [
        Table(\Dataset.organizations), Table(\Dataset.partnershipMembers), Table(\Dataset.acknowledgements),
        Table(\Dataset.memberships), Table(\Dataset.people), Table(\Dataset.projects), Table(\Dataset.personRoles),
        Table(\Dataset.projectTargets), Table(\Dataset.projectParticipants), Table(\Dataset.routes),
        Table(\Dataset.routeParticipations), Table(\Dataset.routeSectors), Table(\Dataset.keuzedelen),
        Table(\Dataset.opleidingshuizen), Table(\Dataset.opleidingshuisPartners),
        Table(\Dataset.opleidingshuisMilestones), Table(\Dataset.indicators), Table(\Dataset.observations),
        Table(\Dataset.targets), Table(\Dataset.funding), Table(\Dataset.fundingApplications),
        Table(\Dataset.timeline), Table(\Dataset.events), Table(\Dataset.agreements),
        Table(\Dataset.statements), Table(\Dataset.quotes),
    ]

    public static var entityNames: [String] { tables.map { entityName(of: $0) } }

    public var recordCount: Int { Self.tables.reduce(0) { $0 + count(of: $1) } }

    private func count<T: AnyTable>(of table: T) -> Int { self[keyPath: table.keyPath].count }

    /// Records of `other` replace records of this dataset with the same key; the rest is kept.
    public func merged(with other: Dataset) -> Dataset {
        var result = self
        for table in Self.tables { merge(table, from: other, into: &result) }
        return result
    }

    private func merge<T: AnyTable>(_ table: T, from other: Dataset, into result: inout Dataset) {
        let incoming = other[keyPath: table.keyPath]
        guard !incoming.isEmpty else { return }
        let replaced = Set(incoming.map(\.key))
        result[keyPath: table.keyPath] = self[keyPath: table.keyPath].filter { !replaced.contains($0.key) } + incoming
    }
}

public func entityName<T: AnyTable>(of table: T) -> String { T.Row.entity }
