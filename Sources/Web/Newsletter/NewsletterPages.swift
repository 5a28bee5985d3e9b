import Domain
import Fluent
import Foundation
import Persistence
import Plot
import Vapor

/// The newsletter's pages: for everyone (subscribe, confirmed, unsubscribe, archive) and for its editors.
enum NewsletterPages {
    static func subscribe(_ req: Request, form: NewsletterRoutes.SubscribeForm, errors: [String: String], status: HTTPStatus = .ok) -> Response {
        let ctx = PageSupport.context(req, title: Localized("Nieuwsbrief", "Newsletter"), section: nil)
        let t = ctx.t, lang = ctx.lang
        let chosen = Set(form.lists ?? [])
        return PageSupport.html(Layout.render(ctx, .group(
            .if(req.query[String.self, at: "aangevraagd"] != nil,
                .p(.class("note"), .attribute(named: "role", value: "status"),
                   .text(t("Bijna klaar: we hebben u een e-mail gestuurd. Klik op de link daarin om uw aanmelding te bevestigen.",
                           "Almost done: we sent you an e-mail. Click the link in it to confirm your subscription.")))),
            .p(.text(t("Vanuit het Masterplan Techniek Amsterdam gaat periodiek een digitale nieuwsbrief uit over de laatste ontwikkelingen van de projecten (§6). Kies waarover u wilt horen.",
                       "The Masterplan Techniek Amsterdam sends a digital newsletter now and then about the latest developments in its projects (§6). Choose what you want to hear about."))),
            Components.errorSummary(errors, t),
            // Anonymous visitors too: the double-submit token of `AnonymousCSRF`.
            Components.postForm(action: SiteRoute.newsletter.path, csrf: req.csrfToken, class: "edit", [
                Components.field("email", label: t("E-mailadres", "E-mail address"), value: form.email, type: "email", error: errors["email"], required: true, autocomplete: "email"),
                Components.field("name", label: t("Naam (optioneel)", "Name (optional)"), value: form.name, error: errors["name"], autocomplete: "name"),
                Components.select(name: "language", label: t("Taal van de nieuwsbrief", "Language of the newsletter"),
                                  options: [("nl", "Nederlands"), ("en", "English")], selected: form.language ?? lang.rawValue, error: errors["language"]),
                Components.checkboxes("lists", legend: t("Lijsten", "Lists"), options: NewsletterList.allCases.map { ($0.rawValue, $0.label(lang)) },
                                      checked: chosen, error: errors["lists"]),
                .p(.class("hint"), .text(ConsentText.form(NewsletterList.allCases.filter { chosen.contains($0.rawValue) }.isEmpty ? [.nieuwsbrief] : NewsletterList.allCases.filter { chosen.contains($0.rawValue) }, lang: lang))),
                Components.submit(t("Aanmelden", "Subscribe")),
            ]),
            .p(.a(.href(SiteRoute.newsletterArchive.path), .text(t("Eerdere nieuwsbrieven lezen", "Read earlier newsletters"))))
        )), status: status)
    }

    static func confirmed(_ req: Request, subscriber: SubscriberModel, subscriptions: [SubscriptionModel]) -> Response {
        let ctx = PageSupport.context(req, title: Localized("Aanmelding bevestigd", "Subscription confirmed"), section: nil)
        let t = ctx.t, lang = ctx.lang
        return PageSupport.html(Layout.render(ctx, .group(
            .p(.attribute(named: "role", value: "status"), .text(t("Dank u. U ontvangt voortaan:", "Thank you. From now on you receive:"))),
            consentTable(subscriptions, lang: lang),
            .p(.text(t("Afmelden kan altijd met de link onderaan elke nieuwsbrief, zonder inloggen.", "You can always unsubscribe with the link at the bottom of every newsletter, without logging in."))),
            .p(.a(.href(SiteRoute.newsletterUnsubscribe(token: subscriber.unsubscribeToken).path), .text(t("Nu afmelden", "Unsubscribe now"))))
        )))
    }

    /// What each subscription rests on: when, through which form, and the words the person agreed to.
    static func consentTable(_ subscriptions: [SubscriptionModel], lang: Lang) -> Node<HTML.BodyContext> {
        Components.table(caption: lang == .nl ? "Uw aanmeldingen en toestemming" : "Your subscriptions and consent",
                         headers: lang == .nl ? ["Lijst", "Status", "Toestemming gegeven", "Via", "Tekst"] : ["List", "Status", "Consent given", "Through", "Text"],
                         rows: subscriptions.map { s in
                             [.text(s.newsletterList?.label(lang) ?? s.list), .text(s.subscriptionStatus.label(lang)),
                              .text(AuditTime.label(s.consentAt)), .text(s.consentSource), .text(s.consentText)]
                         }, numericFrom: 99)
    }

    static func unsubscribe(_ req: Request, token: String, done: Bool) -> Response {
        let ctx = PageSupport.context(req, title: Localized("Afmelden", "Unsubscribe"), section: nil)
        let t = ctx.t
        return PageSupport.html(Layout.render(ctx, done
            ? .group(.p(.attribute(named: "role", value: "status"),
                        .text(t("U bent afgemeld voor alle lijsten. U krijgt geen nieuwsbrief meer.", "You are unsubscribed from every list. You will receive no more newsletters."))),
                     .p(.a(.href(SiteRoute.newsletter.path), .text(t("Opnieuw aanmelden", "Subscribe again")))))
            // The GET only asks: mail scanners open links, and opening must not unsubscribe anyone.
            : .group(.p(.text(t("Wilt u geen nieuwsbrief meer ontvangen? Eén klik is genoeg.", "No more newsletters? One click is enough."))),
                     .element(named: "form", nodes: [.attribute(named: "method", value: "post"),
                                                     .attribute(named: "action", value: SiteRoute.newsletterUnsubscribe(token: token).path),
                                                     Components.submit(t("Afmelden", "Unsubscribe"))]))))
    }

