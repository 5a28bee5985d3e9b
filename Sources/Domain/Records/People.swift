/// A person the report names in a role. Names and roles only: no phone numbers or e-mail addresses.
public struct Person: Record {
    public static let entity = "people"
    public var id: String
    public var name: String
    public var source: String
    public var key: String { id }
}

/// Where in the programme's organisation a role sits (Bijlage 1, §6, Voorwoord).
public enum GoverningBody: String, Codable, CaseIterable, Sendable, Hashable {
    case college, stuurgroep, projectgroep, contact, extern

    public var label: Localized {
        switch self {
        case .college: Localized("College van B&W", "Municipal executive")
        case .stuurgroep: Localized("Stuurgroep", "Steering group")
        case .projectgroep: Localized("Projectgroep", "Project group")
        case .contact: Localized("Contact", "Contact")
        case .extern: Localized("Extern", "External")
        }
    }
}

public struct PersonRole: Record {
    public static let entity = "person_roles"
    public var personId: String
    public var body: GoverningBody
    /// Bedrijfsleven, onderwijs or gemeente for the steering group.
    public var domain: String?
    public var role: String
    public var organizationId: String?
    public var projectId: String?
    public var source: String
    public var key: String { [personId, body.rawValue, role, projectId ?? ""].joined(separator: "|") }
}
