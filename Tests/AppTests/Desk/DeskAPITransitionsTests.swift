import Domain
import Fluent
import Foundation
import Persistence
import Testing
import VaporTesting
@testable import Web

/// Issue 15, part 9: the desk's transitions through the API, with the pages' rules and access.
@Suite struct DeskAPITransitionsTests {
    func call(_ app: Application, _ path: String, token: String, json: String) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        headers.contentType = .json
        var result: TestingHTTPResponse!
        try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(string: json)) { result = $0 }
        return result
    }

    @Test func proposeConfirmAndPlanThroughTheAPI() async throws {
        try await withMasterplan { app in
            var p = try await NetworkDeskTests().people(app)
            _ = try await p.company.post("/aanbod/nieuw", NetworkDeskTests.offerFields, csrfFrom: "/aanbod/nieuw")
            _ = try await p.school.post("/verzoeken/nieuw", NetworkDeskTests.requestFields(), csrfFrom: "/verzoeken/nieuw")
            let request = try #require(try await AuditedRecords(app.db).all(NetworkRequest.self).first)
            let offer = try #require(try await AuditedRecords(app.db).all(Offer.self).first)
            let coordinator = try await p.coordinator.createToken(name: "api", scope: "write")
            let companyWrite = try await p.company.createToken(name: "api", scope: "write")
            let companyRead = try await p.company.createToken(name: "lezen", scope: "read")
            let school = try await p.school.createToken(name: "api", scope: "write")

            // Only the coordinator proposes; an unknown field or offer is named.
            #expect(try await call(app, "/api/v1/requests/\(request.id)/proposals", token: companyWrite, json: #"{"offerId":"\#(offer.id)"}"#).status == .forbidden)
            var res = try await call(app, "/api/v1/requests/\(request.id)/proposals", token: coordinator, json: #"{"offerId":"\#(offer.id)","extra":1}"#)
            #expect(res.status == .badRequest && res.body.string.contains("extra"))
            res = try await call(app, "/api/v1/requests/\(request.id)/proposals", token: coordinator, json: #"{"offerId":"bestaat-niet"}"#)
            #expect(res.status == .badRequest && res.body.string.contains("offerId"))
            res = try await call(app, "/api/v1/requests/\(request.id)/proposals", token: coordinator, json: #"{"offerId":"\#(offer.id)"}"#)
            #expect(res.status == .ok && res.body.string.contains(#""status":"voorgesteld""#))
            let agreement = try #require(try await AuditedRecords(app.db).all(ActivityAgreement.self).first)
            // Both sides are told, as from the page.
            #expect(try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "company@test.invalid").count() >= 1)
            // The full offer cannot be proposed twice.
            #expect(try await call(app, "/api/v1/requests/\(request.id)/proposals", token: coordinator, json: #"{"offerId":"\#(offer.id)"}"#).status == .conflict)

            let steps = "/api/v1/activity-agreements/\(agreement.id)/steps/"
            // Confirming is the company's; a read token changes nothing.
            #expect(try await call(app, steps + "bevestigen", token: school, json: "{}").status == .forbidden)
            #expect(try await call(app, steps + "bevestigen", token: companyRead, json: "{}").status == .forbidden)
            res = try await call(app, steps + "bevestigen", token: companyWrite, json: "{}")
            #expect(res.status == .ok && res.body.string.contains(#""status":"afgesproken""#))
            #expect(try await call(app, steps + "bevestigen", token: companyWrite, json: "{}").status == .conflict, "not from afgesproken")
            // Planning outside the school's window is refused with the field named; inside it succeeds.
            res = try await call(app, steps + "plannen", token: school, json: #"{"date":"2027-05-01","startTime":"09:30"}"#)
            #expect(res.status == .badRequest && res.body.string.contains(#""name":"date""#))
            res = try await call(app, steps + "plannen", token: school, json: #"{"date":"2026-11-12","startTime":"9.30"}"#)
            #expect(res.status == .badRequest && res.body.string.contains("startTime"))
            res = try await call(app, steps + "plannen", token: school, json: #"{"date":"2026-11-12","startTime":"09:30","pupils":26,"transportNeeded":true}"#)
            #expect(res.status == .ok && res.body.string.contains(#""status":"gepland""#))
            let planned = try #require(try await AuditedRecords(app.db).find(ActivityAgreement.self, id: agreement.id))
            #expect(planned.date == PartialDate(year: 2026, month: 11, day: 12) && planned.pupils == 26 && planned.transportNeeded)
            // An organisation not involved does not even see it.
            var other = try await signedIn(app, "ander@test.invalid", role: .contactpersoon, org: "alliander")
            let stranger = try await other.createToken(name: "api", scope: "write")
            #expect(try await call(app, steps + "annuleren", token: stranger, json: #"{"reason":"x"}"#).status == .notFound)
            // Cancelling needs a reason.
            res = try await call(app, steps + "annuleren", token: companyWrite, json: "{}")
            #expect(res.status == .badRequest && res.body.string.contains("reason"))
        }
    }
}
