import Domain
import Fluent
import Foundation
import Persistence
import Testing
import VaporTesting
@testable import Web

/// Regression tests for the attacks of issue 12; each failed on the code before the fix.
@Suite struct HardeningTests {
    func bearer(_ token: String, json: Bool = false) -> HTTPHeaders {
        var h = HTTPHeaders()
        h.bearerAuthorization = BearerAuthorization(token: token)
        // A JSON body here is a PATCH, which names the version it changes (`*`: whatever is stored).
        if json { h.contentType = .json; h.replaceOrAdd(name: .ifMatch, value: "*") }
        return h
    }

    /// 1. A read token posts no forms and mints no tokens; it reads the API; a write token writes it.
    @Test func readTokensOnlyRead() async throws {
        try await withMasterplan { app in
            var admin = try await signedIn(app, "baas@test.invalid", role: .beheerder)
            let read = try await admin.createToken(name: "lezen", scope: "read")
            let write = try await admin.createToken(name: "schrijven", scope: "write")
            var form = bearer(read)
            form.contentType = .urlEncodedForm
            let made = try await app.testing().sendRequest(.POST, "/beheer/accounts", headers: form,
                                                           body: ByteBuffer(string: "email=x%40example.org&name=X&role=beheerder"))
            #expect(made.status.code >= 300 && made.status != .ok)
            #expect(try await AccountModel.query(on: app.db).filter(\.$email == "x@example.org").count() == 0)
            let tokensBefore = try await APITokenModel.query(on: app.db).count()
            _ = try await app.testing().sendRequest(.POST, "/account/tokens", headers: form, body: ByteBuffer(string: "name=n&scope=write"))
            #expect(try await APITokenModel.query(on: app.db).count() == tokensBefore)
            // On the API: GET yes, PATCH no with read; PATCH yes with write.
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/me", headers: bearer(read)).status == .ok)
            let patch = ByteBuffer(string: #"{"district":"Oost"}"#)
            #expect(try await app.testing().sendRequest(.PATCH, "/api/v1/organizations/otib", headers: bearer(read, json: true), body: patch).status == .forbidden)
            #expect(try await app.testing().sendRequest(.PATCH, "/api/v1/organizations/otib", headers: bearer(write, json: true), body: patch).status == .ok)
            // A token is not a login for pages either.
            let page = try await app.testing().sendRequest(.GET, "/beheer/accounts", headers: bearer(write))
            #expect(page.status == .seeOther)
        }
    }

    static let payload = #""><meta http-equiv=refresh content="0,url=//127.0.0.1:9/x"><x-probe data-probe='1'></textarea>"#

    /// 2. A stored value and reflected query parameters come out as text, never as markup.
    @Test func storedAndReflectedValuesAreEscaped() async throws {
        try await withMasterplan { app in
            var contact = try await signedIn(app, "mco@test.invalid", role: .contactpersoon, org: "montessori-college-oost")
            let write = try await contact.createToken(name: "w", scope: "write")
            let body = try JSONEncoder().encode(["district": String(Self.payload.prefix(80))])
            let res = try await app.testing().sendRequest(.PATCH, "/api/v1/organizations/montessori-college-oost", headers: bearer(write, json: true),
                                                          body: ByteBuffer(data: body))
            #expect(res.status == .ok, "\(res.text)")
            var admin = try await signedIn(app, "baas@test.invalid", role: .beheerder)
            let q = Self.payload.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            for path in ["/organisaties", "/naleving", "/organisaties/montessori-college-oost", "/inloggen?terug=/" + q, "/organisaties?q=" + q,
                         "/beheer/audit?entity=" + q] {
                let html = try await admin.get(path).text
                #expect(!html.contains("<meta http-equiv=refresh"), "\(path) carries the payload as markup")
                #expect(!html.contains("<x-probe") && !html.contains("data-probe='1'"), "\(path) carries the payload as markup")
            }
            let anonymous = try await get(app, "/inloggen?terug=" + q).text
            #expect(!anonymous.contains("<x-probe") && !anonymous.contains("<meta http-equiv=refresh"))
            #expect(SafeURL.href("javascript:alert(1)") == "#" && SafeURL.href(" JaVaScRiPt:x") == "#" && SafeURL.href("//evil.example") == "#")
            #expect(SafeURL.href("/organisaties?q=x") == "/organisaties?q=x" && SafeURL.href("https://example.org") == "https://example.org")
        }
    }

    /// 3. Every redirect stays on this site.
    @Test func redirectsStayOnTheSite() async throws {
        try await withMasterplan { app in
            for target in ["/%09/127.0.0.1:9/x", "//evil.example", "/\\evil.example", "https://evil.example", "/%2F/evil.example",
                           "/%252F%252Fevil.example", "%2F%2Fevil.example", "/\t/evil.example", "javascript:alert(1)"] {
                let q = target.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let res = try await get(app, "/taal/en?terug=" + q)
                #expect(res.headers.first(name: .location) == "/", "\(target) → \(res.headers.first(name: .location) ?? "")")
            }
            #expect(try await get(app, "/taal/en?terug=%2Forganisaties%3Fq%3Dx").headers.first(name: .location) == "/organisaties?q=x")
        }
    }

    /// 4. A forged Host header never reaches a mail; every link in a mail is absolute.
    @Test func mailLinksComeFromTheConfiguredAddress() async throws {
        try await withMasterplan { app in
            try await makeAccount(app, "reset@test.invalid", role: .analist)
            var b = Browser(app)
            let page = try await b.get("/wachtwoord-vergeten")
            var h = HTTPHeaders()
            h.contentType = .urlEncodedForm
            h.replaceOrAdd(name: .host, value: "evil.example")
            _ = try await b.send(.POST, "/wachtwoord-vergeten", headers: h,
                                 body: ByteBuffer(string: "email=reset%40test.invalid&_csrf=" + (Browser.csrf(in: page.text) ?? "")))
            let mail = try #require(try await OutboxMessageModel.query(on: app.db).first())
            #expect(!mail.body.contains("evil.example"))
            #expect(mail.body.contains(app.publicBaseURL + "/wachtwoord-herstellen?token="))
            try await expectAbsoluteLinks(app)
        }
        #expect(throws: PublicAddress.Missing.self) { try PublicAddress.resolve(nil, production: true, hostname: "0.0.0.0", port: 8080) }
        #expect(throws: PublicAddress.Missing.self) { try PublicAddress.resolve("javascript:x", production: false, hostname: "h", port: 1) }
        #expect(try PublicAddress.resolve("https://mp.example.nl/", production: true, hostname: "h", port: 1) == "https://mp.example.nl")
        #expect(try PublicAddress.resolve(nil, production: false, hostname: "0.0.0.0", port: 9000) == "http://127.0.0.1:9000")
    }

    /// 5. A session id known before login is worthless after it; logout ends the session.
    @Test func loginAndLogoutChangeTheSessionId() async throws {
        try await withMasterplan { app in
            try await makeAccount(app, "kim@test.invalid", role: .analist)
            var b = Browser(app)
            _ = try await b.get("/inloggen")
            #expect(b.cookies["masterplan-session"] == nil, "an anonymous visit stores no session")
            b.cookies["masterplan-session"] = "planted-by-an-attacker-0123456789abcdef"
            _ = try await b.login("kim@test.invalid", "a-long-test-password-9")
            let first = try #require(b.cookies["masterplan-session"])
            #expect(first != "planted-by-an-attacker-0123456789abcdef")
            // Logging in again (same browser) gives yet another id, and the first no longer works.
            _ = try await b.login("kim@test.invalid", "a-long-test-password-9")
            let second = try #require(b.cookies["masterplan-session"])
            #expect(second != first)
            var old = Browser(app)
            old.cookies["masterplan-session"] = first
            #expect(try await old.get("/account").status == .seeOther)
            #expect(try await b.get("/account").status == .ok)
            _ = try await b.post("/uitloggen", [], csrfFrom: "/account")
            var after = Browser(app)
            after.cookies["masterplan-session"] = second
            #expect(try await after.get("/account").status == .seeOther)
            #expect(try await WebSessionModel.query(on: app.db).count() == 0)
        }
    }

    /// 6. Parallel guesses: recorded before the check, so at most the limit is checked; no 5xx; the owner
    /// on another client is slowed, not locked.
    @Test func parallelGuessesAreCountedBeforeTheCheck() async throws {
        try await withMasterplan { app in
            try await makeAccount(app, "doel@test.invalid", role: .beheerder)
            var b = Browser(app)
            let page = try await b.get("/inloggen")
            let csrf = Browser.csrf(in: page.text) ?? ""
            let cookie = b.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for i in 0..<40 {
                    group.addTask {
                        var h = HTTPHeaders()
                        h.contentType = .urlEncodedForm
                        h.replaceOrAdd(name: .cookie, value: cookie)
                        return try await app.testing().sendRequest(.POST, "/inloggen", headers: h,
                                                                   body: ByteBuffer(string: "email=doel%40test.invalid&password=fout\(i)&_csrf=\(csrf)")).status.code
                    }
                }
                var all: [UInt] = []
                for try await s in group { all.append(s) }
                return all
            }
            #expect(statuses.allSatisfy { $0 < 500 }, "\(statuses)")
            #expect(statuses.filter { $0 == 400 }.count <= LoginThrottle.pairLimit, "passwords checked: \(statuses.filter { $0 == 400 }.count)")
            #expect(statuses.filter { $0 == 429 }.count >= 40 - LoginThrottle.pairLimit)
            // The rightful owner from another address: only delayed.
            let keys = LoginThrottle.keys(email: "doel@test.invalid", address: "10.1.2.3")
            guard case .allowed(let delay) = try await LoginThrottle.attempt(keys, on: app.db) else {
                Issue.record("the owner on another client is locked out"); return
            }
            #expect(delay <= LoginThrottle.maxDelay)
        }
    }

