import Vapor

/// Who may use a route. Every route is registered with one, and a test fails for a route without it.
/// Issue 3 adds roles; until then everything registered is public, read-only data.
public enum Access: String, Sendable, CaseIterable {
    /// Anyone, also without logging in: public pages and the read API.
    case `public`
}

struct AccessKey: Hashable {}

extension Route {
    public var access: Access? { userInfo[AccessKey()] as? Access }
}

extension RoutesBuilder {
    /// Registers a GET route with its access rule.
    @discardableResult
    func get<R: AsyncResponseEncodable>(_ path: [PathComponent], access: Access,
                                        use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        let route = self.get(path, use: handler)
        route.userInfo[AccessKey()] = access
        return route
    }
}
