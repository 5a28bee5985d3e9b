import Domain
import Fluent
import Persistence
import Vapor

/// Logging in and out, and resetting a forgotten password.
struct AuthRoutes {
    struct LoginForm: Content { var email: String?; var password: String?; var terug: String? }
    struct ForgotForm: Content { var email: String? }
    struct ResetForm: Content { var token: String?; var password: String?; var password2: String? }

    /// A hash of nothing in particular, made by the app's own hasher: unknown addresses take as long to refuse as known ones.
    static func dummyHash(_ req: Request) async throws -> String {
        if let hash = req.application.storage[DummyHashKey.self] { return hash }
        let hash = try await req.password.async.hash(randomToken())
        req.application.storage[DummyHashKey.self] = hash
        return hash
    }
    struct DummyHashKey: StorageKey { typealias Value = String }
    static let resetLifetime: TimeInterval = 3600


    func register(_ app: Application) {
        app.get(.login(), access: .public, use: Self.login)
        app.post(.login(), access: .public, use: Self.postLogin)
        app.post(.logout, access: .signedIn, use: Self.postLogout)
        app.get(.forgotPassword, access: .public, use: Self.forgotPassword)
        app.post(.forgotPassword, access: .public, use: Self.postForgotPassword)
        app.get(.resetPassword(token: ""), access: .public, use: Self.resetPassword)
        app.post(.resetPassword(token: ""), access: .public, use: Self.postResetPassword)
    }

    /// A one-time link to set a password, through the outbox.
    static func sendResetLink(to account: Account, on req: Request, lifetime: TimeInterval, welcome: Bool) async throws {
        let token = randomToken()
        try await req.accounts.issueReset(for: account.id, tokenHash: APITokens.hash(token), expiresAt: Date().addingTimeInterval(lifetime))
        let link = req.application.absoluteURL(SiteRoute.resetPassword(token: token).path)
        try await Outbox.send(to: account, on: req) {
            Messages.passwordLink(name: account.name, link: link, hours: Int(lifetime / 3600), welcome: welcome, lang: $0)
        }
    }

    @Sendable static func login(_ req: Request) async throws -> some AsyncResponseEncodable {
        let ctx = PageSupport.context(req, title: Localized("Inloggen", "Log in"), section: nil)
        let notice = req.query[String.self, at: "hersteld"] != nil
            ? ctx.t("Je wachtwoord is opgeslagen. Log in met het nieuwe wachtwoord.", "Your password was saved. Log in with the new password.") : nil
        return PageSupport.html(AuthPages.login(ctx, csrf: req.csrfToken, email: nil, back: req.query[String.self, at: "terug"], error: nil, notice: notice))
    }

