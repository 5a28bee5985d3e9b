/// One of the seven projects of §4.
public struct Project: Record {
    public static let entity = "projects"
    public var id: String
    public var number: String
    public var name: String
    public var nameEn: String
    public var status: ProjectStatus
    public var summary: String
    public var section: String
    public var key: String { id }
}

public enum ProjectStatus: String, Codable, CaseIterable, Sendable, Hashable {
    case preparation, running, adjusted, finished

    public var label: Localized {
        switch self {
        case .preparation: Localized("In voorbereiding", "In preparation")
        case .running: Localized("Lopend", "Running")
        case .adjusted: Localized("Koers bijgesteld", "Course adjusted")
        case .finished: Localized("Afgerond", "Finished")
        }
    }
}

public enum Unit: String, Codable, CaseIterable, Sendable, Hashable {
    case count, percentage, euro
}

/// A target of a project with the actual the report gives, e.g. Entreeopleiding Techniek 60 now, 90 by February 2015.
public struct ProjectTarget: Record {
    public static let entity = "project_targets"
    public var id: String
    public var projectId: String
    public var description: String
    public var unit: Unit
    public var actual: Double?
    public var actualQualifier: Qualifier?
    public var actualDate: PartialDate?
    public var target: Double?
    /// Upper end where the report gives a range ("200 tot 250").
    public var targetMax: Double?
    public var targetQualifier: Qualifier?
    public var targetDate: PartialDate?
    public var source: String
    public var key: String { id }
}

public struct ProjectParticipant: Record {
    public static let entity = "project_participants"
    public var projectId: String
    public var organizationId: String
    public var role: String
    public var source: String
    public var key: String { projectId + "|" + organizationId }
}
