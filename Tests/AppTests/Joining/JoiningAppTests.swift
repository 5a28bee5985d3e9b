import Domain
import Fluent
import Foundation
import Persistence
import Testing
import VaporTesting
@testable import Web

/// Issue 15, part 1: a new organisation applies on the public form, the coordinator sees possible duplicates and
/// approves; organisation, membership and account exist and the contact gets an invitation.
@Suite struct JoiningAppTests {
    static func fields(name: String = "Bouwbedrijf Van 't Hoog", email: String = "jan@vanthoog.example", postcode: String = "1092 AB") -> [(String, String)] {
        [("name", name), ("kind", "company"), ("registrationNumber", "34123456"), ("address", "Wibautstraat 1"), ("postcode", postcode),
         ("city", "Amsterdam"), ("sectors[]", "bouw"), ("sectors[]", "installatie"), ("contactName", "Jan de Vries"), ("contactEmail", email),
         ("contactFunction", "Directeur"), ("language", "en"), ("motivation", "Wij willen leerlingen laten zien hoe een bouwplaats werkt.")]
    }

    @Test func applyThenApproveCreatesEverythingAndInvites() async throws {
        try await withMasterplan { app in
            app.storage[DeskSupport.TodayKey.self] = PartialDate(year: 2026, month: 12, day: 1)
            var coordinator = try await signedIn(app, "coordinator@test.invalid", role: .beheerder)
            var visitor = Browser(app)
            var res = try await visitor.get("/netwerk/aansluiten")
            #expect(res.status == .ok && res.text.contains("KvK-nummer"))
            // Mistakes are named by field, in the page's language; nothing is stored.
            res = try await visitor.post("/netwerk/aansluiten", Self.fields().filter { $0.0 != "postcode" } + [("postcode", "0123 XY"), ("registrationNumber", "12")])
            #expect(res.status == .badRequest && res.text.contains("id=\"postcode-error\"") && res.text.contains("Een KvK-nummer heeft 8 cijfers."))
            #expect(try await SQLJoiningRepository(app.db).applications(status: nil).isEmpty)
            // Without the form's token nothing happens.
            #expect(try await visitor.post("/netwerk/aansluiten", Self.fields(), csrf: false).status == .forbidden)
            res = try await visitor.post("/netwerk/aansluiten", Self.fields())
            #expect(res.status == .seeOther && res.headers.first(name: .location) == "/netwerk/aansluiten?ontvangen=1")
            let stored = try #require(try await SQLJoiningRepository(app.db).applications(status: nil).first)
            #expect(stored.postcode == "1092 AB" && stored.sectors == [.bouw, .installatie] && stored.language == .en)
            // The applicant hears in the chosen language; the coordinators are told.
            let toApplicant = try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "jan@vanthoog.example").all()
            #expect(toApplicant.count == 1 && toApplicant[0].subject == "Application received: Bouwbedrijf Van 't Hoog")
            let notices = try await coordinator.get("/meldingen").text
            #expect(notices.contains("Nieuwe aanmelding: Bouwbedrijf Van &#39;t Hoog") || notices.contains("Nieuwe aanmelding: Bouwbedrijf Van &apos;t Hoog")
                    || notices.contains("Nieuwe aanmelding: Bouwbedrijf Van 't Hoog"))
            // A second application with the same KvK number shows as a possible duplicate.
            var other = Browser(app)
            #expect(try await other.post("/netwerk/aansluiten", Self.fields(name: "Van t Hoog Installaties", email: "piet@vanthoog.example", postcode: "1011 AB")).status == .seeOther)
            let page = try await coordinator.get("/netwerk/aanmeldingen")
            #expect(page.text.contains("Mogelijke dubbelingen") && page.text.contains("zelfde KvK-nummer"))
            // Contact persons cannot decide; the coordinator approves.
            var contact = try await signedIn(app, "alliander@test.invalid", role: .contactpersoon, org: "alliander")
            #expect(try await contact.post("/netwerk/aansluitingen/\(stored.id)/goedkeuren", [], csrfFrom: "/netwerk/aanmelden").status == .forbidden)
            res = try await coordinator.post("/netwerk/aansluitingen/\(stored.id)/goedkeuren", [], csrfFrom: "/netwerk/aanmeldingen")
            #expect(res.status == .seeOther)
            let data = try await RecordStore(app.db).dataset()
            let org = try #require(data.organizations.first { $0.name == "Bouwbedrijf Van 't Hoog" })
            #expect(org.id == "bouwbedrijf-van-t-hoog" && org.district == "Oost" && org.kind == .company && org.sectors == [.bouw, .installatie])
            #expect(data.memberships.contains { $0.organizationId == org.id && $0.isActive(on: PartialDate(year: 2026, month: 12, day: 1)) })
            #expect(try await AuditedRecords(app.db).all(MembershipApplication.self).contains { $0.organizationId == org.id && $0.status == .goedgekeurd })
            let account = try #require(try await AccountModel.query(on: app.db).filter(\.$email == "jan@vanthoog.example").first())
            #expect(account.role == .contactpersoon && account.organizationId == org.id && account.lang == .en && account.function == "Directeur")
            let invitation = try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "jan@vanthoog.example").all().last
            #expect(invitation?.body.contains("http") == true && invitation?.language == "en")
            #expect(try await get(app, "/organisaties/\(org.id)").status == .ok)
            // Deciding twice is refused whole.
            #expect(try await coordinator.post("/netwerk/aansluitingen/\(stored.id)/goedkeuren", [], csrfFrom: "/netwerk/aanmeldingen").status == .conflict)
            // The second is declined with a reason that reaches the applicant.
            let second = try #require(try await SQLJoiningRepository(app.db).applications(status: .aangevraagd).first)
            res = try await coordinator.post("/netwerk/aansluitingen/\(second.id)/afwijzen", [("remarks-" + second.id, "Dit is dezelfde organisatie")], csrfFrom: "/netwerk/aanmeldingen")
            #expect(res.status == .seeOther)
            #expect(try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "piet@vanthoog.example").all()
                .contains { $0.body.contains("Dit is dezelfde organisatie") })
            // The applicant's rights: the export shows the application; erasure removes the contact's details from
            // it, from its audit trail and from the outbox, and keeps the organisation's part.
            let export = try await PersonData.export(email: "piet@vanthoog.example", on: app.db)
            #expect(export.joinApplications.map(\.id) == [second.id] && export.name == "Jan de Vries")
            try await PersonData.erase(email: "piet@vanthoog.example", actor: "test", on: app.db)
            let erased = try #require(try await AuditedRecords(app.db).find(JoinApplication.self, id: second.id))
            #expect(erased.contactEmail.hasPrefix("erased-") && erased.contactName == "Verwijderde persoon" && erased.name == "Van t Hoog Installaties")
            let trail = try await AuditEntryModel.query(on: app.db).filter(\.$entityId == second.id).all()
            #expect(!trail.isEmpty && trail.allSatisfy { !$0.changes.contains("piet@vanthoog.example") && !$0.actor.contains("piet") })
            #expect(try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "piet@vanthoog.example").count() == 0)
            #expect(try await LoginAttemptModel.query(on: app.db).filter(\.$key == "join-email:piet@vanthoog.example").count() == 0, "the throttle's rows go too")
        }
    }

    @Test func anApplicantWithAnExistingAccountIsNotCreatedTwice() async throws {
        try await withMasterplan { app in
            _ = try await signedIn(app, "jan@vanthoog.example", role: .contactpersoon, org: "alliander")
            var visitor = Browser(app)
            #expect(try await visitor.post("/netwerk/aansluiten", Self.fields()).status == .seeOther)
            let stored = try #require(try await SQLJoiningRepository(app.db).applications(status: nil).first)
            var coordinator = try await signedIn(app, "coordinator@test.invalid", role: .beheerder)
            let res = try await coordinator.post("/netwerk/aansluitingen/\(stored.id)/goedkeuren", [], csrfFrom: "/netwerk/aanmeldingen")
            #expect(res.status == .conflict && res.text.contains("er is al een account met jan@vanthoog.example"))
            // Nothing half-written: no organisation, the application still pending.
            #expect(try await RecordStore(app.db).dataset().organizations.allSatisfy { $0.name != "Bouwbedrijf Van 't Hoog" })
            #expect(try await SQLJoiningRepository(app.db).applications(status: .aangevraagd).count == 1)
        }
    }

    @Test func thePublicFormIsThrottledPerClientAndAddress() async throws {
        try await withMasterplan { app in
            var visitor = Browser(app)
            for i in 0..<JoinRoutes.perAddress {
                #expect(try await visitor.post("/netwerk/aansluiten", Self.fields(name: "Organisatie \(i)")).status == .seeOther)
            }
            let res = try await visitor.post("/netwerk/aansluiten", Self.fields(name: "Nog een"))
            #expect(res.status == .tooManyRequests && res.headers.first(name: .retryAfter) == "900")
            #expect(try await SQLJoiningRepository(app.db).applications(status: nil).count == JoinRoutes.perAddress)
        }
    }
}
