import Foundation

/// The newsletter's lists (§6 of the report: "periodiek een digitale nieuwsbrief … de laatste ontwikkelingen van de
/// projecten"). A person subscribes to one or more; an issue goes to the people on any of its lists.
public enum NewsletterList: String, Codable, CaseIterable, Sendable, Hashable, LocalizedLabel {
    case nieuwsbrief
    case matchingday
    case basisonderwijs

    public var label: Localized {
        switch self {
        case .nieuwsbrief: Localized("Nieuwsbrief Masterplan Techniek", "Masterplan Techniek newsletter")
        case .matchingday: Localized("Matchingday: uitnodigingen en nieuws", "Matchingday: invitations and news")
        case .basisonderwijs: Localized("Techniek in het basisonderwijs", "Technology in primary education")
        }
    }
}

public enum SubscriptionStatus: String, Codable, CaseIterable, Sendable, Hashable, LocalizedLabel {
    /// Asked for, waiting for the confirmation link (double opt-in).
    case pending
    case confirmed
    case unsubscribed

    public var label: Localized {
        switch self {
        case .pending: Localized("Wacht op bevestiging", "Waiting for confirmation")
        case .confirmed: Localized("Aangemeld", "Subscribed")
        case .unsubscribed: Localized("Afgemeld", "Unsubscribed")
        }
    }
}

/// What the person agreed to, where and when: kept with the subscription and shown to the person.
public struct Consent: Codable, Sendable, Hashable {
    public var at: Date
    /// "form", "account" or "import: leden.csv".
    public var source: String
    /// The words the person saw (or, for an import, what the consent column said).
    public var text: String
    public init(at: Date, source: String, text: String) { self.at = at; self.source = source; self.text = text }
}

/// The words on the subscription form, recorded with each consent.
public enum ConsentText {
    public static func form(_ lists: [NewsletterList], lang: Lang) -> String {
        let names = lists.map { $0.label(lang) }.joined(separator: ", ")
        return lang == .nl
            ? "Ik wil per e-mail ontvangen: \(names). Mijn e-mailadres en naam worden alleen hiervoor gebruikt; elke e-mail heeft een afmeldlink die direct werkt."
            : "I want to receive by e-mail: \(names). My e-mail address and name are used for this only; every e-mail has an unsubscribe link that works at once."
    }

    public static func account(_ lists: [NewsletterList], lang: Lang) -> String {
        (lang == .nl ? "Aangemeld vanuit het eigen account: " : "Subscribed from the own account: ") + lists.map { $0.label(lang) }.joined(separator: ", ")
    }
}

/// A subscription request from the public form, checked: each problem named by its field.
public struct SubscribeRequest: Sendable, Hashable {
    public var email: String
    public var name: String?
    public var language: Lang
    public var lists: [NewsletterList]

    public static func check(email: String?, name: String?, language: String?, lists: [String]) -> Result<SubscribeRequest, FieldErrors> {
        var errors = FieldErrors()
        let address = (email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        if !(address.count <= 254 && isPlausibleEmail(address)) { errors["email"] = Localized("Vul een geldig e-mailadres in.", "Enter a valid e-mail address.") }
        let cleanName = (name ?? "").trimmingCharacters(in: .whitespaces)
        if cleanName.count > 120 || cleanName.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            errors["name"] = Localized("Een naam van hoogstens 120 tekens.", "A name of at most 120 characters.")
        }
        let lang = Lang(rawValue: language ?? "nl")
        if lang == nil { errors["language"] = Localized("Kies Nederlands of Engels.", "Choose Dutch or English.") }
        let chosen = lists.compactMap(NewsletterList.init(rawValue:))
        if chosen.isEmpty || chosen.count != lists.count { errors["lists"] = Localized("Kies minstens één lijst.", "Choose at least one list.") }
        guard errors.isEmpty, let lang else { return .failure(errors) }
        return .success(SubscribeRequest(email: address, name: cleanName.isEmpty ? nil : cleanName, language: lang,
                                         lists: NewsletterList.allCases.filter(chosen.contains)))
    }
}

