import Vapor

/// Security headers on every response, errors included. The pages run no script at all, so the policy forbids
/// scripts outright; styles come only from /static/site.css; no one may frame the site.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'none'", "style-src 'self'", "img-src 'self' data:",
        "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let h = response.headers
        var headers = h
        headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.contentSecurityPolicy)
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: "Referrer-Policy", value: "strict-origin-when-cross-origin")
        headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        headers.replaceOrAdd(name: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()")
        if request.url.path.hasPrefix("/api/") && request.signedIn == nil {
            headers.replaceOrAdd(name: "Access-Control-Allow-Origin", value: "*") // public, read-only open data
        }
        // What a signed-in person sees (pages, API answers with contact details) stays out of shared and browser
        // caches; so does any answer that sets a cookie.
        if request.signedIn != nil || !response.cookies.all.isEmpty {
            headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        // Secure cookies mean the site is served over HTTPS: tell browsers to keep it that way.
        if request.application.secureCookies {
            headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains")
        }
        response.headers = headers
        return response
    }
}
