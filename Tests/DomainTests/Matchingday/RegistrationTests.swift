import Testing
@testable import Domain

/// Registering and cancelling for a Matchingday as pure functions (issue 13), checked step by step and against a
/// simple model over random sequences: never more registered than places per side, a freed place always goes to the
/// longest waiting of that side.
@Suite struct MatchingdayRegistrationTests {
    static let event = MatchingdayEvent(id: "d", name: "Dag", date: PartialDate(year: 2027, month: 3, day: 1), registrationDeadline: PartialDate(year: 2027, month: 2, day: 1),
                                        rounds: 4, schoolPlaces: 2, companyPlaces: 1, createdOn: PartialDate(year: 2026, month: 12, day: 1))
    static func day(_ d: Int) -> PartialDate { PartialDate(year: 2026, month: 12, day: d) }

    /// Applies a change as a repository would.
    static func apply(_ change: ParticipantChange, to rows: inout [MatchingdayParticipant]) {
        switch change {
        case .unchanged: break
        case .insert(let p): rows.append(p)
        case .update(let p, let expected):
            let i = rows.firstIndex { $0.id == p.id }!
            #expect(rows[i] == expected, "a change is guarded by the row it replaces")
            rows[i] = p
        }
    }

    @Test func placesWaitingListAndComingBack() {
        var rows: [MatchingdayParticipant] = []
        for (n, org) in ["s1", "s2", "s3", "s4"].enumerated() {
            Self.apply(MatchingdayRegistration.register(org, side: .school, event: Self.event, participants: rows, today: Self.day(1 + n), newId: "p-\(org)"), to: &rows)
        }
        #expect(rows.map(\.status) == [.registered, .registered, .waiting, .waiting])
        #expect(MatchingdayRegistration.register("s1", side: .school, event: Self.event, participants: rows, today: Self.day(9), newId: "x") == .unchanged(rows[0]))
        // s1 cancels: s3 (waiting longest) moves up; s1 comes back at the end of the queue, behind s4.
        let (cancelled, promoted) = MatchingdayRegistration.cancel("p-s1", participants: rows)!
        Self.apply(cancelled, to: &rows); Self.apply(promoted!, to: &rows)
        #expect(promoted?.participant.organizationId == "s3")
        Self.apply(MatchingdayRegistration.register("s1", side: .school, event: Self.event, participants: rows, today: Self.day(10), newId: "p-new"), to: &rows)
        #expect(rows.first { $0.organizationId == "s1" }?.id == "p-s1", "the same row is reactivated")
        let (_, next) = MatchingdayRegistration.cancel("p-s2", participants: rows)!
        #expect(next?.participant.organizationId == "s4", "s4 waited longer than s1, who came back later")
        #expect(MatchingdayRegistration.cancel("p-s1-none", participants: rows) == nil)
        // A waiting one cancelling frees no place.
        let waiting = rows.first { $0.status == .waiting }!
        #expect(MatchingdayRegistration.cancel(waiting.id, participants: rows)?.promoted == nil)
    }

    @Test func clampingToFewerRounds() {
        let p = MatchingdayParticipant(id: "p", eventId: "d", organizationId: "a", side: .company, registeredOn: Self.day(1), firstRound: 4, lastRound: 4)
        let q = MatchingdayParticipant(id: "q", eventId: "d", organizationId: "b", side: .company, registeredOn: Self.day(1), firstRound: 1, lastRound: 2)
        let changes = MatchingdayRegistration.clamped([p, q], rounds: 3)
        #expect(changes.count == 1 && changes[0].participant.firstRound == 3 && changes[0].participant.lastRound == 3)
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func randomSequencesKeepThePlacesAndTheQueue(seed: UInt64) {
        var state = seed
        func next(_ n: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int((state >> 33) % UInt64(n)) }
        var rows: [MatchingdayParticipant] = []
        let orgs = (0..<6).map { ("o\($0)", $0 % 2 == 0 ? ParticipantSide.school : .company) }
        for step in 0..<200 {
            let (org, side) = orgs[next(orgs.count)]
            if next(2) == 0 {
                Self.apply(MatchingdayRegistration.register(org, side: side, event: Self.event, participants: rows, today: Self.day(1 + step / 10), newId: "p\(step)"), to: &rows)
            } else if let p = rows.first(where: { $0.organizationId == org }) {
                let waitingBefore = rows.enumerated().filter { $0.element.side == p.side && $0.element.status == .waiting }
                    .min { ($0.element.registeredOn, $0.offset) < ($1.element.registeredOn, $1.offset) }?.element
                if let (c, promoted) = MatchingdayRegistration.cancel(p.id, participants: rows) {
                    Self.apply(c, to: &rows)
                    if let promoted { Self.apply(promoted, to: &rows); #expect(promoted.participant.id == waitingBefore?.id) }
                    else { #expect(p.status == .waiting || waitingBefore == nil) }
                }
            }
            for (side, places) in [(ParticipantSide.school, 2), (.company, 1)] {
                let registered = rows.filter { $0.side == side && $0.status == .registered }.count
                let waiting = rows.filter { $0.side == side && $0.status == .waiting }.count
                #expect(registered <= places)
                #expect(waiting == 0 || registered == places, "nobody waits while a place is free")
            }
            #expect(Set(rows.map(\.organizationId)).count == rows.count, "one row per organisation")
        }
    }

    @Test func anAgreementAtTheTables() {
        let s = MatchingdayParticipant(id: "p1", eventId: "d", organizationId: "school", side: .school, registeredOn: Self.day(1), lastRound: 4)
        let c = MatchingdayParticipant(id: "p2", eventId: "d", organizationId: "firm", side: .company, registeredOn: Self.day(1), lastRound: 4)
        var waiting = MatchingdayParticipant(id: "p3", eventId: "d", organizationId: "late", side: .company, registeredOn: Self.day(2), lastRound: 4)
        waiting.status = .waiting
        let day = MatchingdayDay(event: Self.event, tables: [], participants: [s, c, waiting], wishes: [], meetings: [])
        let today = PartialDate(year: 2027, month: 3, day: 1)
        let (made, none) = day.agreement(id: "a", school: "school", company: "firm", type: .stage, pupils: 2, windowStart: today, windowEnd: today, today: today)
        #expect(none.isEmpty && made.status == .afgesproken && made.eventId == "d" && made.followUpOn == PartialDate(year: 2027, month: 9, day: 1))
        let (_, errors) = day.agreement(id: "b", school: "firm", company: "late", type: .stage, pupils: 0, windowStart: today,
                                        windowEnd: PartialDate(year: 2027, month: 2, day: 1), today: today)
        #expect(Set(errors.keys) == ["school", "company", "pupils", "windowEnd"], "the wrong side, a waiting one, no pupils, the window backwards")
    }
}
