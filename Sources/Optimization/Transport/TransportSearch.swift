#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plans vehicles for a day: regret insertion builds a plan, then adaptive large-neighbourhood search (ruin and
/// recreate, after Ropke & Pisinger's ALNS for pickup and delivery with time windows) improves it under a time limit.
/// Fewer vehicles come first: a first phase takes a whole route out and searches with one vehicle less until every
/// class has a seat again (or gives up); the second phase lowers the cost. Every plan is valid by construction — a
/// request only enters a route at a place where the whole route stays feasible — and `TransportValidator` checks that
/// independently in the tests and the benchmark.
public struct TransportPlanner: Sendable {
    public var timeLimit: Duration
    public var seed: UInt64
    /// Stop early after this many iterations without improvement (tests use small limits).
    public var maxIterations: Int

    public init(timeLimit: Duration = .seconds(10), seed: UInt64 = 1, maxIterations: Int = .max) {
        self.timeLimit = timeLimit; self.seed = seed; self.maxIterations = maxIterations
    }

    public struct Result: Sendable {
        public var solution: TransportSolution
        public var cost: Double
        public var distance: Double
        public var iterations: Int
    }

    /// Re-plans with the fewest changes to what people already hold: the routes of `keeping` stay as they are (in
    /// their order), and only the requests they do not contain are inserted where they cost least, in a new vehicle
    /// when nothing else fits. A route of `keeping` that no longer fits its windows gives its requests up to be
    /// inserted again.
    public func repair(_ problem: TransportProblem, keeping: TransportSolution) -> Result {
        let model = TransportModel(problem)
        var search = LNS(model: model, rng: SplitMix64(state: seed), iterationLimit: maxIterations)
        var state = search.state(from: TransportSolution(routes: keeping.routes.filter { !$0.visits.isEmpty }))
        var loose: [Int] = []
        var counts = Array(repeating: 0, count: problem.vehicleTypes.count)
        state.routes.removeAll { route in
            counts[route.type] += 1
            if route.isFeasible(model) && counts[route.type] <= problem.vehicleTypes[route.type].available { return false }
            counts[route.type] -= 1
            loose += route.requests
            return true
        }
        let held = Set(state.routes.flatMap(\.requests))
        loose += (0..<model.requestCount).filter { !held.contains($0) && !loose.contains($0) }
        state.unserved = []
        search.insert(loose, into: &state, regret: 2, noise: 0, allowNew: true)
        state.refreshCost(model)
        return Result(solution: state.solution(model), cost: state.cost, distance: state.routes.reduce(0) { $0 + $1.distance }, iterations: 0)
    }

    public func solve(_ problem: TransportProblem, start: TransportSolution? = nil) -> Result {
        let model = TransportModel(problem)
        var search = LNS(model: model, rng: SplitMix64(state: seed), iterationLimit: maxIterations)
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeLimit)
        var state = start.map { search.state(from: $0) } ?? search.construct()
        // Two fifths of the time (and of the iterations) for fewer vehicles, the rest for cost.
        search.phaseLimit = maxIterations == .max ? .max : maxIterations * 2 / 5
        state = search.minimiseVehicles(state, until: clock.now.advanced(by: timeLimit * 0.4), clock: clock)
        search.phaseLimit = maxIterations
        state = search.improve(state, until: deadline, clock: clock)
        return Result(solution: state.solution(model), cost: state.cost, distance: state.routes.reduce(0) { $0 + $1.distance },
                      iterations: search.iterations)
    }
}

/// The search state: routes, which route holds each request (−1: unserved) and the total cost.
struct PlanState: Sendable {
    var routes: [RouteState]
    var unserved: Set<Int>
    var cost: Double

    static func cost(of routes: [RouteState], unserved: Int, _ m: TransportModel) -> Double {
        routes.reduce(0) { $0 + $1.cost(m) } + Double(unserved) * m.problem.unservedPenalty
    }

    mutating func refreshCost(_ m: TransportModel) { cost = PlanState.cost(of: routes, unserved: unserved.count, m) }

    func typeCounts(_ m: TransportModel) -> [Int] {
        var counts = Array(repeating: 0, count: m.problem.vehicleTypes.count)
        for r in routes { counts[r.type] += 1 }
        return counts
    }

    func solution(_ m: TransportModel) -> TransportSolution {
        TransportSolution(routes: routes.map { r in
            .init(vehicleType: r.type, visits: r.stops.map { .init(request: $0 >> 1, isPickup: $0 & 1 == 0 && !m.preloaded[$0 >> 1]) })
        }, unserved: unserved.sorted())
    }
}

