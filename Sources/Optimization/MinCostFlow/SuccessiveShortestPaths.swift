/// Minimum-cost flow, solved by the network simplex method (see `NetworkSimplex`).
public enum MinCostFlow {
    public static func solve(_ network: FlowNetwork) throws(FlowError) -> FlowSolution {
        try NetworkSimplex.solve(network)
    }
}

/// Minimum-cost flow by successive shortest paths with node potentials (Dijkstra on reduced costs).
///
/// Lower bounds are moved into the supplies; arcs with negative cost start saturated, so every residual arc has a
/// non-negative reduced cost from the start and no Bellman–Ford pass is needed. Exact and simple; its running time
/// grows with the number of augmentations, so large instances go to `NetworkSimplex`. Kept as an independent second
/// method: the tests hold the two against each other and against brute force.
public enum SuccessiveShortestPaths {
    public static func solve(_ network: FlowNetwork) throws(FlowError) -> FlowSolution {
        let n = network.nodeCount
        var excess = network.supply
        let total = excess.reduce(0, +)
        guard total == 0 else { throw .unbalanced(total: total) }
        var baseFlow = [Int](repeating: 0, count: network.arcs.count)
        // Residual graph in compressed form: arc 2k is arc k forward, 2k+1 its reverse.
        let m = network.arcs.count
        var to = [Int](repeating: 0, count: 2 * m)
        var cap = [Int](repeating: 0, count: 2 * m)
        var cost = [Int](repeating: 0, count: 2 * m)
        var degree = [Int](repeating: 0, count: n + 1)
        for (k, arc) in network.arcs.enumerated() {
            guard arc.from >= 0, arc.from < n, arc.to >= 0, arc.to < n else { throw .invalidArc(index: k, reason: "node out of range") }
            guard arc.lower >= 0, arc.lower <= arc.capacity else { throw .invalidArc(index: k, reason: "lower bound above capacity or negative") }
            var room = arc.capacity - arc.lower
            baseFlow[k] = arc.lower
            excess[arc.from] -= arc.lower
            excess[arc.to] += arc.lower
            var reverseRoom = 0
            if arc.cost < 0 && arc.from != arc.to {
                // Start saturated: the forward arc is full, its reverse (positive cost) holds the room.
                baseFlow[k] += room
                excess[arc.from] -= room
                excess[arc.to] += room
                reverseRoom = room
                room = 0
            } else if arc.from == arc.to {
                // A loop with negative cost is worth filling; otherwise it carries nothing.
                if arc.cost < 0 { baseFlow[k] += room }
                room = 0
            }
            to[2 * k] = arc.to; cap[2 * k] = room; cost[2 * k] = arc.cost
            to[2 * k + 1] = arc.from; cap[2 * k + 1] = reverseRoom; cost[2 * k + 1] = -arc.cost
            degree[arc.from + 1] += 1
            degree[arc.to + 1] += 1
        }
        // Adjacency lists as one array (CSR), for cache-friendly scans.
        for v in 0..<n { degree[v + 1] += degree[v] }
        var start = degree
        var adjacency = [Int](repeating: 0, count: 2 * m)
        for k in 0..<m {
            let a = network.arcs[k]
            adjacency[start[a.from]] = 2 * k; start[a.from] += 1
            adjacency[start[a.to]] = 2 * k + 1; start[a.to] += 1
        }
        let first = degree
        var potential = [Int](repeating: 0, count: n)
        var distance = [Int](repeating: .max, count: n)
        var via = [Int](repeating: -1, count: n)
        var heap = MinHeap()
        var visited: [Int] = []

        while excess.contains(where: { $0 > 0 }) {
            // Dijkstra from every node with excess at once, on reduced costs, to the nearest node with a deficit.
            for v in visited { distance[v] = .max; via[v] = -1 }
            visited.removeAll(keepingCapacity: true)
            heap.removeAll()
            for v in 0..<n where excess[v] > 0 { distance[v] = 0; visited.append(v); heap.push(0, v) }
            var target = -1
            while let (d, v) = heap.pop() {
                guard d == distance[v] else { continue }
                if excess[v] < 0 { target = v; break }
                for i in first[v]..<first[v + 1] {
                    let e = adjacency[i]
                    guard cap[e] > 0 else { continue }
                    let w = to[e]
                    let nd = d + cost[e] + potential[v] - potential[w]
                    if nd < distance[w] {
                        if distance[w] == .max { visited.append(w) }
                        distance[w] = nd; via[w] = e; heap.push(nd, w)
                    }
                }
            }
            guard target >= 0 else { throw .infeasible }
            // Keep reduced costs non-negative: finalised nodes move by their distance, every other node (also the
            // ones this search never reached) by the target's distance.
            let limit = distance[target]
            for v in 0..<n { potential[v] += min(distance[v], limit) }
            var push = -excess[target]
            var v = target
            var steps = 0
            while via[v] >= 0 {
                let e = via[v]; push = min(push, cap[e]); v = to[e ^ 1]
                // A shortest path visits each node once; more steps would mean broken potentials, not a slow answer.
                steps += 1
                precondition(steps <= n, "min-cost flow: augmenting path longer than the node count")
            }
            push = min(push, excess[v])
            v = target
            while via[v] >= 0 { let e = via[v]; cap[e] -= push; cap[e ^ 1] += push; v = to[e ^ 1] }
            excess[v] -= push
            excess[target] += push
        }
        var flow = baseFlow
        // The reverse residual of an arc always holds its flow above the lower bound (also for arcs that started
        // saturated), so the flow can be read from it. Loops keep their starting flow.
        for k in 0..<m where network.arcs[k].from != network.arcs[k].to {
            flow[k] = network.arcs[k].lower + cap[2 * k + 1]
        }
        return FlowSolution(cost: network.cost(of: flow), flow: flow)
    }
}

/// A binary heap of (key, node), smallest key first.
struct MinHeap {
    private var items: [(Int, Int)] = []
    mutating func removeAll() { items.removeAll(keepingCapacity: true) }
    mutating func push(_ key: Int, _ value: Int) {
        items.append((key, value))
        var i = items.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            if items[p].0 <= items[i].0 { break }
            items.swapAt(p, i); i = p
        }
    }
    mutating func pop() -> (Int, Int)? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var s = i
                if l < items.count, items[l].0 < items[s].0 { s = l }
                if r < items.count, items[r].0 < items[s].0 { s = r }
                if s == i { break }
                items.swapAt(s, i); i = s
            }
        }
        return top
    }
}
