/// Minimum-cost flow by the primal network simplex method: a spanning tree of basic arcs, every other arc at its
/// lower or upper bound, and pivots that bring in an arc of negative reduced cost until none is left.
///
/// Choices and why:
/// - An extra root node with one artificial arc per node gives a feasible first tree (big-M costs); a flow that still
///   uses an artificial arc at the end means the problem has no feasible flow.
/// - Block search pivoting (look at about √m arcs, take the most negative of the block) is the rule that makes
///   network simplex codes fast in practice on transportation problems like the allocation instances.
/// - The tree is kept *strongly feasible* (leaving-arc ties broken towards the entering arc's target side), which
///   rules out cycling on degenerate pivots without any anti-cycling bookkeeping.
/// - The tree is stored as parent, parent arc with its direction, subtree sizes and a preorder thread (doubly
///   linked). After a pivot only the subtree that moves is re-threaded and re-priced, in time linear in its size.
/// - Storage is flat integer buffers in one object, so the hot loops run without bounds checks or copy-on-write checks.
public enum NetworkSimplex {
    public static func solve(_ network: FlowNetwork) throws(FlowError) -> FlowSolution {
        try validate(network)
        let tree = SpanningTree(network)
        defer { tree.deallocate() }
        tree.run()
        guard tree.artificialFlowIsZero else { throw .infeasible }
        var flow = network.arcs.map(\.lower)
        for (k, original) in tree.originalIndex.enumerated() { flow[original] += tree.flow[k] }
        return FlowSolution(cost: network.cost(of: flow), flow: flow)
    }

    static func validate(_ network: FlowNetwork) throws(FlowError) {
        let total = network.supply.reduce(0, +)
        guard total == 0 else { throw .unbalanced(total: total) }
        for (k, arc) in network.arcs.enumerated() {
            guard arc.from >= 0, arc.from < network.nodeCount, arc.to >= 0, arc.to < network.nodeCount else {
                throw .invalidArc(index: k, reason: "node out of range")
            }
            guard arc.lower >= 0, arc.lower <= arc.capacity else { throw .invalidArc(index: k, reason: "lower bound above capacity or negative") }
        }
    }
}

/// One network solved again and again with other costs (issue 18): the Lagrangian bound and the plateau walk of the
/// Matchingday solve the same round's matching thousands of times with slightly different weights. Costs do not
/// change which flows are feasible, so the last optimal tree is a feasible start for the next costs: the potentials
/// are recomputed along the tree (linear time) and only the pivots the new costs need are made. A cold solve of a
/// round costs a few hundred pivots; a warm one usually a handful.
public final class WarmNetworkSimplex {
    private let tree: SpanningTree
    private let lower: [Int]
    /// Where each of the network's arcs sits in the tree's arc order.
    private let position: [Int]
    private var solved = false

    public init(_ network: FlowNetwork) throws(FlowError) {
        try NetworkSimplex.validate(network)
        tree = SpanningTree(network)
        lower = network.arcs.map(\.lower)
        var position = [Int](repeating: 0, count: network.arcs.count)
        for (k, original) in tree.originalIndex.enumerated() { position[original] = k }
        self.position = position
    }

    deinit { tree.deallocate() }

    /// Solves with `costs` (one per arc, in the network's order); returns the optimal cost. Throws `.infeasible`
    /// when no flow meets the supplies (costs never change that, so then every solve throws).
    @discardableResult
    public func solve(costs: [Int]) throws(FlowError) -> Int {
        precondition(costs.count == position.count, "one cost per arc")
        for (original, k) in position.enumerated() { tree.cost[k] = costs[original] }
        tree.restart()
        tree.run(initialPivots: !solved)
        solved = true
        guard tree.artificialFlowIsZero else { throw .infeasible }
        var total = 0
        for (original, k) in position.enumerated() { total += costs[original] * (lower[original] + tree.flow[k]) }
        return total
    }

    /// The flow on arc `arc` (the network's numbering) after the last solve.
    public func flow(_ arc: Int) -> Int { lower[arc] + tree.flow[position[arc]] }
}

private let up = 1, down = -1
private let stateTree = 0, stateLower = 1, stateUpper = -1

