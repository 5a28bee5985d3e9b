/// A learning route: the Vakmanschapsroute, the Technologieroute (vmbo-t, havo-hbo, vwo-wo) or an mbo-hbo leerlijn.
public struct LearningRoute: Record {
    public static let entity = "routes"
    public var id: String
    public var name: String
    public var kind: RouteKind
    public var fromLevel: EducationLevel
    public var toLevel: EducationLevel
    public var status: RouteStatus
    public var projectId: String?
    public var startYear: Int?
    public var description: String
    public var source: String
    public var key: String { id }
}

public enum RouteKind: String, Codable, CaseIterable, Sendable, Hashable {
    case vakmanschapsroute, technologieroute, leerlijn

    public var label: Localized {
        switch self {
        case .vakmanschapsroute: Localized("Vakmanschapsroute", "Vakmanschapsroute")
        case .technologieroute: Localized("Technologieroute", "Technologieroute")
        case .leerlijn: Localized("Leerlijn mbo-hbo", "Mbo-hbo learning line")
        }
    }
}

public enum RouteStatus: String, Codable, CaseIterable, Sendable, Hashable {
    case active, planned, interest

    public var label: Localized {
        switch self {
        case .active: Localized("Actief", "Active")
        case .planned: Localized("Gepland", "Planned")
        case .interest: Localized("Interesse getoond", "Interest shown")
        }
    }
}

/// A school (or partner) in a route, per sector where the report gives one: the cells of the §4.3 matrix.
public struct RouteParticipation: Record {
    public static let entity = "route_participations"
    public var routeId: String
    public var organizationId: String
    public var sector: Sector?
    public var status: RouteStatus
    /// For the §4.3 matrix: the mark as printed ("X" or "x").
    public var note: String?
    public var source: String
    public var key: String { [routeId, organizationId, sector?.rawValue ?? ""].joined(separator: "|") }
}

/// A theme a route offers or plans (Technologieroute: Bouwkunde in five schools …).
public struct RouteSector: Record {
    public static let entity = "route_sectors"
    public var routeId: String
    public var theme: String
    public var sector: Sector?
    public var status: RouteStatus
    public var schoolCount: Int?
    public var fromPeriod: String?
    public var source: String
    public var key: String { routeId + "|" + theme }
}

/// Keuzedelen (elective modules) a route offers; the report gives their number and areas, not their titles.
public struct KeuzedeelSet: Record {
    public static let entity = "keuzedelen"
    public var id: String
    public var routeId: String
    public var count: Int
    public var areas: [String]
    public var availableFrom: PartialDate?
    public var source: String
    public var key: String { id }
}
