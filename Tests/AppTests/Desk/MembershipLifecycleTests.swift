import Domain
import Fluent
import Foundation
import Persistence
import Testing
import VaporTesting
@testable import Web

/// Membership from application to end, and the school's plan; both feed the network figures and compliance.
@Suite struct MembershipLifecycleTests {
    @Test func applyApproveEndAndTheNetworkCountsFollow() async throws {
        try await withMasterplan { app in
            app.storage[DeskSupport.TodayKey.self] = PartialDate(year: 2026, month: 10, day: 1)
            var coordinator = try await signedIn(app, "coordinator@test.invalid", role: .beheerder)
            var company = try await signedIn(app, "alliander@test.invalid", role: .contactpersoon, org: "alliander")
            var res = try await company.post("/netwerk/aanmelden", [("motivation", "te kort")], csrfFrom: "/netwerk/aanmelden")
            #expect(res.status == .badRequest && res.text.contains("motivation"))
            res = try await company.post("/netwerk/aanmelden", [("motivation", "Wij willen twee gastlessen per jaar geven over netbeheer.")], csrfFrom: "/netwerk/aanmelden")
            #expect(res.status == .seeOther)
            res = try await company.post("/netwerk/aanmelden", [("motivation", "Nog een keer, want het kan geen kwaad toch?")], csrfFrom: "/netwerk/aanmelden")
            #expect(res.status == .badRequest, "a second application while one is pending is refused")
            let application = try #require(try await AuditedRecords(app.db).all(MembershipApplication.self).first)
            #expect(try await company.post("/netwerk/aanmeldingen/\(application.id)/goedkeuren", [], csrfFrom: "/netwerk/aanmelden").status == .forbidden)
            var network = try await get(app, "/netwerk?datum=2026-10-01")
            #expect(!network.text.contains("Alliander"))
            // Not a Vriend yet: no offers.
            res = try await company.post("/aanbod/nieuw", NetworkDeskTests.offerFields, csrfFrom: "/aanbod/nieuw")
            #expect(res.status == .badRequest && res.text.contains("id=\"organizationId-error\""))
            res = try await coordinator.post("/netwerk/aanmeldingen/\(application.id)/beeindigen", [("reason", "te vroeg")], csrfFrom: "/netwerk/aanmeldingen")
            #expect(res.status == .conflict, "an applied one cannot be ended")
            res = try await coordinator.post("/netwerk/aanmeldingen/\(application.id)/verwijderen", [], csrfFrom: "/netwerk/aanmeldingen")
            #expect(res.status == .notFound, "no such decision")
            res = try await coordinator.post("/netwerk/aanmeldingen/\(application.id)/goedkeuren", [], csrfFrom: "/netwerk/aanmeldingen")
            #expect(res.status == .seeOther)
            res = try await coordinator.post("/netwerk/aanmeldingen/\(application.id)/afwijzen", [], csrfFrom: "/netwerk/aanmeldingen")
            #expect(res.status == .conflict, "an approved one is not declined")
            #expect(try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "alliander@test.invalid").all()
                .contains { $0.subject == "Welkom als Vriend van het Masterplan" && $0.body.contains("/netwerkbalie") })
            network = try await get(app, "/netwerk?datum=2026-10-01")
            #expect(network.text.contains("Alliander"))
            res = try await company.post("/aanbod/nieuw", NetworkDeskTests.offerFields, csrfFrom: "/aanbod/nieuw")
            #expect(res.status == .seeOther, "a Vriend now")
            #expect(try await coordinator.get("/netwerk/aanmeldingen").text.contains("Wordt ingetrokken: Bezoek aan de werkplaats"))
            // New this school year in the compliance overview.
            let compliance = try await coordinator.get("/naleving?kind=company")
            #expect(compliance.text.contains(#/Alliander</a></th><td[^>]*><span[^>]*>Nieuw dit schooljaar/#))
            // Ending needs a reason, then the membership ends that day: still counted on it, not after.
            app.storage[DeskSupport.TodayKey.self] = PartialDate(year: 2027, month: 3, day: 1)
            res = try await coordinator.post("/netwerk/aanmeldingen/\(application.id)/beeindigen", [], csrfFrom: "/netwerk/aanmeldingen")
            #expect(res.status == .badRequest)
            res = try await coordinator.post("/netwerk/aanmeldingen/\(application.id)/beeindigen", [("reason", "Geen capaciteit meer")], csrfFrom: "/netwerk/aanmeldingen")
            #expect(res.status == .seeOther)
            #expect(try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "alliander@test.invalid").all()
                .contains { $0.subject == "Lidmaatschap beëindigd" && $0.body.contains("Geen capaciteit meer") })
            // Its open offer went with the membership.
            #expect(try await AuditedRecords(app.db).all(Offer.self).filter { $0.organizationId == "alliander" }.allSatisfy { !$0.active })
            #expect(try await get(app, "/netwerk?datum=2027-02-01").text.contains("Alliander"))
            #expect(!(try await get(app, "/netwerk?datum=2027-03-02").text.contains("Alliander")))
            let ended = try #require(try await AuditedRecords(app.db).find(MembershipApplication.self, id: application.id))
            #expect(ended.status == .beeindigd && ended.endReason == "Geen capaciteit meer")
            let audits = try await AuditEntryModel.query(on: app.db).filter(\.$entity == Membership.entity).all()
            #expect(audits.count == 2, "created and ended")
        }
    }

    @Test func aSchoolPresentsItsPlanAndTheCoordinatorReturnsThenApprovesIt() async throws {
        try await withMasterplan { app in
            app.storage[DeskSupport.TodayKey.self] = PartialDate(year: 2026, month: 10, day: 1)
            var coordinator = try await signedIn(app, "coordinator@test.invalid", role: .beheerder)
            var school = try await signedIn(app, "school@test.invalid", role: .contactpersoon, org: "montessori-college-oost")
            let fields = [("goals", "Meer leerlingen kiezen techniek in klas 3"), ("activities", "Twee excursies en een techniekweek"),
                          ("levels[]", "vmbo-bk"), ("sectors[]", "metaal"), ("contact", "Teamleider bovenbouw")]
            var res = try await school.post("/netwerk/schoolplan", [("goals", "kort")], csrfFrom: "/netwerk/schoolplan")
            #expect(res.status == .badRequest && res.text.contains("goals") && res.text.contains("contact"))
            res = try await school.post("/netwerk/schoolplan", fields, csrfFrom: "/netwerk/schoolplan")
            #expect(res.status == .seeOther)
            var plan = try #require(try await AuditedRecords(app.db).all(SchoolPlan.self).first)
            #expect(plan.schoolYear == 2026 && plan.status == .ingediend && plan.levels == [.vmboBK])
            res = try await coordinator.post("/netwerk/schoolplannen/\(plan.id)", [("decision", "teruggestuurd"), ("remarks", "Noem ook de doelen voor de onderbouw")], csrfFrom: "/netwerk/schoolplannen")
            #expect(res.status == .seeOther)
            #expect(try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "school@test.invalid").all()
                .contains { $0.subject == "Techniekplan teruggestuurd" && $0.body.contains("Noem ook de doelen voor de onderbouw") })
            #expect(try await school.get("/netwerk/schoolplan").text.contains("Noem ook de doelen voor de onderbouw"))
            res = try await school.post("/netwerk/schoolplan", fields, csrfFrom: "/netwerk/schoolplan")
            plan = try #require(try await AuditedRecords(app.db).find(SchoolPlan.self, id: plan.id))
            #expect(plan.status == .ingediend)
            // The plan as PDF: only a PDF is taken; the school and the coordinator can read it back, others cannot.
            res = try await school.upload("/netwerk/schoolplan", file: Data("not a pdf".utf8), filename: "plan.txt", field: "pdf", fields: fields)
            #expect(res.status == .badRequest && res.text.contains("Alleen een PDF-bestand."))
            let pdf = Data("%PDF-1.4\n% test plan\n".utf8)
            res = try await school.upload("/netwerk/schoolplan", file: pdf, filename: "techniekplan.pdf", field: "pdf", fields: fields)
            #expect(res.status == .seeOther)
            #expect(try await AuditedRecords(app.db).find(SchoolPlan.self, id: plan.id)?.pdfName == "techniekplan.pdf")
            #expect(Data(try await school.get("/netwerk/schoolplannen/\(plan.id)/plan.pdf").body.readableBytesView) == pdf)
            #expect(Data(try await coordinator.get("/netwerk/schoolplannen/\(plan.id)/plan.pdf").body.readableBytesView) == pdf)
            var other = try await signedIn(app, "other-school@test.invalid", role: .contactpersoon, org: "mundus-college")
            #expect(try await other.get("/netwerk/schoolplannen/\(plan.id)/plan.pdf").status == .notFound)
            res = try await coordinator.post("/netwerk/schoolplannen/\(plan.id)", [("decision", "goedgekeurd")], csrfFrom: "/netwerk/schoolplannen")
            #expect(try await AuditedRecords(app.db).find(SchoolPlan.self, id: plan.id)?.status == .goedgekeurd)
            // An approved plan is final for the year.
            res = try await school.post("/netwerk/schoolplan", fields, csrfFrom: "/netwerk/schoolplan")
            #expect(res.status == .badRequest)
        }
    }
}

