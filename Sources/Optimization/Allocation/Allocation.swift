/// Allocating open requests to offers at once: every request gets at most one offer, an offer serves at most its
/// remaining capacity, and the total score of the chosen pairs is as high as possible. A transportation problem,
/// solved exactly as a minimum-cost flow (scores become negative costs; a request may stay unassigned at cost 0).
public enum Allocation {
    public struct Pair: Sendable, Hashable {
        public var request: Int
        public var offer: Int
        public var score: Int
        public init(request: Int, offer: Int, score: Int) { self.request = request; self.offer = offer; self.score = score }
    }

    public struct Result: Sendable, Hashable {
        /// The chosen offer per request (nil: none).
        public var offerOfRequest: [Int?]
        public var totalScore: Int
    }

    /// `pairs` lists the feasible (request, offer) combinations; pairs with a score ≤ 0 are never worth choosing.
    public static func solve(requests: Int, capacities: [Int], pairs: [Pair]) -> Result {
        // Nodes: source, requests, offers, sink.
        let source = 0, sink = 1 + requests + capacities.count
        var network = FlowNetwork(nodeCount: sink + 1)
        network.supply[source] = requests
        network.supply[sink] = -requests
        for r in 0..<requests {
            network.addArc(from: source, to: 1 + r, capacity: 1, cost: 0)
            network.addArc(from: 1 + r, to: sink, capacity: 1, cost: 0)  // unassigned
        }
        let firstPair = network.arcs.count
        let useful = pairs.filter { $0.score > 0 && $0.request >= 0 && $0.request < requests && $0.offer >= 0 && $0.offer < capacities.count }
        for p in useful { network.addArc(from: 1 + p.request, to: 1 + requests + p.offer, capacity: 1, cost: -p.score) }
        for (o, c) in capacities.enumerated() { network.addArc(from: 1 + requests + o, to: sink, capacity: max(0, c), cost: 0) }
        // Always feasible: every request can take its unassigned arc.
        guard let solution = try? MinCostFlow.solve(network) else { return Result(offerOfRequest: Array(repeating: nil, count: requests), totalScore: 0) }
        var chosen = [Int?](repeating: nil, count: requests)
        for (i, p) in useful.enumerated() where solution.flow[firstPair + i] > 0 { chosen[p.request] = p.offer }
        return Result(offerOfRequest: chosen, totalScore: -solution.cost)
    }
}
