import Domain
import Fluent
import Foundation
import Persistence
import Testing
import VaporTesting
@testable import Web

/// Issue 15, part 4: the programme's data edited in the browser, with revision and audit.
@Suite struct ProgrammeEditingTests {
    static let budget = "/programma/financiering/bewerken?sleutel=budget-2012-2015"

    /// The form's fields as a browser sends them back, with one change.
    static func fields(_ page: String, _ changes: [String: String]) -> [(String, String)] {
        var out: [(String, String)] = []
        // Plot leaves out an empty value attribute, so the value is optional here.
        for m in page.matches(of: /<input type="(?:text|hidden)" name="([A-Za-z]+)"( id="[A-Za-z]+")?( value="([^"]*)")?/) {
            let name = String(m.1)
            guard name != "_csrf" else { continue }
            let value = m.4.map(String.init) ?? ""
            out.append((name, changes[name] ?? value.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")))
        }
        for m in page.matches(of: /<select name="([A-Za-z]+)"[^>]*>(.*?)<\/select>/.dotMatchesNewlines()) {
            let name = String(m.1)
            let selected = String(m.2).firstMatch(of: /<option value="([^"]*)" selected/)?.1 ?? ""
            out.append((name, changes[name] ?? String(selected)))
        }
        return out
    }

    @Test func theCoordinatorChangesABudgetAndAStaleFormOverwritesNothing() async throws {
        try await withMasterplan { app in
            var first = try await signedIn(app, "eerste@test.invalid", role: .beheerder)
            var second = try await signedIn(app, "tweede@test.invalid", role: .beheerder)
            #expect(try await first.get("/programma").text.contains("Financiering en begroting"))
            let formA = try await first.get(Self.budget).text, formB = try await second.get(Self.budget).text
            #expect(formA.contains("name=\"revision\""))
            let version = try await RecordStore(app.db).version()
            // A bad amount changes nothing and is named at its field, in the page's language.
            var res = try await first.post(Self.budget, Self.fields(formA, ["amount": "veel"]), csrfFrom: "/programma")
            #expect(res.status == .badRequest && res.text.contains("id=\"amount-error\"") && res.text.contains("is geen getal"))
            #expect(try await RecordStore(app.db).version() == version)
            res = try await first.post(Self.budget, Self.fields(formA, ["amount": "1900000"]), csrfFrom: "/programma")
            #expect(res.status == .seeOther)
            #expect(try await RecordStore(app.db).dataset().funding.first { $0.id == "budget-2012-2015" }?.amount == 1_900_000)
            let audit = try await AuditEntryModel.query(on: app.db).filter(\.$entity == Funding.entity).filter(\.$entityId == "budget-2012-2015").all()
            #expect(audit.count == 1 && audit[0].changes.contains("1900000"))
            // The second editor's form was filled in on the old version: 409, both versions, the first change stands.
            res = try await second.post(Self.budget, Self.fields(formB, ["purpose": "Iets anders"]), csrfFrom: "/programma")
            #expect(res.status == .conflict && res.text.contains("Iemand anders wijzigde dit record intussen") && res.text.contains("Velden die verschillen"))
            #expect(res.text.contains("1900000") && res.text.contains("Iets anders"))
            let stored = try #require(try await RecordStore(app.db).dataset().funding.first { $0.id == "budget-2012-2015" })
            #expect(stored.amount == 1_900_000 && stored.purpose != "Iets anders")
            // Resubmitting from the conflict page (its revision is the stored one) is a deliberate choice and saves.
            res = try await second.post(Self.budget, Self.fields(res.text, [:]), csrfFrom: "/programma")
            #expect(res.status == .seeOther)
            #expect(try await RecordStore(app.db).dataset().funding.first { $0.id == "budget-2012-2015" }?.purpose == "Iets anders")
            // A reference to nothing is refused by the dataset's rules.
            let form = try await first.get(Self.budget).text
            res = try await first.post(Self.budget, Self.fields(form, ["funderId": "bestaat-niet"]), csrfFrom: "/programma")
            #expect(res.status == .badRequest && res.text.contains("onbekende verwijzing"))
            // Contact persons do not edit the programme.
            var contact = try await signedIn(app, "contact@test.invalid", role: .contactpersoon, org: "alliander")
            #expect(try await contact.get(Self.budget).status == .forbidden)
        }
    }

