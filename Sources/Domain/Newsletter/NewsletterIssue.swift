import Foundation

/// One block of an issue. Text and images are written by the editor; the others are filled from the programme's own
/// records when the issue is previewed or sent, so a newsletter never repeats a figure by hand.
public enum NewsletterBlock: Codable, Sendable, Hashable {
    /// Markdown (a safe subset: paragraphs, headings, lists, bold, italics, links), in both languages.
    case text(Localized)
    /// An uploaded image with its alternative text.
    case image(id: String, alt: Localized)
    /// Timeline entries from this day on.
    case timeline(since: PartialDate)
    /// Events that have not happened yet.
    case upcomingEvents
    /// The next Matchingday open for registration, with its link.
    case nextMatchingday
    /// The network desk's figures for the current school year.
    case keyFigures
    /// Organisations that became a Vriend from this day on.
    case newVrienden(since: PartialDate)

    public var kind: String {
        switch self {
        case .text: "text"
        case .image: "image"
        case .timeline: "timeline"
        case .upcomingEvents: "events"
        case .nextMatchingday: "matchingday"
        case .keyFigures: "figures"
        case .newVrienden: "vrienden"
        }
    }
}

public enum IssueStatus: String, Codable, CaseIterable, Sendable, Hashable, LocalizedLabel {
    case draft, scheduled, sending, sent

    public var label: Localized {
        switch self {
        case .draft: Localized("Concept", "Draft")
        case .scheduled: Localized("Ingepland", "Scheduled")
        case .sending: Localized("Wordt verstuurd", "Sending")
        case .sent: Localized("Verstuurd", "Sent")
        }
    }
}

public struct NewsletterIssue: Codable, Sendable, Hashable {
    public var id: String
    public var subject: Localized
    public var blocks: [NewsletterBlock]
    public var lists: [NewsletterList]
    public var status: IssueStatus
    public var scheduledAt: Date?
    public var sentAt: Date?
    /// The issue as it went out, per language, for the archive (the programme's data moves on after sending).
    public var sentHTML: Localized?
    public var sentText: Localized?

    public init(id: String, subject: Localized, blocks: [NewsletterBlock], lists: [NewsletterList], status: IssueStatus = .draft,
                scheduledAt: Date? = nil, sentAt: Date? = nil, sentHTML: Localized? = nil, sentText: Localized? = nil) {
        self.id = id; self.subject = subject; self.blocks = blocks; self.lists = lists; self.status = status
        self.scheduledAt = scheduledAt; self.sentAt = sentAt; self.sentHTML = sentHTML; self.sentText = sentText
    }

    /// Which steps the editor may take now.
    public var editable: Bool { status == .draft || status == .scheduled }

    /// A draft may be scheduled (or sent now) only with a subject in both languages, a block and a list.
    public func readiness() -> FieldErrors {
        var errors = FieldErrors()
        if subject.nl.trimmingCharacters(in: .whitespaces).isEmpty || subject.en.trimmingCharacters(in: .whitespaces).isEmpty {
            errors["subject"] = Localized("Een onderwerp in het Nederlands en in het Engels.", "A subject in Dutch and in English.")
        }
        if blocks.isEmpty { errors["blocks"] = Localized("Voeg minstens één blok toe.", "Add at least one block.") }
        if lists.isEmpty { errors["lists"] = Localized("Kies minstens één lijst.", "Choose at least one list.") }
        return errors
    }
}

/// The programme's data an issue's blocks show, read once per preview or sending.
public struct NewsletterData: Sendable {
    public struct Figure: Sendable, Hashable {
        public var label: Localized
        public var value: Int
        public init(label: Localized, value: Int) { self.label = label; self.value = value }
    }
    public struct NextMatchingday: Sendable, Hashable {
        public var name: String
        public var date: PartialDate
        public var place: String?
        public var registrationDeadline: PartialDate
        public var link: String
        public init(name: String, date: PartialDate, place: String?, registrationDeadline: PartialDate, link: String) {
            self.name = name; self.date = date; self.place = place; self.registrationDeadline = registrationDeadline; self.link = link
        }
    }
    public var today: PartialDate
    public var timeline: [TimelineEntry]
    public var events: [Event]
    public var nextMatchingday: NextMatchingday?
    public var schoolYear: String
    public var figures: [Figure]
    /// Organisation names of memberships with their start, newest first.
    public var vrienden: [(name: String, since: PartialDate)]
    /// The absolute address of an uploaded image.
    public var imageURL: @Sendable (String) -> String

    public init(today: PartialDate, timeline: [TimelineEntry], events: [Event], nextMatchingday: NextMatchingday?, schoolYear: String,
                figures: [Figure], vrienden: [(name: String, since: PartialDate)], imageURL: @escaping @Sendable (String) -> String) {
        self.today = today; self.timeline = timeline; self.events = events; self.nextMatchingday = nextMatchingday
        self.schoolYear = schoolYear; self.figures = figures; self.vrienden = vrienden; self.imageURL = imageURL
    }
}
