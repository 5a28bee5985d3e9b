import Foundation
import Testing
@testable import Optimization

/// The transport planner (issue 16): plans are checked by the independent validator, small days against brute force
/// over every split into vehicles and every stop order, and the validator itself against broken plans.
@Suite struct TransportTests {
    /// A random day on a grid city: `trips` classes, each from one point to another with windows that a vehicle of
    /// its own can always meet.
    static func randomDay(trips: Int, rng: inout SplitMix64, capacity: Int = 50, fixed: Double = 1_000,
                          available: Int = .max, preloaded: Bool = false) -> TransportProblem {
        let n = 1 + 2 * trips
        let points = (0..<n).map { _ in (Double(Int.random(in: 0...30, using: &rng)), Double(Int.random(in: 0...20, using: &rng))) }
        var distance = Array(repeating: 0.0, count: n * n)
        for a in 0..<n { for b in 0..<n {
            distance[a * n + b] = (abs(points[a].0 - points[b].0) + abs(points[a].1 - points[b].1)).rounded()
        } }
        var requests: [TransportProblem.Request] = []
        for t in 0..<trips {
            let from = 1 + 2 * t, to = 2 + 2 * t
            let earliest = distance[from] + Double(Int.random(in: 0...40, using: &rng))
            let pickup = TransportProblem.Stop(location: from, early: earliest, late: earliest + Double(Int.random(in: 0...30, using: &rng)), service: 2)
            let ride = distance[from * n + to]
            let delivery = TransportProblem.Stop(location: to, early: earliest + Double(Int.random(in: 0...20, using: &rng)),
                                                 late: pickup.late + 2 + ride + Double(Int.random(in: 0...40, using: &rng)), service: 1)
            let size = Int.random(in: 10...30, using: &rng)
            requests.append(.init(pickup: preloaded ? nil : pickup, delivery: delivery,
                                  load: .init(seats: size, wheelchairs: Int.random(in: 0...3, using: &rng) == 0 ? 1 : 0)))
        }
        return TransportProblem(locationCount: n, distance: distance, duration: distance, requests: requests,
                                vehicleTypes: [.init(capacity: .init(seats: capacity, wheelchairs: 1), fixedCost: fixed, available: available,
                                                     depot: 0, early: 0, late: 400)])
    }

    /// The cheapest valid plan by trying every split of the requests into vehicles and every stop order in each (a
    /// request left unserved costs the problem's penalty).
    static func bruteForce(_ p: TransportProblem) -> Double {
        let n = p.requests.count
        var bestRoute: [Int: Double] = [:] // bitmask of requests → cheapest single route, .infinity if none
        func routeCost(_ mask: Int) -> Double {
            if let c = bestRoute[mask] { return c }
            let members = (0..<n).filter { mask & (1 << $0) != 0 }
            var best = Double.infinity
            var visits: [TransportSolution.Visit] = []
            var picked = Set<Int>(), delivered = Set<Int>()
            func extend() {
                if delivered.count == members.count {
                    let s = TransportSolution(routes: [.init(vehicleType: 0, visits: visits)], unserved: (0..<n).filter { mask & (1 << $0) == 0 })
                    let sub = TransportProblem(locationCount: p.locationCount, distance: p.distance, duration: p.duration,
                                               requests: p.requests, vehicleTypes: p.vehicleTypes, unservedPenalty: 0)
                    if case .success(let schedule) = TransportValidator.check(sub, s) { best = min(best, schedule.cost) }
                    return
                }
                for r in members {
                    if p.requests[r].pickup != nil && !picked.contains(r) {
                        picked.insert(r); visits.append(.init(request: r, isPickup: true)); extend(); visits.removeLast(); picked.remove(r)
                    } else if (p.requests[r].pickup == nil || picked.contains(r)) && !delivered.contains(r) {
                        delivered.insert(r); visits.append(.init(request: r, isPickup: false)); extend(); visits.removeLast(); delivered.remove(r)
                    }
                }
            }
            extend()
            bestRoute[mask] = best
            return best
        }
        // Cheapest cover by disjoint routes: dynamic programming over subsets (lowest request always in the next route).
        var cover = Array(repeating: Double.infinity, count: 1 << n)
        cover[0] = 0
        for mask in 1..<(1 << n) {
            let low = mask & -mask
            var sub = mask
            while sub > 0 {
                if sub & low != 0 {
                    // A request no vehicle can serve waits, at the problem's penalty.
                    let route = sub == low ? min(routeCost(sub), p.unservedPenalty) : routeCost(sub)
                    cover[mask] = min(cover[mask], route + cover[mask ^ sub])
                }
                sub = (sub - 1) & mask
            }
        }
        return cover[(1 << n) - 1]
    }

    @Test func smallDaysMatchBruteForce() {
        var rng = SplitMix64(state: 16)
        var compared = 0, unservedRounds = 0
        for round in 0..<150 {
            let trips = Int.random(in: 1...4, using: &rng)
            let p = Self.randomDay(trips: trips, rng: &rng, capacity: [30, 40, 60][round % 3], preloaded: round % 5 == 4)
            let optimum = Self.bruteForce(p)
            let result = TransportPlanner(timeLimit: .seconds(30), seed: UInt64(round), maxIterations: 300).solve(p)
            guard case .success(let schedule) = TransportValidator.check(p, result.solution) else {
                Issue.record("round \(round): invalid plan \(TransportValidator.violations(p, result.solution))"); continue
            }
            unservedRounds += result.solution.unserved.isEmpty ? 0 : 1
            #expect(abs(schedule.cost - result.cost) < 1e-6, "round \(round): the planner's own cost differs from the validator's")
            #expect(abs(schedule.cost - optimum) < 1e-6, "round \(round): \(schedule.cost) against the optimum \(optimum)")
            compared += 1
        }
        #expect(compared == 150)
        // Some random windows cannot be met at all; they must stay few, or the comparison says little.
        #expect(unservedRounds < 10)
    }