/// Field name → message in both languages, in the order fields appear.
public struct FieldErrors: Error, Sendable, Hashable {
    public private(set) var fields: [(String, Localized)] = []
    public init() {}
    public subscript(_ field: String) -> Localized? {
        get { fields.first { $0.0 == field }?.1 }
        set {
            fields.removeAll { $0.0 == field }
            if let newValue { fields.append((field, newValue)) }
        }
    }
    public var isEmpty: Bool { fields.isEmpty }
    public func messages(_ lang: Lang) -> [String: String] { Dictionary(fields.map { ($0.0, $0.1(lang)) }, uniquingKeysWith: { a, _ in a }) }
    public static func == (a: FieldErrors, b: FieldErrors) -> Bool { a.fields.map(\.0) == b.fields.map(\.0) && a.fields.map(\.1) == b.fields.map(\.1) }
    public func hash(into h: inout Hasher) { for (k, v) in fields { h.combine(k); h.combine(v) } }
}

/// An existing list brought in from CSV (`email,name,language,lists,consent`): a row is imported only with a
/// consent (when and how the person agreed); every other row is refused and listed with its line.
public enum SubscriberImport {
    public struct Row: Sendable, Hashable {
        public var line: Int
        public var email: String
        public var name: String?
        public var language: Lang
        public var lists: [NewsletterList]
        public var consent: String
    }

    public struct Refused: Sendable, Hashable {
        public var line: Int
        public var email: String
        public var reason: Localized
    }

    public static let columns = ["email", "name", "language", "lists", "consent"]

    public static func parse(_ rows: [CSV.Row], file: String) throws(DatasetError) -> (accepted: [Row], refused: [Refused]) {
        guard let header = rows.first else { throw DatasetError(file: file, message: "the file is empty") }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for required in ["email", "consent"] where !names.contains(required) {
            throw DatasetError(file: file, line: header.line, column: nil, field: required, message: "missing column '\(required)'; every row needs the consent the person gave")
        }
        func value(_ row: CSV.Row, _ column: String) -> String {
            guard let i = names.firstIndex(of: column), i < row.fields.count else { return "" }
            return row.fields[i].trimmingCharacters(in: .whitespaces)
        }
        var accepted: [Row] = [], refused: [Refused] = [], seen = Set<String>()
        for row in rows.dropFirst() {
            let email = value(row, "email").lowercased()
            let consent = value(row, "consent")
            let listNames = value(row, "lists").split(whereSeparator: { $0 == ";" || $0 == " " || $0 == "|" }).map(String.init)
            let lists = listNames.isEmpty ? [NewsletterList.nieuwsbrief] : listNames.compactMap(NewsletterList.init(rawValue:))
            let language = value(row, "language").isEmpty ? Lang.nl : Lang(rawValue: value(row, "language").lowercased())
            let reason: Localized?
            if !(email.count <= 254 && isPlausibleEmail(email)) { reason = Localized("geen geldig e-mailadres", "not a valid e-mail address") }
            else if consent.isEmpty || ["nee", "no", "0", "false"].contains(consent.lowercased()) {
                reason = Localized("geen toestemming in de kolom consent", "no consent in the consent column")
            } else if lists.count != max(1, listNames.count) { reason = Localized("onbekende lijst", "unknown list") }
            else if language == nil { reason = Localized("taal moet nl of en zijn", "language must be nl or en") }
            else if !seen.insert(email).inserted { reason = Localized("staat al eerder in het bestand", "appears earlier in the file") }
            else { reason = nil }
            if let reason {
                refused.append(Refused(line: row.line, email: email, reason: reason))
            } else {
                let name = value(row, "name")
                accepted.append(Row(line: row.line, email: email, name: name.isEmpty ? nil : name, language: language ?? .nl, lists: lists, consent: consent))
            }
        }
        return (accepted, refused)
    }
}
