/// What the network's pages show (issue 13), defined once over a `Dataset`: the in-memory repository answers with
/// these functions, and the SQL one must give the same answers (the contract tests hold both to them).

/// The network page: the reported counts beside the Vrienden registered on a day, one page of them.
public struct NetworkOverview: Sendable, Hashable {
    /// The indicators and observations of the network's reported counts (`NetworkOverview.indicatorKeys`).
    public var reported: Dataset
    /// Memberships active on the day, per kind of organisation (a membership of a missing organisation counts nowhere).
    public var registeredByKind: [OrganizationKind: Int]
    /// Memberships active on the day.
    public var registeredTotal: Int
    /// One page of those memberships, in data-file order.
    public var members: Page<Membership>
    /// The organisations of `members`, by id.
    public var organizations: [String: Organization]

    public init(reported: Dataset, registeredByKind: [OrganizationKind: Int], registeredTotal: Int,
                members: Page<Membership>, organizations: [String: Organization]) {
        self.reported = reported; self.registeredByKind = registeredByKind; self.registeredTotal = registeredTotal
        self.members = members; self.organizations = organizations
    }

    /// The indicators the network page reports: the members per kind, supported excursions, requests served.
    public static let indicatorKeys = ["network.members", "network.excursions-supported", "network.requests-served"]

    public init(_ data: Dataset, on day: PartialDate, page: PageRequest) {
        var reported = Dataset()
        reported.indicators = data.indicators.filter { Self.indicatorKeys.contains($0.key) }
        reported.observations = data.observations.filter { Self.indicatorKeys.contains($0.indicatorKey) }
        let active = ProgrammeFigures(data).registeredMembers(on: day)
        let byId = Dictionary(data.organizations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var byKind: [OrganizationKind: Int] = [:]
        for m in active { if let kind = byId[m.organizationId]?.kind { byKind[kind, default: 0] += 1 } }
        let members = active.paged(page)
        self.init(reported: reported, registeredByKind: byKind, registeredTotal: active.count, members: members,
                  organizations: Dictionary(members.items.compactMap { m in byId[m.organizationId].map { (m.organizationId, $0) } },
                                            uniquingKeysWith: { a, _ in a }))
    }
}

extension Dataset {
    /// The records an organisation's page shows (`OrganizationProfile`, its quotes and the events of its agreements),
    /// and nothing else, each table in data-file order; nil without such an organisation. A profile built from the
    /// slice equals one built from the whole dataset.
    public func profileSlice(of id: String) -> Dataset? {
        guard let org = organization(id) else { return nil }
        var s = Dataset()
        s.partnershipMembers = partnershipMembers.filter { $0.memberId == id || $0.partnershipId == id }
        let related = Set([org.parentId].compactMap { $0 } + s.partnershipMembers.flatMap { [$0.memberId, $0.partnershipId] })
        s.organizations = organizations.filter { $0.id == id || $0.parentId == id || related.contains($0.id) }
        s.memberships = memberships.filter { $0.organizationId == id }
        s.projectParticipants = projectParticipants.filter { $0.organizationId == id }
        s.routeParticipations = routeParticipations.filter { $0.organizationId == id }
        s.opleidingshuisPartners = opleidingshuisPartners.filter { $0.organizationId == id }
        s.agreements = agreements.filter { $0.schoolId == id || $0.companyIds.contains(id) }
        s.timeline = timeline.filter { $0.organizationIds.contains(id) }
        s.fundingApplications = fundingApplications.filter { $0.applicantIds.contains(id) }
        s.funding = funding.filter { $0.funderId == id }
        s.acknowledgements = acknowledgements.filter { $0.organizationId == id }
        s.personRoles = personRoles.filter { $0.organizationId == id }
        s.quotes = quotes.filter { $0.organizationId == id }
        let projectIds = Set(s.projectParticipants.map(\.projectId)), routeIds = Set(s.routeParticipations.map(\.routeId))
        let houseIds = Set(s.opleidingshuisPartners.map(\.opleidingshuisId)), eventIds = Set(s.agreements.compactMap(\.eventId))
        let personIds = Set(s.personRoles.map(\.personId) + s.quotes.map(\.personId))
        s.projects = projects.filter { projectIds.contains($0.id) }
        s.routes = routes.filter { routeIds.contains($0.id) }
        s.opleidingshuizen = opleidingshuizen.filter { houseIds.contains($0.id) }
        s.events = events.filter { eventIds.contains($0.id) }
        s.people = people.filter { personIds.contains($0.id) }
        return s
    }
}
