import Fluent
import Foundation
import Persistence
import Prometheus
import SQLKit
import Vapor

/// What `/metrics` reports, in the Prometheus text format: requests by route template and status, their duration,
/// solver runs and durations, mail deliveries by outcome, and (read when scraped) the mail queue.
/// One registry per application, so tests and several apps in one process never mix their counts.
final class AppMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    static let requestBuckets: [Duration] = [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                                             .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10)]
    static let solverBuckets: [Duration] = [.milliseconds(1), .milliseconds(10), .milliseconds(100), .seconds(1), .seconds(10), .seconds(60)]

    func request(method: String, route: String, status: Int, duration: Duration) {
        registry.makeCounter(descriptor: .init(namespace: "masterplan", metricName: "http_requests", unitName: "total",
                                               helpText: "Requests by method, route template and status"),
                             labels: [("method", method), ("route", route), ("status", String(status))]).increment()
        registry.makeDurationHistogram(descriptor: .init(namespace: "masterplan", metricName: "http_request_duration", unitName: "seconds",
                                                         helpText: "Time to answer, by route template"),
                                       labels: [("route", route)], buckets: Self.requestBuckets).record(duration)
    }

    /// Times one solver run (`allocation`, `matchingday-plan`, `matchingday-reschedule`).
    func solve<T>(_ solver: String, _ body: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        let result = try body()
        registry.makeCounter(descriptor: .init(namespace: "masterplan", metricName: "solver_runs", unitName: "total", helpText: "Solver runs"),
                             labels: [("solver", solver)]).increment()
        registry.makeDurationHistogram(descriptor: .init(namespace: "masterplan", metricName: "solver_duration", unitName: "seconds",
                                                         helpText: "Solver run time"),
                                       labels: [("solver", solver)], buckets: Self.solverBuckets).record(ContinuousClock.now - start)
        return result
    }

    func mail(_ outcome: DeliveryOutcome) {
        let name: String
        switch outcome { case .sent: name = "sent"; case .notConfigured: name = "not_configured"; case .failed(_, let permanent): name = permanent ? "refused" : "failed" }
        registry.makeCounter(descriptor: .init(namespace: "masterplan", metricName: "mail_deliveries", unitName: "total",
                                               helpText: "Delivery attempts by outcome"), labels: [("outcome", name)]).increment()
    }

    /// A PDF served: printed by Chromium or from the cache.
    func print(cached: Bool) {
        registry.makeCounter(descriptor: .init(namespace: "masterplan", metricName: "pdf_prints", unitName: "total",
                                               helpText: "PDF downloads by source (chromium or cache)"),
                             labels: [("source", cached ? "cache" : "chromium")]).increment()
    }

    /// The text for a scrape; the queue gauges and the database pool are read now: the pool's size, and how long
    /// taking a connection and one round trip took (it grows when requests queue for the pool).
    func render(_ db: any Database, maxConnections: Int?) async throws -> String {
        let start = ContinuousClock.now
        if let sql = db as? any SQLDatabase { _ = try await sql.raw("SELECT 1 AS one").first() }
        let ping = ContinuousClock.now - start
        registry.makeGauge(descriptor: .init(namespace: "masterplan", metricName: "db_acquire_and_ping", unitName: "seconds",
                                             helpText: "Time to take a pooled connection and run SELECT 1, measured at scrape")).set(
            Double(ping.components.seconds) + Double(ping.components.attoseconds) / 1e18)
        if let maxConnections {
            registry.makeGauge(descriptor: .init(namespace: "masterplan", metricName: "db_pool_max_connections", unitName: "connections",
                                                 helpText: "PostgreSQL connections this instance may open")).set(Double(maxConnections))
        }
        let waiting = try await OutboxMessageModel.query(on: db).filter(\.$sentAt == nil).filter(\.$failedAt == nil).count()
        let failed = try await OutboxMessageModel.query(on: db).filter(\.$failedAt != nil).count()
        registry.makeGauge(descriptor: .init(namespace: "masterplan", metricName: "mail_queue", unitName: "messages",
                                             helpText: "Mail not yet sent, by state"), labels: [("state", "waiting")]).set(Double(waiting))
        registry.makeGauge(descriptor: .init(namespace: "masterplan", metricName: "mail_queue", unitName: "messages",
                                             helpText: "Mail not yet sent, by state"), labels: [("state", "failed")]).set(Double(failed))
        return registry.emitToString()
    }
}

extension Application {
    struct MetricsKey: StorageKey { typealias Value = AppMetrics }
    var metrics: AppMetrics {
        if let m = storage[MetricsKey.self] { return m }
        let m = AppMetrics()
        storage[MetricsKey.self] = m
        return m
    }
}

enum MetricsRoutes {
    /// `/metrics` answers only a scraper on this machine (the TCP peer is loopback and no proxy forwarded the
    /// request); through nginx it is 404, so the counts never leave the host by accident.
    static func register(_ app: Application) {
        app.get(.metrics, access: .public) { req in
            if req.headers[.xForwardedFor].isEmpty == false { throw Abort(.notFound) }
            if let peer = req.remoteAddress?.ipAddress, !(peer.hasPrefix("127.") || peer == "::1") { throw Abort(.notFound) }
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
            headers.cacheControl = .init(noStore: true)
            return Response(status: .ok, headers: headers, body: .init(string: try await req.application.metrics.render(
                req.db, maxConnections: req.application.databases.ids().contains(.psql) ? DatabaseLocation.postgresPoolPerEventLoop * System.coreCount : nil)))
        }
    }
}
