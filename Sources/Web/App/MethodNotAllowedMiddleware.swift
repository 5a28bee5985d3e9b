import Vapor

/// A path that exists with another method answers 405 with `Allow` (RFC 9110 §15.5.6), before any session or
/// CSRF work: a PUT to a page used to get 403 "the form has expired", which sent people looking in the wrong place.
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.route == nil else { return try await next.respond(to: request) }
        let parts = request.url.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var allowed = Set<String>()
        for route in request.application.routes.all where Self.matches(route.path, parts) {
            allowed.insert(route.method.rawValue)
            if route.method == .GET { allowed.insert("HEAD") }
        }
        guard !allowed.isEmpty else { return try await next.respond(to: request) }
        throw Abort(.methodNotAllowed, headers: ["Allow": allowed.sorted().joined(separator: ", ")],
                    reason: "\(request.method.rawValue) is not used here; this address takes \(allowed.sorted().joined(separator: ", "))")
    }

    static func matches(_ path: [PathComponent], _ parts: [String]) -> Bool {
        for (i, component) in path.enumerated() {
            switch component {
            case .catchall: return parts.count >= i
            case .anything, .parameter: if i >= parts.count { return false }
            case .constant(let c): if i >= parts.count || parts[i] != c { return false }
            }
        }
        return parts.count == path.count
    }
}
