/// Schedules when people arrive late or leave early: the round structure then matters, and the problem is hard
/// in general. Small instances are enumerated exactly; larger ones get a fair greedy schedule improved by moving
/// blocking meetings to other rounds, with the flow relaxation (rounds ignored, presence counted) as upper bound.
extension MatchingdayScheduler {
    /// The number of complete assignments enumeration would visit (capped, to decide cheaply).
    static func searchSize(_ inst: MatchingdayInstance) -> Int {
        var size = 1
        for p in inst.pairs {
            size *= 1 + (0..<inst.rounds).filter { inst.schoolPresent(p.school, $0) && inst.companyPresent(p.company, $0) }.count
            if size > 10_000_000 { return size }
        }
        return size
    }

    /// The mutable state of a schedule under construction.
    struct Board {
        let inst: MatchingdayInstance
        var schoolAt: [Int]   // school * rounds + round → pair index or -1
        var companyAt: [Int]
        var tablesUsed: [Int]
        var perSchool: [Int], perCompany: [Int]
        var roundOf: [Int]    // pair index → round or -1
        var weight = 0
        /// What each school could have at most, for the fairness level; computed once, not per evaluation.
        let caps: [Int]

        init(_ inst: MatchingdayInstance, caps: [Int]? = nil) {
            self.inst = inst
            self.caps = caps ?? MatchingdayScheduler.schoolCaps(inst)
            schoolAt = [Int](repeating: -1, count: inst.schools * inst.rounds)
            companyAt = [Int](repeating: -1, count: inst.companies * inst.rounds)
            tablesUsed = [Int](repeating: 0, count: inst.rounds)
            perSchool = [Int](repeating: 0, count: inst.schools); perCompany = [Int](repeating: 0, count: inst.companies)
            roundOf = [Int](repeating: -1, count: inst.pairs.count)
        }

        /// Whether pair i can meet in round r as the board stands. Allocation-free: it runs for every candidate,
        /// round and search step.
        func canPlace(_ i: Int, _ r: Int) -> Bool {
            let p = inst.pairs[i], R = inst.rounds
            guard roundOf[i] < 0, inst.schoolPresent(p.school, r), inst.companyPresent(p.company, r),
                  schoolAt[p.school * R + r] < 0, companyAt[p.company * R + r] < 0, tablesUsed[r] < inst.tables else { return false }
            return perSchool[p.school] < inst.maxMeetings && perCompany[p.company] < inst.maxMeetings
        }

        mutating func place(_ i: Int, _ r: Int) {
            let p = inst.pairs[i]
            schoolAt[p.school * inst.rounds + r] = i; companyAt[p.company * inst.rounds + r] = i
            tablesUsed[r] += 1; perSchool[p.school] += 1; perCompany[p.company] += 1; roundOf[i] = r; weight += p.weight
        }

        mutating func remove(_ i: Int) {
            let p = inst.pairs[i], r = roundOf[i]
            schoolAt[p.school * inst.rounds + r] = -1; companyAt[p.company * inst.rounds + r] = -1
            tablesUsed[r] -= 1; perSchool[p.school] -= 1; perCompany[p.company] -= 1; roundOf[i] = -1; weight -= p.weight
        }

        /// Places pair i in some round, moving at most the two meetings that block it to other rounds.
        mutating func insert(_ i: Int) -> Bool {
            let R = inst.rounds, p = inst.pairs[i]
            for r in 0..<R where canPlace(i, r) { place(i, r); return true }
            for r in 0..<R where inst.schoolPresent(p.school, r) && inst.companyPresent(p.company, r) && roundOf[i] < 0 {
                // In index order (never a Set's order, which Swift seeds per process): it decides which blocker moves first.
                let a = schoolAt[p.school * R + r], b = companyAt[p.company * R + r]
                let blockers = a < 0 ? (b < 0 ? [] : [b]) : (b < 0 || b == a ? [a] : [min(a, b), max(a, b)])
                guard !blockers.isEmpty, perSchool[p.school] < inst.maxMeetings, perCompany[p.company] < inst.maxMeetings else { continue }
                // Undo by hand rather than copying the board: this runs for every candidate and round.
                let from = blockers.map { ($0, roundOf[$0]) }
                for b in blockers { remove(b) }
                guard tablesUsed[r] < inst.tables else { for (b, rb) in from { place(b, rb) }; continue }
                place(i, r)
                var moved: [Int] = []
                for b in blockers {
                    guard let to = (0..<R).first(where: { $0 != r && canPlace(b, $0) }) else { break }
                    place(b, to); moved.append(b)
                }
                if moved.count == blockers.count { return true }
                for b in moved { remove(b) }
                remove(i)
                for (b, rb) in from { place(b, rb) }
            }
            return false
        }

