/// Allocating a batch of requests so that the least-served school comes first (issue 15, part 7).
///
/// The order of what counts: (1) lexicographically, the number of activities of the least-served school, then of the
/// next least-served, and so on — counting what each school received earlier in its school year plus this batch;
/// (2) the total score. Because the count vectors a batch can reach form an M-convex set (the bases of a
/// polymatroid: school → request → offer → capacity), "increasingly maximal" equals "square-sum minimal" (Frank &
/// Murota, discrete decreasing minimisation), and both imply a maximum number of assignments. So one minimum-cost
/// flow finds it exactly: each school's k-th unit costs `-cardinality + square·(2(p+k)+1) - score`, three tiers of
/// weights wide enough apart that no lower tier can buy a higher one. `FairAllocationTests` holds it against a brute
/// force over every assignment.
public enum FairAllocation {
    public struct Result: Sendable, Hashable {
        /// The chosen offer per request (nil: none).
        public var offerOfRequest: [Int?]
        public var totalScore: Int
        /// Per school: what it had before plus what this batch gives it.
        public var servedAfter: [Int]
    }

    /// `schoolOfRequest[r]` in `0..<served.count`; `served[s]` counts what school `s` received earlier this school
    /// year. Every listed pair is feasible (its score only orders allocations of equal fairness).
    public static func solve(schoolOfRequest: [Int], served: [Int], capacities: [Int], pairs: [Allocation.Pair]) -> Result {
        let requests = schoolOfRequest.count, schools = served.count
        let useful = pairs.filter { $0.request >= 0 && $0.request < requests && $0.offer >= 0 && $0.offer < capacities.count }
        var perSchool = [Int](repeating: 0, count: schools)
        for s in schoolOfRequest where s >= 0 && s < schools { perSchool[s] += 1 }
        let maxScore = useful.map { abs($0.score) }.max() ?? 0
        // Tier widths: any change of the score part is < scoreSpan; of the square part < squareUnit·(2·top+1).
        let scoreSpan = 2 * requests * maxScore + 1
        let top = (served.max() ?? 0) + requests
        let squareUnit = scoreSpan
        let cardinality = squareUnit * (2 * top + 1) + scoreSpan

        // Nodes: source, schools, requests, offers, sink.
        let source = 0, firstSchool = 1, firstRequest = firstSchool + schools, firstOffer = firstRequest + requests
        let sink = firstOffer + capacities.count
        var network = FlowNetwork(nodeCount: sink + 1)
        network.supply[source] = requests
        network.supply[sink] = -requests
        network.addArc(from: source, to: sink, capacity: requests, cost: 0)  // requests left unassigned
        for s in 0..<schools {
            for k in 0..<perSchool[s] {
                network.addArc(from: source, to: firstSchool + s, capacity: 1, cost: -cardinality + squareUnit * (2 * (served[s] + k) + 1))
            }
        }
        for (r, s) in schoolOfRequest.enumerated() where s >= 0 && s < schools {
            network.addArc(from: firstSchool + s, to: firstRequest + r, capacity: 1, cost: 0)
        }
        let firstPair = network.arcs.count
        for p in useful { network.addArc(from: firstRequest + p.request, to: firstOffer + p.offer, capacity: 1, cost: -p.score) }
        for (o, c) in capacities.enumerated() { network.addArc(from: firstOffer + o, to: sink, capacity: max(0, c), cost: 0) }

        var chosen = [Int?](repeating: nil, count: requests)
        var after = served
        // Always feasible: the unassigned arc carries everything.
        guard let solution = try? MinCostFlow.solve(network) else { return Result(offerOfRequest: chosen, totalScore: 0, servedAfter: after) }
        var total = 0
        for (i, p) in useful.enumerated() where solution.flow[firstPair + i] > 0 {
            chosen[p.request] = p.offer
            total += p.score
            after[schoolOfRequest[p.request]] += 1
        }
        return Result(offerOfRequest: chosen, totalScore: total, servedAfter: after)
    }
}
