/// Whether a member meets its yearly obligation (§4.7): a company organises at least N technical activities for or
/// with schools (N a setting, 2 by default), counted from the desk's agreements; a school presents a plan for
/// technology education, counted from its plan for the school year (approved: met; submitted: on track).
public enum ComplianceStatus: String, Sendable, Hashable, CaseIterable, LocalizedLabel {
    /// Met: enough delivered activities this school year.
    case met
    /// On track: delivered plus still expected (proposed, agreed, planned) would meet it.
    case onTrack = "on-track"
    /// Behind.
    case behind
    /// New this school year: not counted yet.
    case new

    public var label: Localized {
        switch self {
        case .met: Localized("Voldaan", "Met")
        case .onTrack: Localized("Op koers", "On track")
        case .behind: Localized("Achter", "Behind")
        case .new: Localized("Nieuw dit schooljaar", "New this school year")
        }
    }
}

public struct ComplianceRow: Sendable, Hashable {
    public var organization: Organization
    public var required: Int
    public var delivered: Int
    public var pending: Int
    public var status: ComplianceStatus
    /// The last day anything happened with this member through the desk (nil: never).
    public var lastActivity: PartialDate?
}

public enum Compliance {
    /// What a member must do in a school year: companies the setting, schools one activity, others nothing.
    public static func required(of kind: OrganizationKind, _ settings: DeskSettings) -> Int {
        if kind == .company { return settings.activitiesPerCompany }
        return kind.isEducation && kind != .schoolBoard ? 1 : 0
    }

    /// The first day of the school year containing `today`: a member who joined on or after it is new.
    public static func yearStart(today: PartialDate, _ settings: DeskSettings) -> PartialDate {
        SchoolYear(containing: today, startMonth: settings.schoolYearStartMonth).start(startMonth: settings.schoolYearStartMonth)
    }

    /// The kinds the overview's filter keeps: "company", "school" (every kind of education), anything else the rest
    /// ("other"); nil for "" (all).
    public static func kinds(filter: String) -> Set<OrganizationKind>? {
        switch filter {
        case "company": [.company]
        case "school": Set(OrganizationKind.allCases.filter(\.isEducation))
        case "": nil
        default: Set(OrganizationKind.allCases.filter { $0 != .company && !$0.isEducation })
        }
    }

    /// Every member active on `today`, with its status for the school year containing `today`.
    public static func overview(organizations: [Organization], memberships: [Membership], agreements: [ActivityAgreement],
                                plans: [SchoolPlan] = [], settings: DeskSettings, today: PartialDate) -> [ComplianceRow] {
        let year = SchoolYear(containing: today, startMonth: settings.schoolYearStartMonth)
        let start = yearStart(today: today, settings)
        let active = memberships.filter { $0.isActive(on: today) }
        var joined: [String: PartialDate?] = [:]
        for m in active { joined[m.organizationId] = m.startDate ?? m.attestedOn }
        return organizations.filter { joined[$0.id] != nil }.map { org in
            let own = agreements.filter { $0.schoolId == org.id || $0.companyId == org.id }
            let inYear = own.filter { year.contains($0.countingDay, startMonth: settings.schoolYearStartMonth) }
            var delivered = inYear.filter(\.isDelivered).count
            var pending = inYear.filter(\.isPending).count
            if org.kind.isEducation {
                let plan = plans.first { $0.schoolId == org.id && $0.schoolYear == year.startYear }
                delivered = plan?.status == .goedgekeurd ? 1 : 0
                pending = plan?.status == .ingediend ? 1 : 0
            }
            let required = required(of: org.kind, settings)
            let status: ComplianceStatus
            if let since = joined[org.id] ?? nil, !(since < start) { status = .new }
            else if delivered >= required { status = .met }
            else if delivered + pending >= required { status = .onTrack }
            else { status = .behind }
            let last = own.filter { $0.status != .geannuleerd }.map(\.countingDay).max()
            return ComplianceRow(organization: org, required: required, delivered: delivered, pending: pending, status: status, lastActivity: last)
        }
    }

    /// Members with nothing through the desk in the year before `today`.
    public static func inactive(_ rows: [ComplianceRow], today: PartialDate) -> [ComplianceRow] {
        let yearAgo = PartialDate(year: today.year - 1, month: today.month, day: today.day)
        return rows.filter { row in row.lastActivity.map { $0 < yearAgo } ?? true }
    }
}
