import Fluent
import Foundation
import Persistence
import SQLKit
import Vapor

/// Public forms that make the platform write or send mail (joining, newsletter sign-up) are throttled per client
/// and, where there is one, per e-mail address, over the login throttle's window, in the same table (one INSERT,
/// then a count that includes every attempt recorded before it, so parallel posts cannot slip past the limit).
enum FormThrottle {
    /// Records the attempt under each key and says whether every key is still within its limit.
    static func allow(_ limits: [(key: String, limit: Int)], on db: any Database, now: Date = Date()) async throws -> Bool {
        guard let sql = db as? any SQLDatabase, !limits.isEmpty else { return true }
        var insert = sql.insert(into: LoginAttemptModel.schema).columns("id", "key", "at")
        for l in limits { insert = insert.values(SQLBind(UUID()), SQLBind(l.key), SQLBind(now)) }
        try await insert.run()
        struct Count: Decodable { var key: String; var n: Int }
        let counts = try await sql.select().column("key").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(LoginAttemptModel.schema)
            .where(SQLColumn("key"), .in, SQLBind.group(limits.map(\.key)))
            .where(SQLColumn("at"), .greaterThan, SQLBind(now.addingTimeInterval(-LoginThrottle.window)))
            .groupBy("key").all(decoding: Count.self)
        let n = Dictionary(counts.map { ($0.key, $0.n) }, uniquingKeysWith: +)
        return limits.allSatisfy { n[$0.key, default: 0] <= $0.limit }
    }

    /// 429 with the page's language and a Retry-After of the window.
    static func tooMany() -> PageError {
        var error = PageError(.tooManyRequests, "te veel aanvragen vanaf dit adres; probeer het over een kwartier opnieuw",
                              "too many requests from this address; try again in a quarter of an hour")
        error.headers.replaceOrAdd(name: .retryAfter, value: String(Int(LoginThrottle.window)))
        return error
    }
}
