import Testing
@testable import Optimization

/// The per-round re-optimisation against brute force: with the other rounds fixed, the round it chooses is the
/// heaviest valid choice, it never lowers the weight, and the board stays valid.
@Suite struct RoundReoptimisationTests {
    /// The heaviest set of pairs for round r alone: one per school and company, at most `tables`, not met in
    /// another round, under each participant's cap, both present.
    static func bestRound(_ board: MatchingdayScheduler.Board, _ r: Int) -> Int {
        let inst = board.inst
        var perSchool = board.perSchool, perCompany = board.perCompany
        for i in inst.pairs.indices where board.roundOf[i] == r { perSchool[inst.pairs[i].school] -= 1; perCompany[inst.pairs[i].company] -= 1 }
        let open = inst.pairs.indices.filter { i in
            let p = inst.pairs[i]
            return (board.roundOf[i] < 0 || board.roundOf[i] == r) && inst.schoolPresent(p.school, r) && inst.companyPresent(p.company, r)
                && perSchool[p.school] < inst.maxMeetings && perCompany[p.company] < inst.maxMeetings
        }
        var best = 0, usedS = Set<Int>(), usedC = Set<Int>()
        func visit(_ k: Int, _ count: Int, _ weight: Int) {
            best = max(best, weight)
            guard k < open.count, count < inst.tables else { return }
            visit(k + 1, count, weight)
            let p = inst.pairs[open[k]]
            if !usedS.contains(p.school) && !usedC.contains(p.company) {
                usedS.insert(p.school); usedC.insert(p.company)
                visit(k + 1, count + 1, weight + p.weight)
                usedS.remove(p.school); usedC.remove(p.company)
            }
        }
        visit(0, 0, 0)
        return best
    }

    @Test func eachRoundBecomesTheHeaviestChoiceGivenTheOthers() {
        var rng = SplitMix64(state: 61)
        for _ in 0..<400 {
            var inst = MatchingdayTests.random(&rng, schools: Int.random(in: 2...5, using: &rng), companies: Int.random(in: 2...5, using: &rng),
                                               rounds: Int.random(in: 2...4, using: &rng), tables: Int.random(in: 1...3, using: &rng), density: 0.6, partial: true)
            inst.maxMeetings = Int.random(in: 1...inst.rounds, using: &rng)
            // One set of warm-started round flows for several random boards and rounds: each solve starts from the
            // tree the previous (unrelated) one left, and must still be optimal.
            let flows = RoundFlows(inst)
            for _ in 0..<3 {
                var board = MatchingdayScheduler.Board(inst)
                for i in inst.pairs.indices.shuffled(using: &rng) { if let r = (0..<inst.rounds).shuffled(using: &rng).first(where: { board.canPlace(i, $0) }) { board.place(i, r) } }
                let r = Int.random(in: 0..<inst.rounds, using: &rng)
                let before = board.weight
                let roundWeight = inst.pairs.indices.filter { board.roundOf[$0] == r }.reduce(0) { $0 + inst.pairs[$1].weight }
                let expected = Self.bestRound(board, r)
                MatchingdayScheduler.reoptimise(&board, round: r, flows: flows)
                #expect(board.weight == before - roundWeight + expected, "round \(r) is re-chosen optimally")
                #expect(board.weight >= before)
                let meetings = board.placed.enumerated().map { Meeting(school: $1.school, company: $1.company, round: $1.round, table: $0 % max(1, inst.tables)) }
                let perRound = Dictionary(grouping: board.placed, by: \.round).mapValues(\.count)
                #expect(perRound.values.allSatisfy { $0 <= inst.tables })
                #expect(MatchingdayScheduler.violations(meetings, in: inst).filter { !$0.contains("table used twice") }.isEmpty)
            }
        }
    }
}
