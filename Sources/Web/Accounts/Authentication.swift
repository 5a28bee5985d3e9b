import Domain
import Fluent
import Persistence
import Vapor

/// The logged-in account of a request, and how it proved itself.
struct SignedIn: Authenticatable {
    enum Via: Equatable { case session, token(TokenScope) }
    let account: Account
    let via: Via
    var actor: Actor { account.actor }
}

extension Request {
    /// Accounts, password links and API tokens for this request (issue 13): SQL behind the `AccountRepository` seam.
    var accounts: any AccountRepository { SQLAccountRepository(db) }
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
///
/// The token rule lives here and nowhere else (docs/security.md): a bearer token counts on `/api/*` only (a page
/// or form route never sees a token-authenticated request, so a stolen read token cannot post forms), and a read
/// token only for GET and HEAD.
struct AuthenticationMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization, request.isAPI {
            // A token of an erased account is as unknown as a revoked one.
            guard let (token, account) = try await request.accounts.authenticate(tokenHash: APITokens.hash(bearer.token), at: Date()) else {
                throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer error=\"invalid_token\""], reason: "unknown or revoked API token")
            }
            guard TokenRule.allows(token.scope, request.method) else {
                throw Abort(.forbidden, headers: ["WWW-Authenticate": "Bearer error=\"insufficient_scope\", scope=\"write\""],
                            reason: "this token may only read (GET, HEAD)")
            }
            request.auth.login(SignedIn(account: account, via: .token(token.scope)))
        } else if request.hasSession, let id = request.session.data[SessionKeys.account].flatMap(UUID.init(uuidString:)) {
            let since = request.session.data[SessionKeys.since].flatMap(Double.init) ?? 0
            if Date().timeIntervalSince1970 - since < sessionLifetime,
               let account = try await request.accounts.account(id: id.uuidString), account.isActive {
                request.auth.login(SignedIn(account: account, via: .session))
            } else {
                request.session.destroy()
            }
        }
        return try await next.respond(to: request)
    }
}

/// What a token's scope lets it do (the rule is the Domain's `TokenScope.allows`).
enum TokenRule {
    static func allows(_ scope: TokenScope, _ method: HTTPMethod) -> Bool { scope.allows(method: method.rawValue) }
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
}

/// Every form POST carries a CSRF token: a signed-in session's own, or for an anonymous visitor (the login
/// and password forms) the double-submit cookie of `AnonymousCSRF`. Only bearer-authenticated API requests are
/// exempt (they carry no cookie a third site could borrow). The body is read only after the cheap checks, and
/// never beyond the route's own limit, so an anonymous 10 MB POST costs nothing.
struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method) else { return try await AnonymousCSRF.finish(request, try await next.respond(to: request)) }
        if case .token = request.signedIn?.via, request.isAPI { return try await next.respond(to: request) }
        if request.route?.secretInPath == true { return try await next.respond(to: request) }
        let limit = request.route?.maxBody ?? defaultMaxBody
        if let length = request.headers.first(name: .contentLength).flatMap(Int.init), length > limit {
            throw PageError(.payloadTooLarge, "het verzoek is groter dan dit adres aanneemt (\(limit / 1024) KB)", "the body is larger than this address accepts (\(limit / 1024) KB)")
        }
        let expected = request.hasLogin ? request.session.data[SessionKeys.csrf] : request.cookies[AnonymousCSRF.cookie]?.string
        guard let expected, !expected.isEmpty else { throw PageError(.forbidden, "het formulier is verlopen; laad de pagina opnieuw en probeer het nog eens", "the form has expired; reload the page and try again") }
        _ = try await request.collectBody()
        let sent = try? request.content.get(String.self, at: "_csrf")
        guard let sent, constantTimeEqual(sent, expected) else {
            throw PageError(.forbidden, "het formulier is verlopen; laad de pagina opnieuw en probeer het nog eens", "the form has expired; reload the page and try again")
        }
        return try await AnonymousCSRF.finish(request, try await next.respond(to: request))
    }
}

/// The CSRF token of a visitor who is not signed in: a random value in an HttpOnly cookie, repeated in the form
/// (double submit). No session row is written for it.
enum AnonymousCSRF {
    static let cookie = "masterplan-csrf"
    struct Issued: StorageKey { typealias Value = String }

    static func token(_ request: Request) -> String {
        if let t = request.storage[Issued.self] { return t }
        if let t = request.cookies[cookie]?.string, t.count >= 32 { return t }
        let t = randomToken()
        request.storage[Issued.self] = t
        return t
    }

    /// Sets the cookie when this request issued a new token.
    static func finish(_ request: Request, _ response: Response) -> Response {
        if let t = request.storage[Issued.self] {
            response.cookies[cookie] = HTTPCookies.Value(string: t, maxAge: Int(sessionLifetime), path: "/",
                                                         isSecure: request.application.secureCookies, isHTTPOnly: true, sameSite: .lax)
        }
        return response
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
    /// The CSRF token to put in this page's forms: the signed-in session's, else the anonymous cookie's.
    var csrfToken: String {
        guard hasLogin else { return AnonymousCSRF.token(self) }
        if let t = session.data[SessionKeys.csrf] { return t }
        let t = randomToken()
        session.data[SessionKeys.csrf] = t
        return t
    }
}
