/// A company, school, board, government body, foundation or partnership named in the report.
public struct Organization: Record {
    public static let entity = "organizations"
    public var id: String
    public var name: String
    public var kind: OrganizationKind
    public var sectors: [Sector]
    public var levels: [EducationLevel]
    /// Stadsdeel or municipality, only where the report says where the organisation is.
    public var district: String?
    /// A school's board, a branch's umbrella.
    public var parentId: String?
    public var latitude: Double?
    public var longitude: Double?
    /// Other spellings the report uses, so search finds them.
    public var aliases: [String]
    public var source: String
    public var key: String { id }

    public init(id: String, name: String, kind: OrganizationKind, sectors: [Sector] = [], levels: [EducationLevel] = [],
                district: String? = nil, parentId: String? = nil, latitude: Double? = nil, longitude: Double? = nil,
                aliases: [String] = [], source: String) {
        self.id = id; self.name = name; self.kind = kind; self.sectors = sectors; self.levels = levels
        self.district = district; self.parentId = parentId; self.latitude = latitude; self.longitude = longitude
        self.aliases = aliases; self.source = source
    }
}

/// A member of a partnership (NexTechnician's dealers, House of Logistics' partners …).
public struct PartnershipMember: Record {
    public static let entity = "partnership_members"
    public var partnershipId: String
    public var memberId: String
    public var source: String
    public var key: String { partnershipId + "|" + memberId }
}

/// A line of the report's closing thank-you list, kept as printed.
public struct Acknowledgement: Record {
    public static let entity = "acknowledgements"
    public var organizationId: String
    public var list: String
    public var printedName: String
    public var source: String
    public var key: String { organizationId + "|" + printedName }
}

/// Network membership: a "Vriend van het Masterplan". Recorded only where the report shows the organisation as a Vriend.
public struct Membership: Record {
    public static let entity = "memberships"
    public var id: String
    public var organizationId: String
    public var startDate: PartialDate?
    public var endDate: PartialDate?
    /// The date by which the report shows the organisation acting as a Vriend.
    public var attestedOn: PartialDate?
    public var evidence: String
    public var source: String
    public var key: String { id }

    public init(id: String, organizationId: String, startDate: PartialDate? = nil, endDate: PartialDate? = nil,
                attestedOn: PartialDate? = nil, evidence: String, source: String) {
        self.id = id; self.organizationId = organizationId; self.startDate = startDate; self.endDate = endDate
        self.attestedOn = attestedOn; self.evidence = evidence; self.source = source
    }

    /// Vrienden on a day: organisations with an active membership (one organisation with two memberships is one).
    public static func vrienden(_ memberships: [Membership], on day: PartialDate) -> Int {
        Set(memberships.filter { $0.isActive(on: day) }.map(\.organizationId)).count
    }

    public func isActive(on date: PartialDate) -> Bool {
        if let startDate, date < startDate { return false }
        if let endDate, endDate < date { return false }
        if startDate == nil, let attestedOn { return !(date < attestedOn) }
        return true
    }
}

extension Membership {
    /// A current Vriend: a membership of the organisation that has not ended.
    public static func isCurrent(_ organizationId: String, in memberships: [Membership]) -> Bool {
        memberships.contains { $0.organizationId == organizationId && $0.endDate == nil }
    }
}
