import Vapor

extension SiteRoute {
    /// The route's path as a pattern for the router: a segment given as ":name" becomes the parameter `name`, so the
    /// one definition in `path` both registers the route and builds every link to it
    /// (`app.get(.organization(":id"), …)`).
    var pattern: [PathComponent] {
        let path = self.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        return path.split(separator: "/").map { segment in
            let decoded = segment.removingPercentEncoding ?? String(segment)
            return decoded.hasPrefix(":") ? .parameter(String(decoded.dropFirst())) : .constant(decoded)
        }
    }
}

extension RoutesBuilder {
    /// Registers a route at a `SiteRoute`'s pattern: the path is written once, in `SiteRoute.path`, for the route and
    /// for every link to it.
    @discardableResult
    func on<R: AsyncResponseEncodable>(_ method: HTTPMethod, _ route: SiteRoute, access: Access, maxBody: ByteCount = "1mb",
                                       use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        on(method, route.pattern, access: access, maxBody: maxBody, use: handler)
    }

    @discardableResult
    func get<R: AsyncResponseEncodable>(_ route: SiteRoute, access: Access,
                                        use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        on(.GET, route.pattern, access: access, use: handler)
    }

    @discardableResult
    func post<R: AsyncResponseEncodable>(_ route: SiteRoute, access: Access,
                                         use handler: @escaping @Sendable (Request) async throws -> R) -> Route {
        on(.POST, route.pattern, access: access, use: handler)
    }
}
