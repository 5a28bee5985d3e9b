import Foundation

/// An activity in a calendar feed: what the calendar shows, and, once published, its revision.
public struct CalendarEntry: Sendable, Hashable, Codable {
    public var uid: String
    public var day: PartialDate
    /// "HH:MM" in Amsterdam time; empty: an all-day entry.
    public var startTime: String
    public var durationMinutes: Int
    public var summary: String
    public var location: String
    public var description: String
    /// RFC 5545 SEQUENCE: raised each time what the calendar shows changes, so a subscribed calendar replaces
    /// its copy instead of keeping the old time.
    public var sequence = 0
    public var lastModified: Date?
    /// STATUS:CANCELLED: the calendar strikes it out or removes it.
    public var cancelled = false

    public init(uid: String, day: PartialDate, startTime: String, durationMinutes: Int, summary: String, location: String, description: String) {
        self.uid = uid; self.day = day; self.startTime = startTime; self.durationMinutes = durationMinutes
        self.summary = summary; self.location = location; self.description = description
    }

    /// What a calendar shows of the entry; a change in any of it is a new revision.
    public var fingerprint: String {
        [day.description, startTime, String(durationMinutes), summary, location, description].joined(separator: "\u{1F}")
    }
}

/// What a feed last handed out for one entry: enough to know whether it changed and to cancel it once it is gone.
public struct PublishedEntry: Sendable, Hashable, Codable {
    public var uid: String
    public var fingerprint: String
    public var sequence: Int
    public var modifiedAt: Date
    public var cancelled: Bool
    /// The entry as published, for its cancellation after it left the feed.
    public var entry: CalendarEntry

    public init(uid: String, fingerprint: String, sequence: Int, modifiedAt: Date, cancelled: Bool, entry: CalendarEntry) {
        self.uid = uid; self.fingerprint = fingerprint; self.sequence = sequence; self.modifiedAt = modifiedAt
        self.cancelled = cancelled; self.entry = entry
    }
}

/// A feed's entries against what it published before. Calendars (Outlook, Google, Apple) replace an event only when
/// its SEQUENCE grows, and forget one only when it comes back with STATUS:CANCELLED; an event that just disappears
/// from a feed stays in many calendars for good. So: an entry that is new starts at 0; one whose time, place or text
/// changed goes up by one with LAST-MODIFIED now; one that left the feed (the activity was cancelled, the meeting
/// dropped after a reschedule) is published once more, cancelled, one higher, and stays so.
public enum CalendarFeed {
    public static func reconcile(current: [CalendarEntry], published: [PublishedEntry], now: Date)
        -> (feed: [CalendarEntry], changed: [PublishedEntry]) {
        let before = Dictionary(published.map { ($0.uid, $0) }, uniquingKeysWith: { a, b in a.sequence >= b.sequence ? a : b })
        var feed: [CalendarEntry] = [], changed: [PublishedEntry] = []
        var seen = Set<String>()
        for var entry in current where seen.insert(entry.uid).inserted {
            let fingerprint = entry.fingerprint
            if let old = before[entry.uid], old.fingerprint == fingerprint, !old.cancelled {
                entry.sequence = old.sequence; entry.lastModified = old.modifiedAt
            } else {
                entry.sequence = before[entry.uid].map { $0.sequence + 1 } ?? 0
                entry.lastModified = now
                changed.append(PublishedEntry(uid: entry.uid, fingerprint: fingerprint, sequence: entry.sequence, modifiedAt: now,
                                              cancelled: false, entry: entry))
            }
            feed.append(entry)
        }
        for old in published.sorted(by: { $0.uid < $1.uid }) where !seen.contains(old.uid) && before[old.uid] == old {
            var entry = old.entry
            entry.cancelled = true
            if old.cancelled {
                entry.sequence = old.sequence; entry.lastModified = old.modifiedAt
            } else {
                entry.sequence = old.sequence + 1; entry.lastModified = now
                changed.append(PublishedEntry(uid: old.uid, fingerprint: old.fingerprint, sequence: entry.sequence, modifiedAt: now,
                                              cancelled: true, entry: entry))
            }
            feed.append(entry)
        }
        return (feed, changed)
    }
}
