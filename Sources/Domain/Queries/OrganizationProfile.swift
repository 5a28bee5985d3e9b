/// Everything one organisation takes part in, for its detail page and API record.
public struct OrganizationProfile: Sendable {
    public var organization: Organization
    public var parent: Organization?
    public var children: [Organization]
    /// Partnerships this organisation belongs to.
    public var partnerships: [(partnership: Organization, source: String)]
    /// Members, when this organisation is a partnership.
    public var members: [(member: Organization, source: String)]
    public var memberships: [Membership]
    public var projects: [(project: Project, role: String)]
    public var routes: [(route: LearningRoute, participation: RouteParticipation)]
    public var opleidingshuizen: [(opleidingshuis: Opleidingshuis, role: String)]
    public var agreements: [Agreement]
    public var timeline: [TimelineEntry]
    public var fundingApplications: [FundingApplication]
    public var funding: [Funding]
    public var acknowledgements: [Acknowledgement]
    public var people: [(person: Person, role: PersonRole)]

    public init?(id: String, in data: Dataset) {
        guard let org = data.organization(id) else { return nil }
        let byId = Dictionary(data.organizations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        organization = org
        parent = org.parentId.flatMap { byId[$0] }
        children = data.organizations.filter { $0.parentId == id }
        partnerships = data.partnershipMembers.filter { $0.memberId == id }
            .compactMap { m in byId[m.partnershipId].map { ($0, m.source) } }
        members = data.partnershipMembers.filter { $0.partnershipId == id }
            .compactMap { m in byId[m.memberId].map { ($0, m.source) } }
        memberships = data.memberships.filter { $0.organizationId == id }
        let projectsById = Dictionary(data.projects.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        projects = data.projectParticipants.filter { $0.organizationId == id }
            .compactMap { p in projectsById[p.projectId].map { ($0, p.role) } }
        let routesById = Dictionary(data.routes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        routes = data.routeParticipations.filter { $0.organizationId == id }
            .compactMap { p in routesById[p.routeId].map { ($0, p) } }
        let housesById = Dictionary(data.opleidingshuizen.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        opleidingshuizen = data.opleidingshuisPartners.filter { $0.organizationId == id }
            .compactMap { p in housesById[p.opleidingshuisId].map { ($0, p.role) } }
        agreements = data.agreements.filter { $0.schoolId == id || $0.companyIds.contains(id) }
        timeline = data.timeline.filter { $0.organizationIds.contains(id) }.sorted { $0.date < $1.date }
        fundingApplications = data.fundingApplications.filter { $0.applicantIds.contains(id) }
        funding = data.funding.filter { $0.funderId == id }
        acknowledgements = data.acknowledgements.filter { $0.organizationId == id }
        let peopleById = Dictionary(data.people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        people = data.personRoles.filter { $0.organizationId == id }
            .compactMap { r in peopleById[r.personId].map { ($0, r) } }
    }
}