struct LNS {
    let model: TransportModel
    var rng: SplitMix64
    let iterationLimit: Int
    /// The iteration count at which the current phase ends.
    var phaseLimit: Int = .max
    var iterations = 0
    /// Adaptive weights of the removal operators: random, related, worst, route.
    var weights: [Double] = [1, 1, 1, 1]
    var scores: [Double] = [0, 0, 0, 0]
    var uses: [Int] = [0, 0, 0, 0]

    init(model: TransportModel, rng: SplitMix64, iterationLimit: Int) {
        self.model = model; self.rng = rng; self.iterationLimit = iterationLimit
        let d = model.distance.reduce(0, +), t = model.duration.reduce(0, +)
        averageSpeed = t > 0 ? d / t : 1
    }

    // MARK: Building

    func state(from solution: TransportSolution) -> PlanState {
        let routes = solution.routes.map { r in
            RouteState(type: r.vehicleType, stops: r.visits.map { v in 2 * v.request + (v.isPickup ? 0 : 1) }, model: model)
        }
        var s = PlanState(routes: routes, unserved: Set(solution.unserved), cost: 0)
        s.refreshCost(model)
        return s
    }

    mutating func construct() -> PlanState {
        var s = PlanState(routes: [], unserved: [], cost: 0)
        insert(Array(0..<model.requestCount), into: &s, regret: 2, noise: 0, allowNew: true)
        s.refreshCost(model)
        return s
    }

    // MARK: Insertion (greedy or regret-k, cached per route)

    /// Inserts `pending` where they cost least (regret 1) or where waiting would cost most (regret 2, 3); what fits
    /// nowhere becomes unserved. Only the route that changed is re-evaluated after each insertion.
    mutating func insert(_ pending: [Int], into s: inout PlanState, regret: Int, noise: Double, allowNew: Bool) {
        var pending = pending
        for r in pending { s.unserved.remove(r) }
        var cache: [[Insertion?]] = pending.map { r in s.routes.map { $0.bestInsertion(of: r, model) } }
        var counts = s.typeCounts(model)
        let types = model.problem.vehicleTypes
        // The cheapest fresh vehicle per request (type availability checked when it is used).
        var solo: [[(cost: Double, route: RouteState)]] = pending.map { r in
            allowNew ? types.indices.compactMap { t in model.soloRoute(r, type: t).map { ($0.cost(model), $0) } } : []
        }
        while !pending.isEmpty {
            var chosen = -1, chosenKey = -Double.infinity, chosenBest = Double.infinity
            var chosenRoute = -1
            var chosenSolo: RouteState? = nil
            var k = 0
            while k < pending.count {
                var best = Double.infinity, second = Double.infinity, third = Double.infinity
                var bestRoute = -1
                var bestSolo: RouteState? = nil
                for (ri, ins) in cache[k].enumerated() {
                    guard let ins else { continue }
                    var c = ins.cost
                    if noise > 0 { c *= 1 + noise * (Double.random(in: -1...1, using: &rng)) }
                    if c < best { third = second; second = best; best = c; bestRoute = ri; bestSolo = nil }
                    else if c < second { third = second; second = c }
                    else if c < third { third = c }
                }
                for option in solo[k] where counts[option.route.type] < types[option.route.type].available {
                    let c = option.cost
                    if c < best { third = second; second = best; best = c; bestRoute = -1; bestSolo = option.route }
                    else if c < second { third = second; second = c }
                    else if c < third { third = c }
                }
                if best == .infinity {
                    // Fits nowhere now: unserved.
                    s.unserved.insert(pending[k])
                    pending.remove(at: k); cache.remove(at: k); solo.remove(at: k)
                    continue
                }
                let key: Double
                switch regret {
                case 1: key = -best
                case 2: key = second == .infinity ? .greatestFiniteMagnitude / 4 - best : second - best
                default: key = second == .infinity ? .greatestFiniteMagnitude / 4 - best
                    : (second - best) + (third == .infinity ? second - best : third - best)
                }
                if key > chosenKey || (key == chosenKey && best < chosenBest) {
                    chosen = k; chosenKey = key; chosenBest = best; chosenRoute = bestRoute; chosenSolo = bestSolo
                }
                k += 1
            }
            guard chosen >= 0 else { break }
            let r = pending[chosen]
            pending.remove(at: chosen); cache.remove(at: chosen); solo.remove(at: chosen)
            let changed: Int
            if let route = chosenSolo {
                s.routes.append(route)
                counts[route.type] += 1
                changed = s.routes.count - 1
                for i in cache.indices { cache[i].append(nil) }
            } else {
                guard let ins = cacheIns(r, s.routes[chosenRoute]) else { s.unserved.insert(r); continue }
                s.routes[chosenRoute].insert(r, at: ins, model)
                changed = chosenRoute
            }
            for i in cache.indices { cache[i][changed] = s.routes[changed].bestInsertion(of: pending[i], model) }
        }
    }

