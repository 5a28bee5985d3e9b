/// Dutch education levels, from primary school (po) to university (wo).
public enum EducationLevel: String, Codable, CaseIterable, Sendable, Hashable {
    case po
    case pro
    case vmboBK = "vmbo-bk"
    case vmboT = "vmbo-t"
    case havo
    case vwo
    case entree
    case mbo2 = "mbo-2"
    case mbo3 = "mbo-3"
    case mbo4 = "mbo-4"
    case hbo
    case wo

    public var label: Localized {
        switch self {
        case .po: Localized("Primair onderwijs (po)", "Primary education (po)")
        case .pro: Localized("Praktijkonderwijs", "Practical education (praktijkonderwijs)")
        case .vmboBK: Localized("Vmbo basis/kader", "Vmbo basic/framework")
        case .vmboT: Localized("Vmbo-t (mavo)", "Vmbo-t (theoretical)")
        case .havo: Localized("Havo", "Havo")
        case .vwo: Localized("Vwo", "Vwo")
        case .entree: Localized("Entreeopleiding", "Entreeopleiding (entry level)")
        case .mbo2: Localized("Mbo niveau 2", "Mbo level 2")
        case .mbo3: Localized("Mbo niveau 3", "Mbo level 3")
        case .mbo4: Localized("Mbo niveau 4", "Mbo level 4")
        case .hbo: Localized("Hbo", "Hbo (applied sciences)")
        case .wo: Localized("Wo", "Wo (university)")
        }
    }
}
