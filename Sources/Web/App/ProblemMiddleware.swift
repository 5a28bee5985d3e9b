import Domain
import Plot
import Vapor

/// Turns errors into answers: RFC 9457 problem+json under /api, a readable page elsewhere.
/// Internal errors are logged, never shown.
struct ProblemMiddleware: AsyncMiddleware {
    struct Problem: Encodable {
        var type: String
        var title: String
        var status: Int
        var detail: String?
        var instance: String
        var invalidParams: [FieldError]?
        enum CodingKeys: String, CodingKey {
            case type, title, status, detail, instance
            case invalidParams = "invalid-params"
        }
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return answer(error, for: request)
        }
    }

    func answer(_ error: any Error, for req: Request) -> Response {
        let problem: Problem
        switch error {
        case let invalid as InvalidInput:
            problem = Problem(type: "/problems/invalid-parameter", title: "Invalid parameter", status: 400,
                              detail: invalid.errors.map { "\($0.name): \($0.reason)" }.joined(separator: "; "),
                              instance: req.url.path, invalidParams: invalid.errors)
        case let abort as any AbortError:
            let status = abort.status
            problem = Problem(type: "about:blank", title: status.reasonPhrase, status: Int(status.code),
                              detail: abort.reason == status.reasonPhrase ? nil : abort.reason, instance: req.url.path, invalidParams: nil)
        default:
            req.logger.report(error: error)
            problem = Problem(type: "about:blank", title: "Internal Server Error", status: 500,
                              detail: nil, instance: req.url.path, invalidParams: nil)
        }
        let status = HTTPResponseStatus(statusCode: problem.status)
        var headers = (error as? any AbortError)?.headers ?? HTTPHeaders()
        if req.url.path.hasPrefix("/api/") {
            headers.replaceOrAdd(name: .contentType, value: "application/problem+json")
            let body = (try? JSONEncoder().encode(problem)) ?? Data()
            return Response(status: status, headers: headers, body: .init(data: body))
        }
        headers.contentType = .html
        let lang = req.lang
        let title = status == .notFound ? (lang == .nl ? "Pagina niet gevonden" : "Page not found")
            : status == .forbidden || status == .unauthorized ? (lang == .nl ? "Geen toegang" : "No access")
            : status.code < 500 ? (lang == .nl ? "Ongeldige aanvraag" : "Bad request") : (lang == .nl ? "Er ging iets mis" : "Something went wrong")
        // A reason written for people is shown in the page's language.
        let localized = (error as? PageError)?.message(lang)
        let details = problem.invalidParams?.map { "\($0.name): \($0.reason)" } ?? (localized.map { [$0] } ?? problem.detail.map { [$0] } ?? [])
        let page = Layout.render(PageContext(lang: lang, path: req.pathAndQuery, title: title, section: nil), .group(
            .ul(.class("plain"), .forEach(details) { .li(.class("error"), .text($0)) }),
            .p(.a(.href("/"), .text(lang == .nl ? "Naar het overzicht" : "Back to the overview")))
        ))
        return Response(status: status, headers: headers, body: .init(string: page))
    }
}

/// An error a person may see, with its reason in both languages: the page shows the reader's, the API and the log
/// the English one.
struct PageError: AbortError {
    let status: HTTPResponseStatus
    let message: Localized
    var headers: HTTPHeaders = [:]
    var reason: String { message.en }

    init(_ status: HTTPResponseStatus, _ nl: String, _ en: String) { self.status = status; self.message = Localized(nl, en) }
}