    /// The exact best insertion (the cached one may have been chosen under noise; recomputing keeps it exact).
    private func cacheIns(_ r: Int, _ route: RouteState) -> Insertion? { route.bestInsertion(of: r, model) }

    // MARK: Removal

    /// Takes `count` requests out by operator `op` and drops emptied vehicles; returns the requests taken out.
    mutating func remove(_ count: Int, from s: inout PlanState, op: Int) -> [Int] {
        let served = s.routes.flatMap(\.requests)
        guard !served.isEmpty else { return [] }
        let count = min(count, served.count)
        var out: [Int] = []
        switch op {
        case 0: // random
            out = Array(served.shuffled(using: &rng).prefix(count))
        case 1: // related (Shaw): near in place and time to a random seed request
            let seed = served.randomElement(using: &rng)!
            var pool = served.map { ($0, relatedness(seed, $0)) }.sorted { $0.1 < $1.1 }.map(\.0)
            while out.count < count && !pool.isEmpty {
                let y = Double.random(in: 0..<1, using: &rng)
                let idx = min(pool.count - 1, Int(pow(y, 6) * Double(pool.count)))
                out.append(pool.remove(at: idx))
            }
        case 2: // worst: the requests whose removal saves most, randomised
            var routeOf: [Int: Int] = [:]
            for (ri, route) in s.routes.enumerated() { for r in route.requests { routeOf[r] = ri } }
            var gains = served.map { r in (r, s.routes[routeOf[r]!].removalGain(of: r, model)) }
            gains.sort { $0.1 > $1.1 }
            while out.count < count && !gains.isEmpty {
                let y = Double.random(in: 0..<1, using: &rng)
                let idx = min(gains.count - 1, Int(pow(y, 3) * Double(gains.count)))
                out.append(gains.remove(at: idx).0)
            }
        default: // whole routes, smaller ones more likely
            var order = s.routes.indices.shuffled(using: &rng)
            order.sort { s.routes[$0].stops.count < s.routes[$1].stops.count }
            var i = 0
            while out.count < count && i < order.count {
                if Double.random(in: 0..<1, using: &rng) < 0.6 || i == order.count - 1 { out += s.routes[order[i]].requests }
                i += 1
            }
        }
        let taken = Set(out)
        for ri in s.routes.indices where s.routes[ri].stops.contains(where: { taken.contains($0 >> 1) }) {
            s.routes[ri].stops.removeAll { taken.contains($0 >> 1) }
            s.routes[ri].recompute(model)
        }
        s.routes.removeAll { $0.stops.isEmpty }
        return out
    }

    func relatedness(_ a: Int, _ b: Int) -> Double {
        let m = model
        let pa = m.location[2 * a], da = m.location[2 * a + 1], pb = m.location[2 * b], db = m.location[2 * b + 1]
        return m.dist(pa, pb) + m.dist(da, db)
            + 0.5 * (abs(m.early[2 * a] - m.early[2 * b]) + abs(m.early[2 * a + 1] - m.early[2 * b + 1])) * averageSpeed
    }

    /// Distance per time unit over the matrix, to weigh time differences like distances.
    let averageSpeed: Double

    // MARK: Phases

