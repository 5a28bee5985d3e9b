import Testing
@testable import Optimization

/// Filling free places and spreading rounds (issue 15, part 8), on random days with partial presence.
@Suite struct IdleFillingTests {
    static func randomDay(_ rng: inout SplitMix64) -> (day: MatchingdayInstance, candidates: [MatchingdayInstance.Pair]) {
        let schools = Int.random(in: 2...7, using: &rng), companies = Int.random(in: 2...9, using: &rng)
        let rounds = Int.random(in: 2...6, using: &rng), tables = Int.random(in: 1...6, using: &rng)
        var wished: [MatchingdayInstance.Pair] = [], candidates: [MatchingdayInstance.Pair] = []
        for s in 0..<schools { for c in 0..<companies {
            switch Int.random(in: 0...3, using: &rng) {
            case 0: wished.append(.init(school: s, company: c, weight: Int.random(in: 3...12, using: &rng)))
            case 1, 2: candidates.append(.init(school: s, company: c, weight: Int.random(in: 1...2, using: &rng)))
            default: break  // a "niet": neither
            }
        } }
        var day = MatchingdayInstance(rounds: rounds, tables: tables, schools: schools, companies: companies, pairs: wished,
                                      maxMeetings: Int.random(in: 1...rounds, using: &rng))
        func presence() -> [Bool] {
            let first = Int.random(in: 0..<rounds, using: &rng), last = Int.random(in: first..<rounds, using: &rng)
            return (0..<rounds).map { (first...last).contains($0) }
        }
        day.schoolPresence = (0..<schools).map { _ in presence() }
        day.companyPresence = (0..<companies).map { _ in presence() }
        return (day, candidates)
    }

    @Test func fillingKeepsTheWishedScheduleAndLeavesNoFillablePlace() {
        var rng = SplitMix64(state: 815)
        var filledSome = 0
        for _ in 0..<400 {
            let (day, candidates) = Self.randomDay(&rng)
            let wished = MatchingdayScheduler.solve(day).meetings
            let spread = RoundBalancing.spread(day, wished)
            let added = IdleFilling.fill(day, schedule: spread, candidates: candidates)
            var both = day
            both.pairs += candidates
            // Valid as one schedule (the validator is the scheduler's own, independent of the filling).
            #expect(MatchingdayScheduler.violations(spread + added, in: both).isEmpty, "\(MatchingdayScheduler.violations(spread + added, in: both))")
            // Only candidates are added; the spread keeps every wished pair once.
            let candidateSet = Set(candidates.map { [$0.school, $0.company] })
            #expect(added.allSatisfy { candidateSet.contains([$0.school, $0.company]) })
            #expect(Set(spread.map { [$0.school, $0.company] }) == Set(wished.map { [$0.school, $0.company] }) && spread.count == wished.count)
            if !added.isEmpty { filledSome += 1 }
            // Maximal: no round has a free table and a candidate pair, not met, both present, free and under the cap.
            let all = spread + added
            var count: [String: Int] = [:]
            for m in all { count["s\(m.school)", default: 0] += 1; count["c\(m.company)", default: 0] += 1 }
            let met = Set(all.map { [$0.school, $0.company] })
            for r in 0..<day.rounds {
                let here = all.filter { $0.round == r }
                guard here.count < day.tables else { continue }
                let open = candidates.filter { p in
                    !met.contains([p.school, p.company]) && day.schoolPresent(p.school, r) && day.companyPresent(p.company, r)
                        && !here.contains { $0.school == p.school || $0.company == p.company }
                        && count["s\(p.school)", default: 0] < day.maxMeetings && count["c\(p.company)", default: 0] < day.maxMeetings
                }
                #expect(open.isEmpty, "round \(r) could still seat \(open)")
            }
        }
        #expect(filledSome > 100, "the random days exercise the filling")
    }

    @Test func theParticipantWithFewerMeetingsGoesFirst() {
        // One free place (round 2, one table) for school 0: company 0 already has two meetings, company 1 none. The
        // place goes to company 1, although the pair with company 0 weighs more.
        var day = MatchingdayInstance(rounds: 3, tables: 1, schools: 3, companies: 2, pairs: [
            .init(school: 1, company: 0, weight: 9), .init(school: 2, company: 0, weight: 9),
        ])
        day.schoolPresence = [[false, false, true], [true, false, false], [false, true, false]]
        day.companyPresence = [[true, true, true], [true, true, true]]
        let schedule = [Meeting(school: 1, company: 0, round: 0, table: 0), Meeting(school: 2, company: 0, round: 1, table: 0)]
        let candidates: [MatchingdayInstance.Pair] = [.init(school: 0, company: 0, weight: 2), .init(school: 0, company: 1, weight: 1)]
        #expect(IdleFilling.fill(day, schedule: schedule, candidates: candidates) == [Meeting(school: 0, company: 1, round: 2, table: 0)])
        // With equal histories the weight decides.
        #expect(IdleFilling.fill(day, schedule: [], candidates: candidates).first { $0.round == 2 }?.company == 0)
    }

    @Test func spreadingLeavesNoRoundEmptyWhenMeetingsCanMove() {
        // Four meetings all in round 0 and 1 of a 4-round day with room everywhere.
        let day = MatchingdayInstance(rounds: 4, tables: 4, schools: 2, companies: 2, pairs: [
            .init(school: 0, company: 0, weight: 5), .init(school: 0, company: 1, weight: 5), .init(school: 1, company: 0, weight: 5), .init(school: 1, company: 1, weight: 5),
        ])
        let packed = [Meeting(school: 0, company: 0, round: 0, table: 0), Meeting(school: 1, company: 1, round: 0, table: 1),
                      Meeting(school: 0, company: 1, round: 1, table: 1), Meeting(school: 1, company: 0, round: 1, table: 0)]
        let spread = RoundBalancing.spread(day, packed)
        #expect(Set(spread.map(\.round)) == [0, 1, 2, 3])
        #expect(MatchingdayScheduler.violations(spread, in: day).isEmpty)
        #expect(spread.map(\.table) == packed.map(\.table), "a free table stays the company's")
    }
}
