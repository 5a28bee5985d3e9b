/// The search's view of a problem: stops flattened (request r has pickup stop 2r and delivery stop 2r + 1), and the
/// route arithmetic every move needs — schedule forward, latest start backward, load after every position — so an
/// insertion is checked in constant time per position instead of by driving the route again.
struct TransportModel: Sendable {
    let problem: TransportProblem
    let n: Int
    let distance: [Double]
    let duration: [Double]
    let location: [Int]
    let early: [Double]
    let late: [Double]
    let service: [Double]
    /// Seats/wheelchairs change at a stop: + at a pickup, − at a delivery.
    let seatsDelta: [Int]
    let chairsDelta: [Int]
    /// Delivery-only requests (VRPTW): their load is on board from the depot.
    let preloaded: [Bool]

    init(_ p: TransportProblem) {
        problem = p; n = p.locationCount; distance = p.distance; duration = p.duration
        var location: [Int] = [], early: [Double] = [], late: [Double] = [], service: [Double] = []
        var seats: [Int] = [], chairs: [Int] = [], preloaded: [Bool] = []
        for r in p.requests {
            let pickup = r.pickup ?? r.delivery
            location += [pickup.location, r.delivery.location]
            early += [pickup.early, r.delivery.early]
            late += [pickup.late, r.delivery.late]
            service += [pickup.service, r.delivery.service]
            seats += [r.load.seats, -r.load.seats]
            chairs += [r.load.wheelchairs, -r.load.wheelchairs]
            preloaded.append(r.pickup == nil)
        }
        self.location = location; self.early = early; self.late = late; self.service = service
        self.seatsDelta = seats; self.chairsDelta = chairs; self.preloaded = preloaded
    }

    @inline(__always) func dist(_ a: Int, _ b: Int) -> Double { distance[a &* n &+ b] }
    @inline(__always) func dur(_ a: Int, _ b: Int) -> Double { duration[a &* n &+ b] }
    var requestCount: Int { preloaded.count }
}

/// One vehicle's route with its derived arrays over positions 0 (leaving the depot) … L + 1 (back at the depot).
struct RouteState: Sendable {
    var type: Int
    var stops: [Int]
    var start: [Double] = []
    var latest: [Double] = []
    var seats: [Int] = []
    var chairs: [Int] = []
    var seatsPrefixMax: [Int] = []
    var chairsPrefixMax: [Int] = []
    var distance: Double = 0

    init(type: Int, stops: [Int], model: TransportModel) {
        self.type = type; self.stops = stops
        recompute(model)
    }

    func cost(_ m: TransportModel) -> Double {
        let t = m.problem.vehicleTypes[type]
        return t.fixedCost + t.costPerDistance * distance
    }

    @inline(__always) func loc(_ pos: Int, _ m: TransportModel) -> Int {
        pos == 0 || pos == stops.count + 1 ? m.problem.vehicleTypes[type].depot : m.location[stops[pos - 1]]
    }

    @inline(__always) func serviceAt(_ pos: Int, _ m: TransportModel) -> Double {
        pos == 0 || pos == stops.count + 1 ? 0 : m.service[stops[pos - 1]]
    }

    mutating func recompute(_ m: TransportModel) {
        let t = m.problem.vehicleTypes[type]
        let count = stops.count + 2
        start = Array(repeating: 0, count: count); latest = Array(repeating: 0, count: count)
        seats = Array(repeating: 0, count: count); chairs = Array(repeating: 0, count: count)
        seatsPrefixMax = Array(repeating: 0, count: count); chairsPrefixMax = Array(repeating: 0, count: count)
        var s0 = 0, c0 = 0
        for s in stops where s & 1 == 1 && m.preloaded[s >> 1] { s0 -= m.seatsDelta[s]; c0 -= m.chairsDelta[s] }
        start[0] = t.early; seats[0] = s0; chairs[0] = c0
        distance = 0
        var prev = t.depot
        for pos in 1..<count {
            let here = pos == count - 1 ? t.depot : m.location[stops[pos - 1]]
            let early = pos == count - 1 ? t.early : m.early[stops[pos - 1]]
            start[pos] = max(start[pos - 1] + serviceAt(pos - 1, m) + m.dur(prev, here), early)
            distance += m.dist(prev, here)
            if pos < count - 1 {
                seats[pos] = seats[pos - 1] + m.seatsDelta[stops[pos - 1]]
                chairs[pos] = chairs[pos - 1] + m.chairsDelta[stops[pos - 1]]
            } else { seats[pos] = seats[pos - 1]; chairs[pos] = chairs[pos - 1] }
            prev = here
        }
        latest[count - 1] = t.late
        var next = t.depot
        for pos in stride(from: count - 2, through: 0, by: -1) {
            let here = pos == 0 ? t.depot : m.location[stops[pos - 1]]
            let late = pos == 0 ? t.late : m.late[stops[pos - 1]]
            latest[pos] = min(late, latest[pos + 1] - serviceAt(pos, m) - m.dur(here, next))
            next = here
        }
        var ms = Int.min, mc = Int.min
        for pos in 0..<count { ms = max(ms, seats[pos]); mc = max(mc, chairs[pos]); seatsPrefixMax[pos] = ms; chairsPrefixMax[pos] = mc }
    }

