import Domain
import Fluent
import Foundation
import Persistence
import Testing
import VaporTesting
@testable import Web

@Suite struct AuthTests {
    @Test func loginWithCSRFAndSessionCookie() async throws {
        try await withMasterplan { app in
            try await makeAccount(app, "kim@school.invalid", role: .contactpersoon, org: "montessori-college-oost")
            var b = Browser(app)
            let page = try await b.get("/inloggen")
            #expect(page.status == .ok)
            // Anonymous: no session, only the CSRF cookie of the login form.
            #expect(page.headers[.setCookie].first { $0.hasPrefix("masterplan-session=") } == nil)
            let cookie = try #require(page.headers[.setCookie].first { $0.hasPrefix("masterplan-csrf=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.lowercased().contains("samesite=lax"))
            #expect(try await b.post("/inloggen", [("email", "kim@school.invalid"), ("password", "x")], csrf: false).status == .forbidden)
            let wrong = try await b.post("/inloggen", [("email", "kim@school.invalid"), ("password", "not the password")])
            #expect(wrong.status == .badRequest)
            #expect(wrong.text.contains("id=\"password-error\""))
            let session = try #require(try await b.login("kim@school.invalid", "a-long-test-password-9").headers[.setCookie].first { $0.hasPrefix("masterplan-session=") })
            #expect(session.contains("HttpOnly") && session.lowercased().contains("samesite=lax"))
            let ok = try await b.login("KIM@school.invalid", "a-long-test-password-9")
            #expect(ok.status == .seeOther)
            #expect(ok.headers.first(name: .location) == "/account")
            let account = try await b.get("/account")
            #expect(account.status == .ok)
            #expect(account.text.contains("kim@school.invalid"))
            #expect(try await b.post("/uitloggen", [], csrfFrom: "/account").status == .seeOther)
            #expect(try await b.get("/account").status == .seeOther)
        }
    }

