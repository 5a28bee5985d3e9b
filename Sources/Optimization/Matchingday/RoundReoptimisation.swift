/// One warm-started minimum-cost flow per round: source → school (1) → company (1, −weight) → sink (1), at most
/// `tables` units, the rest over a free bypass. Every pair present in the round has its arc; a pair that may not meet
/// now gets a weight of −1, so only the costs change between solves and each solve starts from the last optimal tree
/// (`WarmNetworkSimplex`). The walk and the Lagrangian bound solve each round thousands of times.
final class RoundFlows {
    let inst: MatchingdayInstance
    /// Pairs whose school and company are both present, per round.
    let byRound: [[Int]]
    private var solvers: [WarmNetworkSimplex?]
    private var costs: [[Int]]
    private var firstPairArc: [Int]

    init(_ inst: MatchingdayInstance) {
        self.inst = inst
        byRound = MatchingdayScheduler.pairsByRound(inst)
        solvers = Array(repeating: nil, count: inst.rounds)
        costs = Array(repeating: [], count: inst.rounds)
        firstPairArc = Array(repeating: 0, count: inst.rounds)
    }

    private func solver(_ r: Int) -> WarmNetworkSimplex? {
        if let solver = solvers[r] { return solver }
        let S = inst.schools, C = inst.companies, source = 0, sink = S + C + 1
        var net = FlowNetwork(nodeCount: sink + 1)
        let units = min(inst.tables, byRound[r].count)
        net.supply[source] = units; net.supply[sink] = -units
        var schoolArc = [Bool](repeating: false, count: S), companyArc = [Bool](repeating: false, count: C)
        for i in byRound[r] { schoolArc[inst.pairs[i].school] = true; companyArc[inst.pairs[i].company] = true }
        for s in 0..<S where schoolArc[s] { net.addArc(from: source, to: 1 + s, capacity: 1, cost: 0) }
        firstPairArc[r] = net.arcs.count
        for i in byRound[r] { net.addArc(from: 1 + inst.pairs[i].school, to: 1 + S + inst.pairs[i].company, capacity: 1, cost: 0) }
        for c in 0..<C where companyArc[c] { net.addArc(from: 1 + S + c, to: sink, capacity: 1, cost: 0) }
        net.addArc(from: source, to: sink, capacity: units, cost: 0)
        costs[r] = [Int](repeating: 0, count: net.arcs.count)
        solvers[r] = try? WarmNetworkSimplex(net)
        return solvers[r]
    }

    /// A maximum-weight matching of at most `tables` pairs among the round's pairs, by `weight` (pair index → weight;
    /// only positive weights are ever chosen): the chosen pairs, in the order of `byRound[r]`.
    func matching(round r: Int, weight: (Int) -> Int) -> [Int] {
        guard !byRound[r].isEmpty, let solver = solver(r) else { return [] }
        let first = firstPairArc[r]
        var any = false
        for (k, i) in byRound[r].enumerated() {
            let w = weight(i)
            costs[r][first + k] = -w
            if w > 0 { any = true }
        }
        guard any, (try? solver.solve(costs: costs[r])) != nil else { return [] }
        var chosen: [Int] = []
        for (k, i) in byRound[r].enumerated() where costs[r][first + k] < 0 && solver.flow(first + k) > 0 { chosen.append(i) }
        return chosen
    }
}

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

    /// Re-chooses round `r` optimally; returns the weight gained (0 when the round was already optimal). With
    /// `jitter` (a small number per pair, below `jitterRange`), ties between equally heavy choices are broken by it:
    /// the weight is still the round's best, but which of the equally good matchings is taken changes.
    @discardableResult
    static func reoptimise(_ board: inout Board, round r: Int, flows: RoundFlows, jitter: [Int]? = nil) -> Int {
        let inst = board.inst, S = inst.schools
        let before = board.weight
        var old: [Int] = []
        for s in 0..<S { let i = board.schoolAt[s * inst.rounds + r]; if i >= 0 { old.append(i) } }
        for i in old { board.remove(i) }
        // With jitter, a weight unit is worth more than all the jitter a round can hold, so the weight stays first.
        let scale = jitter == nil ? 1 : (inst.tables + 1) * jitterRange
        let chosen = flows.matching(round: r) { i in
            let p = inst.pairs[i]
            guard board.roundOf[i] < 0, board.perSchool[p.school] < inst.maxMeetings,
                  board.perCompany[p.company] < inst.maxMeetings else { return -1 }
            return p.weight * scale + (jitter?[i] ?? 0)
        }
        for i in chosen { board.place(i, r) }
        if board.weight < before {
            // Cannot happen (the old meetings were a feasible choice), but never leave a worse board behind.
            for i in chosen { board.remove(i) }
            for i in old { board.place(i, r) }
            return 0
        }
        return board.weight - before
    }

    /// Sweeps the rounds until no round can be improved alone (at most `sweeps` times).
    static func reoptimiseRounds(_ board: inout Board, flows: RoundFlows, sweeps: Int = 20) {
        var stale = 0, r = 0, steps = 0
        while stale < board.inst.rounds && steps < sweeps * board.inst.rounds {
            if reoptimise(&board, round: r, flows: flows) > 0 { stale = 0 } else { stale += 1 }
            r = (r + 1) % board.inst.rounds
            steps += 1
        }
    }

    static let jitterRange = 16

    /// A walk over the plateau of schedules the round sweeps cannot improve: re-choose a random round among its
    /// equally heavy optimal matchings (random tie-breaking, so the weight never falls), then sweep the rounds again;
    /// a different choice in one round often frees the pair another round needed. Keeps the best schedule seen, by
    /// fairness level first when the organiser asked for it. Seeded: the same instance gives the same schedule.
    static func plateauWalk(_ board: inout Board, flows: RoundFlows, steps: Int, seed: UInt64, stopAt bound: Int = Int.max) {
        let inst = board.inst, byRound = flows.byRound
        guard steps > 0, inst.rounds > 1, !inst.pairs.isEmpty else { return }
        var rng = SplitMix64(state: seed ^ 0x9E3779B97F4A7C15)
        func key(_ b: Board) -> (Int, Int) { (inst.fairnessFirst ? b.fairness : 0, b.weight) }
        var best = board
        var jitter = [Int](repeating: 0, count: inst.pairs.count)
        for _ in 0..<steps where best.weight < bound {
            let r = Int(rng.next() % UInt64(inst.rounds))
            for i in byRound[r] { jitter[i] = Int(rng.next() % UInt64(jitterRange)) }
            let before = (0..<inst.schools).map { board.schoolAt[$0 * inst.rounds + r] }
            reoptimise(&board, round: r, flows: flows, jitter: jitter)
            // The same matching again (often: the round's best is unique): nothing freed, nothing to sweep.
            if (0..<inst.schools).allSatisfy({ board.schoolAt[$0 * inst.rounds + r] == before[$0] }) { continue }
            reoptimiseRounds(&board, flows: flows, sweeps: 3)
            if key(board) > key(best) { best = board } else if key(board) < key(best) { board = best }
        }
        board = best
    }

    /// The round sweeps, kept only when they do not lower the fairness level the organiser asked for first.
    static func improveByRounds(_ board: inout Board, flows: RoundFlows) {
        let saved = board
        reoptimiseRounds(&board, flows: flows)
        if board.inst.fairnessFirst && board.fairness < saved.fairness { board = saved }
    }
}