    @Test func twoWritersAtOnceExactlyOneWins() async throws {
        try await withMasterplan { app in
            let data = try await RecordStore(app.db).dataset()
            let original = try #require(data.timeline.first)
            var a = original, b = original
            a.title = "Versie A"; b.title = "Versie B"
            async let first: Bool = { do { _ = try await RecordStore(app.db).update(a, expected: original, actor: "a"); return true } catch is ChangedMeanwhile { return false } }()
            async let second: Bool = { do { _ = try await RecordStore(app.db).update(b, expected: original, actor: "b"); return true } catch is ChangedMeanwhile { return false } }()
            let results = try await [first, second]
            #expect(results.filter { $0 }.count == 1, "\(results)")
            let title = try await RecordStore(app.db).dataset().timeline.first { $0.id == original.id }?.title
            #expect(title == (results[0] ? "Versie A" : "Versie B"))
        }
    }

    @Test func aProjectLeaderRecordsResultsOfOwnProjectsOnly() async throws {
        try await withMasterplan { app in
            try await makeAccount(app, "leider@test.invalid", role: .projectleider, projects: ["technologieroute"])
            var leader = Browser(app)
            #expect(try await leader.login("leider@test.invalid", "a-long-test-password-9").status == .seeOther)
            let own = "/programma/projectdoelen/bewerken?sleutel=tr-schools"
            let list = try await leader.get("/programma/projectdoelen").text
            #expect(list.contains("tr-schools") && !list.contains("po-schools-boards"), "only own projects' targets are listed")
            #expect(try await leader.get("/programma/projectdoelen/bewerken?sleutel=po-schools-boards").status == .forbidden)
            #expect(try await leader.get("/programma/financiering").status == .forbidden)
            let form = try await leader.get(own).text
            var res = try await leader.post(own, Self.fields(form, ["actual": "11", "actualDate": "2015-03"]), csrfFrom: "/programma")
            #expect(res.status == .seeOther)
            let target = try #require(try await RecordStore(app.db).dataset().projectTargets.first { $0.id == "tr-schools" })
            #expect(target.actual == 11 && target.actualDate == PartialDate(year: 2015, month: 3))
            // Moving a target to a project the leader does not lead is refused.
            let again = try await leader.get(own).text
            res = try await leader.post(own, Self.fields(again, ["projectId": "techniek-basisonderwijs"]), csrfFrom: "/programma")
            #expect(res.status == .badRequest && res.text.contains("Dit mag u niet vastleggen"))
        }
    }