    /// 9. Nothing grows without bound: anonymous visits store no rows, the sweep ends sessions and attempts,
    /// and an oversized anonymous POST is refused before its body is read.
    @Test func anonymousVisitsStoreNothingAndTheSweepCleans() async throws {
        try await withMasterplan { app in
            for _ in 0..<25 { _ = try await get(app, "/inloggen") }
            #expect(try await WebSessionModel.query(on: app.db).count() == 0)
            try await WebSessionModel(idHash: "old", data: "{}", expiresAt: Date().addingTimeInterval(-1)).create(on: app.db)
            try await LoginAttemptModel(key: "ip:1.2.3.4", at: Date().addingTimeInterval(-3600)).create(on: app.db)
            let swept = try await Sweep.run(app.db)
            #expect(swept.sessions == 1 && swept.attempts == 1)
            var h = HTTPHeaders()
            h.contentType = .urlEncodedForm
            h.replaceOrAdd(name: .contentLength, value: String(9_900_000))
            let big = try await app.testing().sendRequest(.POST, "/inloggen", headers: h, body: ByteBuffer(repeating: UInt8(ascii: "a"), count: 9_900_000))
            #expect(big.status == .payloadTooLarge)
        }
    }

    /// 10. A NUL byte is a field error, never a 500; an export never starts a cell with a formula.
    @Test func nulBytesAreFieldErrors() async throws {
        try await withMasterplan { app in
            var admin = try await signedIn(app, "baas@test.invalid", role: .beheerder)
            let write = try await admin.createToken(name: "w", scope: "write")
            let res = try await app.testing().sendRequest(.PATCH, "/api/v1/organizations/otib", headers: bearer(write, json: true),
                                                          body: ByteBuffer(string: #"{"district":"Oost\u0000"}"#))
            #expect(res.status == .badRequest)
            #expect(res.text.contains("district") && res.headers.contentType?.description.contains("problem+json") == true)
            let form = try await admin.post("/organisaties/otib/bewerken", [("name", "OTIB\u{0}"), ("district", "")])
            #expect(form.status == .badRequest && form.text.contains("name"))
            #expect(try await get(app, "/organisaties?q=a%00b").status == .badRequest)
            // A lone coordinate is refused even when the organisation has the other one (the document's pairs rule).
            let lone = try await app.testing().sendRequest(.PATCH, "/api/v1/organizations/otib", headers: bearer(write, json: true),
                                                           body: ByteBuffer(string: #"{"longitude": 4.9, "latitude": null}"#))
            #expect(lone.status == .badRequest && lone.text.contains("latitude"))
        }
    }

    /// 11. Signed-in answers are not cached; HTTPS gets HSTS; a wrong method is 405 with Allow.
    @Test func headersAndMethods() async throws {
        try await withMasterplan { app in
            var admin = try await signedIn(app, "baas@test.invalid", role: .beheerder)
            #expect(try await admin.get("/account").headers.first(name: .cacheControl) == "no-store")
            #expect(try await get(app, "/organisaties").headers.first(name: .cacheControl) != "no-store")
            #expect(try await get(app, "/").headers.first(name: "Strict-Transport-Security") == nil)
            app.secureCookies = true
            #expect(try await get(app, "/").headers.first(name: "Strict-Transport-Security")?.hasPrefix("max-age=") == true)
            let put = try await app.testing().sendRequest(.PUT, "/organisaties")
            #expect(put.status == .methodNotAllowed)
            #expect(put.headers.first(name: .allow) == "GET, HEAD")
            let patch = try await app.testing().sendRequest(.DELETE, "/api/v1/organizations/otib")
            #expect(patch.status == .methodNotAllowed && patch.headers.first(name: .allow)?.contains("PATCH") == true)
        }
    }
}

/// Every link in every queued mail is absolute (a relative `/afspraken/…` cannot be followed from a mail client).
func expectAbsoluteLinks(_ app: Application) async throws {
    for message in try await OutboxMessageModel.query(on: app.db).all() {
        for word in message.body.split(whereSeparator: { $0 == " " || $0 == "\n" }) where word.hasPrefix("/") && word.dropFirst().first?.isLetter == true {
            Issue.record("relative link \(word) in mail '\(message.subject)'")
        }
        #expect(message.body.contains(app.publicBaseURL) || !message.body.contains("/"), "mail '\(message.subject)' has no absolute link")
    }
}

/// The SQLite write rule holds only if every write transaction goes through `writeTransaction`.
@Suite struct WriteTransactionRuleTests {
    @Test func noPlainTransactionsOutsideTheRule() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" && $0.lastPathComponent != "WriteTransaction.swift" }
        #expect(files.count > 50)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(!text.contains(".transaction {") && !text.contains(".transaction({"), "\(file.lastPathComponent) opens a transaction without writeTransaction")
        }
    }
}

/// Issue 13: every page route is registered from its `SiteRoute`, so the path is written once for the route and for
/// every link; a path spelled as an array beside it could drift from the links without any test noticing.
@Suite struct RoutesFromSiteRouteTests {
    @Test func noRouteIsRegisteredFromASpelledPath() throws {
        let web = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Web")
        let files = FileManager.default.enumerator(at: web, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 50)
        let spelled = try NSRegularExpression(pattern: #"\b\w+\.(get|post|on)\((\.[A-Z]+, )?\[("|\.constant|\.parameter)"#)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in spelled.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let line = text[..<Range(match.range, in: text)!.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).count
                Issue.record("\(file.lastPathComponent):\(line) registers a route from a spelled path; give it a SiteRoute case")
            }
        }
    }

    /// The patterns the router gets from `SiteRoute` are the paths the links carry, parameters and all.
    @Test func patternsFollowThePaths() {
        #expect(SiteRoute.agreementAction(":id", ":step").pattern == ["afspraken", .parameter("id"), .parameter("step")])
        #expect(SiteRoute.transportSheet(week: ":week", organization: ":org", file: "ritten.pdf").pattern
                == ["vervoer", .parameter("week"), "ritbrief", .parameter("org"), "ritten.pdf"])
        #expect(SiteRoute.programmeRecord("financiering", key: nil).pattern == ["programma", "financiering", "bewerken"])
        #expect(SiteRoute.agreementStep("a 1", .confirm).path == "/afspraken/a%201/bevestigen")
        #expect(SiteRoute.language(.en, back: "/x").path == "/taal/en?terug=/x")
    }
}
