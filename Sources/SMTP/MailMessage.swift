import Foundation

/// One message as RFC 5322 text: UTF-8 in quoted-printable (7-bit safe for every relay), non-ASCII header text as
/// RFC 2047 encoded words, plain text alone or with an HTML alternative. Header values never carry a line break,
/// so no recipient, subject or name can add a header (`Bcc:`) of its own.
public struct MailMessage: Sendable {
    public var from: String          // "Masterplan Techniek <noreply@example.nl>" or a bare address
    public var to: String            // one address
    public var subject: String
    public var text: String
    public var html: String?
    public var date: Date
    public var messageId: String     // without angle brackets
    public var language: String?     // Content-Language, e.g. "nl"
    /// An https address that unsubscribes the recipient with one POST (RFC 8058): sent as List-Unsubscribe with
    /// List-Unsubscribe-Post, so mail clients show their own unsubscribe button.
    public var listUnsubscribe: String?

    public init(from: String, to: String, subject: String, text: String, html: String? = nil, date: Date = Date(),
                messageId: String? = nil, language: String? = nil) {
        self.from = from; self.to = to; self.subject = subject; self.text = text; self.html = html; self.date = date
        self.language = language
        self.messageId = messageId ?? (UUID().uuidString.lowercased() + "@" + (MailAddress.domain(of: from) ?? "masterplan.invalid"))
    }

    /// The envelope sender: the address inside `from`.
    public var envelopeFrom: String { MailAddress.address(in: from) ?? from }

    public func rendered(boundary: String = "=_mp_" + UUID().uuidString.replacingOccurrences(of: "-", with: "")) throws -> String {
        guard let envelopeTo = MailAddress.address(in: to), MailAddress.isValid(envelopeTo) else { throw MailError.invalidAddress(to) }
        guard MailAddress.isValid(envelopeFrom) else { throw MailError.invalidAddress(from) }
        var headers: [(String, String)] = [
            ("Date", Self.rfc5322Date(date)),
            ("From", MailHeader.address(from)),
            ("To", MailHeader.address(to)),
            ("Subject", MailHeader.encoded(subject)),
            ("Message-ID", "<" + MailHeader.clean(messageId) + ">"),
            ("MIME-Version", "1.0"),
        ]
        if let language { headers.append(("Content-Language", MailHeader.clean(language))) }
        if let listUnsubscribe {
            // Folded after the colon: the address may be longer than a header line should be.
            headers.append(("List-Unsubscribe", "\r\n <" + MailHeader.clean(listUnsubscribe) + ">"))
            headers.append(("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
        }
        var body: String
        if let html {
            headers.append(("Content-Type", "multipart/alternative; boundary=\"\(boundary)\""))
            body = "This is a message in plain text and HTML.\r\n"
            for (type, content) in [("text/plain", text), ("text/html", html)] {
                body += "\r\n--\(boundary)\r\nContent-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                body += QuotedPrintable.encode(content)
            }
            body += "\r\n--\(boundary)--\r\n"
        } else {
            headers.append(("Content-Type", "text/plain; charset=utf-8"))
            headers.append(("Content-Transfer-Encoding", "quoted-printable"))
            body = QuotedPrintable.encode(text) + "\r\n"
        }
        return headers.map { $0.0 + ": " + $0.1 }.joined(separator: "\r\n") + "\r\n\r\n" + body
    }

    static func rfc5322Date(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return f.string(from: date)
    }
}

public enum MailError: Error, CustomStringConvertible, Equatable {
    case invalidAddress(String)
    public var description: String {
        switch self { case .invalidAddress(let a): "'\(a)' is not an e-mail address" }
    }
}

enum MailAddress {
    /// The address in "Name <a@b>" or a bare "a@b".
    static func address(in text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let open = t.lastIndex(of: "<"), let close = t.lastIndex(of: ">"), open < close {
            return String(t[t.index(after: open)..<close])
        }
        return t.isEmpty ? nil : t
    }

    static func domain(of text: String) -> String? {
        address(in: text).flatMap { $0.split(separator: "@").last.map(String.init) }
    }

    /// Conservative: one @, no spaces, controls, angle brackets, quotes or commas; a dot in the domain part or
    /// "localhost".
    static func isValid(_ a: String) -> Bool {
        let parts = a.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, a.utf8.count <= 254 else { return false }
        let forbidden = CharacterSet(charactersIn: "<>\",;()[]\\ ").union(.controlCharacters).union(.whitespacesAndNewlines)
        guard a.unicodeScalars.allSatisfy({ !forbidden.contains($0) }) else { return false }
        return parts[1].contains(".") || parts[1] == "localhost"
    }
}

enum MailHeader {
    /// No CR, LF or other control character survives into a header.
    static func clean(_ s: String) -> String {
        String(s.unicodeScalars.filter { $0.properties.generalCategory != .control }.map(Character.init))
    }

    /// ASCII stays as it is; anything else becomes UTF-8 "B" encoded words of at most 75 characters each.
    static func encoded(_ raw: String) -> String {
        let s = clean(raw)
        if s.unicodeScalars.allSatisfy({ $0.isASCII }) { return s }
        var words: [String] = [], chunk = ""
        for ch in s {
            if (chunk + String(ch)).utf8.count > 45 { words.append(chunk); chunk = "" }
            chunk.append(ch)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?" + Data($0.utf8).base64EncodedString() + "?=" }.joined(separator: "\r\n ")
    }

    /// "Naam <adres>": the name encoded when needed, the address as it is.
    static func address(_ raw: String) -> String {
        let s = clean(raw)
        guard let open = s.lastIndex(of: "<") else { return s }
        let name = s[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        let addr = String(s[open...])
        if name.isEmpty { return addr }
        if name.unicodeScalars.allSatisfy({ $0.isASCII }) { return "\"" + name.replacingOccurrences(of: "\"", with: "") + "\" " + addr }
        return encoded(name) + " " + addr
    }
}

/// RFC 2045 quoted-printable of UTF-8 text: lines end in CRLF, at most 76 characters, soft breaks `=`.
public enum QuotedPrintable {
    public static func encode(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map(encodeLine).joined(separator: "\r\n")
    }

    static func encodeLine(_ line: Substring) -> String {
        let bytes = Array(line.utf8)
        var tokens: [String] = []
        for (i, b) in bytes.enumerated() {
            let last = i == bytes.count - 1
            if (b >= 33 && b <= 126 && b != 61) || ((b == 32 || b == 9) && !last) {
                tokens.append(String(UnicodeScalar(b)))
            } else {
                tokens.append("=" + String(b, radix: 16, uppercase: true).leftPadded(2))
            }
        }
        var out = "", width = 0
        for t in tokens {
            if width + t.count > 75 { out += "=\r\n"; width = 0 }
            out += t
            width += t.count
        }
        return out
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
