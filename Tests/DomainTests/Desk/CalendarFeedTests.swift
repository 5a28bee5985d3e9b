import Foundation
import Testing
@testable import Domain

/// Issue 14, ICS: calendars update after rescheduling only if SEQUENCE grows, and forget an event only if it
/// comes back cancelled.
@Suite struct CalendarFeedTests {
    static func entry(_ uid: String, _ time: String, place: String = "Werkplaats") -> CalendarEntry {
        CalendarEntry(uid: uid, day: PartialDate(year: 2026, month: 11, day: 20), startTime: time, durationMinutes: 20,
                      summary: "Matchingday: Infento", location: place, description: "Ronde 1")
    }

    @Test func revisionsGrowOnlyWhenWhatTheCalendarShowsChanges() {
        let t0 = Date(timeIntervalSince1970: 1_800_000_000), t1 = t0.addingTimeInterval(3600), t2 = t1.addingTimeInterval(3600)
        // First fetch: everything new at 0, all recorded.
        let first = CalendarFeed.reconcile(current: [Self.entry("a", "13:00"), Self.entry("b", "13:20")], published: [], now: t0)
        #expect(first.feed.map(\.sequence) == [0, 0] && first.feed.allSatisfy { $0.lastModified == t0 && !$0.cancelled })
        #expect(first.changed.count == 2)
        // Same again: nothing to record, same revision and time.
        let again = CalendarFeed.reconcile(current: [Self.entry("a", "13:00"), Self.entry("b", "13:20")], published: first.changed, now: t1)
        #expect(again.changed.isEmpty && again.feed == first.feed)
        // "a" moves to 13:40, "b" is gone (cancelled): a goes to 1 with the new time, b comes back cancelled at 1.
        let moved = CalendarFeed.reconcile(current: [Self.entry("a", "13:40")], published: first.changed, now: t1)
        #expect(moved.feed.map(\.uid) == ["a", "b"])
        #expect(moved.feed[0].sequence == 1 && moved.feed[0].lastModified == t1 && moved.feed[0].startTime == "13:40" && !moved.feed[0].cancelled)
        #expect(moved.feed[1].sequence == 1 && moved.feed[1].cancelled && moved.feed[1].startTime == "13:20")
        #expect(Set(moved.changed.map(\.uid)) == ["a", "b"])
        // The stored state after that: b stays cancelled at 1 without new records; a's place changes: 2.
        let stored = moved.changed
        let later = CalendarFeed.reconcile(current: [Self.entry("a", "13:40", place: "Hal 2")], published: stored, now: t2)
        #expect(later.feed.map(\.sequence) == [2, 1] && later.feed[1].cancelled && later.feed[1].lastModified == t1)
        #expect(later.changed.map(\.uid) == ["a"])
        // b returns (the meeting is back): one above its cancellation, confirmed.
        let back = CalendarFeed.reconcile(current: [Self.entry("a", "13:40", place: "Hal 2"), Self.entry("b", "13:20")],
                                          published: stored + later.changed.filter { $0.uid != "a" }, now: t2)
        #expect(back.feed.first { $0.uid == "b" }.map { ($0.sequence, $0.cancelled) } ?? (0, true) == (2, false))
    }

    @Test func deliveredActivitiesStayAndCancelledOnesLeave() {
        var planned = ActivityAgreement(id: "x", schoolId: "s", companyId: "c", type: .gastles, status: .gepland, pupils: 20, createdOn: PartialDate(year: 2026))
        planned.date = PartialDate(year: 2026, month: 10, day: 1)
        var delivered = planned; delivered.id = "y"; delivered.status = .uitgevoerd
        var cancelled = planned; cancelled.id = "z"; cancelled.status = .geannuleerd
        var undated = planned; undated.id = "w"; undated.date = nil
        let entries = AgreementCalendar.entries([planned, delivered, cancelled, undated], organizationId: "s", names: ["s": "School", "c": "Bedrijf"], lang: .nl)
        #expect(entries.map(\.uid) == ["x@masterplan", "y@masterplan"])
        #expect(entries[0].summary == "Gastles: School × Bedrijf")
        #expect(AgreementCalendar.entries([planned], organizationId: "other", names: [:], lang: .nl).isEmpty)
    }
}