/// The simplex state. Arcs `0..<m` are the network's (with lower bounds moved into the supplies), arcs `m..<m+n`
/// the artificial ones between each node and the root `n`.
private final class SpanningTree {
    let n: Int, m: Int, root: Int
    /// Ends of each arc as 32-bit node numbers and the state as one byte: the pricing scan streams these arrays, and
    /// half the bytes is what keeps a national instance's arcs in the cache (LEMON stores them the same way).
    let source: UnsafeMutablePointer<Int32>, target: UnsafeMutablePointer<Int32>
    let capacity: UnsafeMutablePointer<Int>, cost: UnsafeMutablePointer<Int>
    let flow: UnsafeMutablePointer<Int>, state: UnsafeMutablePointer<Int8>
    let potential: UnsafeMutablePointer<Int>, parent: UnsafeMutablePointer<Int>
    let parentArc: UnsafeMutablePointer<Int>, parentDirection: UnsafeMutablePointer<Int>
    let subtreeSize: UnsafeMutablePointer<Int>
    let thread: UnsafeMutablePointer<Int>, reverseThread: UnsafeMutablePointer<Int>
    // Scratch for re-threading a moved subtree.
    let order: UnsafeMutablePointer<Int>, piece: UnsafeMutablePointer<Int>, sorted: UnsafeMutablePointer<Int>
    let stem: UnsafeMutablePointer<Int>, pieceStart: UnsafeMutablePointer<Int>, spanEnd: UnsafeMutablePointer<Int>

    /// Node supplies after moving the lower bounds in.
    var supply: [Int]
    /// The network's index of each arc `0..<m`.
    var originalIndex: [Int]
    var nextArc = 0
    let blockSize: Int

