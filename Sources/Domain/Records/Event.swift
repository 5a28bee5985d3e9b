/// An event the programme organises, such as the Matchingday.
public struct Event: Record {
    public static let entity = "events"
    public var id: String
    public var name: String
    public var kind: String
    public var date: PartialDate
    public var status: EventStatus
    public var place: String?
    /// Aggregates the report prints (nine schools, 25 agreements) beside the pairs it lists.
    public var reportedSchools: Int?
    public var reportedAgreements: Int?
    public var description: String
    public var section: String
    public var key: String { id }
}

public enum EventStatus: String, Codable, CaseIterable, Sendable, Hashable {
    case planned, held

    public var label: Localized {
        switch self {
        case .planned: Localized("Gepland", "Planned")
        case .held: Localized("Gehouden", "Held")
        }
    }
}

/// A company–school agreement (afspraak); the 2014 Matchingday lists 24 of them.
public struct Agreement: Record {
    public static let entity = "agreements"
    public var id: String
    public var eventId: String?
    public var schoolId: String
    public var companyIds: [String]
    public var printedAs: String
    public var source: String
    public var key: String { id }

    public init(id: String, eventId: String? = nil, schoolId: String, companyIds: [String], printedAs: String, source: String) {
        self.id = id; self.eventId = eventId; self.schoolId = schoolId; self.companyIds = companyIds
        self.printedAs = printedAs; self.source = source
    }
}
