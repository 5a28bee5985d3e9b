/// The kinds of organisation the programme works with (issue 2, "Organisations").
public enum OrganizationKind: String, Codable, CaseIterable, Sendable, Hashable {
    case company
    case branch            // branch organisation or O&O fund
    case primarySchool = "primary-school"
    case schoolBoard = "school-board"
    case secondarySchool = "secondary-school"
    case praktijkschool
    case mbo
    case hbo
    case university
    case government
    case foundation        // foundation or science centre
    case partnership

    public var label: Localized {
        switch self {
        case .company: Localized("Bedrijf", "Company")
        case .branch: Localized("Branche-organisatie / O&O-fonds", "Branch organisation / O&O fund")
        case .primarySchool: Localized("Basisschool", "Primary school")
        case .schoolBoard: Localized("Schoolbestuur", "School board")
        case .secondarySchool: Localized("School voortgezet onderwijs", "Secondary school")
        case .praktijkschool: Localized("Praktijkschool", "Praktijkschool (practical education)")
        case .mbo: Localized("Mbo-instelling", "Mbo institution")
        case .hbo: Localized("Hogeschool (hbo)", "University of applied sciences (hbo)")
        case .university: Localized("Universiteit", "University")
        case .government: Localized("Overheid", "Government")
        case .foundation: Localized("Stichting / wetenschapscentrum", "Foundation / science centre")
        case .partnership: Localized("Samenwerkingsverband", "Partnership")
        }
    }

    /// Schools in the sense of the network table (§4.7.2: Bedrijven, Scholen, Overheden).
    public var isEducation: Bool {
        switch self {
        case .primarySchool, .schoolBoard, .secondarySchool, .praktijkschool, .mbo, .hbo, .university: true
        default: false
        }
    }
}
