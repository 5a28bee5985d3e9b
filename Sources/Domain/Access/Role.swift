/// The roles of the platform (issue 3). Not logged in is `publiek`, which is no role but the absence of one.
public enum Role: String, Codable, CaseIterable, Sendable, Hashable {
    /// Programme coordinator: everything, including accounts.
    case beheerder
    /// Edits the projects (and their routes and Opleidingshuizen) they lead; reads the rest.
    case projectleider
    /// Contact person of an organisation: edits their own organisation.
    case contactpersoon
    /// Municipality or steering group: reads everything aggregated and non-personal.
    case analist
    /// Communications: composes and sends the newsletter, sees its subscribers; reads the rest like the public.
    case communicatie

    public var label: Localized {
        switch self {
        case .beheerder: Localized("Beheerder", "Administrator")
        case .projectleider: Localized("Projectleider", "Project leader")
        case .contactpersoon: Localized("Contactpersoon", "Contact person")
        case .analist: Localized("Analist", "Analyst")
        case .communicatie: Localized("Communicatie", "Communications")
        }
    }
}

/// Who is acting: enough to decide what they may see and change.
public struct Actor: Sendable, Hashable {
    public var accountId: String
    public var role: Role
    public var organizationId: String?
    public var projectIds: [String]
    public init(accountId: String, role: Role, organizationId: String? = nil, projectIds: [String] = []) {
        self.accountId = accountId; self.role = role; self.organizationId = organizationId; self.projectIds = projectIds
    }
}

/// The object-level rules. Route-level rules (who may open a page at all) live with the routes.
public enum Permissions {
    public static func canEditOrganization(_ actor: Actor?, _ organizationId: String) -> Bool {
        guard let actor else { return false }
        switch actor.role {
        case .beheerder: return true
        case .contactpersoon: return actor.organizationId == organizationId
        case .projectleider, .analist, .communicatie: return false
        }
    }

    public static func canEditProject(_ actor: Actor?, _ projectId: String) -> Bool {
        guard let actor else { return false }
        switch actor.role {
        case .beheerder: return true
        case .projectleider: return actor.projectIds.contains(projectId)
        case .contactpersoon, .analist, .communicatie: return false
        }
    }

    /// A learning route is led by the leader of the project it belongs to.
    public static func canEditRoute(_ actor: Actor?, _ route: LearningRoute) -> Bool {
        guard let actor else { return false }
        if actor.role == .beheerder { return true }
        return route.projectId.map { canEditProject(actor, $0) } ?? false
    }

    /// The Opleidingshuizen are led within the public–private partnership project (§4.6).
    public static let opleidingshuizenProject = "publiek-private-samenwerking"

    public static func canEditOpleidingshuis(_ actor: Actor?) -> Bool {
        canEditProject(actor, opleidingshuizenProject)
    }

    /// Personal contact details of an organisation's contact persons: the coordinator, the organisation itself,
    /// organisations it has an agreement with, and project leaders of projects it takes part in. Never analysts
    /// or the public.
    /// `partners`: the organisations the actor's own has a desk agreement in progress with (proposed to planned):
    /// they must reach each other to plan it.
    public static func canSeeContacts(_ actor: Actor?, of organizationId: String, in data: Dataset, partners: Set<String> = []) -> Bool {
        guard let actor else { return false }
        switch actor.role {
        case .beheerder: return true
        case .analist, .communicatie: return false
        case .contactpersoon:
            guard let own = actor.organizationId else { return false }
            if own == organizationId { return true }
            if partners.contains(organizationId) { return true }
            return data.agreements.contains { a in
                let parties = Set([a.schoolId] + a.companyIds)
                return parties.contains(own) && parties.contains(organizationId)
            }
        case .projectleider:
            return data.projectParticipants.contains { actor.projectIds.contains($0.projectId) && $0.organizationId == organizationId }
        }
    }
}
