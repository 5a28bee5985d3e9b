import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

/// Where the data lives: a SQLite file (the embedded default), SQLite in memory (tests) or PostgreSQL.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqliteFile(String)
    case sqliteMemory
    case postgres(String)

    public static let defaultFile = "masterplan.sqlite"

    /// `--database` wins over `DATABASE_URL`, which wins over `masterplan.sqlite` in the working folder.
    public static func resolve(option: String?, environment: [String: String]) -> DatabaseLocation {
        if let option, !option.isEmpty { return parse(option) }
        if let url = environment["DATABASE_URL"], !url.isEmpty { return parse(url) }
        return .sqliteFile(defaultFile)
    }

    public static func parse(_ text: String) -> DatabaseLocation {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") { return .postgres(text) }
        if text == ":memory:" { return .sqliteMemory }
        if text.hasPrefix("sqlite://") { return .sqliteFile(String(text.dropFirst("sqlite://".count))) }
        return .sqliteFile(text)
    }

    /// For logs: never prints a password.
    public var description: String {
        switch self {
        case .sqliteFile(let path): "SQLite file \(path)"
        case .sqliteMemory: "SQLite in memory"
        case .postgres(let url):
            if let u = URL(string: url), let host = u.host { "PostgreSQL at \(host):\(u.port ?? 5432)\(u.path)" } else { "PostgreSQL" }
        }
    }

    /// PostgreSQL connections per event loop (`MASTERPLAN_DB_POOL`, default 1; one event loop per core). Each
    /// instance opens at most this × cores; the sum over instances must stay under the server's max_connections.
    public static var postgresPoolPerEventLoop: Int {
        ProcessInfo.processInfo.environment["MASTERPLAN_DB_POOL"].flatMap(Int.init).map { max(1, min($0, 64)) } ?? 1
    }

    /// Connections this instance may hold at most; nil for SQLite, which has no pool.
    public func maxConnections(eventLoops: Int) -> Int? {
        if case .postgres = self { return Self.postgresPoolPerEventLoop * eventLoops }
        return nil
    }

    /// Registers the database and every migration with the application.
    public func configure(_ app: Application) throws {
        switch self {
        // SQL is never logged (SQLite) or only at trace level (PostgreSQL): statements carry e-mail addresses
        // and password hashes as bound values, and those stay out of logs.
        case .sqliteFile(let path): app.databases.use(.sqlite(.file(path), sqlLogLevel: nil), as: .sqlite)
        case .sqliteMemory: app.databases.use(.sqlite(.memory, sqlLogLevel: nil), as: .sqlite)
        case .postgres(let url):
            app.databases.use(try .postgres(url: url, maxConnectionsPerEventLoop: Self.postgresPoolPerEventLoop, sqlLogLevel: .trace), as: .psql)
        }
        app.migrations.add(Migrations.all)
    }
}
