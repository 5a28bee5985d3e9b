/// A public–private partnership per sector (§4.6): an Opleidingshuis.
public struct Opleidingshuis: Record {
    public static let entity = "opleidingshuizen"
    public var id: String
    public var name: String
    public var sectors: [Sector]
    public var status: OpleidingshuisStatus
    public var summary: String
    public var activities: [OpleidingshuisActivity]
    public var leadNote: String?
    public var section: String
    public var key: String { id }
}

public enum OpleidingshuisStatus: String, Codable, CaseIterable, Sendable, Hashable {
    case undecided, exploring, forming, agreement, funded, started

    public var label: Localized {
        switch self {
        case .undecided: Localized("Nog geen besluit", "Not yet decided")
        case .exploring: Localized("Verkenning", "Exploring")
        case .forming: Localized("In vorming", "Being formed")
        case .agreement: Localized("Overeenkomst gesloten", "Agreement signed")
        case .funded: Localized("Financiering toegekend", "Funding granted")
        case .started: Localized("Gestart", "Started")
        }
    }
}

/// The eight kinds of education every Opleidingshuis offers (§4.6).
public enum OpleidingshuisActivity: String, Codable, CaseIterable, Sendable, Hashable {
    case mboRegular = "mbo-regular"
    case entree
    case vakmanschapsroute
    case technologieroute
    case mboHbo = "mbo-hbo"
    case upskillingEmployees = "upskilling-employees"
    case sideEntryJobseekers = "side-entry-jobseekers"
    case primaryOrientation = "primary-orientation"

    public var label: Localized {
        switch self {
        case .mboRegular: Localized("Reguliere mbo-opleidingen niveau 2, 3 en 4 (bol en bbl)", "Regular mbo programmes, levels 2–4 (bol and bbl)")
        case .entree: Localized("Opleidingsactiviteiten voor de Entreeopleiding", "Entreeopleiding activities")
        case .vakmanschapsroute: Localized("Onderwijs aan vmbo basis/kader: Vakmanschapsroute", "Vmbo basic/framework: Vakmanschapsroute")
        case .technologieroute: Localized("Onderwijs aan vmbo-t, havo en vwo: Technologieroute", "Vmbo-t, havo and vwo: Technologieroute")
        case .mboHbo: Localized("Leerlijnen mbo-hbo", "Mbo-hbo learning lines")
        case .upskillingEmployees: Localized("Om- en bijscholing van zittend personeel", "Retraining and upskilling of employees")
        case .sideEntryJobseekers: Localized("Zij-instroom: om- en bijscholing van werkzoekenden", "Side entry: retraining of jobseekers")
        case .primaryOrientation: Localized("Oriëntatie op techniek voor basisscholen", "Technology orientation for primary schools")
        }
    }
}

public struct OpleidingshuisPartner: Record {
    public static let entity = "opleidingshuis_partners"
    public var opleidingshuisId: String
    public var organizationId: String
    public var role: String
    public var source: String
    public var key: String { opleidingshuisId + "|" + organizationId }
}

public struct OpleidingshuisMilestone: Record {
    public static let entity = "opleidingshuis_milestones"
    public var opleidingshuisId: String
    public var date: PartialDate
    public var text: String
    public var source: String
    public var key: String { opleidingshuisId + "|" + date.description + "|" + text }
}
