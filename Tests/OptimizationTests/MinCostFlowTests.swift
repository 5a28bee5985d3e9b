import Testing
@testable import Optimization

/// The cheapest feasible flow by trying every integer flow within the bounds (tiny networks only).
func bruteForce(_ network: FlowNetwork) -> Int? {
    var best: Int?
    var flow = network.arcs.map(\.lower)
    func visit(_ k: Int) {
        if k == network.arcs.count {
            if network.isFeasible(flow) { let c = network.cost(of: flow); best = min(best ?? c, c) }
            return
        }
        for f in network.arcs[k].lower...network.arcs[k].capacity { flow[k] = f; visit(k + 1) }
    }
    visit(0)
    return best
}

func randomNetwork(_ rng: inout SplitMix64) -> FlowNetwork {
    let n = Int.random(in: 2...4, using: &rng)
    var network = FlowNetwork(nodeCount: n)
    for _ in 0..<Int.random(in: 1...6, using: &rng) {
        let lower = Int.random(in: 0...3, using: &rng) == 0 ? 1 : 0
        network.addArc(from: Int.random(in: 0..<n, using: &rng), to: Int.random(in: 0..<n, using: &rng),
                       lower: lower, capacity: lower + Int.random(in: 0...2, using: &rng), cost: Int.random(in: -5...9, using: &rng))
    }
    // Balanced supplies: move a few units from random nodes to random nodes.
    for _ in 0..<Int.random(in: 0...3, using: &rng) {
        let a = Int.random(in: 0..<n, using: &rng), b = Int.random(in: 0..<n, using: &rng)
        network.supply[a] += 1
        network.supply[b] -= 1
    }
    return network
}

/// Optimality certificate: a feasible flow is optimal exactly when its residual graph has no cycle of negative cost
/// (Bellman–Ford from a virtual source connected to every node).
func residualHasNegativeCycle(_ network: FlowNetwork, _ flow: [Int]) -> Bool {
    var edges: [(Int, Int, Int)] = []
    for (arc, f) in zip(network.arcs, flow) {
        if f < arc.capacity { edges.append((arc.from, arc.to, arc.cost)) }
        if f > arc.lower { edges.append((arc.to, arc.from, -arc.cost)) }
    }
    var dist = [Int](repeating: 0, count: network.nodeCount)
    for _ in 0..<network.nodeCount {
        var changed = false
        for (u, v, c) in edges where dist[u] + c < dist[v] { dist[v] = dist[u] + c; changed = true }
        if !changed { return false }
    }
    return edges.contains { dist[$0.0] + $0.2 < dist[$0.1] }
}

/// Both methods, so each is checked on its own against brute force and the certificate.
typealias Solver = @Sendable (FlowNetwork) throws(FlowError) -> FlowSolution
let solvers: [(String, Solver)] = [("network simplex", NetworkSimplex.solve), ("successive shortest paths", SuccessiveShortestPaths.solve)]

@Suite struct MinCostFlowTests {
    /// Larger random networks, where the search stops early at the nearest deficit. Supplies come from a random
    /// flow, so every instance is feasible; every answer must be feasible and carry the optimality certificate.
    @Test(arguments: solvers.map(\.0)) func optimalOnMediumNetworksByCertificate(method: String) throws {
        let solve = solvers.first { $0.0 == method }!.1
        var rng = SplitMix64(state: 7)
        for _ in 0..<400 {
            let n = Int.random(in: 6...25, using: &rng)
            var network = FlowNetwork(nodeCount: n)
            var flow: [Int] = []
            for _ in 0..<Int.random(in: n...(4 * n), using: &rng) {
                let lower = Int.random(in: 0...4, using: &rng) == 0 ? 1 : 0
                let capacity = lower + Int.random(in: 0...6, using: &rng)
                network.addArc(from: Int.random(in: 0..<n, using: &rng), to: Int.random(in: 0..<n, using: &rng), lower: lower,
                               capacity: capacity, cost: Int.random(in: -20...60, using: &rng))
                flow.append(Int.random(in: lower...capacity, using: &rng))
            }
            for (arc, f) in zip(network.arcs, flow) { network.supply[arc.from] += f; network.supply[arc.to] -= f }
            let solution = try solve(network)
            #expect(network.isFeasible(solution.flow))
            #expect(solution.cost <= network.cost(of: flow))
            #expect(!residualHasNegativeCycle(network, solution.flow), "\(network)")
        }
    }

