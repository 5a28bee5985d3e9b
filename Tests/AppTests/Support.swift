import Domain
import Fluent
import Foundation
import Persistence
import Testing
import VaporTesting
@testable import Web

/// The database the app tests run against: SQLite in memory, or PostgreSQL when
/// MASTERPLAN_TEST_DATABASE_URL is set (scripts/test runs the suite both ways).
enum TestDatabase {
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["MASTERPLAN_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }
    static var location: DatabaseLocation { postgresURL.map(DatabaseLocation.postgres) ?? .sqliteMemory }
}

/// One PostgreSQL database is shared, so tests against it take turns; SQLite in memory needs no turns.
enum TestLock {
    static let shared = Turns()
}

/// Runs `test` against a fresh application holding the embedded dataset (or nothing, with `seed: .none`).
func withMasterplan(seed: SeedPolicy = .embeddedIfEmpty, _ test: (Application) async throws -> Void) async throws {
    let shared = TestDatabase.postgresURL != nil
    if shared { await TestLock.shared.acquire() }
    let app = try await Application.make(.testing)
    app.logger.logLevel = .error
    do {
        try TestDatabase.location.configure(app)
        if shared { try await app.autoRevert() }
        try await prepare(app, seed: seed)
        try await test(app)
    } catch {
        try? await app.asyncShutdown()
        if shared { await TestLock.shared.release() }
        throw error
    }
    try await app.asyncShutdown()
    if shared { await TestLock.shared.release() }
}

func embeddedDataset() throws -> Dataset { try EmbeddedDataset.load() }

extension TestingHTTPResponse {
    var text: String { body.string }
    func json() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.string.utf8)) as? [String: Any])
    }
}

func get(_ app: Application, _ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
    try await app.testing().sendRequest(.GET, path, headers: headers)
}
