import Testing
@testable import Optimization

/// Every assignment of requests to offers (or none) within the capacities, best total score (tiny instances only).
func bruteForceAllocation(requests: Int, capacities: [Int], pairs: [Allocation.Pair]) -> Int {
    var best = 0
    var used = capacities.map { _ in 0 }
    func visit(_ r: Int, _ total: Int) {
        if r == requests { best = max(best, total); return }
        visit(r + 1, total)
        for p in pairs where p.request == r && used[p.offer] < capacities[p.offer] {
            used[p.offer] += 1
            visit(r + 1, total + p.score)
            used[p.offer] -= 1
        }
    }
    visit(0, 0)
    return best
}

@Suite struct AllocationTests {
    @Test func optimalAgainstBruteForceOnRandomSmallInstances() {
        var rng = SplitMix64(state: 44)
        for _ in 0..<1500 {
            let requests = Int.random(in: 0...6, using: &rng), offers = Int.random(in: 1...4, using: &rng)
            let capacities = (0..<offers).map { _ in Int.random(in: 0...3, using: &rng) }
            var pairs: [Allocation.Pair] = []
            for r in 0..<requests { for o in 0..<offers where Int.random(in: 0...2, using: &rng) > 0 {
                pairs.append(.init(request: r, offer: o, score: Int.random(in: -5...60, using: &rng)))
            } }
            let result = Allocation.solve(requests: requests, capacities: capacities, pairs: pairs)
            let expected = bruteForceAllocation(requests: requests, capacities: capacities, pairs: pairs)
            #expect(result.totalScore == expected, "\(requests) requests, capacities \(capacities), pairs \(pairs)")
            // The assignment itself is valid and worth what it claims.
            var load = capacities.map { _ in 0 }
            var total = 0
            for (r, o) in result.offerOfRequest.enumerated() {
                guard let o else { continue }
                let pair = pairs.first { $0.request == r && $0.offer == o }
                #expect(pair != nil, "request \(r) got offer \(o) without a feasible pair")
                total += pair?.score ?? 0
                load[o] += 1
            }
            #expect(zip(load, capacities).allSatisfy { $0 <= $1 }, "capacity exceeded: \(load) of \(capacities)")
            #expect(total == result.totalScore)
        }
    }

    @Test func contestedOfferGoesWhereItIsWorthMost() {
        // One place; request 1 scores it higher, request 0 has a second-best elsewhere.
        let result = Allocation.solve(requests: 2, capacities: [1, 1], pairs: [
            .init(request: 0, offer: 0, score: 50), .init(request: 0, offer: 1, score: 40), .init(request: 1, offer: 0, score: 45),
        ])
        #expect(result.offerOfRequest == [1, 0])
        #expect(result.totalScore == 85)
    }
}
