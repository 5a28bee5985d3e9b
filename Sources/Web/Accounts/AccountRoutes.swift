import Domain
import Fluent
import Persistence
import Plot
import Vapor

/// Your own account: who you are, and your API tokens (created with a scope, shown once, revocable).
struct AccountRoutes {
    struct TokenForm: Content { var name: String?; var scope: String? }

    func register(_ app: Application) {
        app.get(.account, access: .signedIn) { req in try await Self.page(req, newToken: nil, errors: [:]) }
        app.post(.accountTokens, access: .signedIn, use: Self.postAccountTokens)
        app.post(.revokeToken(":id"), access: .signedIn, use: Self.postRevokeToken)
    }

    static func page(_ req: Request, newToken: String?, errors: [String: String], status: HTTPStatus = .ok) async throws -> Response {
        let signedIn = try req.requireSignedIn()
        let account = signedIn.account
        let tokens = try await req.accounts.tokens(of: account.id)
        let subscriptions = try await NewsletterStore(req.db).subscriptions(email: account.email)
        let ctx = PageSupport.context(req, title: Localized("Mijn account", "My account"), section: nil)
        let t = ctx.t, lang = ctx.lang
        func when(_ d: Date?) -> String { d.map { PartialDate(day: $0).label(lang) } ?? "–" }
        let body = Layout.render(ctx, .group(
            Components.facts([
                (t("Naam", "Name"), .text(account.name)),
                (t("E-mailadres", "E-mail address"), .text(account.email)),
                (t("Rol", "Role"), .text(account.role.label(lang))),
                (t("Organisatie", "Organisation"), account.organizationId.map { .a(.href(SiteRoute.organization($0).path), .text($0)) }),
                (t("Projecten", "Projects"), account.projectIds.isEmpty ? nil : .text(account.projectIds.joined(separator: ", "))),
                (t("Taal van je e-mail", "Language of your e-mail"),
                 .group(.text(account.language == .nl ? t("Nederlands", "Dutch") : t("Engels", "English")), .text(" · "),
                        .a(.href(SiteRoute.language(account.language == .nl ? .en : .nl, back: SiteRoute.account.path).path),
                           .text(account.language == .nl ? t("Wissel naar Engels (ook de site)", "Switch to English (the site too)") : t("Wissel naar Nederlands (ook de site)", "Switch to Dutch (the site too)"))))),
            ]),
            .if(account.organizationId != nil && account.role == .contactpersoon,
                .p(.a(.href(SiteRoute.editOrganization(account.organizationId ?? "").path), .text(t("Profiel van mijn organisatie bewerken", "Edit my organisation's profile"))))),
            .h2(.id("meldingen"), .text(t("Meldingen per e-mail", "Notifications by e-mail"))),
            .if(req.query[String.self, at: "meldingen"] != nil, .p(.class("note"), .attribute(named: "role", value: "status"), .text(t("Opgeslagen.", "Saved.")))),
            Components.postForm(action: SiteRoute.notifyMode.path, csrf: ctx.csrf, class: "inline", [
                Components.select(name: "mode", label: t("Hoe hoort u van meldingen?", "How do you hear of notifications?"),
                                  options: NotifyMode.allCases.map { ($0.rawValue, $0.label(lang)) }, selected: account.notifyMode.rawValue, error: nil),
                Components.submit(t("Opslaan", "Save")),
            ]),
            .p(.a(.href(SiteRoute.notifications.path), .text(t("Alle meldingen", "All notifications")))),
            .h2(.text(t("Nieuwsbrief", "Newsletter"))),
            .if(req.query[String.self, at: "nieuwsbrief"] != nil, .p(.class("note"), .attribute(named: "role", value: "status"), .text(t("Aangemeld.", "Subscribed.")))),
            subscriptions.map { sub in .group(
                NewsletterPages.consentTable(sub.1, lang: lang),
                .p(.a(.href(SiteRoute.newsletterUnsubscribe(token: sub.0.unsubscribeToken).path), .text(t("Afmelden voor alle lijsten", "Unsubscribe from every list"))))) } ?? .group(),
            .if(!(subscriptions?.1.contains { $0.subscriptionStatus == .confirmed && $0.newsletterList == .nieuwsbrief } ?? false),
                Components.postForm(action: SiteRoute.accountNewsletter.path, csrf: ctx.csrf, class: "inline", [
                    .input(.type(.hidden), .name("list_nieuwsbrief"), .value("1")),
                    Components.submit(t("Meld mij aan voor de nieuwsbrief", "Subscribe me to the newsletter")),
                ])),
            .h2(.text(t("API-sleutels", "API tokens"))),
            .unwrap(newToken) { token in
                .div(.class("note"), .attribute(named: "role", value: "status"),
                     .p(.text(t("Je nieuwe sleutel. Hij wordt maar één keer getoond: bewaar hem nu.", "Your new token. It is shown only once: store it now."))),
                     .p(.class("secret"), .id("new-token"), .text(token)))
            },
            Components.table(caption: t("Jouw sleutels", "Your tokens"),
                headers: [t("Naam", "Name"), t("Bereik", "Scope"), t("Begin", "Starts with"), t("Aangemaakt", "Created"), t("Laatst gebruikt", "Last used"), t("Status", "Status")],
                rows: tokens.map { tok in [
                    .text(tok.name), .text(tok.scope.rawValue), .text(tok.prefix + "…"), .text(when(tok.createdAt)), .text(when(tok.lastUsedAt)),
                    tok.revokedAt == nil
                        ? Components.postForm(action: SiteRoute.revokeToken(tok.id).path, csrf: ctx.csrf, class: "inline",
                                              [.element(named: "button", nodes: [.attribute(named: "type", value: "submit"), .text(t("Intrekken", "Revoke"))])])
                        : .text(t("Ingetrokken ", "Revoked ") + when(tok.revokedAt)),
                ] }, numericFrom: 99),
            .h3(.text(t("Nieuwe sleutel", "New token"))),
            Components.postForm(action: SiteRoute.accountTokens.path, csrf: ctx.csrf, class: "edit", [
                Components.field("name", label: t("Naam (waarvoor is hij?)", "Name (what is it for?)"), value: nil, error: errors["name"], required: true),
                Components.select(name: "scope", label: t("Bereik", "Scope"), options: [("read", t("Lezen", "Read")), ("write", t("Lezen en schrijven", "Read and write"))],
                                  selected: "read", error: errors["scope"]),
                .element(named: "button", nodes: [.attribute(named: "type", value: "submit"), .text(t("Sleutel maken", "Create token"))]),
            ])
        ))
        return PageSupport.html(body, status: status)
    }