    @Test(arguments: solvers.map(\.0)) func optimalAgainstBruteForceOnRandomSmallNetworks(method: String) throws {
        let solve = solvers.first { $0.0 == method }!.1
        var rng = SplitMix64(state: 2026)
        var feasible = 0, infeasible = 0
        for _ in 0..<3000 {
            let network = randomNetwork(&rng)
            let expected = bruteForce(network)
            do {
                let solution = try solve(network)
                #expect(network.isFeasible(solution.flow), "\(network)")
                #expect(solution.cost == expected, "\(network): solver \(solution.cost), brute force \(String(describing: expected))")
                feasible += 1
            } catch {
                #expect(error == .infeasible && expected == nil, "\(network): \(error), brute force \(String(describing: expected))")
                infeasible += 1
            }
        }
        #expect(feasible > 1000 && infeasible > 100, "both kinds of instance occur (\(feasible), \(infeasible))")
    }

    @Test(arguments: solvers.map(\.0)) func transportationExample(method: String) throws {
        let solve = solvers.first { $0.0 == method }!.1
        // Two schools needing 3 and 2 pupils' places, two companies offering 3 and 2; costs per place.
        var network = FlowNetwork(supply: [3, 2, -3, -2], arcs: [])
        network.addArc(from: 0, to: 2, capacity: 10, cost: 1)
        network.addArc(from: 0, to: 3, capacity: 10, cost: 5)
        network.addArc(from: 1, to: 2, capacity: 10, cost: 4)
        network.addArc(from: 1, to: 3, capacity: 10, cost: 2)
        let solution = try solve(network)
        #expect(solution.flow == [3, 0, 0, 2])
        #expect(solution.cost == 7)
    }

    @Test(arguments: solvers.map(\.0)) func unbalancedAndInvalidInputsAreRefused(method: String) {
        let solve = solvers.first { $0.0 == method }!.1
        #expect(throws: FlowError.unbalanced(total: 1)) { try solve(FlowNetwork(supply: [1, 0], arcs: [])) }
        #expect(throws: FlowError.invalidArc(index: 0, reason: "node out of range")) {
            try solve(FlowNetwork(supply: [0], arcs: [.init(from: 0, to: 3, capacity: 1, cost: 0)]))
        }
    }
}

@Suite struct DIMACSTests {
    @Test func readsTheFormat() throws {
        let text = """
        c a tiny instance
        p min 3 2
        n 1 2
        n 3 -2
        a 1 2 0 5 3
        a 2 3 1 5 -1
        """
        let network = try DIMACS.parse(text)
        #expect(network.supply == [2, 0, -2])
        #expect(network.arcs == [.init(from: 0, to: 1, lower: 0, capacity: 5, cost: 3), .init(from: 1, to: 2, lower: 1, capacity: 5, cost: -1)])
        #expect(try MinCostFlow.solve(network).cost == 4)
    }

    @Test(arguments: [
        ("p min 2 1\na 1 3 0 1 1\n", 2),
        ("p min 2 1\na 1 2 0 x 1\n", 2),
        ("n 1 1\n", 1),
        ("p min 2 2\na 1 2 0 1 1\n", 3),
        ("p max 2 1\n", 1),
        ("p min 2 1\nq\n", 2),
    ])
    func errorsNameTheLine(text: String, line: Int) {
        do {
            _ = try DIMACS.parse(text)
            Issue.record("expected an error")
        } catch {
            #expect(error.line == line, "\(error)")
        }
    }
}