        /// The fairness level of the board as it stands (see `MatchingdayScheduler.fairness`).
        var fairness: Int { MatchingdayScheduler.fairness(meetingsPerSchool: perSchool, caps: caps, rounds: inst.rounds) }

        var placed: [(school: Int, company: Int, round: Int)] {
            inst.pairs.indices.filter { roundOf[$0] >= 0 }.map { (inst.pairs[$0].school, inst.pairs[$0].company, roundOf[$0]) }
        }
    }

    static func finish(_ board: Board, upperBound: Int?) -> MatchingdaySchedule {
        let tables = assignTables(board.placed, board.inst)
        let value = objective(tables.meetings, in: board.inst)
        return MatchingdaySchedule(meetings: tables.meetings, objective: value, upperBound: max(value, upperBound ?? value),
                                   fairness: fairness(tables.meetings, in: board.inst), tableChanges: tables.changes)
    }

    /// Exact for small instances: every assignment of every pair to a common round or to none; best by fairness,
    /// then weight.
    static func enumerate(_ inst: MatchingdayInstance) -> MatchingdaySchedule {
        var board = Board(inst)
        var best: (fair: Int, weight: Int, rounds: [Int]) = (-1, -1, [])
        var weight = 0
        func visit(_ i: Int) {
            if i == inst.pairs.count {
                let f = inst.fairnessFirst ? board.fairness : 0
                if (f, weight) > (best.fair, best.weight) { best = (f, weight, board.roundOf) }
                return
            }
            visit(i + 1)
            for r in 0..<inst.rounds where board.canPlace(i, r) {
                board.place(i, r); weight += inst.pairs[i].weight
                visit(i + 1)
                board.remove(i); weight -= inst.pairs[i].weight
            }
        }
        visit(0)
        var result = Board(inst)
        for (i, r) in best.rounds.enumerated() where r >= 0 { result.place(i, r) }
        return finish(result, upperBound: nil)
    }

