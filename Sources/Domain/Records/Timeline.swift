/// A milestone or event of Bijlage 2 (and dated facts from the chapters), with attendance where printed.
public struct TimelineEntry: Record {
    public static let entity = "timeline"
    public var id: String
    public var date: PartialDate
    public var kind: TimelineKind
    public var title: String
    public var attendance: Int?
    public var attendanceQualifier: Qualifier?
    public var attendanceUnit: String?
    public var organizationIds: [String]
    public var section: String
    public var key: String { id }
}

public enum TimelineKind: String, Codable, CaseIterable, Sendable, Hashable {
    case milestone, meeting, conference, event, agreement, funding, teday, matchingday
    case networkMeeting = "network-meeting"

    public var label: Localized {
        switch self {
        case .milestone: Localized("Mijlpaal", "Milestone")
        case .meeting: Localized("Overleg", "Meeting")
        case .conference: Localized("Conferentie", "Conference")
        case .event: Localized("Activiteit", "Activity")
        case .agreement: Localized("Afspraak", "Agreement")
        case .funding: Localized("Financiering", "Funding")
        case .teday: Localized("TEday", "TEday")
        case .matchingday: Localized("Matchingday", "Matchingday")
        case .networkMeeting: Localized("Netwerkbijeenkomst", "Network meeting")
        }
    }
}
