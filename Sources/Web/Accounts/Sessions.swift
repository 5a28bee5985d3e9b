import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Sessions in the database (so several instances share them), written only when something is in them and only
/// when it changed: an anonymous visit stores nothing (its CSRF token lives in a cookie, `AnonymousCSRF`), a
/// signed-in page view reads its row and writes nothing back. Rows end at `expires_at`; `Sweep` removes them.
struct DatabaseSessions: AsyncSessionDriver {
    struct Loaded: StorageKey { typealias Value = (id: SessionID, data: SessionData) }

    static func key(_ id: SessionID) -> String { APITokens.hash(id.string) }

    func createSession(_ data: SessionData, for request: Request) async throws -> SessionID {
        let id = SessionID(string: randomToken())
        if !data.snapshot.isEmpty {
            try await WebSessionModel(idHash: Self.key(id), data: try Self.encode(data), expiresAt: Date().addingTimeInterval(sessionLifetime))
                .create(on: request.db)
        }
        return id
    }

    func readSession(_ id: SessionID, for request: Request) async throws -> SessionData? {
        guard let row = try await WebSessionModel.query(on: request.db).filter(\.$id == Self.key(id)).filter(\.$expiresAt > Date()).first(),
              let data = try? JSONDecoder().decode(SessionData.self, from: Data(row.data.utf8)) else { return nil }
        request.storage[Loaded.self] = (id, data)
        return data
    }

    func updateSession(_ id: SessionID, to data: SessionData, for request: Request) async throws -> SessionID {
        let loaded = request.storage[Loaded.self]
        if let loaded, loaded.id == id, loaded.data == data { return id }
        if data.snapshot.isEmpty {
            try await deleteSession(id, for: request)
        } else {
            try await WebSessionModel.query(on: request.db).filter(\.$id == Self.key(id)).set(\.$data, to: try Self.encode(data)).update()
        }
        return id
    }

    func deleteSession(_ id: SessionID, for request: Request) async throws {
        try await WebSessionModel.query(on: request.db).filter(\.$id == Self.key(id)).delete()
    }

    static func encode(_ data: SessionData) throws -> String { String(decoding: try JSONEncoder().encode(data), as: UTF8.self) }
}

extension Request {
    /// After a login: the session gets a new id (the one a visitor had before, perhaps planted, is deleted) and
    /// holds only the login (account, since, a fresh CSRF token).
    func startSession(for account: Account) async throws {
        if let old = session.id { try await DatabaseSessions().deleteSession(old, for: self) }
        session.id = nil
        var data = SessionData()
        data[SessionKeys.account] = account.id
        data[SessionKeys.since] = String(Date().timeIntervalSince1970)
        data[SessionKeys.csrf] = randomToken()
        session.data = data
        auth.login(SignedIn(account: account, via: .session))
    }

    /// A session that holds a login (others are not kept).
    var hasLogin: Bool { hasSession && session.data[SessionKeys.account] != nil }
}

/// Removes what has run out: sessions past their end, login attempts older than the throttle's window.
/// `serve` runs it every ten minutes; it is safe on several instances at once.
public enum Sweep {
    public static func run(_ db: any Database, now: Date = Date()) async throws -> (sessions: Int, attempts: Int) {
        let sessions = try await WebSessionModel.query(on: db).filter(\.$expiresAt <= now).count()
        try await WebSessionModel.query(on: db).filter(\.$expiresAt <= now).delete()
        let cutoff = now.addingTimeInterval(-LoginThrottle.window)
        let attempts = try await LoginAttemptModel.query(on: db).filter(\.$at < cutoff).count()
        try await LoginAttemptModel.query(on: db).filter(\.$at < cutoff).delete()
        return (sessions, attempts)
    }
}
