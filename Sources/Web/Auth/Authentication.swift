import Domain
import Fluent
import Persistence
import Vapor

/// The logged-in account of a request, and how it proved itself.
struct SignedIn: Authenticatable {
    enum Via: Equatable { case session, token(TokenScope) }
    let account: AccountModel
    let via: Via
    var actor: Actor { account.actor }
}

extension Request {
    var signedIn: SignedIn? { auth.get(SignedIn.self) }
    var actor: Actor? { signedIn?.actor }
    func requireSignedIn() throws -> SignedIn {
        guard let s = signedIn else { throw Abort(.unauthorized) }
        return s
    }
}

enum SessionKeys {
    static let account = "account"
    static let csrf = "csrf"
    static let since = "since"
}

/// How long a login lasts without activity being needed: a working day and a half.
let sessionLifetime: TimeInterval = 12 * 3600

/// Reads the session cookie or an `Authorization: Bearer` token and logs the account in for this request.
struct AuthenticationMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization {
            guard let token = try await APITokens.find(bearer.token, on: request.db) else {
                throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer error=\"invalid_token\""], reason: "unknown or revoked API token")
            }
            let account = try await token.$account.get(on: request.db)
            if account.erasedAt == nil {
                request.auth.login(SignedIn(account: account, via: .token(token.scope)))
                token.lastUsedAt = Date()
                try await token.save(on: request.db)
            }
        } else if request.hasSession, let id = request.session.data[SessionKeys.account].flatMap(UUID.init(uuidString:)) {
            let since = request.session.data[SessionKeys.since].flatMap(Double.init) ?? 0
            if Date().timeIntervalSince1970 - since < sessionLifetime,
               let account = try await AccountModel.find(id, on: request.db), account.erasedAt == nil {
                request.auth.login(SignedIn(account: account, via: .session))
            } else {
                request.session.destroy()
            }
        }
        return try await next.respond(to: request)
    }
}

/// API tokens: "mp_" and 40 random characters; only a SHA-256 hash is stored.
enum APITokens {
    static func generate() -> String {
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return "mp_" + String((0..<40).map { _ in alphabet.randomElement()! })
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func find(_ token: String, on db: any Database) async throws -> APITokenModel? {
        try await APITokenModel.query(on: db).filter(\.$tokenHash == hash(token)).filter(\.$revokedAt == nil).first()
    }
}

/// Every form POST carries the session's CSRF token; requests authenticated by API token are exempt
/// (they carry no cookie a third site could borrow).
struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method) else { return try await next.respond(to: request) }
        if case .token = request.signedIn?.via { return try await next.respond(to: request) }
        // Global middleware runs before a route collects its body; a browser streams an upload in chunks,
        // so collect it here (up to the largest route limit, the 10 MB of an upload) before reading the token.
        _ = try await request.body.collect(max: 10 * 1024 * 1024).get()
        let sent = try? request.content.get(String.self, at: "_csrf")
        guard request.hasSession, let expected = request.session.data[SessionKeys.csrf], let sent,
              constantTimeEqual(sent, expected) else {
            throw Abort(.forbidden, reason: "the form has expired; reload the page and try again")
        }
        return try await next.respond(to: request)
    }
}

/// 32 random bytes, URL-safe base64.
func randomToken() -> String {
    Data((0..<32).map { _ in UInt8.random(in: .min ... .max) }).base64EncodedString()
        .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "=", with: "")
}

func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8), y = Array(b.utf8)
    guard x.count == y.count else { return false }
    return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
}

extension Request {
    /// The session's CSRF token, created on first use (this starts a session).
    var csrfToken: String {
        if let t = session.data[SessionKeys.csrf] { return t }
        let t = randomToken()
        session.data[SessionKeys.csrf] = t
        return t
    }

    func startSession(for account: AccountModel) {
        session.data[SessionKeys.account] = account.id?.uuidString
        session.data[SessionKeys.since] = String(Date().timeIntervalSince1970)
        // A fresh CSRF token after login: a token seen before login is no use to anyone.
        session.data[SessionKeys.csrf] = nil
        auth.login(SignedIn(account: account, via: .session))
    }
}
