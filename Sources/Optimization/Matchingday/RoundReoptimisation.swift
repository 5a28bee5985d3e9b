/// An exact neighbourhood for partial presence: keep every round but one as it is and choose that round's meetings
/// optimally again. With the other rounds fixed, one round is a maximum-weight bipartite matching of at most
/// `tables` edges among the pairs present then, not met in another round, whose participants still have room under
/// the cap: a minimum-cost flow. The round's old meetings are one such matching, so the weight never falls; sweeping
/// the rounds until none improves reaches a schedule no single round can better.
extension MatchingdayScheduler {
    /// Pairs whose school and company are both present, per round.
    static func pairsByRound(_ inst: MatchingdayInstance) -> [[Int]] {
        (0..<inst.rounds).map { r in inst.pairs.indices.filter { inst.schoolPresent(inst.pairs[$0].school, r) && inst.companyPresent(inst.pairs[$0].company, r) } }
    }

    /// Re-chooses round `r` optimally; returns the weight gained (0 when the round was already optimal).
    @discardableResult
    static func reoptimise(_ board: inout Board, round r: Int, candidates: [Int]) -> Int {
        let inst = board.inst, S = inst.schools, C = inst.companies
        let before = board.weight
        var old: [Int] = []
        for s in 0..<S { let i = board.schoolAt[s * inst.rounds + r]; if i >= 0 { old.append(i) } }
        for i in old { board.remove(i) }
        let open = candidates.filter { i in
            let p = inst.pairs[i]
            return board.roundOf[i] < 0 && board.perSchool[p.school] < inst.maxMeetings && board.perCompany[p.company] < inst.maxMeetings
        }
        guard !open.isEmpty else { for i in old { board.place(i, r) }; return 0 }
        // source → school (1) → company (1, −weight) → sink (1); at most `tables` units, the rest bypasses.
        let source = 0, sink = S + C + 1
        var net = FlowNetwork(nodeCount: sink + 1)
        let units = min(inst.tables, open.count)
        net.supply[source] = units; net.supply[sink] = -units
        var schoolArc = [Bool](repeating: false, count: S), companyArc = [Bool](repeating: false, count: C)
        for i in open { schoolArc[inst.pairs[i].school] = true; companyArc[inst.pairs[i].company] = true }
        for s in 0..<S where schoolArc[s] { net.addArc(from: source, to: 1 + s, capacity: 1, cost: 0) }
        let first = net.arcs.count
        for i in open { net.addArc(from: 1 + inst.pairs[i].school, to: 1 + S + inst.pairs[i].company, capacity: 1, cost: -inst.pairs[i].weight) }
        for c in 0..<C where companyArc[c] { net.addArc(from: 1 + S + c, to: sink, capacity: 1, cost: 0) }
        net.addArc(from: source, to: sink, capacity: units, cost: 0)
        guard let solution = try? MinCostFlow.solve(net) else { for i in old { board.place(i, r) }; return 0 }
        for (k, i) in open.enumerated() where solution.flow[first + k] > 0 { board.place(i, r) }
        if board.weight < before {
            // Cannot happen (the old meetings were a feasible choice), but never leave a worse board behind.
            for (k, i) in open.enumerated() where solution.flow[first + k] > 0 { board.remove(i) }
            for i in old { board.place(i, r) }
            return 0
        }
        return board.weight - before
    }

    /// Sweeps the rounds until no round can be improved alone (at most `sweeps` times).
    static func reoptimiseRounds(_ board: inout Board, byRound: [[Int]], sweeps: Int = 20) {
        var stale = 0, r = 0, steps = 0
        while stale < board.inst.rounds && steps < sweeps * board.inst.rounds {
            if reoptimise(&board, round: r, candidates: byRound[r]) > 0 { stale = 0 } else { stale += 1 }
            r = (r + 1) % board.inst.rounds
            steps += 1
        }
    }

    /// The round sweeps, kept only when they do not lower the fairness level the organiser asked for first.
    static func improveByRounds(_ board: inout Board) {
        let saved = board
        reoptimiseRounds(&board, byRound: pairsByRound(board.inst))
        if board.inst.fairnessFirst && board.fairness < saved.fairness { board = saved }
    }
}
