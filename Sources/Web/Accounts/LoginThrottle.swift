import Fluent
import Foundation
import Persistence
import SQLKit
import Vapor

/// Guessing passwords is throttled on three keys, each counted over the last quarter of an hour:
/// - one account from one client (`pair`): locked after `pairLimit` attempts;
/// - one client over all accounts (`client`): locked after `clientLimit` attempts;
/// - one account over all clients (`account`): only slowed down (up to `maxDelay` seconds a try), never locked,
///   so nobody can lock the rightful owner (the beheerder too) out from another place.
/// Each attempt is recorded *before* its password is checked, in one INSERT; the counts read after it include
/// every attempt recorded earlier, so of any number of attempts at once at most `pairLimit` get a verdict other
/// than "locked".
enum LoginThrottle {
    static let window: TimeInterval = 15 * 60
    static let slowAfter = 3
    static let maxDelay = 3.0
    static let pairLimit = 8
    static let clientLimit = 40

    enum Verdict: Equatable { case allowed(delay: Double), locked }

    struct Keys: Equatable {
        var pair: String, client: String, account: String
        var all: [String] { [pair, client, account] }
    }

    static func keys(email: String, address: String?) -> Keys {
        let email = email.lowercased(), client = address ?? "unknown"
        return Keys(pair: "pair:" + email + "|" + client, client: "ip:" + client, account: "email:" + email)
    }

    /// Records this attempt and says whether its password may be checked.
    static func attempt(_ keys: Keys, on db: any Database, now: Date = Date()) async throws -> Verdict {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "the login throttle needs SQL") }
        try await sql.insert(into: LoginAttemptModel.schema).columns("id", "key", "at")
            .values(SQLBind(UUID()), SQLBind(keys.pair), SQLBind(now))
            .values(SQLBind(UUID()), SQLBind(keys.client), SQLBind(now))
            .values(SQLBind(UUID()), SQLBind(keys.account), SQLBind(now))
            .run()
        let since = now.addingTimeInterval(-window)
        struct Count: Decodable { var key: String; var n: Int }
        let counts = try await sql.select().column("key").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(LoginAttemptModel.schema)
            .where(SQLColumn("key"), .in, SQLBind.group(keys.all))
            .where(SQLColumn("at"), .greaterThan, SQLBind(since))
            .groupBy("key").all(decoding: Count.self)
        let n = Dictionary(counts.map { ($0.key, $0.n) }, uniquingKeysWith: +)
        if n[keys.pair, default: 0] > pairLimit || n[keys.client, default: 0] > clientLimit { return .locked }
        let failures = n[keys.account, default: 0] - 1
        return .allowed(delay: failures >= slowAfter ? min(maxDelay, Double(failures - slowAfter + 1) * 0.5) : 0)
    }

    /// After a correct password: the account's attempts no longer count (the client's do, against spraying).
    static func succeeded(_ keys: Keys, on db: any Database) async throws {
        try await LoginAttemptModel.query(on: db).filter(\.$key ~~ [keys.pair, keys.account]).delete()
    }
}
