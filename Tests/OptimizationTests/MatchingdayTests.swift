import Testing
@testable import Optimization

/// The Matchingday scheduler against an independent brute force on small random instances, and its rules on
/// larger ones.
@Suite struct MatchingdayTests {
    typealias Rng = SplitMix64

    static func random(_ rng: inout Rng, schools: Int, companies: Int, rounds: Int, tables: Int, density: Double, partial: Bool) -> MatchingdayInstance {
        var pairs: [MatchingdayInstance.Pair] = []
        for s in 0..<schools { for c in 0..<companies where Double.random(in: 0..<1, using: &rng) < density {
            pairs.append(.init(school: s, company: c, weight: Int.random(in: 1...9, using: &rng)))
        } }
        func presence(_ n: Int, _ rng: inout Rng) -> [[Bool]] {
            guard partial else { return [] }
            var rows: [[Bool]] = []
            for _ in 0..<n { var row: [Bool] = []; for _ in 0..<rounds { row.append(Double.random(in: 0..<1, using: &rng) > 0.25) }; rows.append(row) }
            return rows
        }
        let sp = presence(schools, &rng), cp = presence(companies, &rng)
        return MatchingdayInstance(rounds: rounds, tables: tables, schools: schools, companies: companies, pairs: pairs,
                                   schoolPresence: sp, companyPresence: cp, maxMeetings: Int.random(in: 1...rounds, using: &rng))
    }

    /// Every assignment of each pair to a round or to none, written without the scheduler's code: the best
    /// (fairness, weight).
    static func bruteForce(_ inst: MatchingdayInstance, fairnessFirst: Bool = true) -> (fairness: Int, weight: Int) {
        var caps = [Int](repeating: 0, count: inst.schools)
        for s in 0..<inst.schools {
            let usable = inst.pairs.filter { p in p.school == s && (0..<inst.rounds).contains { inst.schoolPresent(s, $0) && inst.companyPresent(p.company, $0) } }.count
            caps[s] = min(inst.maxMeetings, usable, (0..<inst.rounds).filter { inst.schoolPresent(s, $0) }.count)
        }
        var best = (fairness: -1, weight: -1)
        var round = [Int](repeating: -1, count: inst.pairs.count)
        func check() {
            var count = [Int](repeating: 0, count: inst.schools), ccount = [Int](repeating: 0, count: inst.companies)
            var used = Set<[Int]>(), tables = [Int](repeating: 0, count: inst.rounds), weight = 0
            for (i, r) in round.enumerated() where r >= 0 {
                let p = inst.pairs[i]
                guard inst.schoolPresent(p.school, r), inst.companyPresent(p.company, r),
                      used.insert([0, p.school, r]).inserted, used.insert([1, p.company, r]).inserted else { return }
                tables[r] += 1; count[p.school] += 1; ccount[p.company] += 1; weight += p.weight
            }
            guard tables.allSatisfy({ $0 <= inst.tables }), count.allSatisfy({ $0 <= inst.maxMeetings }), ccount.allSatisfy({ $0 <= inst.maxMeetings }) else { return }
            var fair = inst.rounds
            for s in 0..<inst.schools where fairnessFirst && count[s] < caps[s] { fair = min(fair, count[s]) }
            if (fair, weight) > best { best = (fair, weight) }
        }
        func visit(_ i: Int) {
            if i == inst.pairs.count { check(); return }
            for r in -1..<inst.rounds { round[i] = r; visit(i + 1) }
        }
        visit(0)
        return best
    }

    @Test func exactWithEveryonePresentMatchesBruteForce() {
        var rng = Rng(state: 1)
        var optimal = 0
        for _ in 0..<400 {
            let inst = Self.random(&rng, schools: Int.random(in: 1...3, using: &rng), companies: Int.random(in: 1...3, using: &rng),
                                   rounds: Int.random(in: 1...3, using: &rng), tables: Int.random(in: 1...3, using: &rng), density: 0.7, partial: false)
            guard inst.pairs.count <= 7 else { continue }
            let schedule = MatchingdayScheduler.solve(inst)
            #expect(MatchingdayScheduler.violations(schedule.meetings, in: inst).isEmpty, "\(inst)")
            let best = Self.bruteForce(inst)
            #expect(schedule.fairness == best.fairness && schedule.objective == best.weight, "\(inst): ours \(schedule.fairness)/\(schedule.objective), best \(best)")
            #expect(schedule.isOptimal)
            optimal += 1
        }
        #expect(optimal > 200)
    }

