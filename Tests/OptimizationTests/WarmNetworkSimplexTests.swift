import Testing
@testable import Optimization

/// The warm-started network simplex (issue 18) solves one network again and again with new costs, starting from the
/// last optimal tree. Each solve must be exactly as good as a cold one: against brute force on tiny networks, and
/// by the optimality certificate on medium ones, over sequences of unrelated and of slightly changed costs.
@Suite struct WarmNetworkSimplexTests {
    @Test func everySolveOfASequenceEqualsBruteForce() throws {
        var rng = SplitMix64(state: 1818)
        var solved = 0, infeasible = 0
        for _ in 0..<600 {
            var network = randomNetwork(&rng)
            let warm = try WarmNetworkSimplex(network)
            for _ in 0..<5 {
                for k in network.arcs.indices { network.arcs[k].cost = Int.random(in: -9...9, using: &rng) }
                let expected = bruteForce(network)
                do {
                    let cost = try warm.solve(costs: network.arcs.map(\.cost))
                    let flow = network.arcs.indices.map { warm.flow($0) }
                    #expect(network.isFeasible(flow), "\(network)")
                    #expect(cost == expected && network.cost(of: flow) == cost, "\(network): warm \(cost), brute force \(String(describing: expected))")
                    solved += 1
                } catch {
                    #expect(error == .infeasible && expected == nil, "\(network): \(error)")
                    infeasible += 1
                }
            }
        }
        #expect(solved > 1000 && infeasible > 100, "both kinds occur (\(solved), \(infeasible))")
    }

    /// Small cost changes (what the Lagrangian bound makes) and large ones, with costs far above the first solve's
    /// (the artificial arcs' cost must follow), on medium networks with a feasible flow built in.
    @Test func optimalByCertificateAfterSmallAndLargeCostChanges() throws {
        var rng = SplitMix64(state: 99)
        for _ in 0..<150 {
            let n = Int.random(in: 6...25, using: &rng)
            var network = FlowNetwork(nodeCount: n)
            for _ in 0..<Int.random(in: n...(4 * n), using: &rng) {
                let capacity = Int.random(in: 0...4, using: &rng)
                network.addArc(from: Int.random(in: 0..<n, using: &rng), to: Int.random(in: 0..<n, using: &rng),
                               capacity: capacity, cost: Int.random(in: -20...60, using: &rng))
                let f = Int.random(in: 0...capacity, using: &rng)
                network.supply[network.arcs.last!.from] += f; network.supply[network.arcs.last!.to] -= f
            }
            let warm = try WarmNetworkSimplex(network)
            for round in 0..<8 {
                for k in network.arcs.indices {
                    network.arcs[k].cost = round % 3 == 2 ? Int.random(in: -5_000...5_000, using: &rng)
                        : network.arcs[k].cost + Int.random(in: -3...3, using: &rng)
                }
                let cost = try warm.solve(costs: network.arcs.map(\.cost))
                let flow = network.arcs.indices.map { warm.flow($0) }
                #expect(network.isFeasible(flow))
                #expect(!residualHasNegativeCycle(network, flow), "\(network)")
                #expect(cost == (try NetworkSimplex.solve(network)).cost)
            }
        }
    }
}