    @Test func aNewMilestoneAppearsOnTheTimeline() async throws {
        try await withMasterplan { app in
            var coordinator = try await signedIn(app, "coordinator@test.invalid", role: .beheerder)
            let form = try await coordinator.get("/programma/mijlpalen/nieuw").text
            let res = try await coordinator.post("/programma/mijlpalen/nieuw", Self.fields(form, ["date": "2027-03-12", "title": "Techniekdag 2027 <script>", "attendance": "450"]),
                                                 csrfFrom: "/programma")
            #expect(res.status == .seeOther, "\(res.text.matches(of: /class="error"[^>]*>([^<]*)/).map { String($0.1) })")
            let timeline = try await get(app, "/tijdlijn?year=2027").text
            #expect(timeline.contains("Techniekdag 2027 &lt;script&gt;") && !timeline.contains("<script>"))
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$entity == TimelineEntry.entity).filter(\.$action == "create").count() == 1)
        }
    }

    /// Issue 13's guard on the organisation profile: two editors of one organisation; the second, whose form was
    /// filled in on the old version, gets 409 with both versions and the first's change stands.
    @Test func twoEditorsOfOneOrganisation() async throws {
        try await withMasterplan { app in
            var first = try await signedIn(app, "een@test.invalid", role: .beheerder)
            var second = try await signedIn(app, "twee@test.invalid", role: .contactpersoon, org: "otib")
            let path = "/organisaties/otib/bewerken"
            let formA = try await first.get(path).text, formB = try await second.get(path).text
            let revision = try #require(formA.firstMatch(of: /name="revision" value="([0-9a-f]+)"/)?.1)
            #expect(formB.contains(String(revision)))
            var res = try await first.post(path, [("name", "OTIB"), ("district", "Noord"), ("revision", String(revision))], csrfFrom: path)
            #expect(res.status == .seeOther)
            res = try await second.post(path, [("name", "OTIB"), ("district", "Zuid"), ("revision", String(revision))], csrfFrom: path)
            #expect(res.status == .conflict && res.text.contains("Velden die verschillen") && res.text.contains("Noord") && res.text.contains("Zuid"))
            #expect(try await RecordStore(app.db).dataset().organization("otib")?.district == "Noord", "the first change stands")
            // From the conflict page (it carries the stored version's revision) the second editor may save deliberately.
            let newRevision = try #require(res.text.firstMatch(of: /name="revision" value="([0-9a-f]+)"/)?.1)
            res = try await second.post(path, [("name", "OTIB"), ("district", "Zuid"), ("revision", String(newRevision))], csrfFrom: path)
            #expect(res.status == .seeOther)
            #expect(try await RecordStore(app.db).dataset().organization("otib")?.district == "Zuid")
        }
    }

    /// The same through the API: GET answers an ETag, PATCH with If-Match of another version is 412 and writes nothing;
    /// without If-Match it is 428.
    @Test func theAPIChangeNamesItsVersion() async throws {
        try await withMasterplan { app in
            var admin = try await signedIn(app, "api@test.invalid", role: .beheerder)
            let token = try await admin.createToken(name: "api", scope: "write")
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            var etag = ""
            try await app.testing().test(.GET, "/api/v1/organizations/otib", headers: headers) { res in
                etag = res.headers.first(name: .eTag) ?? ""
            }
            #expect(etag.hasPrefix("\"") && etag.count > 4)
            func patch(_ body: String, ifMatch: String?) async throws -> TestingHTTPResponse {
                var h = headers
                h.contentType = .json
                if let ifMatch { h.replaceOrAdd(name: .ifMatch, value: ifMatch) }
                var out: TestingHTTPResponse!
                try await app.testing().test(.PATCH, "/api/v1/organizations/otib", headers: h, body: ByteBuffer(string: body)) { out = $0 }
                return out
            }
            var res = try await patch(#"{"district":"Noord"}"#, ifMatch: etag)
            #expect(res.status == .ok)
            let next = res.headers.first(name: .eTag) ?? ""
            #expect(!next.isEmpty && next != etag)
            res = try await patch(#"{"district":"Zuid"}"#, ifMatch: etag)
            #expect(res.status == .preconditionFailed && res.headers.contentType?.description.contains("problem+json") == true)
            #expect(try await RecordStore(app.db).dataset().organization("otib")?.district == "Noord")
            res = try await patch(#"{"district":"Zuid"}"#, ifMatch: next)
            #expect(res.status == .ok)
            // Without If-Match: 428, nothing written; `*` changes whatever is stored.
            res = try await patch(#"{"district":"West"}"#, ifMatch: nil)
            #expect(res.status == .preconditionRequired && res.text.contains("If-Match"))
            #expect(try await RecordStore(app.db).dataset().organization("otib")?.district == "Zuid")
            res = try await patch(#"{"district":"West"}"#, ifMatch: "×ø")
            #expect(res.status == .badRequest && res.text.contains("If-Match"))
            res = try await patch(#"{"district":"West"}"#, ifMatch: "*")
            #expect(res.status == .ok)
        }
    }
}