    static func message(_ req: Request, title: Localized, text: Localized, status: HTTPStatus) -> Response {
        let ctx = PageSupport.context(req, title: title, section: nil)
        return PageSupport.html(Layout.render(ctx, .p(.text(text(ctx.lang)))), status: status)
    }

    static func archive(_ req: Request, issues: [NewsletterIssue]) -> Response {
        let ctx = PageSupport.context(req, title: Localized("Nieuwsbrieven", "Newsletters"), section: nil)
        let t = ctx.t, lang = ctx.lang
        return PageSupport.html(Layout.render(ctx, .group(
            .p(.a(.href(SiteRoute.newsletter.path), .text(t("Aanmelden voor de nieuwsbrief", "Subscribe to the newsletter"))), .text(" · "),
               .a(.href(SiteRoute.newsletterFeed.path), .attribute(named: "type", value: "application/atom+xml"), .text(t("Atom-feed", "Atom feed")))),
            issues.isEmpty ? .p(.text(t("Er is nog geen nieuwsbrief verstuurd.", "No newsletter has been sent yet."))) :
            .ul(.forEach(issues) { i in
                .li(.a(.href(SiteRoute.newsletterIssue(i.id).path), .text(i.subject(lang))), .text(" – " + (i.sentAt.map { PartialDate(day: $0).label(lang) } ?? "")))
            })
        )))
    }

    static func admin(_ req: Request) async throws -> Response {
        let ctx = PageSupport.context(req, title: Localized("Nieuwsbrief beheren", "Manage the newsletter"), section: nil)
        let t = ctx.t, lang = ctx.lang
        let store = NewsletterStore(req.db)
        let (perList, bouncing) = try await store.counts()
        let issues = try await store.issues()
        return PageSupport.html(Layout.render(ctx, .group(
            Components.table(caption: t("Aangemelde lezers (bevestigd)", "Subscribed readers (confirmed)"), headers: [t("Lijst", "List"), t("Lezers", "Readers")],
                             rows: NewsletterList.allCases.map { [.text($0.label(lang)), .text(String(perList[$0] ?? 0))] }, numericFrom: 1),
            .p(.text(t("Adressen die niet meer aankomen (niets meer naartoe): ", "Addresses that no longer receive (nothing more sent): ") + String(bouncing))),
            .p(.a(.href(SiteRoute.newsletterImport.path), .text(t("Een bestaande lijst importeren (CSV, met toestemming)", "Import an existing list (CSV, with consent)")))),
            Components.table(caption: t("Nummers", "Issues"), headers: [t("Onderwerp", "Subject"), t("Status", "Status"), t("Verstuurd", "Sent")],
                             rows: issues.map { i in
                                 [.a(.href(SiteRoute.newsletterEdit(i.id).path), .text(i.subject(lang).isEmpty ? i.id : i.subject(lang))),
                                  .text(i.status.label(lang)), .text(i.sentAt.map(AuditTime.label) ?? "–")]
                             }, numericFrom: 99),
            Components.postForm(action: SiteRoute.newsletterAdmin.path, csrf: ctx.csrf, [Components.submit(t("Nieuw nummer", "New issue"))])
        )))
    }

    static func importPage(_ req: Request, result: (accepted: Int, refused: [SubscriberImport.Refused])?, error: String?, status: HTTPStatus = .ok) -> Response {
        let ctx = PageSupport.context(req, title: Localized("Lijst importeren", "Import a list"), section: nil)
        let t = ctx.t, lang = ctx.lang
        return PageSupport.html(Layout.render(ctx, .group(
            .p(.text(t("Kolommen: email, name, language (nl of en), lists (gescheiden door ;), consent (wanneer en hoe de persoon toestemming gaf). Een rij zonder toestemming wordt niet geïmporteerd.",
                       "Columns: email, name, language (nl or en), lists (separated by ;), consent (when and how the person agreed). A row without consent is not imported."))),
            .unwrap(error) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .unwrap(result) { r in .group(
                .p(.class("note"), .attribute(named: "role", value: "status"), .text(t("\(r.accepted) adres(sen) geïmporteerd, \(r.refused.count) geweigerd.", "\(r.accepted) address(es) imported, \(r.refused.count) refused."))),
                .if(!r.refused.isEmpty, Components.table(caption: t("Geweigerde rijen", "Refused rows"), headers: [t("Regel", "Line"), t("E-mailadres", "E-mail"), t("Reden", "Reason")],
                                                         rows: r.refused.map { [.text(String($0.line)), .text($0.email), .text($0.reason(lang))] }, numericFrom: 99))) },
            .element(named: "form", nodes: [
                .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.newsletterImport.path),
                .attribute(named: "enctype", value: "multipart/form-data"), .class("edit"),
                .input(.type(.hidden), .name("_csrf"), .value(ctx.csrf ?? "")),
                Components.field("file", label: t("CSV-bestand", "CSV file"), value: nil, type: "file", required: true),
                Components.submit(t("Importeren", "Import")),
            ])
        )), status: status)
    }
}
