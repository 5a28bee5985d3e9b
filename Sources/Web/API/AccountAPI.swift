import Domain
import Fluent
import Persistence
import Reports
import Vapor

/// The API endpoints that need an account: who am I, contact details (personal data), and changing an
/// organisation with a write token.
enum AccountAPI {
    struct MeDTO: Content { var id: String; var email: String; var name: String; var role: Role; var organizationId: String?; var projectIds: [String]; var via: String }
    struct ContactDTO: Content { var name: String; var function: String?; var email: String; var phone: String? }

    /// The change an API client may make to an organisation; absent fields stay as they are.
    struct OrganizationChange: Content {
        var name: String?
        var sectors: [String]?
        var levels: [String]?
        var district: String?
        var latitude: Double?
        var longitude: Double?
        static let fields: Set<String> = ["name", "sectors", "levels", "district", "latitude", "longitude"]
    }

    static let endpoints: [APIEndpoint] = [
        APIEndpoint(path: "/me", summary: "The account behind the session or API token", parameters: [], response: .single(MeDTO.self), access: .signedIn) { req in
            let s = try req.requireSignedIn()
            let via: String
            switch s.via { case .session: via = "session"; case .token(let scope): via = "token:" + scope.rawValue }
            return try APIRoutes.json(MeDTO(id: s.actor.accountId, email: s.account.email, name: s.account.name, role: s.account.role,
                                            organizationId: s.account.organizationId, projectIds: s.account.projectIds, via: via), req)
        },
        APIEndpoint(path: "/organizations/{id}/contacts", summary: "Contact persons of an organisation (personal data: only for roles that need it)",
                    parameters: [], response: .single([ContactDTO].self), access: .roles([.beheerder, .projectleider, .contactpersoon])) { req in
            let id = try req.parameters.require("id")
            // The organisation's slice holds what the contact rule reads (its agreements and project participations).
            guard let data = try await req.network.profile(of: id) else { throw PageError(.notFound, "geen record met id \'\(id)\'", "no record with id \'\(id)\'") }
            let partners = try await req.desk.partnersInProgress(of: req.actor?.role == .contactpersoon ? req.actor?.organizationId : nil)
            guard Permissions.canSeeContacts(req.actor, of: id, in: data, partners: partners) else { throw PageError(.forbidden, "contactgegevens zijn niet voor uw rol", "contact details are not for your role") }
            let contacts = try await Contacts.of(id, on: req.db).map { ContactDTO(name: $0.name, function: $0.function, email: $0.email, phone: $0.phone) }
            return try APIRoutes.json(contacts, req)
        },
        APIEndpoint(method: .PATCH, path: "/organizations/{id}", summary: "Change an organisation's profile (its contact person or the coordinator; write token). Send the ETag of GET /organizations/{id} as If-Match (required; * overwrites whatever is stored): a change made on another version is refused with 412, one without If-Match with 428",
                    parameters: [], response: .single(OrganizationDetailDTO.self), access: .roles([.beheerder, .contactpersoon])) { req in
            let signedIn = try req.requireSignedIn()
            let id = try req.parameters.require("id")
            guard let original = try await req.network.organization(id) else { throw Abort(.notFound) }
            guard Permissions.canEditOrganization(signedIn.actor, original.id) else { throw PageError(.forbidden, "u mag alleen uw eigen organisatie bewerken", "you may edit only your own organisation") }
            let change: OrganizationChange
            // The document says additionalProperties: false; a misspelt field must not pass silently as "unchanged".
            if let body = req.body.data, let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] {
                let unknown = Set(object.keys).subtracting(OrganizationChange.fields).sorted()
                if !unknown.isEmpty { throw InvalidInput(errors: unknown.map { FieldError(name: $0, reason: "unknown field; allowed: " + OrganizationChange.fields.sorted().joined(separator: ", ")) }) }
            }
            do { change = try req.content.decode(OrganizationChange.self) } catch let error as DecodingError {
                throw InvalidInput(errors: [FieldError(name: error.fieldName ?? "body", reason: "not of the documented shape")])
            }
            // Coordinates come in pairs within one change, as the document says (schemathesis found a lone longitude
            // accepted because the organisation already had a latitude).
            var org = original
            let form = EditRoutes.OrganizationForm(name: change.name, sectors: change.sectors, levels: change.levels, district: change.district,
                                                   latitude: change.latitude.map { String($0) }, longitude: change.longitude.map { String($0) })
            var errors = EditRoutes.apply(form, to: &org, lang: .en)
            if (change.latitude == nil) != (change.longitude == nil) {
                errors[change.latitude == nil ? "latitude" : "longitude"] = "give latitude and longitude together in one change"
            }
            if !errors.isEmpty { throw InvalidInput(errors: errors.sorted { $0.key < $1.key }.map { FieldError(name: $0.key, reason: $0.value) }) }
            // If-Match (required, issue 13): the ETag of the version the change was made on; without it 428, another
            // version 412, and nothing is written. `*` (RFC 9110: whatever is stored) is for clients that mean to overwrite.
            let stale = PageError(.preconditionFailed, "de organisatie is intussen gewijzigd; lees haar opnieuw (ETag)",
                                  "the organisation changed meanwhile; read it again (ETag)")
            guard let ifMatch = req.headers.first(name: .ifMatch) else {
                throw PageError(.preconditionRequired, "stuur If-Match met de ETag van GET /organizations/{id}: de versie waarop de wijziging is gemaakt",
                                "send If-Match with the ETag of GET /organizations/{id}: the version the change was made on")
            }
            // Visible ASCII only, as the header's grammar (and the document's pattern) says: anything else is a bad request.
            let scalars = Array(ifMatch.unicodeScalars)
            guard let first = scalars.first, let last = scalars.last, first != " ", last != " ", scalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) else {
                throw InvalidInput(errors: [FieldError(name: "If-Match", reason: "an entity tag such as \"abc\" (from the ETag of GET), or *")])
            }
            if ifMatch != "*" {
                let tags = ifMatch.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "").trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
                guard tags.contains(RecordForm.revision(original)) else { throw stale }
            }
            do { _ = try await RecordStore(req.db).update(org, expected: original, actor: signedIn.actor.accountId) } catch is ChangedMeanwhile { throw stale }
            return try await APIRoutes.organizationDetail(req, id: org.id)
        },
        APIEndpoint(method: .POST, path: "/observations/import",
                    summary: "Import indicator figures: the body is a CSV (text/csv) or XLSX file in the format of docs/data.md; each series and period in it replaces what was stored (analist or beheerder; write token)",
                    parameters: ["filename"], response: .single(ObservationImportDTO.self), access: ReportRoutes.analysts, maxBody: "10mb") { req in
            let signedIn = try req.requireSignedIn()
            let reader = QueryReader(req, allowed: ["filename"])
            if !reader.errors.isEmpty { throw InvalidInput(errors: reader.errors) }
            let file = reader.string("filename") ?? "body"
            let bytes = req.body.data.map { Data(buffer: $0) } ?? Data()
            let store = RecordStore(req.db)
            let imported: ObservationImport
            do { imported = try ObservationFile.parse(bytes, file: file, indicators: try await store.all(Indicator.self)) }
            catch let error as DatasetError { throw InvalidInput(errors: [FieldError(name: error.field ?? "body", reason: error.description)]) }
            let result = try await store.importObservations(imported, actor: signedIn.actor.accountId)
            return try APIRoutes.json(ObservationImportDTO(result), req)
        },
    ]
}

/// What an import stored, for scripts that deliver figures every year.
struct ObservationImportDTO: Content {
    struct Series: Content { var indicator: String; var dimensions: [String]; var period: String }
    var stored: Int
    var replaced: Int
    var series: [Series]
    init(_ r: ObservationImportResult) {
        stored = r.stored; replaced = r.replaced
        series = r.periods.map { Series(indicator: $0.indicatorKey, dimensions: $0.dimensionNames, period: $0.period) }
    }
}

extension DecodingError {
    var fieldName: String? {
        switch self {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): c.codingPath.first?.stringValue
        case .keyNotFound(let k, _): k.stringValue
        @unknown default: nil
        }
    }
}

/// The contact persons of an organisation: accounts with the contactpersoon role, not erased.
enum Contacts {
    static func of(_ organizationId: String, on db: any Database) async throws -> [Account] {
        try await SQLAccountRepository(db).contacts(of: organizationId)
    }
}