    @Test func largerDaysAreValidAndPoolClasses() {
        var rng = SplitMix64(state: 99)
        for round in 0..<6 {
            let p = Self.randomDay(trips: 40, rng: &rng, preloaded: round == 5)
            let result = TransportPlanner(timeLimit: .seconds(60), seed: 7, maxIterations: 400).solve(p)
            #expect(TransportValidator.violations(p, result.solution) == [], "round \(round)")
            #expect(result.solution.unserved.isEmpty)
            // Pooling: fewer vehicles than classes (every class alone would need 40).
            #expect(result.solution.vehicles < 40)
            // Never worse than the plan it started from (the construction).
            let built = TransportPlanner(timeLimit: .seconds(60), seed: 7, maxIterations: 0).solve(p)
            #expect(result.cost <= built.cost + 1e-6)
        }
    }

    @Test func aLimitedFleetLeavesClassesWaitingAndSaysWhich() {
        var rng = SplitMix64(state: 5)
        let p = Self.randomDay(trips: 12, rng: &rng, capacity: 40, available: 2)
        let result = TransportPlanner(timeLimit: .seconds(60), seed: 3, maxIterations: 300).solve(p)
        #expect(TransportValidator.violations(p, result.solution) == [])
        #expect(result.solution.vehicles <= 2)
        let served = Set(result.solution.routes.flatMap { $0.visits.map(\.request) })
        #expect(served.union(result.solution.unserved).count == 12)
        #expect(served.isDisjoint(with: result.solution.unserved))
        // One more vehicle serves at least as many.
        var bigger = p
        bigger.vehicleTypes[0].available = 3
        let more = TransportPlanner(timeLimit: .seconds(60), seed: 3, maxIterations: 300).solve(bigger)
        #expect(more.solution.unserved.count <= result.solution.unserved.count)
    }

    @Test func validatorRefusesBrokenPlans() {
        var rng = SplitMix64(state: 1)
        let p = Self.randomDay(trips: 6, rng: &rng)
        let good = TransportPlanner(timeLimit: .seconds(60), seed: 1, maxIterations: 100).solve(p).solution
        #expect(TransportValidator.violations(p, good) == [])
        // Delivery before pickup.
        var swapped = good
        if let i = swapped.routes[0].visits.firstIndex(where: \.isPickup),
           let j = swapped.routes[0].visits.firstIndex(where: { !$0.isPickup && $0.request == swapped.routes[0].visits[i].request }) {
            swapped.routes[0].visits.swapAt(i, j)
        }
        #expect(TransportValidator.violations(p, swapped).contains { $0.contains("before it was picked up") })
        // A request left out.
        var missing = good
        let dropped = missing.routes[0].visits[0].request
        missing.routes[0].visits.removeAll { $0.request == dropped }
        #expect(TransportValidator.violations(p, missing).contains { $0.contains("request \(dropped): served 0 times") })
        // All in one small vehicle: over capacity (and most likely late).
        let pickups = p.requests.indices.map { TransportSolution.Visit(request: $0, isPickup: true) }
        let deliveries = p.requests.indices.map { TransportSolution.Visit(request: $0, isPickup: false) }
        let crammed = TransportSolution(routes: [.init(vehicleType: 0, visits: pickups + deliveries), .init(vehicleType: 0, visits: [])])
        let v = TransportValidator.violations(p, crammed)
        #expect(v.contains { $0.contains("more than the vehicle has") })
        #expect(v.contains { $0.contains("a vehicle without stops") })
        // Too many vehicles of a type.
        var limited = p
        limited.vehicleTypes[0].available = good.vehicles - 1
        #expect(TransportValidator.violations(limited, good).contains { $0.contains("available") })
        // A window missed: the same plan with every window closed at 0.
        var early = p
        for i in early.requests.indices { early.requests[i].delivery.late = 0 }
        #expect(TransportValidator.violations(early, good).contains { $0.contains("after its window closes") })
    }

    @Test func solomonC101IsReadAndSolvedToTheReference() throws {
        // A copy of ../shared/benchmarks/solomon/C101.txt (Solomon 1987), so a clean clone has it.
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/C101.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        let p = try SolomonFormat.parse(text)
        #expect(p.requests.count == 100)
        #expect(p.requests.reduce(0) { $0 + $1.load.seats } == 1_810)
        #expect(p.vehicleTypes[0].available == 25 && p.vehicleTypes[0].capacity.seats == 200)
        let result = TransportPlanner(timeLimit: .seconds(300), seed: 1, maxIterations: 1_500).solve(p)
        guard case .success(let schedule) = TransportValidator.check(p, result.solution) else { Issue.record("invalid"); return }
        #expect(result.solution.vehicles == 10)
        #expect(schedule.distance <= 828.94 * 1.005, "\(schedule.distance)")
        #expect(throws: SolomonFormat.ParseError.self) { try SolomonFormat.parse("C101\nVEHICLE\n25 200\n0 1 2 3\n") }
    }
}