    @Test func repeatedFailuresLockTheAccount() async throws {
        try await withMasterplan { app in
            try await makeAccount(app, "lock@test.invalid", role: .analist)
            var b = Browser(app)
            for _ in 0..<LoginThrottle.pairLimit {
                _ = try await b.post("/inloggen", [("email", "lock@test.invalid"), ("password", "wrong")])
            }
            let locked = try await b.login("lock@test.invalid", "a-long-test-password-9")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.text.contains("Te veel mislukte pogingen"))
        }
    }

    @Test func passwordResetThroughTheOutbox() async throws {
        try await withMasterplan { app in
            try await makeAccount(app, "reset@test.invalid", role: .analist)
            var b = Browser(app)
            let sent = try await b.post("/wachtwoord-vergeten", [("email", "reset@test.invalid")])
            #expect(sent.text.contains("Als dit adres bij ons bekend is"))
            let unknown = try await b.post("/wachtwoord-vergeten", [("email", "nobody@test.invalid")])
            #expect(unknown.text.contains("Als dit adres bij ons bekend is"))
            let messages = try await OutboxMessageModel.query(on: app.db).all()
            #expect(messages.count == 1)
            let link = try #require(messages[0].body.split(separator: "\n").first { $0.contains("/wachtwoord-herstellen?token=") })
            let path = String(link[link.range(of: "/wachtwoord-herstellen")!.lowerBound...])
            let token = String(path.split(separator: "=")[1])
            let weak = try await b.post("/wachtwoord-herstellen", [("token", token), ("password", "wachtwoord123"), ("password2", "wachtwoord123")], csrfFrom: path)
            #expect(weak.status == .badRequest)
            #expect(weak.text.contains("id=\"password-error\""))
            let good = "Nieuw-en-lang-genoeg-2026"
            let done = try await b.post("/wachtwoord-herstellen", [("token", token), ("password", good), ("password2", good)], csrfFrom: path)
            #expect(done.status == .seeOther)
            #expect(try await b.login("reset@test.invalid", good).status == .seeOther)
            let again = try await b.post("/wachtwoord-herstellen", [("token", token), ("password", good + "x"), ("password2", good + "x")], csrfFrom: path)
            #expect(again.status == .badRequest)
            #expect(again.text.contains("verlopen of al gebruikt"))
        }
    }

    @Test func apiTokensAreShownOnceScopedAndRevocable() async throws {
        try await withMasterplan { app in
            try await makeAccount(app, "kim@school.invalid", role: .contactpersoon, org: "montessori-college-oost")
            var b = Browser(app)
            _ = try await b.login("kim@school.invalid", "a-long-test-password-9")
            let read = try await b.createToken(name: "sync read", scope: "read")
            let write = try await b.createToken(name: "sync write", scope: "write")
            #expect(!(try await b.get("/account")).text.contains(read), "a token is shown only once")
            let stored = try await APITokenModel.query(on: app.db).all()
            #expect(stored.allSatisfy { $0.tokenHash != read && $0.tokenHash != write && $0.tokenHash.count == 64 })
            func api(_ method: HTTPMethod, _ path: String, _ token: String, json: String? = nil) async throws -> TestingHTTPResponse {
                var h = HTTPHeaders()
                h.bearerAuthorization = BearerAuthorization(token: token)
                if json != nil { h.contentType = .json }
                if method == .PATCH { h.replaceOrAdd(name: .ifMatch, value: "*") }
                return try await app.testing().sendRequest(method, path, headers: h, body: json.map { ByteBuffer(string: $0) })
            }
            let me = try await api(.GET, "/api/v1/me", read)
            #expect(try me.json()["via"] as? String == "token:read")
            #expect(try await api(.PATCH, "/api/v1/organizations/montessori-college-oost", read, json: #"{"district":"Oost"}"#).status == .forbidden)
            let patched = try await api(.PATCH, "/api/v1/organizations/montessori-college-oost", write, json: #"{"district":"Oost","latitude":52.36,"longitude":4.94}"#)
            #expect(patched.status == .ok)
            #expect(try patched.json()["district"] as? String == "Oost")
            #expect(try await api(.PATCH, "/api/v1/organizations/mundus-college", write, json: #"{"district":"Oost"}"#).status == .forbidden)
            let bad = try await api(.PATCH, "/api/v1/organizations/montessori-college-oost", write, json: #"{"latitude":123}"#)
            #expect(bad.status == .badRequest)
            #expect((try bad.json()["invalid-params"] as? [[String: Any]])?.first?["name"] as? String == "latitude")
            let audit = try await AuditEntryModel.query(on: app.db).filter(\.$entity == "organizations").all()
            #expect(audit.count == 1)
            #expect(audit[0].changes.contains("\"field\":\"district\"") && audit[0].changes.contains("\"after\":\"Oost\""))
            let lastUsed = try await APITokenModel.query(on: app.db).filter(\.$name == "sync write").first()?.lastUsedAt
            #expect(lastUsed != nil)
            // Revoke, then the token no longer works; someone else's token id is 404.
            let writeId = try #require(try await APITokenModel.query(on: app.db).filter(\.$name == "sync write").first()?.id)
            #expect(try await b.post("/account/tokens/\(writeId)/intrekken", [], csrfFrom: "/account").status == .seeOther)
            #expect(try await api(.GET, "/api/v1/me", write).status == .unauthorized)
            #expect(try await b.post("/account/tokens/\(UUID())/intrekken", [], csrfFrom: "/account").status == .notFound)
            #expect(try await api(.GET, "/api/v1/me", "mp_" + String(repeating: "x", count: 40)).status == .unauthorized)
        }
    }

    @Test func contactDetailsOnlyForRolesThatNeedThem() async throws {
        try await withMasterplan { app in
            try await makeAccount(app, "contact@mla.invalid", role: .contactpersoon, org: "montessori-lyceum-amsterdam", phone: "020 123 4567")
            let all = try await browsers(app)
            for (role, var b) in all {
                let page = try await b.get("/organisaties/montessori-lyceum-amsterdam")
                let seesContacts = page.text.contains("contact@mla.invalid")
                // Beheerder always; the MCO contact person has no agreement with MLA; the projectleider leads the
                // Technologieroute, in which MLA takes part; analist and public never.
                let expected = ["beheerder": true, "projectleider": true, "contactpersoon": false, "analist": false, "communicatie": false, "publiek": false][role]!
                #expect(seesContacts == expected, "\(role) sees contacts: \(seesContacts)")
                #expect(!page.text.contains("020 123 4567") || expected)
            }
            var contact = all.first { $0.0 == "contactpersoon" }!.1
            // Montessori College Oost has agreements with Otib, VHTO and Ted Schulten Architecten: their contacts are visible.
            try await makeAccount(app, "contact@otib.invalid", role: .contactpersoon, org: "otib")
            #expect(try await contact.get("/organisaties/otib").text.contains("contact@otib.invalid"))
            #expect(try await contact.get("/api/v1/organizations/otib/contacts").status == .ok)
            var analyst = all.first { $0.0 == "analist" }!.1
            #expect(try await analyst.get("/api/v1/organizations/otib/contacts").status == .forbidden)
            #expect(try await get(app, "/api/v1/organizations/otib/contacts").status == .unauthorized)
        }
    }

    @Test func editingOwnOrganisationIsAuditedAndOthersAreRefused() async throws {
        try await withMasterplan { app in
            var b = Browser(app)
            try await makeAccount(app, "kim@school.invalid", role: .contactpersoon, org: "montessori-college-oost")
            _ = try await b.login("kim@school.invalid", "a-long-test-password-9")
            let form = "/organisaties/montessori-college-oost/bewerken"
            let before = try await RecordStore(app.db).dataset()
            let bad = try await b.post(form, [("name", "Montessori College Oost"), ("sectors[]", "bouw"), ("latitude", "north"), ("longitude", "4.9")])
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("id=\"latitude-error\""))
            #expect(bad.text.contains("value=\"north\""), "what was typed is shown back")
            #expect(try await RecordStore(app.db).dataset() == before, "a bad form writes nothing")
            let saved = try await b.post(form, [("name", "Montessori College Oost"), ("sectors[]", "bouw"), ("sectors[]", "installatie"),
                                                ("levels[]", "vmbo-bk"), ("district", "Oost"), ("latitude", "52,36"), ("longitude", "4.94")])
            #expect(saved.status == .seeOther)
            let org = try #require(try await RecordStore(app.db).dataset().organization("montessori-college-oost"))
            #expect(org.sectors == [.bouw, .installatie] && org.district == "Oost" && org.latitude == 52.36)
            let audit = try #require(try await AuditEntryModel.query(on: app.db).filter(\.$entityId == "montessori-college-oost").first())
            let changes = try JSONDecoder().decode([FieldChange].self, from: Data(audit.changes.utf8))
            #expect(changes.contains(FieldChange(field: "sectors", before: "installatie;elektro;metaal;bouw;mobiliteit", after: "bouw;installatie")))
            #expect(changes.contains(FieldChange(field: "district", before: nil, after: "Oost")))
            let refused = try await b.get("/organisaties/mundus-college/bewerken")
            #expect(refused.status == .forbidden && refused.text.contains("u mag alleen uw eigen organisatie bewerken"), "the reason in the page's language")
            #expect(try await b.get("/organisaties/mundus-college/bewerken?lang=en").text.contains("you may edit only your own organisation"))
            #expect(try await b.post("/organisaties/mundus-college/bewerken", [("name", "X")], csrfFrom: form).status == .forbidden)
        }
    }

    @Test func projectLeaderEditsOnlyTheirProject() async throws {
        try await withMasterplan { app in
            try await makeAccount(app, "pl@test.invalid", role: .projectleider, projects: ["technologieroute"])
            var b = Browser(app)
            _ = try await b.login("pl@test.invalid", "a-long-test-password-9")
            let ok = try await b.post("/projecten/technologieroute/bewerken", [("status", "running"), ("summary", "Nieuwe beschrijving.")])
            #expect(ok.status == .seeOther)
            #expect(try await b.get("/projecten/technologieroute").text.contains("Nieuwe beschrijving."))
            #expect(try await b.get("/projecten/entreeopleiding/bewerken").status == .forbidden)
            // Routes of the led project, yes; routes of another project and the Opleidingshuizen, no.
            let route = try await b.post("/leerroutes/technologieroute-havo-hbo/bewerken", [("status", "planned"), ("text", "Start in 2015.")])
            #expect(route.status == .seeOther)
            #expect(try await RecordStore(app.db).dataset().routes.first { $0.id == "technologieroute-havo-hbo" }?.status == .planned)
            #expect(try await b.get("/leerroutes/vakmanschapsroute/bewerken").status == .forbidden)
            #expect(try await b.get("/opleidingshuizen/logistiek/bewerken").status == .forbidden)
            let bad = try await b.post("/leerroutes/technologieroute-havo-hbo/bewerken", [("status", "sleeping"), ("text", "")])
            #expect(bad.status == .badRequest && bad.text.contains("id=\"status-error\"") && bad.text.contains("id=\"text-error\""))
        }
    }

    @Test func coordinatorCreatesAccountsAndReadsTheAuditLog() async throws {
        try await withMasterplan { app in
            let all = try await browsers(app)
            var admin = all.first { $0.0 == "beheerder" }!.1
            let bad = try await admin.post("/beheer/accounts", [("email", "not-an-address"), ("name", ""), ("role", "contactpersoon"), ("organizationId", "nope")])
            #expect(bad.status == .badRequest)
            for field in ["email", "name", "organizationId"] { #expect(bad.text.contains("id=\"\(field)-error\""), "\(field)") }
            let created = try await admin.post("/beheer/accounts", [("email", "nieuw@bedrijf.invalid"), ("name", "Nieuwe Collega"), ("role", "contactpersoon"),
                                                                   ("organizationId", "alliander"), ("phone", "+31 20 555 0000")])
            #expect(created.status == .seeOther)
            let welcome = try #require(try await OutboxMessageModel.query(on: app.db).filter(\.$recipient == "nieuw@bedrijf.invalid").first())
            #expect(welcome.body.contains("/wachtwoord-herstellen?token="))
            let audit = try await admin.get("/beheer/audit?entity=accounts")
            #expect(audit.status == .ok && audit.text.contains("create"))
            // The person who did it by name, the id beside it.
            #expect(audit.text.contains("Test beheerder ("), "names, not only account ids")
            let csv = try await admin.get("/beheer/audit.csv?entity=accounts")
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(csv.text.hasPrefix("\u{FEFF}at;actor;entity;entityId;action;changes\r\n"))
            #expect(try await admin.get("/beheer/audit?from=gisteren").status == .badRequest)
            #expect(try await admin.get("/beheer/outbox").text.contains("nieuw@bedrijf.invalid"))
            for (role, var b) in all where role != "beheerder" && role != "publiek" {
                #expect(try await b.get("/beheer/audit").status == .forbidden, "\(role)")
            }
        }
    }

    @Test func personExportAndErasure() async throws {
        try await withMasterplan { app in
            let account = try await makeAccount(app, "erase@test.invalid", role: .contactpersoon, org: "otib", phone: "0612345678")
            try await AuditLog.record(on: app.db, actor: "cli", entity: "accounts", entityId: account.id!.uuidString, action: "update",
                                      changes: [FieldChange(field: "phone", before: nil, after: "0612345678")])
            let export = try await PersonData.export(email: "erase@test.invalid", on: app.db)
            #expect(export.phone == "0612345678" && export.organizationId == "otib" && export.auditAboutPerson.count == 1)
            let organisationsBefore = try await RecordStore(app.db).dataset()
            try await PersonData.erase(email: "erase@test.invalid", actor: "cli", on: app.db)
            await #expect(throws: PersonData.Failure.self) { try await PersonData.export(email: "erase@test.invalid", on: app.db) }
            let erased = try #require(try await AccountModel.find(account.id, on: app.db))
            #expect(erased.phone == nil && erased.passwordHash == nil && erased.name == "Verwijderde persoon" && erased.email.hasSuffix("@invalid"))
            #expect(erased.organizationId == "otib", "anonymised records keep statistics")
            let trail = try await AuditEntryModel.query(on: app.db).filter(\.$entityId == account.id!.uuidString).all()
            #expect(trail.count == 2 && !trail.contains { $0.changes.contains("0612345678") })
            #expect(try await RecordStore(app.db).dataset() == organisationsBefore)
        }
    }

    @Test func demoAccountsOutsideProductionOnly() async throws {
        try await withMasterplan { app in
            let banner = try await prepareDemoAccounts(app)
            #expect(banner.contains("DEMO ACCOUNTS"))
            #expect(try await AccountModel.query(on: app.db).filter(\.$isDemo == true).count() == Role.allCases.count)
            #expect(try await prepareDemoAccounts(app).isEmpty, "shown once")
            app.environment = .production
            #expect(try await prepareDemoAccounts(app).isEmpty)
            #expect(try await AccountModel.query(on: app.db).filter(\.$isDemo == true).count() == 0)
        }
    }

    @Test func passwordPolicy() {
        #expect(!PasswordPolicy.problems("short", email: "a@b.nl").isEmpty)
        #expect(!PasswordPolicy.problems("wachtwoord1234", email: "a@b.nl").isEmpty)
        #expect(!PasswordPolicy.problems("kim.jansen-2026!!", email: "kim.jansen@school.nl").isEmpty)
        #expect(PasswordPolicy.problems("paard-batterij-nietje-9", email: "kim@school.nl").isEmpty)
    }
}
