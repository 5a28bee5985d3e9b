import Domain

/// An issue as mail and as a web page: HTML that common mail clients render (a 600-pixel table, inline styles, no
/// scripts, no remote fonts, no tracking pixel, links as written) and the same words as plain text. The footer
/// names the lists and carries the personal unsubscribe link; the archive's copy has none.
public enum NewsletterRender {
    public struct Output: Sendable, Hashable {
        public var subject: String
        public var html: String
        public var text: String
    }

    public static func render(_ issue: NewsletterIssue, data: NewsletterData, lang: Lang, unsubscribeURL: String?, archiveURL: String) -> Output {
        let t = { (nl: String, en: String) in lang == .nl ? nl : en }
        let parts = issue.blocks.compactMap { block(for: $0, data: data, lang: lang) }
        let subject = issue.subject(lang)
        var html = "<!DOCTYPE html><html lang=\"\(lang.rawValue)\"><head><meta charset=\"utf-8\">"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>\(escapeXML(subject))</title></head>"
        html += "<body style=\"margin:0;padding:0;background:#f2f2f2\">"
        html += "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:#f2f2f2\"><tr><td align=\"center\" style=\"padding:16px\">"
        html += "<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" style=\"width:100%;max-width:600px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a\">"
        html += "<tr><td style=\"background:#004f8a;color:#ffffff;padding:16px 24px;font-size:14px\">Masterplan Techniek Amsterdam</td></tr>"
        html += "<tr><td style=\"padding:24px\"><h1 style=\"font-size:24px;margin:0 0 16px;color:#1a1a1a\">\(escapeXML(subject))</h1>"
        html += parts.map(\.html).joined()
        html += "</td></tr><tr><td style=\"padding:16px 24px;background:#f7f7f7;font-size:13px;color:#333333\">"
        let lists = issue.lists.map { $0.label(lang) }.joined(separator: ", ")
        html += "<p style=\"margin:0 0 8px\">" + escapeXML(t("Deze nieuwsbrief gaat naar wie zich aanmeldde voor: ", "This newsletter goes to those who subscribed to: ") + lists + ".") + "</p>"
        html += "<p style=\"margin:0\"><a href=\"\(escapeXML(archiveURL))\" style=\"color:#005a9c\">\(escapeXML(t("Online lezen", "Read online")))</a>"
        if let unsubscribeURL {
            html += " · <a href=\"\(escapeXML(unsubscribeURL))\" style=\"color:#005a9c\">\(escapeXML(t("Afmelden (direct, zonder inloggen)", "Unsubscribe (at once, no login)")))</a>"
        }
        html += "</p></td></tr></table></td></tr></table></body></html>"

        var text = subject + "\n" + String(repeating: "=", count: min(subject.count, 70)) + "\n\n"
        text += parts.map(\.text).joined(separator: "\n\n")
        text += "\n\n-- \n" + t("Deze nieuwsbrief gaat naar wie zich aanmeldde voor: ", "This newsletter goes to those who subscribed to: ") + lists + ".\n"
        text += t("Online lezen: ", "Read online: ") + archiveURL + "\n"
        if let unsubscribeURL { text += t("Afmelden: ", "Unsubscribe: ") + unsubscribeURL + "\n" }
        return Output(subject: subject, html: html, text: text)
    }

    static func heading(_ text: String) -> String {
        "<h2 style=\"font-size:18px;margin:24px 0 8px;color:#004f8a\">\(escapeXML(text))</h2>"
    }

    static func list(_ items: [String]) -> String {
        "<ul style=\"margin:0 0 12px;padding-left:20px\">" + items.map { "<li style=\"margin:0 0 4px\">\(escapeXML($0))</li>" }.joined() + "</ul>"
    }