    /// Ruin and recreate: free one participant (all its meetings), then re-insert the unscheduled pairs of everyone
    /// touched, heaviest first with a little noise; keep the result when the weight does not fall and fairness
    /// does not fall either; stop after `patience` steps without a gain. Seeded: the same instance gives the same
    /// schedule.
    static func ruinAndRecreate(_ board: inout Board, iterations: Int, seed: UInt64, patience: Int = 25) {
        let inst = board.inst
        guard iterations > 0, !inst.pairs.isEmpty else { return }
        var rng = SplitMix64(state: seed)
        var pairsOf = [[Int]](repeating: [], count: inst.schools + inst.companies)
        for i in inst.pairs.indices { pairsOf[inst.pairs[i].school].append(i); pairsOf[inst.schools + inst.pairs[i].company].append(i) }
        func level(_ b: Board) -> Int { inst.fairnessFirst ? b.fairness : 0 }
        var current = board.weight, currentLevel = level(board)
        // Stop after `patience` steps without a gain: after the round re-optimisation most days are at their best
        // already, and the remaining steps would only cost time.
        var sinceGain = 0
        for _ in 0..<iterations where sinceGain < patience {
            let saved = board
            let x = Int(rng.next() % UInt64(inst.schools + inst.companies))
            var touched = Set([x])
            for i in pairsOf[x] where board.roundOf[i] >= 0 {
                let p = inst.pairs[i]
                touched.insert(p.school); touched.insert(inst.schools + p.company)
                board.remove(i)
            }
            var candidates = Set<Int>()
            for t in touched { for i in pairsOf[t] where board.roundOf[i] < 0 { candidates.insert(i) } }
            // In index order before drawing noise, and ties broken by index: the same seed gives the same schedule.
            let ordered = candidates.sorted().map { ($0, inst.pairs[$0].weight * 16 + Int(rng.next() % 24)) }
                .sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }
            for (i, _) in ordered { _ = board.insert(i) }
            let w = board.weight, l = level(board)
            sinceGain = (l, w) > (currentLevel, current) ? 0 : sinceGain + 1
            if (l, w) >= (currentLevel, current) { current = w; currentLevel = l } else { board = saved }
        }
    }

    static func heuristic(_ inst: MatchingdayInstance) -> MatchingdaySchedule {
        var board = Board(inst)
        let caps = board.caps
        let companyCap = (0..<inst.companies).map { c in min(inst.maxMeetings, (0..<inst.rounds).filter { inst.companyPresent(c, $0) }.count) }
        var shared = inst
        shared.pairs = inst.pairs.filter { p in (0..<inst.rounds).contains { inst.schoolPresent(p.school, $0) && inst.companyPresent(p.company, $0) } }
        let relaxed = select(shared, fairness: 0, caps: caps, companyCap: companyCap) ?? []
        let bound = relaxed.reduce(0) { $0 + $1.weight }
        let inRelaxed = Set(relaxed.map { [$0.school, $0.company] })
        // Heaviest first, and the relaxation's choices before equally heavy others.
        let order = inst.pairs.indices.sorted {
            let a = inst.pairs[$0], b = inst.pairs[$1]
            return (a.weight, inRelaxed.contains([a.school, a.company]) ? 1 : 0) > (b.weight, inRelaxed.contains([b.school, b.company]) ? 1 : 0)
        }
        var bySchool = [[Int]](repeating: [], count: inst.schools)
        for i in order { bySchool[inst.pairs[i].school].append(i) }
        // Fairness first: raise every school to 1, then 2 … meetings, each time with its heaviest pair that fits.
        for level in 1...max(1, inst.fairnessFirst ? inst.rounds : 0) where inst.fairnessFirst {
            for s in 0..<inst.schools where board.perSchool[s] < min(level, caps[s]) {
                for i in bySchool[s] where board.roundOf[i] < 0 { if board.insert(i) { break } }
            }
        }
        // Then weight: every other pair, heaviest first, repeated while something still fits.
        var changed = true, passes = 0
        while changed && passes < 5 {
            changed = false; passes += 1
            for i in order where board.roundOf[i] < 0 { if board.insert(i) { changed = true } }
        }
        let flows = RoundFlows(inst)
        improveByRounds(&board, flows: flows)
        ruinAndRecreate(&board, iterations: inst.searchIterations, seed: inst.seed)
        improveByRounds(&board, flows: flows)
        guard board.weight < bound else { return finish(board, upperBound: bound) }
        // The Lagrangian bound is usually far tighter than the flow relaxation, and its heuristic usually finds the
        // optimum on the way: on most days it proves the schedule optimal within a few dozen steps. Only when it
        // does not, the plateau walk looks further and the bound runs once more from the walk's schedule.
        var tighter = min(bound, boundAndImprove(&board, flows: flows))
        if board.weight < tighter && inst.walkSteps > 0 {
            plateauWalk(&board, flows: flows, steps: inst.walkSteps, seed: inst.seed, stopAt: tighter)
            if board.weight < tighter { tighter = min(tighter, boundAndImprove(&board, flows: flows, onSupport: false)) }
        }
        return finish(board, upperBound: tighter)
    }

    /// The Lagrangian bound from `board`'s schedule; a heavier schedule its heuristic finds replaces the board (not
    /// at the price of the fairness level the organiser asked for first).
    static func boundAndImprove(_ board: inout Board, flows: RoundFlows, onSupport: Bool = true) -> Int {
        let inst = board.inst
        var searched: Board? = board
        let value = lagrangianSearch(&searched, flows: RoundFlows(inst), repair: flows, iterations: inst.boundIterations, target: board.weight, onSupport: onSupport)
        if let searched, searched.weight > board.weight, !inst.fairnessFirst || searched.fairness >= board.fairness { board = searched }
        return value
    }
}

/// A small seeded generator (SplitMix64): solvers take their randomness as a seed, never from the system, and the
/// property tests use it to be repeatable.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64
    public init(state: UInt64) { self.state = state }
    public mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
