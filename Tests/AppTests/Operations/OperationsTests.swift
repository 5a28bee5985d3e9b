import Fluent
import Foundation
import Persistence
import Testing
import VaporTesting
@testable import Web

/// Issue 14 (part): the client behind trusted proxies, health and readiness, request ids.
@Suite struct OperationsTests {
    @Test func theClientIsTheFirstUntrustedHopFromTheRight() throws {
        let proxies = try TrustedProxies(parsing: "127.0.0.1, 10.0.0.0/8, ::1")
        // Not from a trusted proxy: the header is the client's own claim and is ignored.
        #expect(proxies.client(peer: "203.0.113.9", forwardedFor: ["1.2.3.4"]) == "203.0.113.9")
        // Through nginx on loopback.
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["198.51.100.7"]) == "198.51.100.7")
        // A client that sends its own header in front: the nearest untrusted hop wins, not the forged left one.
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["6.6.6.6, 198.51.100.7"]) == "198.51.100.7")
        // Two trusted hops (load balancer in 10/8, then nginx), in two header lines.
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["198.51.100.7", "10.1.2.3"]) == "198.51.100.7")
        #expect(proxies.client(peer: "::1", forwardedFor: ["[2001:db8::5]:4711"]) == "2001:db8::5")
        #expect(TrustedProxies.none.client(peer: "127.0.0.1", forwardedFor: ["1.2.3.4"]) == "127.0.0.1")
        #expect(throws: TrustedProxies.Invalid.self) { try TrustedProxies(parsing: "10.0.0.0/33") }
        #expect(throws: TrustedProxies.Invalid.self) { try TrustedProxies(parsing: "proxy.example") }
    }

    @Test func healthReadinessAndRequestIds() async throws {
        try await withMasterplan { app in
            let health = try await get(app, "/health")
            #expect(health.status == .ok && health.text.contains("\"ok\""))
            let ready = try await get(app, "/ready")
            #expect(ready.status == .ok && ready.text.contains("\"migrations\":\"ok\"") && ready.text.contains("\"database\":\"ok\""))
            #expect(ready.headers.first(name: .cacheControl) == "no-store")
            // With SMTP configured, mail due for over 15 minutes means no instance delivers: not ready until it goes.
            let transport = MailQueueTests.Scripted([.sent(reply: "250 queued")])
            app.mailSender = transport
            let old = OutboxMessageModel(recipient: "kim@school.example", subject: "Oud", body: "x")
            try await old.create(on: app.db)
            old.createdAt = Date().addingTimeInterval(-3600)
            try await old.save(on: app.db)
            let stuck = try await get(app, "/ready")
            #expect(stuck.status == .serviceUnavailable && stuck.text.contains("stuck: 1 due"), "\(stuck.text)")
            #expect(try await deliverQueuedMail(app) == 1)
            #expect(try await get(app, "/ready").status == .ok)
            let given = try await get(app, "/organisaties", headers: ["X-Request-ID": "lb-42.abc"])
            #expect(given.headers.first(name: "X-Request-ID") == "lb-42.abc")
            let forged = try await get(app, "/organisaties", headers: ["X-Request-ID": "x\"><script>"])
            let generated = try #require(forged.headers.first(name: "X-Request-ID"))
            #expect(generated != "x\"><script>" && generated.count == 36)
        }
    }

    /// The API takes exactly what its document says (schemathesis: "schema-violating request accepted"); the
    /// pages stay forgiving about spaces a person typed.
    @Test func theAPITakesParametersExactlyAndPagesForgiveSpaces() async throws {
        try await withMasterplan { (app: Application) async throws in
            #expect(try await get(app, "/api/v1/organizations?kind=company").status == .ok)
            #expect(try await get(app, "/api/v1/organizations?kind=%20company").status == .badRequest)
            #expect(try await get(app, "/api/v1/organizations?page=%201").status == .badRequest)
            #expect(try await get(app, "/api/v1/organizations?kind=").status == .badRequest)
            #expect(try await get(app, "/organisaties?kind=%20company").status == .ok)
        }
    }

    @Test func metricsCountRequestsByRouteTemplateForLocalScrapersOnly() async throws {
        try await withMasterplan { app in
            for _ in 0..<3 { _ = try await get(app, "/organisaties/montessori-college-oost") }
            _ = try await get(app, "/organisaties/bestaat-niet")
            let text = try await get(app, "/metrics").text
            #expect(text.contains(#"masterplan_http_requests_total{method="GET",route="/organisaties/:id",status="200"} 3"#), "\(text.prefix(600))")
            #expect(text.contains(#"masterplan_http_requests_total{method="GET",route="/organisaties/:id",status="404"} 1"#))
            #expect(text.contains("masterplan_http_request_duration_seconds_bucket"))
            #expect(text.contains(#"masterplan_mail_queue_messages{state="waiting"}"#))
            #expect(!text.contains("montessori-college-oost"), "ids stay out of metrics")
            #expect(try await get(app, "/metrics", headers: ["X-Forwarded-For": "203.0.113.9"]).status == .notFound)
        }
    }
}
