import Foundation
import Testing
@testable import SMTP

@Suite struct MailMessageTests {
    @Test func headersCannotBeInjectedAndLinesStayShort() throws {
        let m = MailMessage(from: "Masterplan Techniek <noreply@example.nl>", to: "kim@school.example",
                            subject: "Aanmelding ontvangen\r\nBcc: spion@evil.example", text: String(repeating: "lang ", count: 60) + "\n.\nééé=")
        let raw = try m.rendered()
        #expect(!raw.contains("\r\nBcc:"))
        #expect(!raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare LF")
        #expect(raw.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(raw.contains("=C3=A9=C3=A9=C3=A9=3D"))
        #expect(throws: MailError.self) { try MailMessage(from: "noreply@example.nl", to: "a@b.example>\r\nRCPT TO:<x@y.example", subject: "x", text: "y").rendered() }
    }

    @Test func newslettersCarryOneClickUnsubscribe() throws {
        var m = MailMessage(from: "n@masterplan.example", to: "k@school.example", subject: "Nieuws", text: "x")
        m.listUnsubscribe = "https://masterplan.example/nieuwsbrief/afmelden/abc\r\nBcc: x@evil.example"
        let raw = try m.rendered()
        #expect(raw.contains("List-Unsubscribe: \r\n <https://masterplan.example/nieuwsbrief/afmelden/abcBcc: x@evil.example>\r\n"))
        #expect(raw.contains("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n") && !raw.contains("\r\nBcc:"))
        #expect(!(try MailMessage(from: "n@masterplan.example", to: "k@school.example", subject: "x", text: "y").rendered()).contains("List-Unsubscribe"))
    }

    @Test func nonASCIISubjectsAreEncodedWords() throws {
        let raw = try MailMessage(from: "Coördinator <c@example.nl>", to: "a@example.nl", subject: "Uw plaats op de Matchingdag — bevestigd ✓", text: "x").rendered()
        let subject = try #require(raw.components(separatedBy: "\r\n\r\n")[0].range(of: "Subject: =?UTF-8?B?"))
        #expect(!subject.isEmpty)
        #expect(raw.contains("From: =?UTF-8?B?"))
    }

    @Test func quotedPrintableRoundTrips() {
        for text in ["gewoon", "eind met spatie ", "tab\tin", String(repeating: "é", count: 100), "a=b", ". punt"] {
            let encoded = QuotedPrintable.encode(text)
            #expect(encoded.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
            #expect(Self.decode(encoded) == text, "\(text)")
        }
    }

    static func decode(_ qp: String) -> String {
        var bytes: [UInt8] = [], chars = Array(qp.replacingOccurrences(of: "=\r\n", with: "").utf8), i = 0
        while i < chars.count {
            if chars[i] == UInt8(ascii: "="), i + 2 < chars.count, let b = UInt8(String(bytes: chars[i + 1...i + 2], encoding: .ascii)!, radix: 16) {
                bytes.append(b); i += 3
            } else { bytes.append(chars[i]); i += 1 }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Against a real server: aiosmtpd (tests/smtp/server.py) with STARTTLS and AUTH, implicit TLS, and a plain relay,
/// started by scripts/test, which sets MASTERPLAN_TEST_SMTP_* (these tests run only there).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["MASTERPLAN_TEST_SMTP_DIR"] != nil, "needs the aiosmtpd server of scripts/test"))
struct SMTPServerTests {
    let env = ProcessInfo.processInfo.environment
    var dir: String { env["MASTERPLAN_TEST_SMTP_DIR"]! }
    var ca: String { env["MASTERPLAN_TEST_SMTP_CA"]! }
    func url(_ kind: String) -> String { env["MASTERPLAN_TEST_SMTP_" + kind]! }

    func received(queueId reply: SMTPReply) throws -> [String: Any] {
        let n = try #require(reply.lines.last?.split(separator: "-").last.flatMap { Int($0) })
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/\(n).json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static let text = "Beste Kim,\n\nUw aanmelding is ontvangen.\n.\n.Een regel die met een punt begint\n" + String(repeating: "ë", count: 90) + "\nGroet"

    @Test(arguments: ["STARTTLS", "SMTPS", "RELAY"])
    func aMessageArrivesAsWritten(_ kind: String) async throws {
        let client = SMTPClient(configuration: try SMTPConfiguration(url: url(kind), caFile: ca))
        let message = MailMessage(from: "Masterplan Techniek <noreply@masterplan.example>", to: "Kim de Vries <kim@school.example>",
                                  subject: "Aanmelding Matchingdag — ontvangen", text: Self.text,
                                  html: kind == "STARTTLS" ? "<p>Beste Kim,</p><p>Uw aanmelding is <b>ontvangen</b>.</p>" : nil, language: "nl")
        let reply = try await client.send(message)
        #expect(reply.code == 250)
        let got = try received(queueId: reply)
        #expect(got["subject"] as? String == "Aanmelding Matchingdag — ontvangen")
        #expect((got["text"] as? String)?.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .newlines) == Self.text)
        #expect(got["mailFrom"] as? String == "noreply@masterplan.example")
        #expect(got["rcptTos"] as? [String] == ["kim@school.example"])
        #expect(got["messageId"] as? String == "<" + message.messageId + ">")
        #expect((got["date"] as? String)?.hasSuffix("+0000") == true)
        #expect(got["tls"] as? Bool == (kind != "RELAY"))
        #expect(got["authenticated"] as? Bool == (kind != "RELAY"))
        if kind == "STARTTLS" { #expect((got["html"] as? String)?.contains("<b>ontvangen</b>") == true) }
    }

    @Test func aWrongPasswordIsAPermanentRefusal() async throws {
        var config = try SMTPConfiguration(url: url("STARTTLS"), caFile: ca)
        config.password = "fout"
        do {
            _ = try await SMTPClient(configuration: config).send(MailMessage(from: "n@masterplan.example", to: "k@school.example", subject: "x", text: "y"))
            Issue.record("sent with a wrong password")
        } catch let error as SMTPError {
            #expect(error.isPermanent, "\(error)")
        }
    }

    @Test func anUnknownCertificateIsRefused() async throws {
        // Without the test CA the server's certificate is not trusted: nothing is sent.
        let client = SMTPClient(configuration: try SMTPConfiguration(url: url("SMTPS"), caFile: nil))
        await #expect(throws: (any Error).self) {
            _ = try await client.send(MailMessage(from: "n@masterplan.example", to: "k@school.example", subject: "x", text: "y"))
        }
    }
}