@Suite struct RecordStoreAddTests {
    /// Issue 13: an added or changed record is checked in SQL for what it refers to, with the whole-dataset rules'
    /// outcome: an unknown reference is refused naming its column and nothing is written; a reference to the record
    /// itself is fine; a list column is checked entry by entry.
    @Test func aSingleRecordIsCheckedLikeTheWholeDataset() async throws {
        try await withMasterplan { app in
            let store = RecordStore(app.db)
            let target = try #require(try await store.all(ProjectTarget.self).first)
            var moved = target
            moved.projectId = "bestaat-niet"
            do {
                _ = try await store.update(moved, expected: target, actor: "test")
                Issue.record("an unknown project was accepted")
            } catch StoreError.invalid(let v) {
                #expect(v.entity == "project_targets" && v.column == "projectId" && v.message.contains("bestaat-niet"))
            }
            #expect(try await store.all(ProjectTarget.self).first == target, "nothing written")
            let own = Organization(id: "eigen-ouder", name: "Eigen ouder", kind: .company, parentId: "eigen-ouder", source: "test")
            try await store.add(own, actor: "test")
            let entry = try #require(try await store.all(TimelineEntry.self).first)
            var listed = entry
            listed.organizationIds = entry.organizationIds + ["infento", "ook-onbekend"]
            do {
                _ = try await store.update(listed, expected: entry, actor: "test")
                Issue.record("an unknown organisation in a list was accepted")
            } catch StoreError.invalid(let v) {
                #expect(v.column == "organizationIds" && v.message.contains("ook-onbekend"))
            }
            listed.organizationIds = entry.organizationIds + ["infento"]
            #expect(try await !store.update(listed, expected: entry, actor: "test").isEmpty)
        }
    }

    /// Adding one dataset record appends it, audits it and refuses a duplicate key, without rewriting the table.
    @Test func addAppendsOneValidRecord() async throws {
        try await withMasterplan { app in
            let store = RecordStore(app.db)
            let before = try await store.all(Membership.self)
            let version = try await store.version()
            let m = Membership(id: "vriend-alliander-test", organizationId: "alliander", startDate: PartialDate(year: 2026, month: 10, day: 1), evidence: "test", source: "test")
            try await store.add(m, actor: "test")
            #expect(try await store.all(Membership.self) == before + [m])
            #expect(try await store.version() == version + 1)
            await #expect(throws: StoreError.self) { try await store.add(m, actor: "test") }
            var unknown = m
            unknown.id = "vriend-onbekend"
            unknown.organizationId = "bestaat-niet"
            await #expect(throws: StoreError.self) { try await store.add(unknown, actor: "test") }
            #expect(try await store.all(Membership.self).count == before.count + 1)
        }
    }
}
