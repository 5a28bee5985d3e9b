import Testing
@testable import Optimization

/// The Lagrangian bound for days with absences (issue 18) against the brute force of `MatchingdayTests`: never below
/// the best schedule (a bound that could be is worthless), and usually equal to it.
@Suite struct LagrangianBoundTests {
    /// A small random day with absences, weight only, and its optimum by brute force (nil when empty or too large).
    static func smallDay(_ rng: inout SplitMix64) -> (MatchingdayInstance, Int)? {
        var inst = MatchingdayTests.random(&rng, schools: Int.random(in: 2...4, using: &rng), companies: Int.random(in: 2...4, using: &rng),
                                           rounds: Int.random(in: 2...3, using: &rng), tables: Int.random(in: 1...3, using: &rng),
                                           density: 0.5, partial: true)
        inst.fairnessFirst = false
        guard !inst.pairs.isEmpty, inst.pairs.count <= 7 else { return nil }
        return (inst, MatchingdayTests.bruteForce(inst, fairnessFirst: false).weight)
    }

    @Test func neverBelowTheOptimumAndUsuallyEqual() {
        var rng = SplitMix64(state: 1818)
        var equal = 0, total = 0
        for _ in 0..<300 {
            guard let (inst, optimum) = Self.smallDay(&rng) else { continue }
            let bound = MatchingdayScheduler.lagrangianBound(inst, iterations: 200, target: 0)
            #expect(bound >= optimum, "bound \(bound) below the optimum \(optimum): \(inst)")
            total += 1
            if bound == optimum { equal += 1 }
        }
        #expect(total > 150)
        #expect(equal * 10 >= total * 8, "tight on \(equal) of \(total)")
    }

    @Test func theSchedulerReportsAValidTighterBoundOnLargerDays() {
        var rng = SplitMix64(state: 77)
        for _ in 0..<5 {
            var inst = MatchingdayTests.random(&rng, schools: 20, companies: 30, rounds: 6, tables: 12, density: 0.15, partial: true)
            inst.fairnessFirst = false
            let schedule = MatchingdayScheduler.solve(inst)
            #expect(MatchingdayScheduler.violations(schedule.meetings, in: inst).isEmpty)
            // The Lagrangian bound from zero multipliers with a target of 0 is the weakest it gets; the reported one is
            // never above the flow relaxation and never below the schedule.
            var plain = inst; plain.walkSteps = 0; plain.boundIterations = 0
            let flowBound = MatchingdayScheduler.solve(plain).upperBound
            #expect(schedule.objective <= schedule.upperBound && schedule.upperBound <= flowBound)
        }
    }

    /// With a schedule, the multipliers live on its support (issue 18): still a valid bound whatever the schedule (a
    /// random one, usually poor), never below the optimum; from an optimal schedule it proves it on most days; and
    /// the Lagrangian heuristic on the way only ever hands back a valid schedule no heavier than the optimum.
    @Test func onAScheduleSupportStillValidAndTightFromTheOptimum() {
        var rng = SplitMix64(state: 4242)
        var proven = 0, total = 0
        for _ in 0..<300 {
            guard let (inst, optimum) = Self.smallDay(&rng) else { continue }
            // A random valid schedule.
            var random = MatchingdayScheduler.Board(inst)
            for i in inst.pairs.indices.shuffled(using: &rng) where Bool.random(using: &rng) {
                if let r = (0..<inst.rounds).shuffled(using: &rng).first(where: { random.canPlace(i, $0) }) { random.place(i, r) }
            }
            var board: MatchingdayScheduler.Board? = random
            let bound = MatchingdayScheduler.lagrangianSearch(&board, flows: RoundFlows(inst), repair: RoundFlows(inst), iterations: 200, target: random.weight)
            #expect(bound >= optimum, "bound \(bound) below the optimum \(optimum) from a schedule of \(random.weight): \(inst)")
            var atTable = [Int](repeating: 0, count: inst.rounds)
            let found = board!.placed.map { m in
                defer { atTable[m.round] += 1 }
                return Meeting(school: m.school, company: m.company, round: m.round, table: atTable[m.round])
            }
            #expect(board!.weight <= optimum && board!.weight >= random.weight)
            #expect(MatchingdayScheduler.violations(found, in: inst).isEmpty, "\(MatchingdayScheduler.violations(found, in: inst))")
            // From an optimal schedule.
            let exact = MatchingdayScheduler.enumerate(inst)
            var best = MatchingdayScheduler.Board(inst)
            for m in exact.meetings { best.place(inst.pairs.firstIndex { $0.school == m.school && $0.company == m.company }!, m.round) }
            #expect(best.weight == optimum)
            var optimal: MatchingdayScheduler.Board? = best
            let tight = MatchingdayScheduler.lagrangianSearch(&optimal, flows: RoundFlows(inst), repair: RoundFlows(inst), iterations: 200, target: best.weight)
            #expect(tight >= optimum)
            total += 1
            if tight == optimum { proven += 1 }
        }
        #expect(total > 150)
        #expect(proven * 10 >= total * 8, "proven on \(proven) of \(total)")
    }
}
