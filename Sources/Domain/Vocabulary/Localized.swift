/// The two interface languages: Dutch first, English second.
public enum Lang: String, Sendable, CaseIterable, Codable {
    case nl, en
}

/// A text in both interface languages.
public struct Localized: Sendable, Hashable, Codable {
    public var nl: String
    public var en: String
    public init(_ nl: String, _ en: String) { self.nl = nl; self.en = en }
    public func callAsFunction(_ language: Lang) -> String { language == .nl ? nl : en }
}

/// How a printed figure was qualified in the report ("ruim 600", "circa 1.800", "bijna 1.500").
public enum Qualifier: String, Codable, CaseIterable, Sendable, Hashable {
    case about        // circa, ongeveer
    case moreThan = "more-than"   // ruim, meer dan
    case almost       // bijna

    public var label: Localized {
        switch self {
        case .about: Localized("circa", "about")
        case .moreThan: Localized("ruim", "more than")
        case .almost: Localized("bijna", "almost")
        }
    }
}

/// A value with a label in both interface languages (statuses, kinds, sectors …).
public protocol LocalizedLabel {
    var label: Localized { get }
}

extension RouteStatus: LocalizedLabel {}
extension OpleidingshuisStatus: LocalizedLabel {}
extension ProjectStatus: LocalizedLabel {}