    init(_ network: FlowNetwork) {
        n = network.nodeCount
        m = network.arcs.count
        root = n
        let arcCount = m + n, nodeCount = n + 1
        func buffer<T: FixedWidthInteger>(_ count: Int, of _: T.Type = Int.self) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: max(count, 1))
            p.initialize(repeating: 0, count: max(count, 1))
            return p
        }
        source = buffer(arcCount, of: Int32.self); target = buffer(arcCount, of: Int32.self)
        capacity = buffer(arcCount); cost = buffer(arcCount)
        flow = buffer(arcCount); state = buffer(arcCount, of: Int8.self)
        potential = buffer(nodeCount); parent = buffer(nodeCount); parentArc = buffer(nodeCount)
        parentDirection = buffer(nodeCount); subtreeSize = buffer(nodeCount)
        thread = buffer(nodeCount); reverseThread = buffer(nodeCount)
        order = buffer(nodeCount); piece = buffer(nodeCount); sorted = buffer(nodeCount)
        stem = buffer(nodeCount); pieceStart = buffer(nodeCount + 1); spanEnd = buffer(nodeCount)
        // √m / 16: with mixed arcs a small block already finds a good entering arc, and each pivot then costs
        // less search (tuned on seeds 11 and 12 of both allocation families; √m / 8 to / 24 are within 10 %).
        blockSize = max(10, Int(Double(m).squareRoot() / 16))

        supply = network.supply
        // Arcs are stored interleaved (LEMON's "arc mixing": every `skip`-th arc of the input, then the next
        // offset): the input usually lists arcs grouped by node, and a pricing block then sees many unrelated nodes
        // instead of one node's near-identical arcs. On the tight allocation family this halved the pivots and cut
        // the search time by two thirds; it also beats sorting by source on the sparse national family.
        originalIndex = [Int](repeating: 0, count: m)
        let skip = max(m / max(n, 1), 3)
        var slot = 0, offset = 0
        for k in 0..<m {
            originalIndex[slot] = k
            slot += skip
            if slot >= m { offset += 1; slot = offset }
        }
        for (k, original) in originalIndex.enumerated() {
            let arc = network.arcs[original]
            source[k] = Int32(arc.from); target[k] = Int32(arc.to)
            capacity[k] = arc.capacity - arc.lower; cost[k] = arc.cost
            state[k] = Int8(stateLower)
            supply[arc.from] -= arc.lower; supply[arc.to] += arc.lower
        }
        let infinite = Int.max / 4
        parent[root] = -1; parentArc[root] = -1; subtreeSize[root] = n + 1
        thread[root] = n > 0 ? 0 : root
        reverseThread[root] = n > 0 ? n - 1 : root
        for u in 0..<n {
            let e = m + u
            parent[u] = root; parentArc[u] = e; subtreeSize[u] = 1
            thread[u] = u + 1 < n ? u + 1 : root
            reverseThread[u] = u > 0 ? u - 1 : root
            capacity[e] = infinite; state[e] = Int8(stateTree)
            if supply[u] >= 0 {
                source[e] = Int32(u); target[e] = Int32(root); flow[e] = supply[u]; parentDirection[u] = up
            } else {
                source[e] = Int32(root); target[e] = Int32(u); flow[e] = -supply[u]; parentDirection[u] = down
            }
        }
        // The artificial arcs' cost and every potential, as after any change of costs.
        restart()
    }

    func deallocate() {
        source.deallocate(); target.deallocate(); state.deallocate()
        for p in [capacity, cost, flow, potential, parent, parentArc, parentDirection, subtreeSize,
                  thread, reverseThread, order, piece, sorted, stem, pieceStart, spanEnd] { p.deallocate() }
    }

    var artificialFlowIsZero: Bool { (m..<(m + n)).allSatisfy { flow[$0] == 0 } }

    @inline(__always) func reducedCost(_ e: Int) -> Int {
        Int(state[e]) * (cost[e] + potential[Int(source[e])] - potential[Int(target[e])])
    }

    /// Block search: scan arcs cyclically from where the last search stopped; after each block, enter the most
    /// negative arc seen if there is one. Returns -1 when no arc has a negative reduced cost (optimal).
    func findEnteringArc() -> Int {
        guard m > 0 else { return -1 }
        var best = 0, bestArc = -1, seen = 0
        var e = nextArc
        for _ in 0..<m {
            let c = reducedCost(e)
            if c < best { best = c; bestArc = e }
            seen += 1
            e += 1
            if e == m { e = 0 }
            if seen == blockSize {
                if bestArc >= 0 { nextArc = e; return bestArc }
                seen = 0
            }
        }
        nextArc = e
        return bestArc
    }

    func run(initialPivots first: Bool = true) {
        if first { initialPivots() }
        while true {
            let entering = findEnteringArc()
            if entering < 0 { return }
            pivot(entering)
        }
    }

    /// After the costs of arcs `0..<m` changed: the artificial arcs get a cost above any path's again and every
    /// potential follows from the root along the tree (preorder: a parent is priced before its children).
    func restart() {
        var maxCost = 0
        for e in 0..<m { maxCost = max(maxCost, abs(cost[e])) }
        // Any simple path costs less than this, so the artificial arcs carry flow only where nothing else can.
        let artificialCost = (maxCost + 1) * (n + 1)
        for e in m..<(m + n) { cost[e] = artificialCost }
        potential[root] = 0
        var u = thread[root]
        while u != root {
            let e = parentArc[u], p = parent[u]
            potential[u] = parentDirection[u] == up ? potential[p] - cost[e] : potential[p] + cost[e]
            u = thread[u]
        }
    }

    /// Before any search, bring in for every demand node its cheapest incoming arc and for every supply node its
    /// cheapest outgoing arc (when still worth it). On allocation instances this replaces most of the artificial
    /// start at the price of one pivot per node and no search: hundreds of thousands of block scans fewer.
    func initialPivots() {
        var cheapestIn = [Int](repeating: -1, count: n), cheapestOut = [Int](repeating: -1, count: n)
        for e in 0..<m where Int(source[e]) != Int(target[e]) && capacity[e] > 0 {
            let u = Int(source[e]), v = Int(target[e])
            if supply[v] < 0, cheapestIn[v] < 0 || cost[e] < cost[cheapestIn[v]] { cheapestIn[v] = e }
            if supply[u] > 0, cheapestOut[u] < 0 || cost[e] < cost[cheapestOut[u]] { cheapestOut[u] = e }
        }
        for e in cheapestIn + cheapestOut where e >= 0 && reducedCost(e) < 0 { pivot(e) }
    }

    func pivot(_ entering: Int) {
        // The cycle: the entering arc plus the tree paths from its two ends to their nearest common ancestor.
        var u = Int(source[entering]), v = Int(target[entering])
        while u != v { if subtreeSize[u] < subtreeSize[v] { u = parent[u] } else { v = parent[v] } }
        let join = u
        // Flow is pushed from `first` over the entering arc to `second` (against the arc when it sits at its upper bound).
        let first = Int(state[entering]) == stateLower ? Int(source[entering]) : Int(target[entering])
        let second = Int(state[entering]) == stateLower ? Int(target[entering]) : Int(source[entering])
        var delta = capacity[entering], leavingNode = -1, leavingOnFirstSide = false
        u = first
        while u != join {
            let e = parentArc[u]
            let room = parentDirection[u] == down ? capacity[e] - flow[e] : flow[e]
            if room < delta { delta = room; leavingNode = u; leavingOnFirstSide = true }
            u = parent[u]
        }
        u = second
        while u != join {
            let e = parentArc[u]
            let room = parentDirection[u] == up ? capacity[e] - flow[e] : flow[e]
            if room <= delta { delta = room; leavingNode = u; leavingOnFirstSide = false }
            u = parent[u]
        }
        if delta > 0 {
            let value = Int(state[entering]) * delta
            flow[entering] += value
            u = Int(source[entering])
            while u != join { flow[parentArc[u]] -= parentDirection[u] * value; u = parent[u] }
            u = Int(target[entering])
            while u != join { flow[parentArc[u]] += parentDirection[u] * value; u = parent[u] }
        }
        guard leavingNode >= 0 else {
            // The entering arc itself hits its other bound; the tree stays as it is.
            state[entering] = -state[entering]
            return
        }
        let leavingArc = parentArc[leavingNode]
        state[entering] = Int8(stateTree)
        state[leavingArc] = Int8(flow[leavingArc] == 0 ? stateLower : stateUpper)
        let inner = leavingOnFirstSide ? first : second
        let outer = leavingOnFirstSide ? second : first
        moveSubtree(of: leavingNode, hangingFrom: inner, to: outer, over: entering, join: join)
    }

    /// Cuts the subtree of `cut` off the tree and hangs it from `outer` by the entering arc, re-rooted at `inner`
    /// (which lies in that subtree): parents on the path from `inner` up to `cut` reverse.
    func moveSubtree(of cut: Int, hangingFrom inner: Int, to outer: Int, over entering: Int, join: Int) {
        let size = subtreeSize[cut]
        // 1. The stem inner → … → cut, and the subtree in its old preorder.
        var stemCount = 0
        var w = inner
        while true { stem[stemCount] = w; stemCount += 1; if w == cut { break }; w = parent[w] }
        let before = reverseThread[cut]
        var x = cut
        for i in 0..<size { order[i] = x; x = thread[x] }
        let after = x
        let k = stemCount - 1
        if k == 0 {
            // The usual case: the subtree moves whole, its preorder stays.
            for i in 0..<size { sorted[i] = order[i] }
            pieceStart[0] = size
        } else {
            // 2. Each node belongs to the deepest stem node above it; the new preorder lists stem node 0's old
            //    subtree, then stem node 1's without it, and so on (stem node i+1 becomes the last child of node i).
            var current = k
            spanEnd[k] = size
            var stemIndexAt = k - 1
            for j in 0...stemCount { pieceStart[j] = 0 }
            for i in 0..<size {
                while i >= spanEnd[current] { current += 1 }
                if stemIndexAt >= 0, order[i] == stem[stemIndexAt] {
                    current = stemIndexAt
                    spanEnd[current] = i + subtreeSize[order[i]]
                    stemIndexAt -= 1
                }
                piece[i] = current
                pieceStart[current + 1] += 1
            }
            for j in 0..<stemCount { pieceStart[j + 1] += pieceStart[j] }
            for i in 0..<size { sorted[pieceStart[piece[i]]] = order[i]; pieceStart[piece[i]] += 1 }
        }
        // 3. Subtree sizes: new stem sizes are suffix sums of the piece sizes; the old path above `cut` loses the
        //    subtree, the new path above `outer` gains it (both only up to the join, where they cancel).
        var tail = 0
        for j in stride(from: k, through: 0, by: -1) {
            let pieceSize = pieceStart[j] - (j == 0 ? 0 : pieceStart[j - 1])
            tail += pieceSize
            subtreeSize[stem[j]] = tail
        }
        w = parent[cut]
        while w != join { subtreeSize[w] -= size; w = parent[w] }
        w = outer
        while w != join { subtreeSize[w] += size; w = parent[w] }
        // 4. Parents and parent arcs along the stem reverse.
        var newParent = outer, newArc = entering
        var newDirection = inner == Int(source[entering]) ? up : down
        for j in 0..<stemCount {
            let w = stem[j]
            let oldArc = parentArc[w], oldDirection = parentDirection[w]
            parent[w] = newParent; parentArc[w] = newArc; parentDirection[w] = newDirection
            newParent = w; newArc = oldArc; newDirection = -oldDirection
        }
        // 5. Re-thread: take the old block out, put the new one right after `outer`.
        thread[before] = after; reverseThread[after] = before
        let next = thread[outer]
        var previous = outer
        for i in 0..<size {
            let node = sorted[i]
            thread[previous] = node; reverseThread[node] = previous
            previous = node
        }
        thread[previous] = next; reverseThread[next] = previous
        // 6. Prices: the moved subtree shifts so the entering arc has zero reduced cost.
        let direction = parentDirection[inner]
        let shift = potential[outer] - direction * cost[entering] - potential[inner]
        if shift != 0 { for i in 0..<size { potential[sorted[i]] += shift } }
    }
}
