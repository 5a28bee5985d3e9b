import Domain
import Foundation
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
                return try await req.desk.all(Offer.self).filter { $0.active && (type == nil || $0.type == type) }
            }
        },
        APIEndpoint(path: "/requests", summary: "Schools' requests to the network desk (the coordinator: all; a contact person: their school's)",
                    parameters: ["status"] + APIRoutes.listParameters, response: .list(NetworkRequest.self), access: deskRoles) { req in
            try await page(req, extra: ["status"]) { reader in
                let status = reader.choice("status", RequestStatus.self)
                return try await req.desk.all(NetworkRequest.self)
                    .filter { (req.actor?.role == .beheerder || DeskSupport.involves(req, $0.schoolId)) && (status == nil || $0.status == status) }
            }
        },
        APIEndpoint(path: "/activity-agreements", summary: "Agreements made through the desk and at Matchingdays, with their status (coordinator and analysts: all; a contact person: their organisation's)",
                    parameters: ["status"] + APIRoutes.listParameters, response: .list(ActivityAgreement.self),
                    access: .roles([.beheerder, .analist, .contactpersoon])) { req in
            try await page(req, extra: ["status"]) { reader in
                let status = reader.choice("status", AgreementStatus.self)
                return try await req.desk.all(ActivityAgreement.self)
                    .filter { (req.actor?.role != .contactpersoon || DeskSupport.involves(req, $0.schoolId, $0.companyId)) && (status == nil || $0.status == status) }
            }
        },
        APIEndpoint(method: .POST, path: "/requests/{id}/proposals",
                    summary: "Propose an offer for a school's request, by the matching rules of the desk page; both sides are told (coordinator; write token)",
                    parameters: [], response: .single(ActivityAgreement.self), access: .beheerder, body: "ProposalInput") { req in
            let loaded = try await DeskSupport.load(req)
            guard let request = loaded.requests.first(where: { $0.id == req.parameters.get("id") }) else { throw Abort(.notFound) }
            let input: ProposalInput = try strictBody(req, fields: ["offerId"])
            switch try await RequestRoutes.proposals(req, loaded: loaded, pairs: [(request.id, input.offerId)]) {
            case .refused(let message, let status):
                if status == .badRequest { throw InvalidInput(errors: [FieldError(name: "offerId", reason: message)]) }
                throw PageError(status, message, message)
            case .made(let agreements):
                guard let made = agreements.first else { throw Abort(.internalServerError) }
                return try APIRoutes.json(made, req)
            }
        },
        APIEndpoint(method: .POST, path: "/activity-agreements/{id}/steps/{step}",
                    summary: "Take a step of an agreement with the page's rules: bevestigen (the company), plannen (date, startTime, durationMinutes, place, pupils, transportNeeded), uitvoering (pupilsReached, teachers; the school), evalueren (rating, remarks; side for the coordinator), annuleren (reason); the coordinator may take every step; everyone concerned is told (write token)",
                    parameters: [], response: .single(ActivityAgreement.self), access: deskRoles, body: "AgreementStepInput") { req in
            let loaded = try await DeskSupport.load(req)
            // Not involved: 404, as on the page, so ids cannot be probed.
            guard let agreement = loaded.agreements.first(where: { $0.id == req.parameters.get("id") }),
                  DeskSupport.involves(req, agreement.schoolId, agreement.companyId) else { throw Abort(.notFound) }
            guard let step = AgreementStep(rawValue: req.parameters.get("step") ?? "") else { throw Abort(.notFound) }
            guard step.permitted(req.actor, on: agreement) else { throw PageError(.forbidden, "uw rol of organisatie mag deze stap niet zetten", "your role or organisation may not take this step") }
            let input: StepInput = try strictBody(req, fields: StepInput.fields)
            guard step.allowed(from: agreement.status) else {
                throw PageError(.conflict, "deze stap kan niet vanuit ‘\(agreement.status.label(.nl))’", "this step is not possible from ‘\(agreement.status.label(.en))’")
            }
            switch try await AgreementRoutes.take(step, on: agreement, input: input, req: req, loaded: loaded) {
            case .invalid(_, let errors):
                throw InvalidInput(errors: errors.sorted { $0.key < $1.key }.map { FieldError(name: $0.key, reason: $0.value(req.lang)) })
            case .changedMeanwhile:
                throw PageError(.conflict, "iemand anders wijzigde deze afspraak intussen", "someone else changed this agreement meanwhile")
            case .done(let next, _):
                return try APIRoutes.json(next, req)
            }
        },
    ]

    struct ProposalInput: Decodable { var offerId: String }

    /// A JSON body of the documented shape: unknown fields are named (the schema says additionalProperties: false),
    /// a wrong type names its field.
    static func strictBody<T: Decodable>(_ req: Request, fields: [String]) throws -> T {
        guard let body = req.body.data, let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] else {
            throw InvalidInput(errors: [FieldError(name: "body", reason: "a JSON object is expected")])
        }
        let unknown = Set(object.keys).subtracting(fields).sorted()
        if !unknown.isEmpty { throw InvalidInput(errors: unknown.map { FieldError(name: $0, reason: "unknown field; allowed: " + fields.joined(separator: ", ")) }) }
        do { return try JSONDecoder().decode(T.self, from: Data(buffer: body)) } catch let error as DecodingError {
            throw InvalidInput(errors: [FieldError(name: error.fieldName ?? "body", reason: "not of the documented shape")])
        }
    }

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
