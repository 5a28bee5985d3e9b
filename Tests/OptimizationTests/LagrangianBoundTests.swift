import Testing
@testable import Optimization

/// The Lagrangian bound for days with absences (issue 18) against the brute force of `MatchingdayTests`: never below
/// the best schedule (a bound that could be is worthless), and usually equal to it.
@Suite struct LagrangianBoundTests {
    @Test func neverBelowTheOptimumAndUsuallyEqual() {
        var rng = SplitMix64(state: 1818)
        var equal = 0, total = 0
        for _ in 0..<300 {
            var inst = MatchingdayTests.random(&rng, schools: Int.random(in: 2...4, using: &rng), companies: Int.random(in: 2...4, using: &rng),
                                               rounds: Int.random(in: 2...3, using: &rng), tables: Int.random(in: 1...3, using: &rng),
                                               density: 0.5, partial: true)
            inst.fairnessFirst = false
            guard !inst.pairs.isEmpty, inst.pairs.count <= 7 else { continue }
            let optimum = MatchingdayTests.bruteForce(inst, fairnessFirst: false).weight
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
}
