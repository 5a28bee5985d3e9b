import Domain
import Fluent
import Persistence
import Plot
import Vapor

/// The coordinator's pages: accounts, the audit log (filter, export) and the outbox.
struct AdminRoutes {
    struct AccountForm: Content {
        var email: String?; var name: String?; var role: String?; var function: String?
        var organizationId: String?; var projectIds: String?; var phone: String?
        /// The language of the person's mail, starting with the invitation.
        var language: String?
    }

    func register(_ app: Application) {
        app.get(.adminAccounts, access: .beheerder) { req in try await Self.accountsPage(req, form: AccountForm(), errors: [:]) }
        app.post(.adminAccounts, access: .beheerder, use: Self.postAdminAccounts)
        app.get(.audit, access: .beheerder, use: Self.audit)
        app.get(.auditCSV, access: .beheerder, use: Self.auditCSV)
        app.get(.outbox, access: .beheerder, use: Self.outbox)
        app.post(.outboxResend(":id"), access: .beheerder, use: Self.postOutboxResend)
    }

    struct AuditFilter { var entity: String?; var actor: String?; var from: String?; var to: String? }

    static func auditEntries(_ req: Request) async throws -> ([AuditEntryModel], AuditFilter, Domain.Page<AuditEntryModel>) {
        var reader = QueryReader(req, allowed: ["entity", "actor", "from", "to", "page", "per", "sep"])
        let filter = AuditFilter(entity: reader.string("entity"), actor: reader.string("actor"), from: reader.string("from"), to: reader.string("to"))
        let pageRequest = reader.page()
        var query = AuditEntryModel.query(on: req.db).sort(\.$at, .descending)
        if let e = filter.entity { query = query.filter(\.$entity == e) }
        if let a = filter.actor { query = query.filter(\.$actor == a) }
        for (name, value, isFrom) in [("from", filter.from, true), ("to", filter.to, false)] {
            guard let value else { continue }
            guard let d = PartialDate(value), let day = d.day, let date = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
                  year: d.year, month: d.month, day: day).date else {
                reader.errors.append(FieldError(name: name, reason: "'\(value)' is not a date (YYYY-MM-DD)")); continue
            }
            query = isFrom ? query.filter(\.$at >= date) : query.filter(\.$at < date.addingTimeInterval(86_400))
        }
        if !reader.errors.isEmpty { throw InvalidInput(errors: reader.errors) }
        let entries = try await query.all()
        return (entries, filter, entries.paged(pageRequest))
    }

    static func timestamp(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: d)
    }

    static func describe(_ json: String) -> String {
        guard let changes = try? JSONDecoder().decode([FieldChange].self, from: Data(json.utf8)) else { return json }
        return changes.map { "\($0.field): \($0.before ?? "∅") → \($0.after ?? "∅")" }.joined(separator: "; ")
    }

    static func accountsPage(_ req: Request, form: AccountForm, errors: [String: String], status: HTTPStatus = .ok) async throws -> Response {
        let accounts = try await req.accounts.accounts()
        let ctx = PageSupport.context(req, title: Localized("Accounts", "Accounts"), section: nil)
        let t = ctx.t, lang = ctx.lang
        return PageSupport.html(Layout.render(ctx, .group(
            .p(.a(.href(SiteRoute.audit.path), .text(t("Auditlog", "Audit log"))), .text(" · "), .a(.href(SiteRoute.outbox.path), .text(t("Uitgaande berichten", "Outbox")))),
            Components.table(caption: t("Accounts", "Accounts"), headers: [t("Naam", "Name"), t("E-mailadres", "E-mail"), t("Rol", "Role"), t("Organisatie", "Organisation"), t("Projecten", "Projects")],
                rows: accounts.map { a in [.text(a.name + (a.isDemo ? t(" (demo)", " (demo)") : "") + (a.erasedAt != nil ? t(" (gewist)", " (erased)") : "")),
                                           .text(a.email), .text(a.role.label(lang)), .text(a.organizationId ?? "–"), .text(a.projectIds.joined(separator: ", "))] },
                numericFrom: 99),
            .h2(.text(t("Nieuw account", "New account"))),
            .p(.text(t("Het nieuwe account krijgt een bericht met een link om zelf een wachtwoord te kiezen (7 dagen geldig).",
                       "The new account gets a message with a link to choose a password (valid for 7 days)."))),
            Components.postForm(action: SiteRoute.adminAccounts.path, csrf: ctx.csrf, class: "edit", [
                Components.field("email", label: t("E-mailadres", "E-mail address"), value: form.email, type: "email", error: errors["email"], required: true),
                Components.field("name", label: t("Naam", "Name"), value: form.name, error: errors["name"], required: true),
                Components.select(name: "role", label: t("Rol", "Role"), options: Role.allCases.map { ($0.rawValue, $0.label(lang)) }, selected: form.role, error: errors["role"]),
                Components.field("function", label: t("Functie (optioneel)", "Function (optional)"), value: form.function),
                Components.field("organizationId", label: t("Organisatie (id, voor een contactpersoon)", "Organisation (id, for a contact person)"), value: form.organizationId, error: errors["organizationId"]),
                Components.field("projectIds", label: t("Projecten (ids, voor een projectleider)", "Projects (ids, for a project leader)"), value: form.projectIds, error: errors["projectIds"]),
                Components.field("phone", label: t("Telefoon (optioneel)", "Phone (optional)"), value: form.phone, type: "tel", error: errors["phone"]),
                Components.select(name: "language", label: t("Taal van de e-mail", "Language of the e-mail"),
                                  options: [("nl", "Nederlands"), ("en", "English")], selected: form.language ?? "nl", error: errors["language"]),
                .element(named: "button", nodes: [.attribute(named: "type", value: "submit"), .text(t("Account aanmaken", "Create account"))]),
            ])
        )), status: status)
    }

    @Sendable static func postAdminAccounts(_ req: Request) async throws -> some AsyncResponseEncodable {
        let form = try req.content.decode(AccountForm.self)
        // Only what the checks read: the named organisation and the projects (issue 13). The rules are the
        // Domain's (`AccountDraft`), the same the command line's `user add` applies.
        let data = try await PageSupport.data(req, reads: [Project.entity])
        let named = try await RecordStore(req.db).organizations([(form.organizationId ?? "").trimmingCharacters(in: .whitespaces)])
        let draft = AccountDraft(email: form.email ?? "", name: form.name ?? "", role: form.role ?? "", function: form.function ?? "",
                                 organizationId: form.organizationId ?? "", projectIds: form.projectIds ?? "", phone: form.phone ?? "", language: form.language ?? "nl")
        let account: Account
        switch draft.account(id: UUID().uuidString, organizationExists: { id in named.contains { $0.id == id } }, projectExists: { id in data.projects.contains { $0.id == id } }) {
        case .success(let made): account = made
        case .failure(let errors): return try await Self.accountsPage(req, form: form, errors: errors.messages(req.lang), status: .badRequest)
        }
        do { try await req.accounts.create(account, actor: req.actor?.accountId ?? "?") }
        catch AccountError.emailTaken {
            let taken = Localized("Er is al een account met dit adres.", "An account with this address exists.")
            return try await Self.accountsPage(req, form: form, errors: ["email": taken(req.lang)], status: .badRequest)
        }
        try await AuthRoutes.sendResetLink(to: account, on: req, lifetime: 7 * 24 * 3600, welcome: true)
        return req.redirect(to: SiteRoute.adminAccounts.path)
    }

    @Sendable static func audit(_ req: Request) async throws -> some AsyncResponseEncodable {
        let (_, filter, page) = try await Self.auditEntries(req)
        let names = try await ActorNames.names(page.items.map(\.actor), on: req.db, lang: req.lang)
        let ctx = PageSupport.context(req, title: Localized("Auditlog", "Audit log"), section: nil)
        let t = ctx.t
        let body = Layout.render(ctx, .group(
            .element(named: "form", nodes: [.class("filters"), .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.audit.path),
                Components.field("entity", label: t("Soort record", "Record kind"), value: filter.entity),
                Components.field("actor", label: t("Door (account-id, cli)", "By (account id, cli)"), value: filter.actor),
                Components.field("from", label: t("Vanaf (JJJJ-MM-DD)", "From (YYYY-MM-DD)"), value: filter.from),
                Components.field("to", label: t("Tot en met", "Up to"), value: filter.to),
                .element(named: "button", nodes: [.attribute(named: "type", value: "submit"), .text(t("Filteren", "Filter"))])]),
            .p(.text(t("Exporteer: ", "Export: ")), Downloads.links(csv: SiteRoute.auditCSV.path + (req.url.query.map { "?" + $0 } ?? ""), xlsx: nil, lang: ctx.lang)),
            Components.table(caption: t("Wijzigingen", "Changes"), headers: [t("Wanneer", "When"), t("Door", "By"), t("Record", "Record"), t("Actie", "Action"), t("Velden", "Fields")],
                rows: page.items.map { e in [.text(Self.timestamp(e.at)), .text(names[e.actor].map { $0 + " (" + e.actor + ")" } ?? e.actor),
                                             .text(e.entity + " " + e.entityId), .text(e.action), .text(Self.describe(e.changes))] },
                numericFrom: 99),
            Components.pager(page, lang: ctx.lang) { SiteRoute.audit.path + query([("entity", filter.entity), ("actor", filter.actor), ("from", filter.from), ("to", filter.to), ("page", String($0))]) }
        ))
        return PageSupport.html(body)
    }

    @Sendable static func auditCSV(_ req: Request) async throws -> some AsyncResponseEncodable {
        let (entries, _, _) = try await Self.auditEntries(req)
        let rows = [["at", "actor", "entity", "entityId", "action", "changes"]]
            + entries.map { [Self.timestamp($0.at), $0.actor, $0.entity, $0.entityId, $0.action, $0.changes] }
        return try Downloads.csv(req, rows: rows, filename: "audit.csv")
    }

    @Sendable static func outbox(_ req: Request) async throws -> some AsyncResponseEncodable {
        let messages = try await OutboxMessageModel.query(on: req.db).sort(\.$createdAt, .descending).limit(200).all()
        let ctx = PageSupport.context(req, title: Localized("Uitgaande berichten", "Outbox"), section: nil)
        let t = ctx.t
        func status(_ m: OutboxMessageModel) -> Node<HTML.BodyContext> {
            if let sent = m.sentAt { return .text(t("Verstuurd ", "Sent ") + Self.timestamp(sent)) }
            let retry = Components.postForm(action: SiteRoute.outboxResend(m.id?.uuidString ?? "").path, csrf: ctx.csrf, class: "inline",
                                            [Components.submit(t("Opnieuw versturen", "Send again"))])
            if let failed = m.failedAt { return .group(.text(t("Mislukt ", "Failed ") + Self.timestamp(failed) + " (\(m.attempts)×)"), retry) }
            if m.attempts > 0 {
                return .group(.text(t("Wacht: \(m.attempts)× mislukt, opnieuw om ", "Waiting: failed \(m.attempts)×, next try ") + (m.nextAttemptAt.map(Self.timestamp) ?? "–")), retry)
            }
            return .text(t("Wacht op verzending", "Waiting to be sent"))
        }
        return PageSupport.html(Layout.render(ctx, .group(
            .p(.text(t("Berichten gaan via SMTP (MASTERPLAN_SMTP_URL) en worden bij een storing opnieuw geprobeerd; zonder SMTP blijven ze hier staan om zelf door te sturen.",
                       "Messages go out through SMTP (MASTERPLAN_SMTP_URL) and are retried after a failure; without SMTP they stay here to be forwarded by hand."))),
            Components.table(caption: t("Berichten", "Messages"), headers: [t("Aangemaakt", "Created"), t("Aan", "To"), t("Onderwerp", "Subject"), t("Inhoud", "Body"), t("Status", "Status"), t("Antwoord van de server", "Server's reply")],
                rows: messages.map { m in [.text(Self.timestamp(m.createdAt ?? Date())), .text(m.recipient), .text(m.subject), .text(m.body), status(m), .text(m.lastReply ?? "–")] },
                numericFrom: 99)
        )))
    }

    @Sendable static func postOutboxResend(_ req: Request) async throws -> some AsyncResponseEncodable {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw Abort(.notFound) }
        try await MailQueue.retry(id, on: req.db)
        try await AuditLog.record(on: req.db, actor: DeskSupport.actorId(req), entity: "outbox", entityId: id.uuidString, action: "resend", changes: [])
        try await Outbox.tryNow(id, app: req.application, logger: req.logger)
        return req.redirect(to: SiteRoute.outbox.path)
    }
}
