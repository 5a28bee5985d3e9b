import Domain
import Foundation
import Persistence
import Vapor

extension Request {
    /// The desk's records for this request (issue 13): SQL; the handlers see only the `DeskRepository` seam.
    var desk: any DeskRepository { SQLDeskRepository(db) }
}

/// What the desk's handlers share: today's date (overridable in tests), the settings, and the loaded desk data.
enum DeskSupport {
    struct TodayKey: StorageKey { typealias Value = PartialDate }
    struct SettingsKey: StorageKey { typealias Value = DeskSettings }

    static func today(_ req: Request) -> PartialDate { req.application.storage[TodayKey.self] ?? PartialDate(day: Date()) }

    /// The desk's settings (MASTERPLAN_ACTIVITIES_PER_COMPANY, MASTERPLAN_RESPONSE_DAYS,
    /// MASTERPLAN_SCHOOL_YEAR_START_MONTH), parsed once at start (`AppSettings`); a test may set its own.
    static func settings(_ req: Request) -> DeskSettings {
        req.application.storage[SettingsKey.self] ?? req.application.settings.desk
    }

    /// The desk's records and, of the programme, only what they name: the organisations of the offers, requests,
    /// agreements and plans (with their memberships), the signed-in contact's own and `including` (a form's posted
    /// organisation), never all 250,000 of a national dataset. `data` holds those organisations and memberships.
    struct Loaded {
        var data: Dataset
        var offers: [Offer]
        var requests: [NetworkRequest]
        var agreements: [ActivityAgreement]
        var plans: [SchoolPlan]
        var organizations: [String: Organization]
        /// A form's organisation choice: every organisation when they are few, else a search field (`OrganizationChoice`).
        var choice = OrganizationChoice(options: nil)
    }

    static func load(_ req: Request, including: [String] = [], choice: Bool = false) async throws -> Loaded {
        let store = req.desk
        let offers = try await store.all(Offer.self), requests = try await store.all(NetworkRequest.self)
        let agreements = try await store.all(ActivityAgreement.self), plans = try await store.all(SchoolPlan.self)
        let named = offers.map(\.organizationId) + requests.map(\.schoolId) + agreements.flatMap { [$0.schoolId, $0.companyId] }
            + plans.map(\.schoolId) + including + [req.actor?.organizationId].compactMap { $0 }
        let data = try await PageSupport.about(req, organizations: named)
        var loaded = Loaded(data: data, offers: offers, requests: requests, agreements: agreements, plans: plans,
                            organizations: Dictionary(data.organizations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
        if choice { loaded.choice = try await OrganizationChoice.load(req) }
        return loaded
    }

    static func context(_ req: Request, _ loaded: Loaded) -> MatchContext {
        MatchContext(organizations: loaded.organizations, agreements: loaded.agreements, settings: settings(req), today: today(req))
    }

    static func newId(_ prefix: String) -> String { prefix + "-" + UUID().uuidString.prefix(8).lowercased() }

    static func actorId(_ req: Request) -> String { req.actor?.accountId ?? "?" }

    /// A contact person sees their own organisation's records; the coordinator sees all (the same rule as editing
    /// an organisation, applied to each organisation a record involves).
    static func involves(_ req: Request, _ ids: String...) -> Bool {
        ids.contains { Permissions.canEditOrganization(req.actor, $0) }
    }

    static func name(_ id: String, _ loaded: Loaded) -> String { loaded.organizations[id]?.name ?? id }

    /// The requests that are open, by the matching rules' order (oldest first).
    static func openRequests(_ loaded: Loaded) -> [NetworkRequest] { loaded.requests.filter(\.isOpen) }
}

/// Reading form fields with errors per field, for the desk's forms.
struct FormReader {
    let req: Request
    let lang: Lang
    var errors: [String: String] = [:]

    init(_ req: Request) { self.req = req; lang = req.lang }

    func string(_ name: String) -> String { ((try? req.content.get(String.self, at: name)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
    func strings(_ name: String) -> [String] { (try? req.content.get([String].self, at: name)) ?? ((try? req.content.get(String.self, at: name)).map { [$0] } ?? []) }
    /// The trimmed text, or nil when empty (optional text fields store no empty strings).
    func text(_ name: String) -> String? { let s = string(name); return s.isEmpty ? nil : s }
    func flag(_ name: String) -> Bool { ["on", "true", "1", "ja"].contains(string(name)) }

    mutating func int(_ name: String, default value: Int? = nil, optional: Bool = false) -> Int? {
        let raw = string(name)
        if raw.isEmpty { if value == nil && !optional { fail(name, "Vul een getal in.", "Enter a number.") }; return value }
        guard let v = Int(raw) else { fail(name, "'\(raw)' is geen geheel getal.", "'\(raw)' is not a whole number."); return nil }
        return v
    }

    mutating func double(_ name: String) -> Double? {
        let raw = string(name).replacingOccurrences(of: ",", with: ".")
        if raw.isEmpty { return nil }
        guard let v = Double(raw) else { fail(name, "'\(raw)' is geen getal.", "'\(raw)' is not a number."); return nil }
        return v
    }

    mutating func day(_ name: String, optional: Bool = false) -> PartialDate? {
        let raw = string(name)
        if raw.isEmpty { if !optional { fail(name, "Vul een datum in (jjjj-mm-dd).", "Enter a date (yyyy-mm-dd).") }; return nil }
        guard let d = PartialDate(raw), d.day != nil else { fail(name, "'\(raw)' is geen datum (jjjj-mm-dd).", "'\(raw)' is not a date (yyyy-mm-dd)."); return nil }
        return d
    }

    mutating func choice<T: RawRepresentable>(_ name: String, _ type: T.Type) -> T? where T.RawValue == String {
        let raw = string(name)
        guard let v = T(rawValue: raw) else { fail(name, raw.isEmpty ? "Maak een keuze." : "Onbekende waarde '\(raw)'.", raw.isEmpty ? "Make a choice." : "Unknown value '\(raw)'."); return nil }
        return v
    }

    mutating func choices<T: RawRepresentable>(_ name: String, _ type: T.Type) -> [T] where T.RawValue == String {
        let raw = strings(name)
        let parsed = raw.compactMap(T.init(rawValue:))
        if parsed.count != raw.count { fail(name, "Onbekende waarde.", "Unknown value.") }
        return parsed
    }

    mutating func fail(_ name: String, _ nl: String, _ en: String) { if errors[name] == nil { errors[name] = lang == .nl ? nl : en } }

    mutating func merge(_ violations: [String: Localized]) { for (k, v) in violations where errors[k] == nil { errors[k] = v(lang) } }
}
