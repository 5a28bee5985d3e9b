/// Technical sectors as the report groups companies, routes and Opleidingshuizen.
public enum Sector: String, Codable, CaseIterable, Sendable, Hashable {
    case bouw
    case installatie
    case elektro
    case metaal
    case mobiliteit
    case logistiek
    case procesLab = "proces-lab"
    case luchtvaart
    case houtMeubel = "hout-meubel"
    case ictDomotica = "ict-domotica"
    case creatief

    public var label: Localized {
        switch self {
        case .bouw: Localized("Bouw", "Construction")
        case .installatie: Localized("Installatie", "Installation")
        case .elektro: Localized("Elektro", "Electrical")
        case .metaal: Localized("Metaal", "Metal")
        case .mobiliteit: Localized("Mobiliteit / Automotive", "Mobility / Automotive")
        case .logistiek: Localized("Logistiek", "Logistics")
        case .procesLab: Localized("Procesindustrie & Laboratorium", "Process industry & Laboratory")
        case .luchtvaart: Localized("Luchtvaart", "Aviation")
        case .houtMeubel: Localized("Hout & Meubel", "Wood & Furniture")
        case .ictDomotica: Localized("ICT / Domotica", "ICT / Home automation")
        case .creatief: Localized("Creatieve industrie", "Creative industry")
        }
    }
}
