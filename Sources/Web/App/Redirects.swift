import Domain
import Vapor

extension Request {
    /// Every redirect of the app. This declaration shadows Vapor's `redirect(to:redirectType:)` inside this module,
    /// so no handler can send a visitor to a target that `LocalPath` refuses (another host, a scheme, a path a
    /// browser would read as another origin); such a target becomes the home page.
    func redirect(to location: String, redirectType: Redirect = .normal) -> Response {
        let response = Response(status: redirectType.status)
        response.headers.replaceOrAdd(name: .location, value: LocalPath.safe(location))
        return response
    }
}
