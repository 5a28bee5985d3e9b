import Testing
@testable import Optimization

@Suite struct ReschedulingTests {
    static func randomDay(_ rng: inout SplitMix64, schools: Int, companies: Int, rounds: Int, tables: Int) -> MatchingdayInstance {
        var pairs: [MatchingdayInstance.Pair] = []
        for s in 0..<schools { for c in 0..<companies where Int.random(in: 0...2, using: &rng) > 0 {
            pairs.append(.init(school: s, company: c, weight: Int.random(in: 1...9, using: &rng)))
        } }
        return MatchingdayInstance(rounds: rounds, tables: tables, schools: schools, companies: companies, pairs: pairs)
    }

    /// A school cancels, a company arrives late, a pair is no longer wished: on every random day the new schedule
    /// is valid, keeps every printed meeting that is still possible exactly where it was, and accounts for every
    /// printed meeting.
    @Test func changesOnlyWhatMustChange() {
        var rng = SplitMix64(state: 99)
        for _ in 0..<300 {
            let schools = Int.random(in: 2...7, using: &rng), companies = Int.random(in: 2...8, using: &rng)
            let rounds = Int.random(in: 2...5, using: &rng), tables = Int.random(in: 2...6, using: &rng)
            let before = Self.randomDay(&rng, schools: schools, companies: companies, rounds: rounds, tables: tables)
            let printed = MatchingdayScheduler.solve(before).meetings
            var after = before
            after.schoolPresence = (0..<schools).map { _ in Array(repeating: true, count: rounds) }
            after.companyPresence = (0..<companies).map { _ in Array(repeating: true, count: rounds) }
            let cancelled = Int.random(in: 0..<schools, using: &rng)
            after.schoolPresence[cancelled] = Array(repeating: false, count: rounds)
            let late = Int.random(in: 0..<companies, using: &rng)
            for r in 0..<Int.random(in: 1...rounds, using: &rng) { after.companyPresence[late][r] = false }
            if !after.pairs.isEmpty { after.pairs.remove(at: Int.random(in: 0..<after.pairs.count, using: &rng)) }

            let result = Rescheduling.reschedule(after, printed: printed)
            #expect(MatchingdayScheduler.violations(result.schedule, in: after).isEmpty, "\(MatchingdayScheduler.violations(result.schedule, in: after))")
            let stillPossible = printed.filter { m in
                after.pairs.contains { $0.school == m.school && $0.company == m.company } && after.schoolPresent(m.school, m.round) && after.companyPresent(m.company, m.round)
            }
            #expect(Set(result.kept) == Set(stillPossible))
            #expect(Set(stillPossible).isSubset(of: Set(result.schedule)))
            #expect(result.kept.count + result.moved.count + result.dropped.count == printed.count)
            #expect(result.changes == printed.count - stillPossible.count, "the fewest changes any valid schedule can have")
            #expect(result.dropped.allSatisfy { d in !result.schedule.contains { $0.school == d.school && $0.company == d.company } })
            #expect(result.objective == result.schedule.reduce(0) { t, m in t + (after.pairs.first { $0.school == m.school && $0.company == m.company }?.weight ?? 0) })
        }
    }

    @Test func aLateArrivalMovesTheMeetingInsteadOfDroppingIt() {
        // School 0 meets company 0 in round 0 and company 1 in round 1; company 0 arrives late: its meeting moves to round 2.
        var inst = MatchingdayInstance(rounds: 3, tables: 2, schools: 1, companies: 2, pairs: [.init(school: 0, company: 0, weight: 5), .init(school: 0, company: 1, weight: 3)])
        let printed = [Meeting(school: 0, company: 0, round: 0, table: 1), Meeting(school: 0, company: 1, round: 1, table: 0)]
        inst.companyPresence = [[false, true, true], [true, true, true]]
        let result = Rescheduling.reschedule(inst, printed: printed)
        #expect(result.kept == [printed[1]])
        #expect(result.moved == [.init(before: printed[0], after: Meeting(school: 0, company: 0, round: 2, table: 1))], "same table, next free round")
        #expect(result.changes == 1 && result.dropped.isEmpty && result.objective == 8)
    }
}
