/// The kinds of activity the network offers (§4.7: guest lessons, company visits, project weeks, internships …).
public enum ActivityType: String, Codable, CaseIterable, Sendable, Hashable, LocalizedLabel {
    case gastles
    case excursie
    case projectopdracht
    case techniekweek
    case stage
    case workshop
    case trainingsdag
    case leerwerkplek
    case docentstage
    case openDag = "open-dag"

    public var label: Localized {
        switch self {
        case .gastles: Localized("Gastles", "Guest lesson")
        case .excursie: Localized("Excursie / bedrijfsbezoek", "Excursion / company visit")
        case .projectopdracht: Localized("Projectopdracht", "Project assignment")
        case .techniekweek: Localized("Techniekweek", "Technology week")
        case .stage: Localized("Stage", "Internship")
        case .workshop: Localized("Workshop", "Workshop")
        case .trainingsdag: Localized("Trainingsdag", "Training day")
        case .leerwerkplek: Localized("Leerwerkplek / bbl-plek", "Work-based learning place (bbl)")
        case .docentstage: Localized("Docentstage", "Teacher internship")
        case .openDag: Localized("Open dag", "Open day")
        }
    }
}

/// The school year the programme counts obligations in: from 1 August (configurable) to the day before a year later.
public struct SchoolYear: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The calendar year in which it starts: 2014 is 2014-2015.
    public var startYear: Int
    public init(startYear: Int) { self.startYear = startYear }

    public init(containing day: PartialDate, startMonth: Int = 8) {
        let month = day.month ?? 1
        startYear = month >= startMonth ? day.year : day.year - 1
    }

    public func start(startMonth: Int = 8) -> PartialDate { PartialDate(year: startYear, month: startMonth, day: 1) }
    /// The first day of the next school year: a day is in this one when it is before that.
    public func end(startMonth: Int = 8) -> PartialDate { PartialDate(year: startYear + 1, month: startMonth, day: 1) }

    public func contains(_ day: PartialDate, startMonth: Int = 8) -> Bool {
        !(day < start(startMonth: startMonth)) && day < end(startMonth: startMonth)
    }

    public var description: String { "\(startYear)-\(startYear + 1)" }
    public static func < (a: SchoolYear, b: SchoolYear) -> Bool { a.startYear < b.startYear }
}

/// The desk's settings. Defaults follow the programme: two activities a year per company, requests answered within
/// 14 days, school years from 1 August. Read from the environment by the web app (see docs/network-desk.md).
public struct DeskSettings: Sendable, Hashable {
    public var activitiesPerCompany = 2
    public var responseDays = 14
    public var schoolYearStartMonth = 8
    public var weights = MatchWeights()
    public init() {}
}
