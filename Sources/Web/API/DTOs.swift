import Domain
import Vapor

// The API's shapes. Domain records are plain value types and are used as they are where their
// shape is the public one; summaries and detail views get their own DTOs.

struct ListDTO<Item: Content>: Content {
    var items: [Item]
    var total: Int
    var page: Int
    var per: Int
    init(_ page: Page<Item>) { items = page.items; total = page.total; self.page = page.page; per = page.per }
}

struct OrganizationSummaryDTO: Content, Equatable {
    var id: String
    var name: String
    var kind: OrganizationKind
    var sectors: [Sector]
    var levels: [EducationLevel]
    var district: String?

    init(_ o: Organization) {
        id = o.id; name = o.name; kind = o.kind; sectors = o.sectors; levels = o.levels; district = o.district
    }

    // `district` is always present, null when unknown, so clients see one shape.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encode(kind, forKey: .kind)
        try c.encode(sectors, forKey: .sectors); try c.encode(levels, forKey: .levels); try c.encode(district, forKey: .district)
    }
}

struct LinkDTO: Content { var id: String; var name: String; var role: String? }

struct OrganizationDetailDTO: Content {
    var id: String
    var name: String
    var kind: OrganizationKind
    var sectors: [Sector]
    var levels: [EducationLevel]
    var district: String?
    var parentId: String?
    var latitude: Double?
    var longitude: Double?
    var aliases: [String]
    var source: String
    var partnerships: [LinkDTO]
    var members: [LinkDTO]
    var memberships: [Membership]
    var projects: [LinkDTO]
    var routes: [RouteParticipation]
    var opleidingshuizen: [LinkDTO]
    var agreements: [Agreement]
    var timeline: [TimelineEntry]
    var fundingApplications: [FundingApplication]
    var acknowledgements: [Acknowledgement]

    init(_ p: OrganizationProfile) {
        let o = p.organization
        id = o.id; name = o.name; kind = o.kind; sectors = o.sectors; levels = o.levels; district = o.district
        parentId = o.parentId; latitude = o.latitude; longitude = o.longitude; aliases = o.aliases; source = o.source
        partnerships = p.partnerships.map { LinkDTO(id: $0.partnership.id, name: $0.partnership.name, role: nil) }
        members = p.members.map { LinkDTO(id: $0.member.id, name: $0.member.name, role: nil) }
        memberships = p.memberships
        projects = p.projects.map { LinkDTO(id: $0.project.id, name: $0.project.name, role: $0.role) }
        routes = p.routes.map(\.participation)
        opleidingshuizen = p.opleidingshuizen.map { LinkDTO(id: $0.opleidingshuis.id, name: $0.opleidingshuis.name, role: $0.role) }
        agreements = p.agreements
        timeline = p.timeline
        fundingApplications = p.fundingApplications
        acknowledgements = p.acknowledgements
    }
}

struct ProjectDTO: Content {
    var project: Project
    var leads: [String]
    var targets: [ProjectTarget]
    var participants: [ProjectParticipant]
}

struct RouteDTO: Content {
    var route: LearningRoute
    var participations: [RouteParticipation]
    var sectors: [RouteSector]
    var keuzedelen: [KeuzedeelSet]
}

struct OpleidingshuisDTO: Content {
    var opleidingshuis: Opleidingshuis
    var partners: [OpleidingshuisPartner]
    var milestones: [OpleidingshuisMilestone]
}

/// A cross table with its computed totals and changes, as the report prints it.
struct TableDTO: Content {
    struct Row: Content { var label: String; var values: [Double?]; var change: Double?; var changePercent: Double? }
    var dimension: String?
    var periods: [String]
    var rows: [Row]
    var totals: [Double?]
    var totalChange: Double?
    var totalChangePercent: Double?

    init(_ t: CrossTable) {
        dimension = t.dimension; periods = t.periods; totals = t.totals
        rows = t.rows.map { Row(label: $0.label, values: $0.values, change: $0.change?.absolute, changePercent: $0.change?.percent) }
        totalChange = t.totalChange?.absolute; totalChangePercent = t.totalChange?.percent
    }
}

struct IndicatorDTO: Content {
    struct TargetStatus: Content { var target: Target; var status: String }
    var indicator: Indicator
    var observations: [Observation]
    var targets: [TargetStatus]
    var table: TableDTO
}

struct NetworkDTO: Content {
    var reported: TableDTO
    /// One page of the memberships active today, in data-file order.
    var registered: [Membership]
    var registeredTotal: Int
    var page: Int
    var per: Int
}

struct EventDTO: Content {
    var event: Event
    var agreements: [Agreement]
}

struct FundingDTO: Content {
    var funding: [Funding]
    var applications: [FundingApplication]
    var totalContributions: Double
}

extension Organization: Content {}
extension Membership: Content {}
extension Project: Content {}
extension ProjectTarget: Content {}
extension ProjectParticipant: Content {}
extension LearningRoute: Content {}
extension RouteParticipation: Content {}
extension RouteSector: Content {}
extension KeuzedeelSet: Content {}
extension Opleidingshuis: Content {}
extension OpleidingshuisPartner: Content {}
extension OpleidingshuisMilestone: Content {}
extension Indicator: Content {}
extension Observation: Content {}
extension Target: Content {}
extension Funding: Content {}
extension FundingApplication: Content {}
extension TimelineEntry: Content {}
extension Event: Content {}
extension Agreement: Content {}
extension Acknowledgement: Content {}
extension Person: Content {}
extension PersonRole: Content {}
extension Statement: Content {}
extension Quote: Content {}
extension PartnershipMember: Content {}
