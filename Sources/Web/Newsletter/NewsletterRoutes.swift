import Domain
import Fluent
import Foundation
import Persistence
import Plot
import Reports
import Vapor

/// The newsletter for everyone (§6): subscribe with double opt-in, confirm, leave with one click (RFC 8058), the
/// archive of issues sent and its Atom feed, and the images the issues show. No page here asks for a login.
struct NewsletterRoutes {
    struct SubscribeForm: Content {
        var email: String?; var name: String?; var language: String?; var lists: [String]?
    }

    func register(_ app: Application) {
        app.get(.newsletter, access: .public, use: Self.newsletter)
        app.post(.newsletter, access: .public) { req in try await Self.subscribe(req) }
        app.get(.newsletterConfirm(token: ""), access: .public) { req in try await Self.confirm(req) }
        app.get(.newsletterUnsubscribe(token: ":token"), access: .public, use: Self.newsletterUnsubscribe)
        // The one-click POST of RFC 8058 comes from a mail client without a session or CSRF token; the secret in the
        // path is the proof, and unsubscribing is the only thing it can do.
        app.post(.newsletterUnsubscribe(token: ":token"), access: .public) { req in
            let token = try req.parameters.require("token")
            guard try await NewsletterStore(req.db).unsubscribe(token: token) != nil else { throw Abort(.notFound) }
            return NewsletterPages.unsubscribe(req, token: token, done: true)
        }.provedBySecretInPath()
        app.get(.newsletterArchive, access: .public, use: Self.newsletterArchive)
        app.get(.newsletterFeed, access: .public, use: Self.newsletterFeed)
        app.get(.newsletterIssue(":id"), access: .public, use: Self.newsletterIssue)
        app.get(.newsletterImage(":id"), access: .public, use: Self.newsletterImage)
    }

    /// Always the same answer, whether the address was known or not: the form never tells who subscribes.
    static func subscribe(_ req: Request) async throws -> Response {
        let form = try req.content.decode(SubscribeForm.self)
        switch SubscribeRequest.check(email: form.email, name: form.name, language: form.language, lists: form.lists ?? []) {
        case .failure(let errors):
            return NewsletterPages.subscribe(req, form: form, errors: errors.messages(req.lang), status: .badRequest)
        case .success(let request):
            // Nobody can make the platform mail an address over and over (nor flood it from one client).
            guard try await FormThrottle.allow([("subscribe-ip:" + (req.clientAddress ?? "unknown"), 20), ("subscribe-email:" + request.email, 3)],
                                               on: req.db) else { throw FormThrottle.tooMany() }
            let token = randomToken()
            let consent = Consent(at: Date(), source: "form", text: ConsentText.form(request.lists, lang: request.language))
            try await NewsletterStore(req.db).subscribe(request, consent: consent, confirmTokenHash: APITokens.hash(token), unsubscribeToken: randomToken())
            let link = req.application.absoluteURL(SiteRoute.newsletterConfirm(token: token).path)
            try await Outbox.send(to: request.email, language: request.language, on: req) { lang in
                Messages.confirmSubscription(name: request.name, lists: request.lists.map { $0.label(lang) },
                                             link: link, days: Int(NewsletterStore.confirmationLifetime / 86_400), lang: lang)
            }
            return req.redirect(to: SiteRoute.newsletter.path + "?aangevraagd=1")
        }
    }

    static func confirm(_ req: Request) async throws -> Response {
        guard let token = req.query[String.self, at: "token"], !token.isEmpty,
              let subscriber = try await NewsletterStore(req.db).confirm(tokenHash: APITokens.hash(token)) else {
            return NewsletterPages.message(req, title: Localized("Link verlopen", "Link expired"),
                                           text: Localized("Deze bevestigingslink is verlopen of al gebruikt. Meld u opnieuw aan; u krijgt dan een nieuwe link.",
                                                           "This confirmation link has expired or was used already. Subscribe again to get a new link."),
                                           status: .notFound)
        }
        let lists = try await NewsletterStore(req.db).subscriptions(email: subscriber.email)?.1.filter { $0.subscriptionStatus == .confirmed } ?? []
        return NewsletterPages.confirmed(req, subscriber: subscriber, subscriptions: lists)
    }

    @Sendable static func newsletter(_ req: Request) async throws -> some AsyncResponseEncodable {
        NewsletterPages.subscribe(req, form: SubscribeForm(language: req.lang.rawValue, lists: [NewsletterList.nieuwsbrief.rawValue]), errors: [:])
    }

    @Sendable static func newsletterUnsubscribe(_ req: Request) async throws -> some AsyncResponseEncodable {
        NewsletterPages.unsubscribe(req, token: try req.parameters.require("token"), done: false)
    }

    @Sendable static func newsletterArchive(_ req: Request) async throws -> some AsyncResponseEncodable {
        NewsletterPages.archive(req, issues: try await NewsletterStore(req.db).sentIssues())
    }

    @Sendable static func newsletterFeed(_ req: Request) async throws -> some AsyncResponseEncodable {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
        let issues = try await NewsletterStore(req.db).sentIssues()
        return Response(status: .ok, headers: headers, body: .init(string: NewsletterFeed.atom(issues, lang: req.lang, base: req.application.absoluteURL(""))))
    }

    @Sendable static func newsletterIssue(_ req: Request) async throws -> some AsyncResponseEncodable {
        guard let issue = try await NewsletterStore(req.db).issue(try req.parameters.require("id")), issue.status == .sent,
              let html = issue.sentHTML?(req.lang) else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: .ok, headers: headers, body: .init(string: html))
    }

    @Sendable static func newsletterImage(_ req: Request) async throws -> some AsyncResponseEncodable {
        guard let id = UUID(uuidString: try req.parameters.require("id")), let image = try await NewsletterStore(req.db).image(id) else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: image.contentType)
        headers.cacheControl = .init(isPublic: true, maxAge: 86_400)
        return Response(status: .ok, headers: headers, body: .init(data: image.bytes))
    }
}

/// The archive as an Atom feed (RFC 4287): one entry per issue sent, its HTML as content.
enum NewsletterFeed {
    static func atom(_ issues: [NewsletterIssue], lang: Lang, base: String) -> String {
        let f = ISO8601DateFormatter()
        let updated = issues.compactMap(\.sentAt).max() ?? Date(timeIntervalSince1970: 0)
        var s = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(lang.rawValue)\">"
        s += "<title>\(escapeXML(lang == .nl ? "Nieuwsbrief Masterplan Techniek Amsterdam" : "Masterplan Techniek Amsterdam newsletter"))</title>"
        s += "<id>\(escapeXML(base + SiteRoute.newsletterArchive.path))</id><updated>\(f.string(from: updated))</updated>"
        s += "<link rel=\"self\" href=\"\(escapeXML(base + SiteRoute.newsletterFeed.path))\"/><link href=\"\(escapeXML(base + SiteRoute.newsletterArchive.path))\"/>"
        s += "<author><name>Masterplan Techniek Amsterdam</name></author>"
        for issue in issues {
            let url = base + SiteRoute.newsletterIssue(issue.id).path
            s += "<entry><title>\(escapeXML(issue.subject(lang)))</title><id>\(escapeXML(url))</id><link href=\"\(escapeXML(url))\"/>"
            s += "<updated>\(f.string(from: issue.sentAt ?? updated))</updated>"
            s += "<content type=\"html\">\(escapeXML(issue.sentHTML?(lang) ?? ""))</content></entry>"
        }
        return s + "</feed>\n"
    }
}
