import Fluent
import Foundation
import Persistence
import SQLKit
import Vapor

/// One line per request (method, route template, status, duration, request id), and the request id itself:
/// taken from `X-Request-ID` when it is a sane token, generated otherwise, echoed on the response and put on every
/// log line of the request. `MASTERPLAN_LOG_FORMAT=json` writes the line as JSON for log collectors. The route
/// template (`/organisaties/:id`), not the path, so ids and query strings (personal data, tokens) stay out of logs.
struct AccessLogMiddleware: AsyncMiddleware {
    let json: Bool

    static func requestId(_ request: Request) -> String {
        if let given = request.headers.first(name: "X-Request-ID"), (1...128).contains(given.count),
           given.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.:".contains($0)) }) { return given }
        return UUID().uuidString.lowercased()
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let id = Self.requestId(request)
        request.logger[metadataKey: "request-id"] = .string(id)
        let start = ContinuousClock.now
        let response: Response
        do { response = try await next.respond(to: request) } catch {
            // Errors become answers in ProblemMiddleware; anything left is logged as the 500 it turns into.
            log(request, status: 500, start: start, id: id)
            throw error
        }
        response.headers.replaceOrAdd(name: "X-Request-ID", value: id)
        log(request, status: Int(response.status.code), start: start, id: id)
        request.application.metrics.request(method: request.method.rawValue, route: Self.route(request), status: Int(response.status.code),
                                            duration: ContinuousClock.now - start)
        return response
    }

    static func route(_ request: Request) -> String {
        request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "(no route)"
    }

    func log(_ request: Request, status: Int, start: ContinuousClock.Instant, id: String) {
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let route = Self.route(request)
        if json {
            struct Line: Encodable { var msg = "request"; var method: String; var route: String; var status: Int; var ms: Double; var requestId: String }
            let line = Line(method: request.method.rawValue, route: route, status: status, ms: (ms * 10).rounded() / 10, requestId: id)
            if let data = try? JSONEncoder().encode(line) { request.logger.info("\(String(decoding: data, as: UTF8.self))") }
        } else {
            request.logger.info("\(request.method.rawValue) \(route) \(status) \(String(format: "%.1f", ms)) ms")
        }
    }
}

/// `/health`: the process answers (no database). `/ready`: the database answers, every migration has run and, with
/// SMTP configured, no mail has been due for over 15 minutes;
/// a load balancer sends traffic only to ready instances. Both public, tiny, never cached.
enum HealthRoutes {
    static func register(_ app: Application) {
        app.get(.health, access: .public) { _ in
            Self.answer(["status": "ok"], status: .ok)
        }
        app.get(.ready, access: .public) { req in
            var checks: [String: String] = [:]
            var ready = true
            do {
                _ = try await (req.db as! any SQLDatabase).raw("SELECT 1 AS one").first()
                checks["database"] = "ok"
                let pending = try await req.application.migrator.previewPrepareBatch().get()
                checks["migrations"] = pending.isEmpty ? "ok" : "\(pending.count) pending"
                if !pending.isEmpty { ready = false }
                let waiting = try await OutboxMessageModel.query(on: req.db).filter(\.$sentAt == nil).filter(\.$failedAt == nil).count()
                checks["mailQueue"] = "\(waiting) waiting"
                // Without SMTP mail waits in the outbox by design; with it, mail due for 15 minutes means no
                // instance delivers.
                if !(req.application.mailSender is LogMailSender) {
                    let overdue = try await MailQueue.overdue(on: req.db)
                    if overdue > 0 { checks["mailQueue"] = "stuck: \(overdue) due for over 15 minutes"; ready = false }
                }
            } catch {
                checks["database"] = "unreachable"
                ready = false
            }
            checks["status"] = ready ? "ready" : "not ready"
            return Self.answer(checks, status: ready ? .ok : .serviceUnavailable)
        }
    }

    static func answer(_ body: [String: String], status: HTTPStatus) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.cacheControl = .init(noStore: true)
        let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data()
        return Response(status: status, headers: headers, body: .init(data: data))
    }
}
