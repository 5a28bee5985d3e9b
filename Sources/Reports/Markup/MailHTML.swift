import Domain

/// The HTML part of a message, made from its text: paragraphs at blank lines, line breaks kept, every http(s)
/// address a link. Everything is escaped (names come from the data); no images, scripts or remote styles, so a
/// mail client shows it as sent and nothing is fetched when it is opened.
public enum MailHTML {
    public static func document(_ content: MailContent) -> String {
        var html = "<!DOCTYPE html><html lang=\"\(content.lang.rawValue)\"><head><meta charset=\"utf-8\"><title>"
        html += escapeXML(content.subject) + "</title></head>"
        html += "<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a\">"
        for paragraph in content.text.components(separatedBy: "\n\n") {
            html += "<p>" + paragraph.components(separatedBy: "\n").map(linked).joined(separator: "<br>") + "</p>"
        }
        return html + "</body></html>"
    }

    /// A line with its addresses as links; a sentence's full stop or closing bracket after an address stays text.
    static func linked(_ line: String) -> String {
        var out = "", rest = Substring(line)
        while let start = [rest.range(of: "https://"), rest.range(of: "http://")].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) {
            out += escapeXML(String(rest[..<start.lowerBound]))
            var end = rest[start.lowerBound...].firstIndex(where: { $0.isWhitespace || "\"<>".contains($0) }) ?? rest.endIndex
            while end > start.upperBound, let last = rest[..<end].last, ".,;:)’'\"".contains(last) { end = rest.index(before: end) }
            let url = String(rest[start.lowerBound..<end])
            out += "<a href=\"" + escapeXML(url) + "\">" + escapeXML(url) + "</a>"
            rest = rest[end...]
        }
        return out + escapeXML(String(rest))
    }
}
