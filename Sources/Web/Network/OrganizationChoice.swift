import Domain
import Persistence
import Vapor

/// Choosing an organisation in a form without JavaScript (issue 13). With few organisations (Amsterdam: 188) the form
/// offers a select of them all; with more (nationally 250,000) a text field that takes an id or a name, resolved on
/// submit through the organisation search: one match is taken, several are listed by name and id to type more
/// precisely. The same rule for every form that names an organisation.
struct OrganizationChoice: Sendable {
    enum Resolved { case found(Organization), refused(Localized) }

    /// Every organisation in the list's order, or nil: too many, a search field instead.
    var options: [Organization]?

    struct LimitKey: StorageKey { typealias Value = Int }
    /// Above this many organisations a form searches instead of listing (a test may set its own).
    static func limit(_ app: Application) -> Int { app.storage[LimitKey.self] ?? 1_000 }

    static func load(_ req: Request) async throws -> OrganizationChoice {
        OrganizationChoice(options: try await RecordStore(req.db).organizationOptions(limit: limit(req.application)))
    }

    /// The organisation a form posts in `field`: the coordinator names one (`resolve`), anyone else acts for their own.
    /// Answers its id (the text typed when it did not resolve, for the form to show again) and what the field says.
    static func posted(_ req: Request, field: String, allowed: @Sendable (Organization) -> Bool = { _ in true }) async throws -> (id: String, refusal: Localized?) {
        guard req.actor?.role == .beheerder else { return (req.actor?.organizationId ?? "", nil) }
        let text = FormReader(req).string(field)
        switch try await resolve(req, text, allowed: allowed) {
        case .found(let organization): return (organization.id, nil)
        case .refused(let message): return (text, message)
        }
    }

    /// The organisation a form's field names: an id as is, or a name (or part of one, an alias) that finds exactly one
    /// organisation `allowed` accepts, or one whose folded name is the text; otherwise a message for the field.
    static func resolve(_ req: Request, _ text: String, allowed: @Sendable (Organization) -> Bool = { _ in true }) async throws -> Resolved {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return .refused(Localized("Kies een organisatie.", "Choose an organisation.")) }
        if let exact = try await req.network.organization(text) {
            return allowed(exact) ? .found(exact) : .refused(Localized("‘\(exact.name)’ kan hier niet gekozen worden.", "‘\(exact.name)’ cannot be chosen here."))
        }
        let found = try await req.network.organizations(OrganizationFilter(query: text), page: PageRequest(page: 1, per: 50)).items.filter(allowed)
        if found.count == 1 { return .found(found[0]) }
        let same = found.filter { fold($0.name) == fold(text) }
        if same.count == 1 { return .found(same[0]) }
        if found.isEmpty { return .refused(Localized("Geen organisatie gevonden voor ‘\(text)’; typ een naam of id.", "No organisation found for ‘\(text)’; type a name or id.")) }
        let listed = found.prefix(8).map { "\($0.name) (\($0.id))" }.joined(separator: "; ")
        return .refused(Localized("‘\(text)’ past bij meer organisaties; typ het id of meer van de naam: \(listed)\(found.count > 8 ? "; …" : "").",
                                  "‘\(text)’ matches several organisations; type the id or more of the name: \(listed)\(found.count > 8 ? "; …" : "")."))
    }
}
