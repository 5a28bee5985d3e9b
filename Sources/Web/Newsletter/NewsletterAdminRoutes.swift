import Domain
import Fluent
import Foundation
import Persistence
import Reports
import Vapor

/// Composing and sending (the beheerder and the communicatie role), importing a list with consent, images; and a
/// signed-in person's own subscription from /account.
struct NewsletterAdminRoutes {
    static let editors = Access.roles([.beheerder, .communicatie])
    static let maxImageBytes = 2 << 20

    func register(_ app: Application) {
        app.get(.newsletterAdmin, access: Self.editors) { req in try await NewsletterPages.admin(req) }
        app.post(.newsletterAdmin, access: Self.editors, use: Self.postNewsletterAdmin)
        app.get(.newsletterEdit(":id"), access: Self.editors, use: Self.newsletterEdit)
        app.on(.POST, .newsletterEdit(":id"), access: Self.editors, maxBody: "1mb", use: Self.postNewsletterEdit)
        app.get(.newsletterPreview(":id", .nl), access: Self.editors, use: Self.newsletterPreview)
        // A test send goes to the signed-in editor only, in both languages, without a personal unsubscribe link.
        app.post(.newsletterTest(":id"), access: Self.editors, use: Self.postNewsletterTest)
        app.post(.newsletterSend(":id"), access: Self.editors) { req in try await Self.schedule(req) }
        app.get(.newsletterImport, access: Self.editors) { req in NewsletterPages.importPage(req, result: nil, error: nil) }
        app.on(.POST, .newsletterImport, access: Self.editors, maxBody: "10mb") { req in try await Self.importList(req) }
        app.on(.POST, .newsletterImageUpload, access: Self.editors, maxBody: "3mb") { req in try await Self.uploadImage(req) }
        app.post(.accountNewsletter, access: .signedIn, use: Self.postAccountNewsletter)
    }

