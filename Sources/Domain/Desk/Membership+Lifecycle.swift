/// An application to become a Vriend: filed by an organisation's contact person with a motivation, decided by
/// the coordinator. Approval creates the `Membership` record the network figures count; ending it sets the
/// membership's end date and keeps the reason here. Operational data.
public struct MembershipApplication: Record {
    public static let entity = "membership_applications"
    public var id: String
    public var organizationId: String
    public var motivation: String
    public var status: MembershipApplicationStatus
    public var appliedOn: PartialDate
    public var decidedOn: PartialDate?
    public var remarks: String?
    /// The membership the approval created.
    public var membershipId: String?
    public var endedOn: PartialDate?
    public var endReason: String?
    public var key: String { id }

    public init(id: String, organizationId: String, motivation: String, status: MembershipApplicationStatus = .aangevraagd, appliedOn: PartialDate) {
        self.id = id; self.organizationId = organizationId; self.motivation = motivation; self.status = status; self.appliedOn = appliedOn
    }

    public func violations(kind: OrganizationKind?) -> [String: Localized] {
        var errors: [String: Localized] = [:]
        if kind == nil { errors["organizationId"] = Localized("Onbekende organisatie.", "Unknown organisation.") }
        if motivation.count < 20 || motivation.count > 2000 {
            errors["motivation"] = Localized("Schrijf een motivatie van 20 tot 2000 tekens.", "Write a motivation of 20 to 2000 characters.")
        }
        return errors
    }
}

/// aangevraagd → goedgekeurd (active member) → beëindigd, or afgewezen.
public enum MembershipApplicationStatus: String, Codable, CaseIterable, Sendable, Hashable, LocalizedLabel {
    case aangevraagd, goedgekeurd, afgewezen, beeindigd

    public var label: Localized {
        switch self {
        case .aangevraagd: Localized("Aangevraagd", "Applied")
        case .goedgekeurd: Localized("Goedgekeurd (actief)", "Approved (active)")
        case .afgewezen: Localized("Afgewezen", "Declined")
        case .beeindigd: Localized("Beëindigd", "Ended")
        }
    }
}

/// A school's plan for technology education in a school year (§4.7: "een school presenteert een plan"), which the
/// coordinator approves or returns with remarks. An optional PDF is kept beside it.
public struct SchoolPlan: Record {
    public static let entity = "school_plans"
    public var id: String
    public var schoolId: String
    /// The calendar year the school year starts in (2026 = 2026-2027).
    public var schoolYear: Int
    public var goals: String
    public var activities: String
    public var levels: [EducationLevel]
    public var sectors: [Sector]
    /// Who at the school is responsible (a name or a function); shown to the coordinator and the school only.
    public var contact: String
    public var status: PlanStatus
    public var remarks: String?
    public var pdfName: String?
    public var submittedOn: PartialDate
    public var key: String { id }

    public init(id: String, schoolId: String, schoolYear: Int, goals: String, activities: String, levels: [EducationLevel], sectors: [Sector],
                contact: String, status: PlanStatus = .ingediend, remarks: String? = nil, pdfName: String? = nil, submittedOn: PartialDate) {
        self.id = id; self.schoolId = schoolId; self.schoolYear = schoolYear; self.goals = goals; self.activities = activities
        self.levels = levels; self.sectors = sectors; self.contact = contact; self.status = status; self.remarks = remarks
        self.pdfName = pdfName; self.submittedOn = submittedOn
    }

    public func violations() -> [String: Localized] {
        var errors: [String: Localized] = [:]
        if goals.count < 10 || goals.count > 5000 { errors["goals"] = Localized("Beschrijf de doelen (10 tot 5000 tekens).", "Describe the goals (10 to 5000 characters).") }
        if activities.count < 10 || activities.count > 5000 { errors["activities"] = Localized("Beschrijf de activiteiten (10 tot 5000 tekens).", "Describe the activities (10 to 5000 characters).") }
        if levels.isEmpty { errors["levels"] = Localized("Kies ten minste één niveau.", "Choose at least one level.") }
        if sectors.isEmpty { errors["sectors"] = Localized("Kies ten minste één sector.", "Choose at least one sector.") }
        if contact.isEmpty || contact.count > 200 { errors["contact"] = Localized("Vul een contact in (hoogstens 200 tekens).", "Give a contact (at most 200 characters).") }
        return errors
    }
}

/// ingediend → goedgekeurd, or teruggestuurd (with remarks) and then ingediend again.
public enum PlanStatus: String, Codable, CaseIterable, Sendable, Hashable, LocalizedLabel {
    case ingediend, goedgekeurd, teruggestuurd

    public var label: Localized {
        switch self {
        case .ingediend: Localized("Ingediend", "Submitted")
        case .goedgekeurd: Localized("Goedgekeurd", "Approved")
        case .teruggestuurd: Localized("Teruggestuurd", "Returned")
        }
    }
}