    @Test func partialPresenceSmallIsExactToo() {
        var rng = Rng(state: 2)
        var checked = 0
        for _ in 0..<300 {
            let inst = Self.random(&rng, schools: Int.random(in: 1...3, using: &rng), companies: Int.random(in: 1...3, using: &rng),
                                   rounds: Int.random(in: 2...3, using: &rng), tables: Int.random(in: 1...2, using: &rng), density: 0.7, partial: true)
            guard inst.pairs.count <= 6, !inst.hasFullPresence else { continue }
            let schedule = MatchingdayScheduler.solve(inst)
            #expect(MatchingdayScheduler.violations(schedule.meetings, in: inst).isEmpty)
            let best = Self.bruteForce(inst)
            #expect(schedule.fairness == best.fairness && schedule.objective == best.weight, "\(inst)")
            checked += 1
        }
        #expect(checked > 100)
    }

    @Test func largePartialPresenceIsValidAndBounded() {
        var rng = Rng(state: 3)
        for _ in 0..<10 {
            let inst = Self.random(&rng, schools: 30, companies: 40, rounds: 6, tables: 12, density: 0.15, partial: true)
            let schedule = MatchingdayScheduler.solve(inst)
            #expect(MatchingdayScheduler.violations(schedule.meetings, in: inst).isEmpty)
            #expect(schedule.objective <= schedule.upperBound)
            #expect(schedule.objective >= schedule.upperBound * 7 / 10, "\(schedule.objective) of at most \(schedule.upperBound)")
            // The same day with everyone present and weight only: its exact optimum is at least any schedule of the
            // partial day (which is valid on the full day too), and the partial day's bound holds for its own weight.
            var full = inst; full.schoolPresence = []; full.companyPresence = []; full.fairnessFirst = false
            let exact = MatchingdayScheduler.solve(full)
            #expect(exact.isOptimal && MatchingdayScheduler.violations(exact.meetings, in: full).isEmpty)
            #expect(exact.objective >= schedule.objective)
            var weightOnly = inst; weightOnly.fairnessFirst = false
            let heavier = MatchingdayScheduler.solve(weightOnly)
            #expect(heavier.objective <= heavier.upperBound && heavier.upperBound <= exact.objective)
        }
    }

    @Test func equitableEdgeColouringIsProperAndBalanced() {
        var rng = Rng(state: 4)
        for _ in 0..<300 {
            let k = Int.random(in: 1...5, using: &rng)
            var edges: [(Int, Int)] = [], degL = [Int: Int](), degR = [Int: Int](), seen = Set<[Int]>()
            for _ in 0..<Int.random(in: 0...40, using: &rng) {
                let u = Int.random(in: 0..<8, using: &rng), v = Int.random(in: 0..<8, using: &rng)
                guard degL[u, default: 0] < k, degR[v, default: 0] < k, seen.insert([u, v]).inserted else { continue }
                edges.append((u, v)); degL[u, default: 0] += 1; degR[v, default: 0] += 1
            }
            let colour = EdgeColouring.equitable(edges, colours: k)
            var atL = Set<[Int]>(), atR = Set<[Int]>()
            for (e, c) in zip(edges, colour) {
                #expect((0..<k).contains(c))
                #expect(atL.insert([e.0, c]).inserted && atR.insert([e.1, c]).inserted, "two edges of one colour at a node")
            }
            let sizes = (0..<k).map { c in colour.filter { $0 == c }.count }
            #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1, "\(sizes)")
        }
    }
}

extension MatchingdayTests {
    @Test func weightOnlyIsOptimalToo() {
        var rng = Rng(state: 5)
        var checked = 0
        for _ in 0..<200 {
            var inst = Self.random(&rng, schools: Int.random(in: 1...3, using: &rng), companies: Int.random(in: 1...3, using: &rng),
                                   rounds: Int.random(in: 1...3, using: &rng), tables: Int.random(in: 1...2, using: &rng), density: 0.7,
                                   partial: Bool.random(using: &rng))
            guard inst.pairs.count <= 6 else { continue }
            inst.fairnessFirst = false
            let schedule = MatchingdayScheduler.solve(inst)
            #expect(schedule.objective == Self.bruteForce(inst, fairnessFirst: false).weight, "\(inst)")
            checked += 1
        }
        #expect(checked > 80)
    }
}