    /// One block's HTML and text; nil when a data block has nothing to show (it is left out, not shown empty).
    static func block(for block: NewsletterBlock, data: NewsletterData, lang: Lang) -> (html: String, text: String)? {
        let t = { (nl: String, en: String) in lang == .nl ? nl : en }
        switch block {
        case .text(let markdown):
            let source = markdown(lang)
            return source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : (Markdown.html(source), Markdown.plain(source))
        case .image(let id, let alt):
            let html = "<p style=\"margin:0 0 12px\"><img src=\"\(escapeXML(data.imageURL(id)))\" alt=\"\(escapeXML(alt(lang)))\" width=\"552\" style=\"display:block;width:100%;max-width:552px;height:auto;border:0\"></p>"
            return (html, "[" + t("Afbeelding", "Image") + ": " + alt(lang) + "]")
        case .timeline(let since):
            let entries = data.timeline.filter { $0.date >= since }.sorted { $0.date < $1.date }.prefix(12)
            guard !entries.isEmpty else { return nil }
            let lines = entries.map { $0.date.label(lang) + ": " + $0.title }
            let title = t("Uit het programma", "From the programme")
            return (heading(title) + list(lines), title.uppercased() + "\n" + lines.map { "- " + $0 }.joined(separator: "\n"))
        case .upcomingEvents:
            let events = data.events.filter { $0.date >= data.today }.sorted { $0.date < $1.date }.prefix(8)
            guard !events.isEmpty else { return nil }
            let lines = events.map { $0.name + " – " + $0.date.label(lang) + ($0.place.map { ", " + $0 } ?? "") }
            let title = t("Agenda", "Coming up")
            return (heading(title) + list(lines), title.uppercased() + "\n" + lines.map { "- " + $0 }.joined(separator: "\n"))
        case .nextMatchingday:
            guard let m = data.nextMatchingday else { return nil }
            let what = m.name + ", " + m.date.label(lang) + (m.place.map { ", " + $0 } ?? "")
            let deadline = t("Aanmelden kan tot en met ", "Registration is open until ") + m.registrationDeadline.label(lang) + "."
            let button = "<p style=\"margin:0 0 12px\"><a href=\"\(escapeXML(m.link))\" style=\"display:inline-block;background:#004f8a;color:#ffffff;padding:10px 16px;text-decoration:none;border-radius:4px\">\(escapeXML(t("Aanmelden voor de Matchingday", "Register for the Matchingday")))</a></p>"
            let html = heading("Matchingday") + "<p style=\"margin:0 0 8px\">\(escapeXML(what)). \(escapeXML(deadline))</p>" + button
            return (html, "MATCHINGDAY\n" + what + ". " + deadline + "\n" + t("Aanmelden: ", "Register: ") + m.link)
        case .keyFigures:
            guard !data.figures.isEmpty else { return nil }
            let title = t("Schooljaar ", "School year ") + data.schoolYear
            var html = heading(title) + "<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"width:100%;border-collapse:collapse;margin:0 0 12px\">"
            for f in data.figures {
                html += "<tr><td style=\"padding:6px 0;border-bottom:1px solid #dddddd\">\(escapeXML(f.label(lang)))</td>"
                html += "<td align=\"right\" style=\"padding:6px 0;border-bottom:1px solid #dddddd;font-weight:bold\">\(escapeXML(NumberFormat.integer(Double(f.value), lang)))</td></tr>"
            }
            html += "</table>"
            return (html, title.uppercased() + "\n" + data.figures.map { "- " + $0.label(lang) + ": " + NumberFormat.integer(Double($0.value), lang) }.joined(separator: "\n"))
        case .newVrienden(let since):
            let names = data.vrienden.filter { $0.since >= since }.map(\.name)
            guard !names.isEmpty else { return nil }
            let title = t("Nieuwe Vrienden van het Masterplan", "New Friends of the Masterplan")
            return (heading(title) + list(names), title.uppercased() + "\n" + names.map { "- " + $0 }.joined(separator: "\n"))
        }
    }
}
