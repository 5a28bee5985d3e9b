import Domain
import Persistence
import Vapor

/// The network desk in the JSON API (issue 15, part 9; reads): the offers catalogue for anyone (as `/aanbod`: active
/// offers, no contact details), requests and agreements with the pages' own rules — the coordinator sees all, a
/// contact person their own organisation's; analysts read agreements (no personal data in them), as the CSV export.
enum DeskAPI {
    static let deskRoles = Access.roles([.beheerder, .contactpersoon])

    static let endpoints: [APIEndpoint] = [
        APIEndpoint(path: "/offers", summary: "Offers of the Vrienden that are open (the public catalogue)",
                    parameters: ["type"] + APIRoutes.listParameters, response: .list(Offer.self)) { req in
            try await page(req, extra: ["type"]) { reader in
                let type = reader.choice("type", ActivityType.self)
                return try await DeskStore(req.db).all(Offer.self).filter { $0.active && (type == nil || $0.type == type) }
            }
        },
        APIEndpoint(path: "/requests", summary: "Schools' requests to the network desk (the coordinator: all; a contact person: their school's)",
                    parameters: ["status"] + APIRoutes.listParameters, response: .list(NetworkRequest.self), access: deskRoles) { req in
            try await page(req, extra: ["status"]) { reader in
                let status = reader.choice("status", RequestStatus.self)
                return try await DeskStore(req.db).all(NetworkRequest.self)
                    .filter { (req.actor?.role == .beheerder || DeskSupport.involves(req, $0.schoolId)) && (status == nil || $0.status == status) }
            }
        },
        APIEndpoint(path: "/activity-agreements", summary: "Agreements made through the desk and at Matchingdays, with their status (coordinator and analysts: all; a contact person: their organisation's)",
                    parameters: ["status"] + APIRoutes.listParameters, response: .list(ActivityAgreement.self),
                    access: .roles([.beheerder, .analist, .contactpersoon])) { req in
            try await page(req, extra: ["status"]) { reader in
                let status = reader.choice("status", AgreementStatus.self)
                return try await DeskStore(req.db).all(ActivityAgreement.self)
                    .filter { (req.actor?.role != .contactpersoon || DeskSupport.involves(req, $0.schoolId, $0.companyId)) && (status == nil || $0.status == status) }
            }
        },
    ]

    /// A page of what `items` returns, after the query is checked (unknown or bad parameters are a problem+json).
    static func page<T: Encodable & Sendable>(_ req: Request, extra: [String], _ items: (inout QueryReader) async throws -> [T]) async throws -> Response {
        var reader = QueryReader(req, allowed: APIRoutes.listParameters + extra)
        let pageRequest = reader.page()
        let all = try await items(&reader)
        if !reader.errors.isEmpty { throw InvalidInput(errors: reader.errors) }
        let page = all.paged(pageRequest)
        return try APIRoutes.json(DeskPage(items: page.items, total: page.total, page: page.page, per: page.per), req)
    }

    struct DeskPage<Item: Encodable & Sendable>: Encodable, Sendable {
        var items: [Item]; var total: Int; var page: Int; var per: Int
    }
}
