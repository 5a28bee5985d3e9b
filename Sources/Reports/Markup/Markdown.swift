/// The Markdown an editor may write in a newsletter: paragraphs, `#`/`##` headings, `-` lists, `**bold**`,
/// `*italics*` and `[text](https://…)` links. Everything else is text: raw HTML is escaped, never passed on, and a
/// link goes only to http(s) or mailto. Each call gives the HTML (inline styles, for mail clients) or plain text.
public enum Markdown {
    enum Block { case heading(Int, String), paragraph(String), list([String]) }

    static func blocks(_ source: String) -> [Block] {
        var blocks: [Block] = [], paragraph: [String] = [], items: [String] = []
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph.joined(separator: " "))); paragraph = [] }
            if !items.isEmpty { blocks.append(.list(items)); items = [] }
        }
        for raw in source.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { flush(); continue }
            if line.hasPrefix("## ") { flush(); blocks.append(.heading(2, String(line.dropFirst(3)))) }
            else if line.hasPrefix("# ") { flush(); blocks.append(.heading(1, String(line.dropFirst(2)))) }
            else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                if !paragraph.isEmpty { flush() }
                items.append(String(line.dropFirst(2)))
            } else {
                if !items.isEmpty { flush() }
                paragraph.append(line)
            }
        }
        flush()
        return blocks
    }

    public static func html(_ source: String) -> String {
        blocks(source).map { block in
            switch block {
            case .heading(let level, let text):
                "<h\(level + 1) style=\"font-size:\(level == 1 ? 20 : 17)px;margin:16px 0 8px;color:#1a1a1a\">\(inline(text))</h\(level + 1)>"
            case .paragraph(let text): "<p style=\"margin:0 0 12px\">\(inline(text))</p>"
            case .list(let items): "<ul style=\"margin:0 0 12px;padding-left:20px\">" + items.map { "<li>\(inline($0))</li>" }.joined() + "</ul>"
            }
        }.joined()
    }

    public static func plain(_ source: String) -> String {
        blocks(source).map { block in
            switch block {
            case .heading(_, let text): plainInline(text).uppercased()
            case .paragraph(let text): plainInline(text)
            case .list(let items): items.map { "- " + plainInline($0) }.joined(separator: "\n")
            }
        }.joined(separator: "\n\n")
    }

    /// Bold, italics and links inside a line; the rest escaped.
    static func inline(_ text: String) -> String {
        var out = "", rest = Substring(text)
        while !rest.isEmpty {
            if rest.hasPrefix("**"), let end = rest.dropFirst(2).range(of: "**") {
                out += "<strong>" + inline(String(rest[rest.index(rest.startIndex, offsetBy: 2)..<end.lowerBound])) + "</strong>"
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("*"), let end = rest.dropFirst().firstIndex(of: "*") {
                out += "<em>" + escapeXML(String(rest[rest.index(after: rest.startIndex)..<end])) + "</em>"
                rest = rest[rest.index(after: end)...]
            } else if rest.hasPrefix("["), let link = link(rest) {
                out += link.html
                rest = link.rest
            } else {
                out += escapeXML(String(rest.first!))
                rest = rest.dropFirst()
            }
        }
        return out
    }

    static func plainInline(_ text: String) -> String {
        var out = "", rest = Substring(text)
        while !rest.isEmpty {
            if rest.hasPrefix("["), let l = link(rest) { out += l.text + " (" + l.url + ")"; rest = l.rest; continue }
            if rest.hasPrefix("**") { rest = rest.dropFirst(2); continue }
            if rest.hasPrefix("*") { rest = rest.dropFirst(); continue }
            out.append(rest.first!); rest = rest.dropFirst()
        }
        return out
    }

    /// `[text](url)` at the start of `s`, with an allowed scheme; nil otherwise (then it stays text).
    static func link(_ s: Substring) -> (html: String, text: String, url: String, rest: Substring)? {
        guard let close = s.firstIndex(of: "]"), s[s.index(after: close)...].hasPrefix("("),
              let end = s[close...].firstIndex(of: ")") else { return nil }
        let text = String(s[s.index(after: s.startIndex)..<close])
        let url = String(s[s.index(close, offsetBy: 2)..<end]).trimmingCharacters(in: .whitespaces)
        let lower = url.lowercased()
        guard ["https://", "http://", "mailto:"].contains(where: lower.hasPrefix), !url.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" }) else { return nil }
        let html = "<a href=\"\(escapeXML(url))\" style=\"color:#005a9c\">\(escapeXML(text))</a>"
        return (html, text, url, s[s.index(after: end)...])
    }
}