    /// Every start inside its window (the derived arrays are up to date).
    func isFeasible(_ m: TransportModel) -> Bool {
        let cap = m.problem.vehicleTypes[type].capacity
        for pos in 0..<start.count {
            if start[pos] > (pos == 0 || pos == start.count - 1 ? m.problem.vehicleTypes[type].late : m.late[stops[pos - 1]]) + 1e-9 { return false }
            if seats[pos] > cap.seats || chairs[pos] > cap.wheelchairs { return false }
        }
        return true
    }
}

/// Where to put a request in a route: pickup after position `i`, delivery after position `j` (j ≥ i; j == i means
/// right after the pickup). Delivery-only requests use `j` only.
struct Insertion: Sendable {
    var cost: Double
    var i: Int
    var j: Int
}

extension RouteState {
    /// The cheapest feasible place for request `r`, or nil.
    func bestInsertion(of r: Int, _ m: TransportModel) -> Insertion? {
        let t = m.problem.vehicleTypes[type]
        let cap = t.capacity, unit = t.costPerDistance
        let P = 2 * r, D = 2 * r + 1
        let lp = m.location[P], ld = m.location[D]
        let qs = m.seatsDelta[P], qc = m.chairsDelta[P]
        if qs > cap.seats || qc > cap.wheelchairs { return nil }
        let L = stops.count
        var best: Insertion? = nil
        if m.preloaded[r] {
            for k in 0...L {
                if seatsPrefixMax[k] + qs > cap.seats || chairsPrefixMax[k] + qc > cap.wheelchairs { break }
                let a = loc(k, m), b = loc(k + 1, m)
                let td = max(start[k] + serviceAt(k, m) + m.dur(a, ld), m.early[D])
                if td > m.late[D] { if start[k] > m.late[D] { break }; continue }
                if td + m.service[D] + m.dur(ld, b) > latest[k + 1] { continue }
                let c = unit * (m.dist(a, ld) + m.dist(ld, b) - m.dist(a, b))
                if best == nil || c < best!.cost { best = Insertion(cost: c, i: -1, j: k) }
            }
            return best
        }
        for k in 0...L {
            if seats[k] + qs > cap.seats || chairs[k] + qc > cap.wheelchairs { continue }
            let a = loc(k, m), b = loc(k + 1, m)
            let tp = max(start[k] + serviceAt(k, m) + m.dur(a, lp), m.early[P])
            if tp > m.late[P] { if start[k] > m.late[P] { break }; continue }
            let pickupCost = m.dist(a, lp) - m.dist(a, b)
            // Delivery right after the pickup.
            let td0 = max(tp + m.service[P] + m.dur(lp, ld), m.early[D])
            if td0 <= m.late[D] && td0 + m.service[D] + m.dur(ld, b) <= latest[k + 1] {
                let c = unit * (pickupCost + m.dist(lp, ld) + m.dist(ld, b))
                if best == nil || c < best!.cost { best = Insertion(cost: c, i: k, j: k) }
            }
            // Delivery after a later position j: walk the shifted schedule forward.
            var time = tp, prevLoc = lp, prevService = m.service[P]
            let pickupInto = m.dist(lp, b)
            var j = k + 1
            while j <= L {
                let here = loc(j, m)
                time = max(time + prevService + m.dur(prevLoc, here), m.early[stops[j - 1]])
                if time > latest[j] || time > m.late[D] { break }
                if seats[j] + qs > cap.seats || chairs[j] + qc > cap.wheelchairs { break }
                let next = loc(j + 1, m)
                let td = max(time + serviceAt(j, m) + m.dur(here, ld), m.early[D])
                if td <= m.late[D] && td + m.service[D] + m.dur(ld, next) <= latest[j + 1] {
                    let c = unit * (pickupCost + pickupInto + m.dist(here, ld) + m.dist(ld, next) - m.dist(here, next))
                    if best == nil || c < best!.cost { best = Insertion(cost: c, i: k, j: j) }
                }
                prevLoc = here; prevService = serviceAt(j, m)
                j += 1
            }
        }
        return best
    }

    mutating func insert(_ r: Int, at ins: Insertion, _ m: TransportModel) {
        if m.preloaded[r] {
            stops.insert(2 * r + 1, at: ins.j)
        } else {
            stops.insert(2 * r + 1, at: ins.j)
            stops.insert(2 * r, at: ins.i)
        }
        recompute(m)
    }

    mutating func remove(_ r: Int, _ m: TransportModel) {
        stops.removeAll { $0 >> 1 == r }
        recompute(m)
    }

    /// The cost saved by taking request `r` out of this route (the route's fixed cost when it is its only request).
    func removalGain(of r: Int, _ m: TransportModel) -> Double {
        var copy = self
        copy.remove(r, m)
        if copy.stops.isEmpty { return cost(m) }
        return cost(m) - copy.cost(m)
    }

    /// The requests served by this route.
    var requests: [Int] { stops.compactMap { $0 & 1 == 1 ? $0 >> 1 : nil } }
}

extension TransportModel {
    /// A vehicle of type `t` serving request `r` alone, if it can.
    func soloRoute(_ r: Int, type t: Int) -> RouteState? {
        let route = RouteState(type: t, stops: preloaded[r] ? [2 * r + 1] : [2 * r, 2 * r + 1], model: self)
        return route.isFeasible(self) ? route : nil
    }
}
