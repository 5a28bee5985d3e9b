import Domain
import Fluent
import Foundation
import SQLKit

/// What each calendar feed last handed out, entry by entry (issue 14): the revision behind SEQUENCE and
/// LAST-MODIFIED, and the entries a feed must still send as cancelled. `feed` names the feed and its language
/// ("organisation:<id>:nl", "matchingday:<event>:<organisation>:en"), because the text differs per language.
struct CreateCalendarPublications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CalendarStore.table)
            .field("feed", .string, .required)
            .field("uid", .string, .required)
            .field("fingerprint", .string, .required)
            .field("sequence", .int, .required)
            .field("modified_at", .double, .required)
            .field("cancelled", .bool, .required)
            .field("entry", .string, .required)
            .unique(on: "feed", "uid")
            .create()
    }
    func revert(on database: any Database) async throws { try await database.schema(CalendarStore.table).delete() }
}

public struct CalendarStore: Sendable {
    static let table = "calendar_publications"
    let db: any Database
    public init(_ db: any Database) { self.db = db }

    struct Row: Decodable {
        var uid: String
        var fingerprint: String
        var sequence: Int
        var modified_at: Double
        var cancelled: Bool
        var entry: String
    }

    public func published(feed: String) async throws -> [PublishedEntry] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let rows = try await sql.select().columns("uid", "fingerprint", "sequence", "modified_at", "cancelled", "entry")
            .from(Self.table).where("feed", .equal, feed).all(decoding: Row.self)
        return rows.compactMap { r in
            guard let entry = try? JSONDecoder().decode(CalendarEntry.self, from: Data(r.entry.utf8)) else { return nil }
            return PublishedEntry(uid: r.uid, fingerprint: r.fingerprint, sequence: r.sequence,
                                  modifiedAt: Date(timeIntervalSince1970: r.modified_at), cancelled: r.cancelled, entry: entry)
        }
    }

    /// The feed as it goes out now, with every change recorded. Two instances answering the same feed at once both
    /// compute the same next revision; the write only ever raises a sequence, so the second one changes nothing.
    public func publish(feed: String, current: [CalendarEntry], now: Date = Date()) async throws -> [CalendarEntry] {
        let (entries, changed) = CalendarFeed.reconcile(current: current, published: try await published(feed: feed), now: now)
        guard !changed.isEmpty else { return entries }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try await db.writeTransaction { tx in
            guard let sql = tx as? any SQLDatabase else { return }
            for c in changed {
                let json = String(decoding: try encoder.encode(c.entry), as: UTF8.self)
                try await sql.raw("""
                    INSERT INTO calendar_publications (feed, uid, fingerprint, sequence, modified_at, cancelled, entry)
                    VALUES (\(bind: feed), \(bind: c.uid), \(bind: c.fingerprint), \(bind: c.sequence), \(bind: c.modifiedAt.timeIntervalSince1970), \(bind: c.cancelled), \(bind: json))
                    ON CONFLICT (feed, uid) DO UPDATE SET fingerprint = excluded.fingerprint, sequence = excluded.sequence,
                      modified_at = excluded.modified_at, cancelled = excluded.cancelled, entry = excluded.entry
                    WHERE calendar_publications.sequence < excluded.sequence
                    """).run()
            }
        }
        return entries
    }
}
