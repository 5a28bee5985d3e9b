import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A reply of the server: its code and text lines.
public struct SMTPReply: Sendable, CustomStringConvertible {
    public var code: Int
    public var lines: [String]
    public var description: String { "\(code) " + lines.joined(separator: " / ") }
}

public enum SMTPError: Error, CustomStringConvertible {
    /// The server answered something else than expected; permanent (5xx) or worth a retry (4xx, anything else).
    case unexpected(command: String, reply: SMTPReply)
    case noTLS(String)
    case closed
    case timeout

    public var isPermanent: Bool { if case .unexpected(_, let r) = self { return (500..<600).contains(r.code) } else { return false } }

    public var description: String {
        switch self {
        case .unexpected(let command, let reply): "\(command): \(reply)"
        case .noTLS(let why): why
        case .closed: "the server closed the connection"
        case .timeout: "the server did not answer in time"
        }
    }
}

/// A small SMTP client on SwiftNIO (no SMTP package is in this machine's package set): EHLO, STARTTLS or implicit
/// TLS (NIOSSL, certificates verified), AUTH PLAIN or LOGIN, MAIL/RCPT/DATA with dot-stuffing, QUIT. One message per
/// connection: the platform sends a few hundred mails a day, not a newsletter burst (that batches per connection
/// later if needed).
public struct SMTPClient: Sendable {
    public let configuration: SMTPConfiguration
    let group: any EventLoopGroup
    public var timeout: TimeAmount = .seconds(30)

    public init(configuration: SMTPConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.configuration = configuration
        self.group = group
    }

    /// Sends one message; returns the server's reply to the end of DATA (which names its queue id).
    public func send(_ message: MailMessage) async throws -> SMTPReply {
        let data = try message.rendered()
        let recipient = MailAddress.address(in: message.to) ?? message.to
        return try await withTimeout { try await self.deliver(from: message.envelopeFrom, to: recipient, data: data) }
    }

    func withTimeout<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let limit = timeout
        return try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await body() }
            group.addTask { try await Task.sleep(nanoseconds: UInt64(limit.nanoseconds)); throw SMTPError.timeout }
            let first = try await group.next()!
            group.cancelAll()
            return first
        }
    }

    func tlsHandler() throws -> NIOSSLClientHandler {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let ca = configuration.caFile { tls.trustRoots = .file(ca) }
        let context = try NIOSSLContext(configuration: tls)
        return try NIOSSLClientHandler(context: context, serverHostname: configuration.host)
    }

    func deliver(from: String, to: String, data: String) async throws -> SMTPReply {
        let config = configuration
        let implicit = config.security == .implicitTLS
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(10))
            .connect(host: config.host, port: config.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicit { try channel.pipeline.syncOperations.addHandler(try self.tlsHandler()) }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineDecoder()))
                    return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var lines = inbound.makeAsyncIterator()
            func reply() async throws -> SMTPReply {
                var text: [String] = []
                while let line = try await lines.next() {
                    let code = Int(line.prefix(3)) ?? 0
                    text.append(String(line.dropFirst(4)))
                    if line.count < 4 || line[line.index(line.startIndex, offsetBy: 3)] != "-" { return SMTPReply(code: code, lines: text) }
                }
                throw SMTPError.closed
            }
            func expect(_ reply: SMTPReply, _ codes: ClosedRange<Int>, _ command: String) throws -> SMTPReply {
                guard codes.contains(reply.code) else { throw SMTPError.unexpected(command: command, reply: reply) }
                return reply
            }
            func command(_ line: String, _ codes: ClosedRange<Int>, shown: String? = nil) async throws -> SMTPReply {
                try await outbound.write(ByteBuffer(string: line + "\r\n"))
                return try expect(try await reply(), codes, shown ?? line)
            }
            _ = try expect(try await reply(), 220...220, "greeting")
            var features = try await command("EHLO " + config.heloName, 250...250).lines.map { $0.uppercased() }
            var secure = implicit
            if !secure, features.contains("STARTTLS") {
                _ = try await command("STARTTLS", 220...220)
                try await channel.channel.pipeline.addHandler(try self.tlsHandler(), position: .first)
                secure = true
                features = try await command("EHLO " + config.heloName, 250...250).lines.map { $0.uppercased() }
            }
            if let user = config.username, let password = config.password {
                guard secure else { throw SMTPError.noTLS("\(config.host) offers no STARTTLS: the password is not sent in the clear") }
                let auth = features.first { $0.hasPrefix("AUTH") } ?? ""
                if auth.contains("PLAIN") {
                    let token = Data(("\0" + user + "\0" + password).utf8).base64EncodedString()
                    _ = try await command("AUTH PLAIN " + token, 235...235, shown: "AUTH PLAIN")
                } else {
                    _ = try await command("AUTH LOGIN", 334...334)
                    _ = try await command(Data(user.utf8).base64EncodedString(), 334...334, shown: "AUTH LOGIN user")
                    _ = try await command(Data(password.utf8).base64EncodedString(), 235...235, shown: "AUTH LOGIN password")
                }
            }
            _ = try await command("MAIL FROM:<\(from)>", 250...250)
            _ = try await command("RCPT TO:<\(to)>", 250...251)
            _ = try await command("DATA", 354...354)
            // Dot-stuffing: a line that starts with "." gets another, so no line of the message ends it early.
            let stuffed = data.split(separator: "\r\n", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
            let done = try await command(stuffed + (stuffed.hasSuffix("\r\n") ? "" : "\r\n") + ".", 250...250, shown: "end of DATA")
            try? await outbound.write(ByteBuffer(string: "QUIT\r\n"))
            _ = try? await reply()
            return done
        }
    }
}

/// Splits the byte stream into lines at CRLF (or LF), without the line ending.
struct LineDecoder: ByteToMessageDecoder {
    typealias InboundOut = String
    func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > 64 * 1024 { throw SMTPError.closed } // no sane reply line is this long
            return .needMoreData
        }
        let length = newline - buffer.readerIndex
        var line = buffer.readString(length: length) ?? ""
        buffer.moveReaderIndex(forwardBy: 1)
        if line.hasSuffix("\r") { line.removeLast() }
        context.fireChannelRead(wrapInboundOut(line))
        return .continue
    }
}
