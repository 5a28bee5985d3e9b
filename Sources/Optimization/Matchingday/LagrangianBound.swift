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
    /// Steps between two tries of the Lagrangian heuristic (tuned on the days of seeds 101–110: every 5th step
    /// costs more time for no better schedule, every 10th found the one unit the walk had missed on seed 101).
    static let heuristicEvery = 10

    /// The best (lowest) bound found in `iterations` subgradient steps, floored to a whole weight (the optimum is an
    /// integer); `target` (a known schedule's weight) steers the step size and stops the search once reached.
    static func lagrangianBound(_ inst: MatchingdayInstance, iterations: Int, target: Int) -> Int {
        var none: Board? = nil
        let flows = RoundFlows(inst)
        return lagrangianSearch(&none, flows: flows, repair: flows, iterations: iterations, target: target)
    }

    /// The bound, and with a board a Lagrangian heuristic on the way: every few steps the rounds' matchings (which
    /// near the dual optimum almost keep "each pair once") are made into a schedule (each pair in its first round,
    /// then the round sweeps fill and repair); a heavier schedule replaces the board and becomes the new target.
    /// `onSupport: false` frees every multiplier from the start (for a second run, after the first did not prove).
    @discardableResult
    static func lagrangianSearch(_ board: inout Board?, flows: RoundFlows, repair: RoundFlows, iterations: Int, target: Int, onSupport: Bool = true) -> Int {
        let inst = flows.inst
        let P = inst.pairs.count, S = inst.schools, C = inst.companies
        guard P > 0 else { return 0 }
        var target = max(target, board?.weight ?? 0)
        // With a schedule the multipliers live on its support: a pair the schedule leaves out keeps λ = 0, and so does
        // a participant below the cap. Any λ, μ ≥ 0 give a valid bound, so this costs nothing in validity; and when
        // the schedule is optimal for the LP relaxation, complementary slackness says every optimal λ, μ is zero
        // there anyway. The unused pairs' "+1" no longer swamps the subgradient's norm, and the steps go where the
        // schedule is contested: on the tuning days this proved 10 of 10 instead of 5, in less time.
        var restrict = board != nil && onSupport
        var free = (0..<P).map { i in !restrict || board!.roundOf[i] >= 0 }
        var freeMu = (0..<(S + C)).map { v in !restrict || (v < S ? board!.perSchool[v] : board!.perCompany[v - S]) >= inst.maxMeetings }
        // Warm start: half of each weight (from zero the first steps only undo that every pair could meet every round).
        var lambda = inst.pairs.indices.map { free[$0] ? inst.pairs[$0].weight * milli / 2 : 0 }      // per pair, in thousandths
        var mu = [Int](repeating: 0, count: S + C)      // per participant, in thousandths
        let capBinds = inst.maxMeetings < inst.rounds
        var best = Int.max
        var theta = 2.0, sinceBest = 0
        var used = [Int](repeating: 0, count: P), degree = [Int](repeating: 0, count: S + C)
        var chosenByRound = [[Int]](repeating: [], count: inst.rounds)
        var often = [Int](repeating: 0, count: P * inst.rounds)     // how many steps chose pair i in round r
        for step in 0..<max(1, iterations) {
            for i in 0..<P { used[i] = 0 }
            for v in 0..<(S + C) { degree[v] = 0 }
            var value = lambda.reduce(0, +) + (capBinds ? mu.reduce(0, +) * inst.maxMeetings : 0)
            for r in 0..<inst.rounds {
                let chosen = flows.matching(round: r) { i in
                    let p = inst.pairs[i]
                    return p.weight * milli - lambda[i] - (capBinds ? mu[p.school] + mu[S + p.company] : 0)
                }
                for i in chosen {
                    let p = inst.pairs[i]
                    value += p.weight * milli - lambda[i] - (capBinds ? mu[p.school] + mu[S + p.company] : 0)
                    used[i] += 1; degree[p.school] += 1; degree[S + p.company] += 1
                }
                chosenByRound[r] = chosen
                for i in chosen { often[i * inst.rounds + r] += 1 }
            }
            if value < best { best = value; sinceBest = 0 } else { sinceBest += 1 }
            if best <= target * milli + milli - 1 { break }   // floor(best / milli) == target: proven
            if let current = board, step % heuristicEvery == heuristicEvery - 1 {
                var candidate = Board(inst, caps: current.caps)
                for r in 0..<inst.rounds { for i in chosenByRound[r] where candidate.canPlace(i, r) { candidate.place(i, r) } }
                reoptimiseRounds(&candidate, flows: repair, sweeps: 3)
                // And from the average of all matchings so far (which tends to the LP's optimal solution, integral on
                // most days): pairs in rounds by how often the relaxation chose them there. This found seed
                // 370958's optimum (946), which the walk and the last matchings both missed by one.
                var averaged = Board(inst, caps: current.caps)
                let order = often.indices.filter { often[$0] > 0 }.sorted { (often[$0], $1) > (often[$1], $0) }
                for k in order where averaged.canPlace(k / inst.rounds, k % inst.rounds) { averaged.place(k / inst.rounds, k % inst.rounds) }
                reoptimiseRounds(&averaged, flows: repair, sweeps: 3)
                if averaged.weight > candidate.weight { candidate = averaged }
                if candidate.weight > current.weight {
                    board = candidate; target = candidate.weight
                    if best <= target * milli + milli - 1 { break }
                    if restrict {
                        for i in 0..<P { free[i] = candidate.roundOf[i] >= 0; if !free[i] { lambda[i] = 0 } }
                        for v in 0..<(S + C) { freeMu[v] = (v < S ? candidate.perSchool[v] : candidate.perCompany[v - S]) >= inst.maxMeetings; if !freeMu[v] { mu[v] = 0 } }
                    }
                }
            }
            if sinceBest >= 5 { theta /= 2; sinceBest = 0 }
            if theta < 0.005 {
                // Stalled on the schedule's support (the schedule is then probably not optimal, so the support is
                // not the dual's): free every multiplier for the steps that are left.
                guard restrict else { break }
                restrict = false; theta = 2; sinceBest = 0
                for i in 0..<P { free[i] = true }
                for v in 0..<(S + C) { freeMu[v] = true }
            }
            // Subgradient of the relaxed constraints (at most 1 per pair, at most maxMeetings per participant).
            var norm = 0
            for i in 0..<P where free[i] { let g = 1 - used[i]; norm += g * g }
            if capBinds { for v in 0..<(S + C) where freeMu[v] { let g = inst.maxMeetings - degree[v]; norm += g * g } }
            guard norm > 0 else { break }
            let step = theta * Double(value - target * milli) / Double(norm)
            for i in 0..<P where free[i] { lambda[i] = max(0, lambda[i] - Int((step * Double(1 - used[i])).rounded())) }
            if capBinds { for v in 0..<(S + C) where freeMu[v] { mu[v] = max(0, mu[v] - Int((step * Double(inst.maxMeetings - degree[v])).rounded())) } }
        }
        return best == Int.max ? Int.max : best / milli
    }
}