    /// Fewer vehicles: take a whole route out and search without adding vehicles until its classes fit elsewhere.
    mutating func minimiseVehicles(_ start: PlanState, until deadline: ContinuousClock.Instant, clock: ContinuousClock) -> PlanState {
        var best = start
        var failures = 0
        while clock.now < deadline && best.routes.count > 1 && failures < 3 && iterations < min(iterationLimit, phaseLimit) {
            var s = best
            // The route with the fewest requests (ties at random) goes.
            let order = s.routes.indices.shuffled(using: &rng).sorted { s.routes[$0].stops.count < s.routes[$1].stops.count }
            let victim = order[min(failures, order.count - 1)]
            let bank = s.routes[victim].requests
            s.routes.remove(at: victim)
            s.unserved.formUnion(bank)
            s.refreshCost(model)
            var current = s
            let attemptEnd = min(deadline, clock.now.advanced(by: .milliseconds(50 + 4 * model.requestCount)))
            let attemptIterations = min(iterationLimit, phaseLimit, iterations + 100 + 20 * model.requestCount)
            var done = false
            var temperature = startTemperature(current)
            while clock.now < attemptEnd && iterations < attemptIterations {
                var candidate = current
                let q = removalCount()
                let removed = remove(q, from: &candidate, op: Int.random(in: 0..<4, using: &rng))
                insert(removed + Array(candidate.unserved), into: &candidate, regret: Int.random(in: 1...3, using: &rng),
                       noise: Double.random(in: 0..<1, using: &rng) < 0.5 ? 0.1 : 0, allowNew: false)
                candidate.refreshCost(model)
                iterations += 1
                if candidate.cost <= current.cost || accept(candidate.cost - current.cost, temperature) { current = candidate }
                temperature *= 0.995
                if current.unserved.isEmpty { done = true; break }
            }
            if done && current.cost < best.cost + 1e-9 { best = current; failures = 0 } else { failures += 1 }
        }
        return best
    }

    /// Lower cost with the vehicles free to change: simulated annealing over ruin-and-recreate moves.
    mutating func improve(_ start: PlanState, until deadline: ContinuousClock.Instant, clock: ContinuousClock) -> PlanState {
        var best = start, current = start
        let t0 = startTemperature(current)
        let began = clock.now
        let total = Double((deadline - began).components.seconds) + Double((deadline - began).components.attoseconds) / 1e18
        var sinceBest = 0
        while iterations < iterationLimit {
            if iterations & 7 == 0 && clock.now >= deadline { break }
            let elapsed = clock.now - began
            let fraction = total > 0 ? min(1, (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18) / total) : 1
            let temperature = t0 * pow(0.002, fraction)
            let op = chooseOperator()
            var candidate = current
            let removed = remove(removalCount(), from: &candidate, op: op)
            insert(removed + Array(candidate.unserved), into: &candidate, regret: Int.random(in: 1...3, using: &rng),
                   noise: Double.random(in: 0..<1, using: &rng) < 0.3 ? 0.1 : 0, allowNew: true)
            candidate.refreshCost(model)
            iterations += 1
            uses[op] += 1
            if candidate.cost < best.cost - 1e-9 {
                best = candidate; current = candidate; scores[op] += 33; sinceBest = 0
            } else if candidate.cost < current.cost - 1e-9 {
                current = candidate; scores[op] += 9
            } else if accept(candidate.cost - current.cost, temperature) {
                current = candidate; scores[op] += 3
            }
            sinceBest += 1
            if iterations % 100 == 0 { adaptWeights() }
            // Restart from the best when the walk has drifted far for long.
            if sinceBest > 2_000 { current = best; sinceBest = 0 }
        }
        return best
    }

    private func startTemperature(_ s: PlanState) -> Double {
        // A move 5 % worse in distance cost is accepted with probability ½ at the start.
        let variable = s.routes.reduce(0) { $0 + model.problem.vehicleTypes[$1.type].costPerDistance * $1.distance }
        return max(1e-6, 0.05 * variable / Double(max(1, s.routes.count)) / log(2))
    }

    private mutating func accept(_ delta: Double, _ temperature: Double) -> Bool {
        delta <= 0 || Double.random(in: 0..<1, using: &rng) < exp(-delta / temperature)
    }

    private mutating func removalCount() -> Int {
        let n = model.requestCount
        let upper = max(2, min(60, Int(0.4 * Double(n))))
        return Int.random(in: min(2, upper)...upper, using: &rng)
    }

    private mutating func chooseOperator() -> Int {
        let total = weights.reduce(0, +)
        var x = Double.random(in: 0..<total, using: &rng)
        for (i, w) in weights.enumerated() { if x < w { return i }; x -= w }
        return weights.count - 1
    }

    private mutating func adaptWeights() {
        for i in weights.indices where uses[i] > 0 {
            weights[i] = max(0.05, 0.8 * weights[i] + 0.2 * scores[i] / Double(uses[i]) / 10)
            scores[i] = 0; uses[i] = 0
        }
    }
}
