import Foundation

/// Where mail goes, from `MASTERPLAN_SMTP_URL`:
/// - `smtp://user:pass@host:587`: STARTTLS, then AUTH; credentials are never sent before TLS;
/// - `smtps://user:pass@host:465`: TLS from the first byte;
/// - `smtp://host:25`: a local relay, plain, without AUTH (STARTTLS still used when offered).
/// User and password are percent-decoded. `caFile` (`MASTERPLAN_SMTP_CA_FILE`) trusts a private CA instead of the
/// system's roots.
public struct SMTPConfiguration: Sendable, Equatable, CustomStringConvertible {
    public enum Security: Sendable, Equatable { case startTLS, implicitTLS }
    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    public var caFile: String?
    public var heloName: String

    public init(url text: String, caFile: String? = nil, heloName: String = "masterplan.localhost") throws {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), ["smtp", "smtps"].contains(scheme),
              let host = url.host, !host.isEmpty else {
            throw Invalid(reason: "MASTERPLAN_SMTP_URL must look like smtp://user:password@host:587, smtps://…:465 or smtp://host:25")
        }
        self.host = host
        security = scheme == "smtps" ? .implicitTLS : .startTLS
        port = url.port ?? (scheme == "smtps" ? 465 : 587)
        username = url.percentEncodedUser?.removingPercentEncoding
        password = url.percentEncodedPassword?.removingPercentEncoding
        if username != nil && password == nil { throw Invalid(reason: "MASTERPLAN_SMTP_URL names a user without a password") }
        self.caFile = caFile
        self.heloName = heloName
    }

    public struct Invalid: Error, CustomStringConvertible { public let reason: String; public var description: String { reason } }

    /// For logs: never the password.
    public var description: String {
        (security == .implicitTLS ? "smtps://" : "smtp://") + (username.map { $0 + "@" } ?? "") + host + ":" + String(port)
    }
}
