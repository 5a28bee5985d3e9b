import Domain
import Vapor

/// Who may use a route. Every route is registered with one; a test enumerates all routes × roles.
/// Object-level rules (own organisation, own project) are checked in the handlers with `Permissions`.
public enum Access: Sendable, Hashable {
    /// Anyone, also without logging in: public pages and the read API.
    case `public`
    /// Logged in (session or API token) with one of these roles.
    case roles(Set<Role>)

    public static let signedIn = Access.roles(Set(Role.allCases))
    public static let beheerder = Access.roles([.beheerder])

    public func allows(_ role: Role?) -> Bool {
        switch self {
        case .public: true
        case .roles(let roles): role.map(roles.contains) ?? false
        }
    }
}

struct AccessKey: Hashable {}
struct MaxBodyKey: Hashable {}
struct SecretInPathKey: Hashable {}

/// A route's body limit when it names none: forms and JSON are small; uploads say "10mb" themselves.
let defaultMaxBody = 1024 * 1024

extension Route {
    public var access: Access? { userInfo[AccessKey()] as? Access }
    /// The largest body this route reads, checked before anything is buffered (`CSRFMiddleware`).
    var maxBody: Int { userInfo[MaxBodyKey()] as? Int ?? defaultMaxBody }
    /// A POST whose proof is a secret in its own path (a newsletter's one-click unsubscribe, RFC 8058): a mail client
    /// sends it without cookies or a form token, and a third site cannot know the secret, so CSRF does not apply.
    var secretInPath: Bool { userInfo[SecretInPathKey()] as? Bool ?? false }

    @discardableResult
    func provedBySecretInPath() -> Route { userInfo[SecretInPathKey()] = true; return self }
}

extension RoutesBuilder {
    /// Registers a route with its access rule.
    @discardableResult
    func on<R: AsyncResponseEncodable>(_ method: HTTPMethod, _ path: [PathComponent], access: Access, maxBody: ByteCount = "1mb",
                                       use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        let route = self.on(method, path, body: .collect(maxSize: maxBody), use: handler)
        route.userInfo[AccessKey()] = access
        route.userInfo[MaxBodyKey()] = maxBody.value
        return route
    }

    @discardableResult
    func get<R: AsyncResponseEncodable>(_ path: [PathComponent], access: Access,
                                        use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        on(.GET, path, access: access, use: handler)
    }

    @discardableResult
    func post<R: AsyncResponseEncodable>(_ path: [PathComponent], access: Access,
                                         use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        on(.POST, path, access: access, use: handler)
    }
}

/// Enforces each route's access rule before its handler runs: not logged in → the login page (HTML) or 401
/// (API); logged in without the role → 403.
struct AccessMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let access = request.route?.access else {
            if request.route == nil { return try await next.respond(to: request) } // 404 follows
            throw Abort(.internalServerError, reason: "route without an access rule")
        }
        let user = request.signedIn
        if access.allows(user?.account.role) { return try await next.respond(to: request) }
        if user == nil {
            if request.isAPI { throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"], reason: "log in or send an API token") }
            return request.redirect(to: SiteRoute.login(back: request.pathAndQuery).path)
        }
        throw PageError(.forbidden, "uw rol mag dit niet gebruiken", "your role may not use this")
    }
}

extension Request {
    var isAPI: Bool { url.path.hasPrefix("/api/") }

    /// Reads the streamed body in global middleware (a route collects its own only later), never beyond the
    /// route's limit: a larger body is a 413, not memory.
    func collectBody() async throws -> ByteBuffer? {
        let limit = route?.maxBody ?? defaultMaxBody
        do { return try await body.collect(max: limit).get() } catch {
            throw PageError(.payloadTooLarge, "het verzoek is groter dan dit adres aanneemt (\(limit / 1024) KB)", "the body is larger than this address accepts (\(limit / 1024) KB)")
        }
    }
}
