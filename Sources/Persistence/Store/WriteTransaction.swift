import FluentKit
import Foundation
import SQLKit

/// One at a time, first come first served, without holding a thread while waiting.
public actor Turns {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []
    public init() {}

    public func acquire() async {
        if !busy { busy = true; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    public func release() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}

/// SQLite has one writer at a time: write transactions of this process take turns here, so a waiting request
/// costs no thread (the busy timeout would block one of the pool's few threads instead).
enum SQLiteWriter {
    static let shared = Turns()
}

extension Database {
    var isSQLite: Bool { (self as? any SQLDatabase)?.dialect.name == "sqlite" }

    /// Every transaction that writes goes through here (a test keeps `transaction {` out of the rest of the code).
    ///
    /// On PostgreSQL it is Fluent's transaction. On SQLite two deferred transactions that both read and then
    /// write fail with "database is locked" however long they wait (neither can upgrade while the other reads),
    /// so the transaction takes the write lock before it reads anything: in this process by queueing behind
    /// `SQLiteWriter`, against other processes (a CLI import while `serve` runs) with a no-op DELETE as its first
    /// statement, which acquires SQLite's write lock and waits for it up to the busy timeout (as BEGIN IMMEDIATE
    /// would; Fluent's SQLite driver only issues BEGIN).
    public func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        if inTransaction { return try await body(self) }
        // Every write transaction moves the write generation (`CreateWriteGeneration`) as its last statement, so the
        // row is locked only until the commit (on PostgreSQL, writers wait for each other only that long).
        @Sendable func bumped(_ tx: any Database) async throws -> T {
            let result = try await body(tx)
            try await (tx as! any SQLDatabase).update("dataset_version")
                .set("version", to: SQLBinaryExpression(SQLIdentifier("version"), .add, SQLLiteral.numeric("1")))
                .where("id", .equal, SQLBind(WriteGeneration.row)).run()
            return result
        }
        guard isSQLite else { return try await transaction(bumped) }
        await SQLiteWriter.shared.acquire()
        do {
            let result = try await transaction { tx in
                try await (tx as! any SQLDatabase).raw("DELETE FROM dataset_version WHERE 0 = 1").run()
                return try await bumped(tx)
            }
            await SQLiteWriter.shared.release()
            return result
        } catch {
            await SQLiteWriter.shared.release()
            throw error
        }
    }
}

/// SQLite settings every connection needs for several writers: WAL (readers never wait for the writer) and a
/// busy timeout (a single statement outside a transaction waits for the lock instead of failing).
public enum SQLiteTuning {
    public static let busyTimeoutMilliseconds = 10_000

    /// Applies to the connection of every event loop (Fluent's SQLite pool keeps one per loop).
    public static func apply(_ databases: Databases, id: DatabaseID? = nil) async throws {
        let loops = Array(databases.eventLoopGroup.makeIterator())
        for loop in loops {
            guard let db = databases.database(id, logger: .init(label: "sqlite-tuning"), on: loop) as? any SQLDatabase,
                  db.dialect.name == "sqlite" else { return }
            try await db.raw("PRAGMA busy_timeout = \(unsafeRaw: String(busyTimeoutMilliseconds))").run()
            // A database in memory answers "memory" and stays as it is.
            try await db.raw("PRAGMA journal_mode = WAL").run()
        }
    }
}
