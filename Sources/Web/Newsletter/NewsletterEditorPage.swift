import Domain
import Fluent
import Foundation
import Persistence
import Plot
import Vapor

/// The editor: subject, lists and numbered blocks in one form (no JavaScript), the image upload, preview in both
/// languages, a test send, and sending now or at a time. Once sending starts, the page shows each recipient's status.
extension NewsletterPages {
    static let blockKinds: [(String, Localized)] = [
        ("text", Localized("Tekst (Markdown)", "Text (Markdown)")),
        ("image", Localized("Afbeelding", "Image")),
        ("timeline", Localized("Nieuw op de tijdlijn", "New on the timeline")),
        ("events", Localized("Komende evenementen", "Upcoming events")),
        ("matchingday", Localized("Volgende Matchingday met aanmeldlink", "Next Matchingday with registration link")),
        ("figures", Localized("Kerncijfers van dit schooljaar", "Key figures of this school year")),
        ("vrienden", Localized("Nieuwe Vrienden", "New Vrienden")),
    ]

    static func editor(_ req: Request, issue: NewsletterIssue, errors: [String: String], status: HTTPStatus = .ok) async throws -> Response {
        let title = issue.subject(req.lang).isEmpty ? Localized("Nieuw nummer", "New issue") : Localized(issue.subject.nl, issue.subject.en)
        let ctx = PageSupport.context(req, title: title, section: nil)
        let t = ctx.t, lang = ctx.lang
        let notes: [(String, String)] = [("opgeslagen", t("Opgeslagen.", "Saved.")), ("test", t("Testversie naar uw eigen adres gestuurd (Nederlands en Engels).", "Test version sent to your own address (Dutch and English).")),
                                         ("ingepland", t("Ingepland: de nieuwsbrief gaat uit op het gekozen moment.", "Scheduled: the newsletter goes out at the chosen time.")),
                                         ("afbeelding", t("Afbeelding geüpload; kies haar in een afbeeldingsblok.", "Image uploaded; choose it in an image block."))]
        let shown = notes.filter { req.query[String.self, at: $0.0] != nil }.map(\.1)
        guard issue.editable else {
            let deliveries = try await NewsletterStore(req.db).deliveries(of: issue.id)
            return PageSupport.html(Layout.render(ctx, .group(
                .forEach(shown) { .p(.class("note"), .attribute(named: "role", value: "status"), .text($0)) },
                .p(.text(issue.status.label(lang) + (issue.sentAt.map { " – " + AuditTime.label($0) } ?? ""))),
                .if(issue.status == .sent, .p(.a(.href(SiteRoute.newsletterIssue(issue.id).path), .text(t("In het archief", "In the archive"))))),
                Components.table(caption: t("Per ontvanger", "Per recipient"), headers: [t("E-mailadres", "E-mail"), t("Status", "Status"), t("Antwoord van de server", "Server's reply")],
                                 rows: deliveries.map { d in
                                     let state = d.message.map { m in m.sentAt != nil ? t("verstuurd", "sent") : m.failedAt != nil ? t("mislukt", "failed") : t("in de wachtrij", "queued") } ?? "–"
                                     return [.text(d.email), .text(state), .text(d.message?.lastReply ?? "")]
                                 }, numericFrom: 99)
            )))
        }
        let images = try await NewsletterImageModel.query(on: req.db).sort(\.$createdAt, .descending).limit(50).all()
        let imageOptions = [("", t("— kies —", "— choose —"))] + images.map { ($0.id!.uuidString, AuditTime.label($0.createdAt ?? Date()) + " (" + $0.contentType + ")") }
        let uploaded = req.query[String.self, at: "afbeelding"]
        var blockNodes: [Node<HTML.BodyContext>] = []
        for (i, block) in issue.blocks.enumerated() {
            let p = "b\(i)_"
            let label = blockKinds.first { $0.0 == block.kind }?.1(lang) ?? block.kind
            var fields: [Node<HTML.BodyContext>] = [
                .input(.type(.hidden), .name(p + "kind"), .value(block.kind)),
                Components.field(p + "order", label: t("Volgorde", "Order"), value: String(i + 1), type: "number"),
            ]
            switch block {
            case .text(let text):
                fields += [Components.textarea(p + "nl", label: t("Tekst (Nederlands)", "Text (Dutch)"), value: text.nl, error: nil, rows: 6),
                           Components.textarea(p + "en", label: t("Tekst (Engels)", "Text (English)"), value: text.en, error: nil, rows: 6)]
            case .image(let id, let alt):
                fields += [Components.select(name: p + "image", label: t("Afbeelding", "Image"), options: imageOptions, selected: id.isEmpty ? uploaded : id, error: nil),
                           Components.field(p + "altnl", label: t("Beschrijving (alt-tekst, Nederlands)", "Description (alt text, Dutch)"), value: alt.nl),
                           Components.field(p + "alten", label: t("Beschrijving (alt-tekst, Engels)", "Description (alt text, English)"), value: alt.en)]
            case .timeline(let since), .newVrienden(let since):
                fields.append(Components.field(p + "since", label: t("Vanaf (datum)", "From (date)"), value: since.description, type: "date"))
            case .upcomingEvents, .nextMatchingday, .keyFigures:
                fields.append(.p(.class("hint"), .text(t("Gevuld uit de gegevens van het programma bij het versturen.", "Filled from the programme's data when sent."))))
            }
            fields.append(.element(named: "label", nodes: [.input(.type(.checkbox), .name(p + "remove"), .value("1")), .text(" " + t("Blok verwijderen", "Remove block"))]))
            blockNodes.append(.element(named: "fieldset", nodes: [.class("block"), .element(named: "legend", nodes: [.text("\(i + 1). " + label)])]
                                       + fields + [.unwrap(errors["b\(i)"]) { .p(.class("error"), .id("b\(i)-error"), .text($0)) }]))
        }
        return PageSupport.html(Layout.render(ctx, .group(
            .forEach(shown) { .p(.class("note"), .attribute(named: "role", value: "status"), .text($0)) },
            Components.errorSummary(errors, t),
            .p(.a(.href(SiteRoute.newsletterAdmin.path), .text(t("Alle nummers", "All issues"))), .text(" · "),
               .a(.href(SiteRoute.newsletterPreview(issue.id, .nl).path), .text(t("Voorbeeld (Nederlands)", "Preview (Dutch)"))), .text(" · "),
               .a(.href(SiteRoute.newsletterPreview(issue.id, .en).path), .text(t("Voorbeeld (Engels)", "Preview (English)")))),
            Components.postForm(action: SiteRoute.newsletterEdit(issue.id).path, csrf: ctx.csrf, class: "edit", [
                Components.field("subject_nl", label: t("Onderwerp (Nederlands)", "Subject (Dutch)"), value: issue.subject.nl, error: errors["subject"]),
                Components.field("subject_en", label: t("Onderwerp (Engels)", "Subject (English)"), value: issue.subject.en),
                .element(named: "fieldset", nodes: [.class("checks"), .element(named: "legend", nodes: [.text(t("Naar de lezers van", "To the readers of"))])]
                         + NewsletterList.allCases.map { l in
                             .element(named: "label", nodes: [
                                .input(.type(.checkbox), .name("list_" + l.rawValue), .value("1"),
                                       issue.lists.contains(l) ? .attribute(named: "checked", value: "checked") : .attribute(named: "data-unchecked", value: "")),
                                .text(" " + l.label(lang))])
                         } + [.unwrap(errors["lists"]) { .p(.class("error"), .id("lists-error"), .text($0)) }]),
                .group(blockNodes),
                Components.select(name: "add", label: t("Blok toevoegen (na opslaan)", "Add a block (on saving)"),
                                  options: [("", t("— geen —", "— none —"))] + blockKinds.map { ($0.0, $0.1(lang)) }, selected: "", error: errors["add"]),
                Components.submit(t("Opslaan", "Save")),
            ]),
            .h2(.text(t("Afbeelding uploaden", "Upload an image"))),
            .element(named: "form", nodes: [
                .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.newsletterImageUpload.path),
                .attribute(named: "enctype", value: "multipart/form-data"), .class("edit"),
                .input(.type(.hidden), .name("_csrf"), .value(ctx.csrf ?? "")),
                .input(.type(.hidden), .name("issue"), .value(issue.id)),
                Components.field("image", label: t("PNG of JPEG, hoogstens 2 MB", "PNG or JPEG, at most 2 MB"), value: nil, type: "file"),
                Components.submit(t("Uploaden", "Upload")),
            ]),
            .h2(.text(t("Versturen", "Send"))),
            Components.postForm(action: SiteRoute.newsletterTest(issue.id).path, csrf: ctx.csrf, class: "inline", [
                Components.submit(t("Test naar mijzelf", "Test to myself")),
            ]),
            Components.postForm(action: SiteRoute.newsletterSend(issue.id).path, csrf: ctx.csrf, class: "edit", [
                Components.select(name: "when", label: t("Wanneer", "When"), options: [("now", t("Nu", "Now")), ("later", t("Op een tijdstip", "At a time"))],
                                  selected: "now", error: nil),
                Components.field("at", label: t("Tijdstip (Amsterdamse tijd)", "Time (Amsterdam time)"), value: issue.scheduledAt.map(AuditTime.label)?.replacingOccurrences(of: " ", with: "T"),
                                 type: "datetime-local", error: errors["at"]),
                .unwrap(errors["blocks"]) { .p(.class("error"), .id("blocks-error"), .text($0)) },
                Components.submit(t("Versturen", "Send")),
            ])
        )), status: status)
    }
}
