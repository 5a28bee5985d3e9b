import Foundation
import Vapor

/// Behind a reverse proxy every request comes from the proxy. `MASTERPLAN_TRUSTED_PROXIES` (addresses and CIDRs,
/// comma-separated) names the hops whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed; the client is the
/// first address, walking `X-Forwarded-For` from the right (nearest hop) to the left, that is not a trusted hop. A
/// header from anyone else is ignored, so a client cannot pick its own address to dodge the login throttle.
public struct TrustedProxies: Sendable {
    struct Network: Sendable, Equatable { var bytes: [UInt8]; var prefix: Int }
    let networks: [Network]

    public static let none = TrustedProxies(networks: [])

    init(networks: [Network]) { self.networks = networks }

    /// Parses "127.0.0.1, 10.0.0.0/8, ::1"; names the first entry it cannot read.
    public init(parsing text: String) throws {
        var out: [Network] = []
        for raw in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !raw.isEmpty {
            let parts = raw.split(separator: "/", maxSplits: 1).map(String.init)
            guard let bytes = Self.bytes(parts[0]) else { throw Invalid(entry: raw) }
            let prefix = parts.count == 2 ? Int(parts[1]) : bytes.count * 8
            guard let prefix, (0...(bytes.count * 8)).contains(prefix) else { throw Invalid(entry: raw) }
            out.append(Network(bytes: bytes, prefix: prefix))
        }
        networks = out
    }

    public struct Invalid: Error, CustomStringConvertible {
        let entry: String
        public var description: String { "MASTERPLAN_TRUSTED_PROXIES: '\(entry)' is not an address or CIDR (e.g. 127.0.0.1, 10.0.0.0/8, ::1)" }
    }

    func trusts(_ address: String) -> Bool {
        guard let b = Self.bytes(address) else { return false }
        return networks.contains { n in
            guard n.bytes.count == b.count else { return false }
            var bits = n.prefix
            for i in 0..<b.count where bits > 0 {
                let mask: UInt8 = bits >= 8 ? 0xFF : ~(0xFF >> UInt8(bits))
                if b[i] & mask != n.bytes[i] & mask { return false }
                bits -= 8
            }
            return true
        }
    }

    /// The client behind `peer`, given the `X-Forwarded-For` values (in header order).
    public func client(peer: String?, forwardedFor: [String]) -> String? {
        guard var current = peer else { return nil }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { Self.clean(String($0)) }
        var index = hops.count - 1
        while trusts(current), index >= 0 {
            current = hops[index]
            index -= 1
        }
        return current
    }

    /// "[::1]:443" or "1.2.3.4:80" → the address alone.
    static func clean(_ s: String) -> String {
        var t = s.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("["), let end = t.firstIndex(of: "]") { t = String(t[t.index(after: t.startIndex)..<end]) }
        else if t.filter({ $0 == ":" }).count == 1, let colon = t.firstIndex(of: ":") { t = String(t[..<colon]) }
        return t
    }

    static func bytes(_ address: String) -> [UInt8]? {
        var v4 = in_addr(), v6 = in6_addr()
        if inet_pton(AF_INET, address, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        if inet_pton(AF_INET6, address, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }
}

extension Application {
    struct TrustedProxiesKey: StorageKey { typealias Value = TrustedProxies }
    public var trustedProxies: TrustedProxies {
        get { storage[TrustedProxiesKey.self] ?? .none }
        set { storage[TrustedProxiesKey.self] = newValue }
    }
}

extension Request {
    /// The client's address: the TCP peer, or behind trusted proxies the address they forwarded.
    var clientAddress: String? {
        application.trustedProxies.client(peer: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor])
    }

    /// "https" when the request reached a trusted proxy over HTTPS (or this server directly over TLS).
    var clientScheme: String {
        if let peer = remoteAddress?.ipAddress, application.trustedProxies.trusts(peer),
           let proto = headers.first(name: "X-Forwarded-Proto")?.split(separator: ",").first?.trimmingCharacters(in: .whitespaces).lowercased(),
           proto == "https" || proto == "http" { return proto }
        return url.scheme ?? "http"
    }
}
