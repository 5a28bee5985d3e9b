/// A budget or a contribution to it (§3.1).
public struct Funding: Record {
    public static let entity = "funding"
    public var id: String
    public var funderId: String?
    public var programme: String
    public var kind: FundingKind
    public var amount: Double
    public var amountQualifier: Qualifier?
    public var periodFrom: PartialDate
    public var periodTo: PartialDate
    public var purpose: String
    public var section: String
    public var key: String { id }
}

public enum FundingKind: String, Codable, CaseIterable, Sendable, Hashable {
    case budget, contribution

    public var label: Localized {
        switch self {
        case .budget: Localized("Begroting", "Budget")
        case .contribution: Localized("Bijdrage", "Contribution")
        }
    }
}

/// An application to a fund such as the Regionaal Investeringsfonds (RIF).
public struct FundingApplication: Record {
    public static let entity = "funding_applications"
    public var id: String
    public var fund: String
    public var applicantIds: [String]
    public var subject: String
    public var status: ApplicationStatus
    public var date: PartialDate?
    public var section: String
    public var key: String { id }
}

public enum ApplicationStatus: String, Codable, CaseIterable, Sendable, Hashable {
    case planned, submitted, approved, rejected

    public var label: Localized {
        switch self {
        case .planned: Localized("Voorbereid", "Planned")
        case .submitted: Localized("Ingediend", "Submitted")
        case .approved: Localized("Toegekend", "Approved")
        case .rejected: Localized("Afgewezen", "Rejected")
        }
    }
}