    @Sendable static func postAccountTokens(_ req: Request) async throws -> some AsyncResponseEncodable {
        let signedIn = try req.requireSignedIn()
        let form = try req.content.decode(TokenForm.self)
        var errors: [String: String] = [:]
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.count > 80 { errors["name"] = req.lang == .nl ? "Geef de sleutel een naam (hoogstens 80 tekens)." : "Name the token (at most 80 characters)." }
        let scope = TokenScope(rawValue: form.scope ?? "")
        if scope == nil { errors["scope"] = req.lang == .nl ? "Kies lezen of schrijven." : "Choose read or write." }
        guard errors.isEmpty, let scope else { return try await Self.page(req, newToken: nil, errors: errors, status: .badRequest) }
        let token = APITokens.generate()
        try await req.accounts.createToken(APIToken(id: UUID().uuidString, accountId: signedIn.account.id, name: name, scope: scope, prefix: String(token.prefix(7))),
                                           tokenHash: APITokens.hash(token), actor: signedIn.actor.accountId)
        return try await Self.page(req, newToken: token, errors: [:])
    }

    @Sendable static func postRevokeToken(_ req: Request) async throws -> some AsyncResponseEncodable {
        let signedIn = try req.requireSignedIn()
        // Another account's token is not found, not forbidden: ids are not to be probed.
        guard let id = req.parameters.get("id", as: UUID.self),
              try await req.accounts.revokeToken(id.uuidString, owner: signedIn.account.id, at: Date(), actor: signedIn.actor.accountId) else { throw Abort(.notFound) }
        return req.redirect(to: SiteRoute.account.path)
    }
}
