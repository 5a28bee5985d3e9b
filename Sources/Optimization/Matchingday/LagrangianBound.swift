/// An upper bound for days with absences (issue 18): relax "each pair meets at most once" (multiplier λ per pair)
/// and "at most maxMeetings per participant" (μ per participant); what is left falls apart into one maximum-weight
/// matching per round (at most `tables` meetings among those present), which the scheduler already solves exactly.
/// For any λ, μ ≥ 0 the sum is a valid bound; subgradient steps lower it towards the LP optimum, which is usually
/// within a unit of the best schedule, so the planner can say "bewezen optimaal" on days with absences too.
///
/// Multipliers are kept in thousandths (integers), so every matching is solved on exact integer costs and the
/// bound is exact arithmetic, never a rounded float.
extension MatchingdayScheduler {
    static let milli = 1000

    /// The best (lowest) bound found in `iterations` subgradient steps, floored to a whole weight (the optimum is an
    /// integer); `target` (a known schedule's weight) steers the step size and stops the search once reached.
    static func lagrangianBound(_ inst: MatchingdayInstance, iterations: Int, target: Int) -> Int {
        let byRound = pairsByRound(inst)
        let P = inst.pairs.count, S = inst.schools, C = inst.companies
        guard P > 0 else { return 0 }
        // Warm start: half of each weight (from zero the first steps only undo that every pair could meet every round).
        var lambda = inst.pairs.map { $0.weight * milli / 2 }      // per pair, in thousandths
        var mu = [Int](repeating: 0, count: S + C)      // per participant, in thousandths
        let capBinds = inst.maxMeetings < inst.rounds
        var best = Int.max
        var theta = 2.0, sinceBest = 0
        var used = [Int](repeating: 0, count: P), degree = [Int](repeating: 0, count: S + C)
        for _ in 0..<max(1, iterations) {
            for i in 0..<P { used[i] = 0 }
            for v in 0..<(S + C) { degree[v] = 0 }
            var value = lambda.reduce(0, +) + (capBinds ? mu.reduce(0, +) * inst.maxMeetings : 0)
            for r in 0..<inst.rounds {
                let chosen = roundMatching(inst, candidates: byRound[r]) { i in
                    let p = inst.pairs[i]
                    return p.weight * milli - lambda[i] - (capBinds ? mu[p.school] + mu[S + p.company] : 0)
                }
                for (i, reduced) in chosen { value += reduced; used[i] += 1; degree[inst.pairs[i].school] += 1; degree[S + inst.pairs[i].company] += 1 }
            }
            if value < best { best = value; sinceBest = 0 } else { sinceBest += 1 }
            if best <= target * milli + milli - 1 { break }   // floor(best / milli) == target: proven
            if sinceBest >= 5 { theta /= 2; sinceBest = 0 }
            if theta < 0.005 { break }
            // Subgradient of the relaxed constraints (at most 1 per pair, at most maxMeetings per participant).
            var norm = 0
            for i in 0..<P { let g = 1 - used[i]; norm += g * g }
            if capBinds { for v in 0..<(S + C) { let g = inst.maxMeetings - degree[v]; norm += g * g } }
            guard norm > 0 else { break }
            let step = theta * Double(value - target * milli) / Double(norm)
            for i in 0..<P { lambda[i] = max(0, lambda[i] - Int((step * Double(1 - used[i])).rounded())) }
            if capBinds { for v in 0..<(S + C) { mu[v] = max(0, mu[v] - Int((step * Double(inst.maxMeetings - degree[v])).rounded())) } }
        }
        return best == Int.max ? Int.max : best / milli
    }

    /// A maximum-weight matching of at most `tables` pairs among `candidates`, on the given integer weights (only
    /// positive ones are worth taking): the pairs chosen and their weights.
    static func roundMatching(_ inst: MatchingdayInstance, candidates: [Int], weight: (Int) -> Int) -> [(Int, Int)] {
        let S = inst.schools, C = inst.companies
        var open: [(Int, Int)] = []
        for i in candidates { let w = weight(i); if w > 0 { open.append((i, w)) } }
        guard !open.isEmpty else { return [] }
        let source = 0, sink = S + C + 1
        var net = FlowNetwork(nodeCount: sink + 1)
        let units = min(inst.tables, open.count)
        net.supply[source] = units; net.supply[sink] = -units
        var schoolArc = [Bool](repeating: false, count: S), companyArc = [Bool](repeating: false, count: C)
        for (i, _) in open { schoolArc[inst.pairs[i].school] = true; companyArc[inst.pairs[i].company] = true }
        for s in 0..<S where schoolArc[s] { net.addArc(from: source, to: 1 + s, capacity: 1, cost: 0) }
        let first = net.arcs.count
        for (i, w) in open { net.addArc(from: 1 + inst.pairs[i].school, to: 1 + S + inst.pairs[i].company, capacity: 1, cost: -w) }
        for c in 0..<C where companyArc[c] { net.addArc(from: 1 + S + c, to: sink, capacity: 1, cost: 0) }
        net.addArc(from: source, to: sink, capacity: units, cost: 0)
        guard let solution = try? MinCostFlow.solve(net) else { return [] }
        return open.enumerated().compactMap { k, e in solution.flow[first + k] > 0 ? e : nil }
    }
}

