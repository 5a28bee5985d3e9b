import Foundation
import Vapor

/// The address people reach the platform at, for every link that leaves it (mail, a calendar subscription).
/// It never comes from a request: a forged `Host: evil.example` on "forgot password" would otherwise put the
/// attacker's host in front of a live reset token. `MASTERPLAN_BASE_URL` sets it; in production `serve` refuses
/// to start without it, elsewhere it is the listening address.
public enum PublicAddress {
    public struct Missing: Error, CustomStringConvertible {
        public let description: String
    }

    /// The base (scheme, host, optional port and path prefix, no trailing slash) or a one-line refusal.
    public static func resolve(_ configured: String?, production: Bool, hostname: String, port: Int) throws -> String {
        if let configured = configured?.trimmingCharacters(in: .whitespaces), !configured.isEmpty {
            guard let url = URL(string: configured), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
                  let host = url.host, !host.isEmpty, url.user == nil, url.query == nil, url.fragment == nil else {
                throw Missing(description: "MASTERPLAN_BASE_URL must be an http(s) address such as https://masterplan.example.nl, not '\(configured)'")
            }
            return configured.hasSuffix("/") ? String(configured.dropLast()) : configured
        }
        if production {
            throw Missing(description: "MASTERPLAN_BASE_URL is not set: in production the public address (e.g. https://masterplan.example.nl) is needed for the links in mail")
        }
        let shown = hostname == "0.0.0.0" || hostname == "::" ? "127.0.0.1" : hostname
        return "http://" + (shown.contains(":") ? "[\(shown)]" : shown) + ":" + String(port)
    }
}

extension Application {
    struct PublicBaseKey: StorageKey { typealias Value = String }

    /// Set by `serve` (or `prepare`, from the environment and the default listening address).
    public var publicBaseURL: String {
        get { storage[PublicBaseKey.self] ?? "http://127.0.0.1:8080" }
        set { storage[PublicBaseKey.self] = newValue }
    }

    struct SecureCookiesKey: StorageKey { typealias Value = Bool }
    /// Cookies marked Secure (HTTPS only); then HSTS is sent as well.
    var secureCookies: Bool {
        get { storage[SecureCookiesKey.self] ?? false }
        set { storage[SecureCookiesKey.self] = newValue }
    }

    /// An absolute link to a path of this site, for mail and anything else read away from the site.
    func absoluteURL(_ path: String) -> String { publicBaseURL + path }
}