    static func stamp() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX"); f.timeZone = TimeZone(identifier: "Europe/Amsterdam"); f.dateFormat = "yyyyMMdd"
        return f.string(from: Date())
    }

    static func issue(_ req: Request) async throws -> NewsletterIssue {
        guard let issue = try await NewsletterStore(req.db).issue(try req.parameters.require("id")) else { throw Abort(.notFound) }
        return issue
    }

    /// "Send now" or at a time: the issue must be complete; a time in the past means now.
    static func schedule(_ req: Request) async throws -> Response {
        var issue = try await issue(req)
        guard issue.editable else { throw PageError(.conflict, "dit nummer wordt al verstuurd of is al verstuurd", "this issue is being sent or was sent already") }
        var errors = issue.readiness()
        let when = (try? req.content.get(String.self, at: "when")) ?? "now"
        var at = Date()
        if when == "later" {
            if let typed = (try? req.content.get(String.self, at: "at")).flatMap(NewsletterEditor.scheduledTime) { at = max(typed, Date()) }
            else { errors["at"] = Localized("Een datum en tijd als 2026-12-01T09:00.", "A date and time such as 2026-12-01T09:00.") }
        }
        if !errors.isEmpty { return try await NewsletterPages.editor(req, issue: issue, errors: errors.messages(req.lang), status: .badRequest) }
        issue.status = .scheduled
        issue.scheduledAt = at
        guard try await NewsletterStore(req.db).save(issue, actor: DeskSupport.actorId(req)) else { throw Abort(.conflict) }
        if when != "later" {
            let app = req.application, logger = req.logger
            Task { do { try await NewsletterSending.tick(app) } catch { logger.error("Newsletter: \(error)") } }
        }
        return req.redirect(to: SiteRoute.newsletterEdit(issue.id).path + "?ingepland=1")
    }

    static func importList(_ req: Request) async throws -> Response {
        guard let file = try? req.content.get(File.self, at: "file"), file.data.readableBytes > 0 else {
            return NewsletterPages.importPage(req, result: nil, error: req.lang == .nl ? "Kies een CSV-bestand." : "Choose a CSV file.", status: .unprocessableEntity)
        }
        let name = file.filename.isEmpty ? "upload.csv" : String(file.filename.prefix(120))
        guard let text = String(data: Data(buffer: file.data), encoding: .utf8) else {
            return NewsletterPages.importPage(req, result: nil, error: req.lang == .nl ? "Het bestand is geen UTF-8-tekst." : "The file is not UTF-8 text.", status: .badRequest)
        }
        do {
            let header = text.unicodeScalars.prefix { $0 != "\n" }
            let separator: Unicode.Scalar = header.contains(";") && !header.contains(",") ? ";" : ","
            let (accepted, refused) = try SubscriberImport.parse(CSV.parse(text, file: name, separator: separator), file: name)
            try await NewsletterStore(req.db).importRows(accepted, file: name, token: { randomToken() })
            try await AuditLog.record(on: req.db, actor: DeskSupport.actorId(req), entity: "newsletter_subscriptions", entityId: name, action: "import",
                                      changes: [FieldChange(field: "rows", before: nil, after: "\(accepted.count) accepted, \(refused.count) refused")])
            return NewsletterPages.importPage(req, result: (accepted.count, refused), error: nil)
        } catch let error as DatasetError {
            return NewsletterPages.importPage(req, result: nil, error: error.description, status: .badRequest)
        }
    }

    /// PNG or JPEG (by their first bytes, whatever the name says), at most 2 MB.
    static func uploadImage(_ req: Request) async throws -> Response {
        let back = (try? req.content.get(String.self, at: "issue")) ?? ""
        guard let file = try? req.content.get(File.self, at: "image"), file.data.readableBytes > 0 else { throw PageError(.badRequest, "afbeelding: kies een bestand", "image: choose a file") }
        let bytes = Data(buffer: file.data)
        guard bytes.count <= maxImageBytes else { throw PageError(.payloadTooLarge, "afbeelding: hoogstens 2 MB", "image: at most 2 MB") }
        let type: String
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { type = "image/png" }
        else if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { type = "image/jpeg" }
        else { throw PageError(.unsupportedMediaType, "afbeelding: een PNG- of JPEG-bestand", "image: a PNG or JPEG file") }
        let id = try await NewsletterStore(req.db).saveImage(bytes, contentType: type)
        try await AuditLog.record(on: req.db, actor: DeskSupport.actorId(req), entity: "newsletter_images", entityId: id.uuidString, action: "upload", changes: [])
        guard !back.isEmpty, try await NewsletterStore(req.db).issue(back) != nil else { return req.redirect(to: SiteRoute.newsletterAdmin.path) }
        return req.redirect(to: SiteRoute.newsletterEdit(back).path + "?afbeelding=" + id.uuidString)
    }

    @Sendable static func postNewsletterAdmin(_ req: Request) async throws -> some AsyncResponseEncodable {
        let id = "nb-" + Self.stamp() + "-" + String(randomToken().prefix(4)).lowercased()
        let issue = NewsletterIssue(id: id, subject: Localized("", ""), blocks: [.text(Localized("", ""))], lists: [.nieuwsbrief])
        _ = try await NewsletterStore(req.db).save(issue, actor: DeskSupport.actorId(req))
        return req.redirect(to: SiteRoute.newsletterEdit(id).path)
    }

    @Sendable static func newsletterEdit(_ req: Request) async throws -> some AsyncResponseEncodable {
        try await NewsletterPages.editor(req, issue: try await Self.issue(req), errors: [:])
    }

    @Sendable static func postNewsletterEdit(_ req: Request) async throws -> some AsyncResponseEncodable {
        let issue = try await Self.issue(req)
        guard issue.editable else { throw PageError(.conflict, "dit nummer wordt verstuurd of is verstuurd en kan niet meer veranderen", "this issue is being sent or was sent and cannot change") }
        let form = try req.content.decode([String: String].self)
        let (changed, errors) = NewsletterEditor.apply(form, to: issue)
        if !errors.isEmpty { return try await NewsletterPages.editor(req, issue: changed, errors: errors.messages(req.lang), status: .badRequest) }
        guard try await NewsletterStore(req.db).save(changed, actor: DeskSupport.actorId(req)) else { throw Abort(.conflict) }
        return req.redirect(to: SiteRoute.newsletterEdit(issue.id).path + "?opgeslagen=1")
    }

    @Sendable static func newsletterPreview(_ req: Request) async throws -> some AsyncResponseEncodable {
        let issue = try await Self.issue(req)
        let lang = req.query[String.self, at: "lang"].flatMap(Lang.init(rawValue:)) ?? req.lang
        let out = NewsletterRender.render(issue, data: try await NewsletterSending.snapshot(req.application), lang: lang,
                                          unsubscribeURL: req.application.absoluteURL(SiteRoute.newsletter.path),
                                          archiveURL: req.application.absoluteURL(SiteRoute.newsletterArchive.path))
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: .ok, headers: headers, body: .init(string: out.html))
    }

    @Sendable static func postNewsletterTest(_ req: Request) async throws -> some AsyncResponseEncodable {
        let issue = try await Self.issue(req)
        let me = try req.requireSignedIn().account
        let data = try await NewsletterSending.snapshot(req.application)
        for lang in Lang.allCases {
            let out = NewsletterRender.render(issue, data: data, lang: lang, unsubscribeURL: nil,
                                              archiveURL: req.application.absoluteURL(SiteRoute.newsletterArchive.path))
            let message = OutboxMessageModel(recipient: me.email, subject: "[TEST] " + out.subject, body: out.text, html: out.html, language: lang.rawValue)
            try await message.create(on: req.db)
            if let id = message.id { Outbox.tryInBackground(id, app: req.application, logger: req.logger) }
        }
        return req.redirect(to: SiteRoute.newsletterEdit(issue.id).path + "?test=1")
    }

    @Sendable static func postAccountNewsletter(_ req: Request) async throws -> some AsyncResponseEncodable {
        let account = try req.requireSignedIn().account
        let lists = NewsletterList.allCases.filter { (try? req.content.get(String.self, at: "list_" + $0.rawValue)) != nil }
        let chosen = lists.isEmpty ? [NewsletterList.nieuwsbrief] : lists
        try await NewsletterStore(req.db).subscribeConfirmed(email: account.email, name: account.name, language: account.language, lists: chosen,
                                                              consent: Consent(at: Date(), source: "account", text: ConsentText.account(chosen, lang: req.lang)),
                                                              unsubscribeToken: { randomToken() })
        return req.redirect(to: SiteRoute.account.path + "?nieuwsbrief=1")
    }
}
