import Fluent
import Persistence
import Vapor

/// Repeated failed logins for one account or one client address are slowed down, then locked for a while.
enum LoginThrottle {
    static let window: TimeInterval = 15 * 60
    static let slowAfter = 3
    static let lockAfter = 8

    enum Verdict: Equatable { case allowed(delay: Double), locked }

    static func keys(email: String, address: String?) -> [String] {
        ["email:" + email.lowercased()] + (address.map { ["ip:" + $0] } ?? [])
    }

    static func verdict(for keys: [String], on db: any Database, now: Date = Date()) async throws -> Verdict {
        let since = now.addingTimeInterval(-window)
        var worst = 0
        for key in keys {
            worst = max(worst, try await LoginAttemptModel.query(on: db).filter(\.$key == key).filter(\.$at > since).count())
        }
        if worst >= lockAfter { return .locked }
        return .allowed(delay: worst >= slowAfter ? min(3, Double(worst - slowAfter + 1) * 0.5) : 0)
    }

    static func recordFailure(_ keys: [String], on db: any Database, now: Date = Date()) async throws {
        for key in keys { try await LoginAttemptModel(key: key, at: now).create(on: db) }
    }

    static func clear(email: String, on db: any Database) async throws {
        try await LoginAttemptModel.query(on: db).filter(\.$key == "email:" + email.lowercased()).delete()
    }
}