    @Sendable static func postLogin(_ req: Request) async throws -> some AsyncResponseEncodable {
        let form = try req.content.decode(LoginForm.self)
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let ctx = PageSupport.context(req, title: Localized("Inloggen", "Log in"), section: nil)
        let keys = LoginThrottle.keys(email: email, address: req.clientAddress)
        switch try await LoginThrottle.attempt(keys, on: req.db) {
        case .locked:
            return PageSupport.html(AuthPages.login(ctx, csrf: req.csrfToken, email: email, back: form.terug, error: ctx.t(
                "Te veel mislukte pogingen. Probeer het over een kwartier opnieuw of herstel je wachtwoord.",
                "Too many failed attempts. Try again in a quarter of an hour or reset your password."), notice: nil), status: .tooManyRequests)
        case .allowed(let delay):
            if delay > 0 { try await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000)) }
        }
        let account = try await req.accounts.activeAccount(email: email)
        let dummy = try await Self.dummyHash(req)
        let verified = try await req.password.async.verify(form.password ?? "", created: account?.passwordHash ?? dummy)
        guard let account, account.passwordHash != nil, verified else {
            return PageSupport.html(AuthPages.login(ctx, csrf: req.csrfToken, email: email, back: form.terug,
                error: ctx.t("Dit e-mailadres en wachtwoord horen niet bij elkaar.", "This e-mail address and password do not match."), notice: nil),
                status: .badRequest)
        }
        try await LoginThrottle.succeeded(keys, on: req.db)
        try await req.startSession(for: account)
        return req.redirect(to: form.terug ?? "/")
    }

    @Sendable static func postLogout(_ req: Request) async throws -> some AsyncResponseEncodable {
        req.auth.logout(SignedIn.self)
        req.session.destroy()
        return req.redirect(to: "/")
    }

    @Sendable static func forgotPassword(_ req: Request) async throws -> some AsyncResponseEncodable {
        PageSupport.html(AuthPages.forgot(PageSupport.context(req, title: Localized("Wachtwoord vergeten", "Forgot password"), section: nil),
                                          csrf: req.csrfToken, sent: false, error: nil))
    }

    @Sendable static func postForgotPassword(_ req: Request) async throws -> some AsyncResponseEncodable {
        let email = (try req.content.decode(ForgotForm.self).email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let ctx = PageSupport.context(req, title: Localized("Wachtwoord vergeten", "Forgot password"), section: nil)
        guard email.contains("@") else {
            return PageSupport.html(AuthPages.forgot(ctx, csrf: req.csrfToken, sent: false, error: ctx.t("Vul een e-mailadres in.", "Enter an e-mail address.")),
                                    status: .badRequest)
        }
        if let account = try await req.accounts.activeAccount(email: email) {
            try await Self.sendResetLink(to: account, on: req, lifetime: Self.resetLifetime, welcome: false)
        }
        return PageSupport.html(AuthPages.forgot(ctx, csrf: req.csrfToken, sent: true, error: nil))
    }

    @Sendable static func resetPassword(_ req: Request) async throws -> some AsyncResponseEncodable {
        let token = req.query[String.self, at: "token"] ?? ""
        return PageSupport.html(AuthPages.reset(PageSupport.context(req, title: Localized("Nieuw wachtwoord", "New password"), section: nil),
                                                csrf: req.csrfToken, token: token, errors: [:]))
    }

    @Sendable static func postResetPassword(_ req: Request) async throws -> some AsyncResponseEncodable {
        let form = try req.content.decode(ResetForm.self)
        let ctx = PageSupport.context(req, title: Localized("Nieuw wachtwoord", "New password"), section: nil)
        let token = form.token ?? ""
        let account = try await req.accounts.resetAccount(tokenHash: APITokens.hash(token), now: Date())
        var errors: [String: String] = [:]
        let expired = ctx.t("Deze link is verlopen of al gebruikt. Vraag een nieuwe aan.", "This link has expired or was used. Ask for a new one.")
        if account == nil { errors["token"] = expired }
        let password = form.password ?? ""
        if let account {
            let problems = PasswordPolicy.problems(password, email: account.email)
            if !problems.isEmpty { errors["password"] = problems.map { $0(ctx.lang) }.joined(separator: " ") }
        }
        if password != (form.password2 ?? "") { errors["password2"] = ctx.t("De wachtwoorden zijn niet gelijk.", "The passwords differ.") }
        guard errors.isEmpty else {
            return PageSupport.html(AuthPages.reset(ctx, csrf: req.csrfToken, token: token, errors: errors), status: .badRequest)
        }
        let hash = try await req.password.async.hash(password)
        // The link is used by one conditional write: of two tabs sending it at once, the second is refused.
        do { try await req.accounts.completeReset(tokenHash: APITokens.hash(token), passwordHash: hash, now: Date()) }
        catch AccountError.resetInvalid {
            return PageSupport.html(AuthPages.reset(ctx, csrf: req.csrfToken, token: token, errors: ["token": expired]), status: .badRequest)
        }
        return req.redirect(to: "/inloggen?hersteld=1")
    }
}
