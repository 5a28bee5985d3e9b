/// Proper edge colourings of bipartite graphs (König: max degree Δ colours suffice), made equitable: colour
/// classes differ in size by at most one (de Werra), which is what lets `rounds` colours fit `tables` per round.
public enum EdgeColouring {
    /// `edges` as (left, right) pairs without repeats; every node's degree must be at most `colours`.
    /// Returns a colour in 0..<colours per edge.
    public static func equitable(_ edges: [(Int, Int)], colours k: Int) -> [Int] {
        guard !edges.isEmpty else { return [] }
        precondition(k > 0)
        let leftCount = (edges.map(\.0).max() ?? 0) + 1, rightCount = (edges.map(\.1).max() ?? 0) + 1
        // at[side][node * k + colour] = edge index or -1.
        var at = [[Int](repeating: -1, count: leftCount * k), [Int](repeating: -1, count: rightCount * k)]
        var colour = [Int](repeating: -1, count: edges.count)
        func node(_ e: Int, _ side: Int) -> Int { side == 0 ? edges[e].0 : edges[e].1 }
        func set(_ e: Int, _ c: Int) {
            colour[e] = c
            at[0][edges[e].0 * k + c] = e
            at[1][edges[e].1 * k + c] = e
        }
        func clear(_ e: Int) {
            let c = colour[e]
            at[0][edges[e].0 * k + c] = -1
            at[1][edges[e].1 * k + c] = -1
            colour[e] = -1
        }
        /// The alternating path of colours a, b, a … starting at `start` on `side` with an a-edge.
        func path(from start: Int, side: Int, _ a: Int, _ b: Int) -> [Int] {
            var edgesOnPath: [Int] = [], v = start, s = side, c = a
            while true {
                let e = at[s][v * k + c]
                if e < 0 || edgesOnPath.last == e { break }
                edgesOnPath.append(e)
                s = 1 - s; v = node(e, s); c = c == a ? b : a
                if edgesOnPath.count > edges.count { break }  // a cycle: cannot happen from an end, but never loop
            }
            return edgesOnPath
        }
        func swap(_ path: [Int], _ a: Int, _ b: Int) {
            let old = path.map { colour[$0] }
            for e in path { clear(e) }
            for (e, c) in zip(path, old) { set(e, c == a ? b : a) }
        }
        for e in edges.indices {
            let (u, v) = edges[e]
            guard let a = (0..<k).first(where: { at[0][u * k + $0] < 0 }), let b = (0..<k).first(where: { at[1][v * k + $0] < 0 }) else {
                preconditionFailure("a node has more edges than colours")
            }
            if at[1][v * k + a] >= 0 {
                // a is taken at v: swap a and b along the path from v; in a bipartite graph it cannot reach u.
                swap(path(from: v, side: 1, a, b), a, b)
            }
            set(e, a)
        }
        // Balance: a path of colours a/b with an a-edge at both ends has one a more than b; swapping it moves one edge.
        var size = [Int](repeating: 0, count: k)
        for c in colour { size[c] += 1 }
        while let big = size.indices.max(by: { size[$0] < size[$1] }), let small = size.indices.min(by: { size[$0] < size[$1] }),
              size[big] - size[small] > 1 {
            var moved = false
            search: for side in 0...1 {
                for v in 0..<(side == 0 ? leftCount : rightCount) where at[side][v * k + big] >= 0 && at[side][v * k + small] < 0 {
                    let p = path(from: v, side: side, big, small)
                    if p.count % 2 == 1 { swap(p, big, small); moved = true; break search }
                }
            }
            guard moved else { break }  // cannot happen (|big| > |small| forces such a path); never loop forever
            size[big] -= 1; size[small] += 1
        }
        return colour
    }
}
