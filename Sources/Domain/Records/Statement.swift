/// The programme's own words about where it is going: the ambitions (§2), the Techniekpact's action lines (§3),
/// when the goal is reached (§3.1), the network's goals (§4.7), the follow-up after 2015 and the named
/// bottleneck, pupil transport (§5).
public struct Statement: Record {
    public static let entity = "statements"
    public var id: String
    public var kind: StatementKind
    public var title: String
    public var text: String
    public var section: String
    public var key: String { id }
}

public enum StatementKind: String, Codable, CaseIterable, Sendable, Hashable {
    case ambition
    case pactActionLine = "pact-action-line"
    case successCriterion = "success-criterion"
    case networkGoal = "network-goal"
    case followUp = "follow-up"
    case bottleneck

    public var label: Localized {
        switch self {
        case .ambition: Localized("Ambities", "Ambitions")
        case .pactActionLine: Localized("Actielijnen van het Techniekpact", "Action lines of the Techniekpact")
        case .successCriterion: Localized("Wanneer is het doel bereikt?", "When is the goal reached?")
        case .networkGoal: Localized("Doelen van de Vrienden", "Goals of the Friends")
        case .followUp: Localized("Vervolg na 2015", "Follow-up after 2015")
        case .bottleneck: Localized("Knelpunten", "Bottlenecks")
        }
    }
}

/// A quotation the report prints, with who said it.
public struct Quote: Record {
    public static let entity = "quotes"
    public var id: String
    public var personId: String
    /// The speaker's role as the report gives it.
    public var role: String
    public var organizationId: String?
    public var projectId: String?
    public var text: String
    public var section: String
    public var key: String { id }
}
