/// A minimum-cost flow problem: nodes with supplies (positive) and demands (negative), arcs with a lower
/// bound, a capacity and a cost per unit. Integer data throughout, as in the DIMACS `p min` format.
public struct FlowNetwork: Sendable, Hashable {
    public struct Arc: Sendable, Hashable {
        public var from: Int
        public var to: Int
        public var lower: Int
        public var capacity: Int
        public var cost: Int
        public init(from: Int, to: Int, lower: Int = 0, capacity: Int, cost: Int) {
            self.from = from; self.to = to; self.lower = lower; self.capacity = capacity; self.cost = cost
        }
    }

    public var supply: [Int]
    public var arcs: [Arc]
    public var nodeCount: Int { supply.count }

    public init(nodeCount: Int) { supply = Array(repeating: 0, count: nodeCount); arcs = [] }
    public init(supply: [Int], arcs: [Arc]) { self.supply = supply; self.arcs = arcs }

    public mutating func addArc(from: Int, to: Int, lower: Int = 0, capacity: Int, cost: Int) {
        arcs.append(Arc(from: from, to: to, lower: lower, capacity: capacity, cost: cost))
    }

    /// The cost of a flow (one value per arc).
    public func cost(of flow: [Int]) -> Int {
        zip(arcs, flow).reduce(0) { $0 + $1.0.cost * $1.1 }
    }

    /// Whether `flow` respects every bound and balances every node's supply.
    public func isFeasible(_ flow: [Int]) -> Bool {
        guard flow.count == arcs.count else { return false }
        var balance = supply
        for (arc, f) in zip(arcs, flow) {
            guard f >= arc.lower, f <= arc.capacity else { return false }
            balance[arc.from] -= f
            balance[arc.to] += f
        }
        return balance.allSatisfy { $0 == 0 }
    }
}

public struct FlowSolution: Sendable, Hashable {
    public var cost: Int
    /// Flow on each arc, in the order of `FlowNetwork.arcs`.
    public var flow: [Int]
}

public enum FlowError: Error, Hashable, CustomStringConvertible {
    /// Supplies and demands do not add up to zero.
    case unbalanced(total: Int)
    /// No flow meets every supply, demand and bound.
    case infeasible
    case invalidArc(index: Int, reason: String)

    public var description: String {
        switch self {
        case .unbalanced(let total): "supplies and demands do not balance (sum \(total))"
        case .infeasible: "no feasible flow"
        case .invalidArc(let i, let reason): "arc \(i + 1): \(reason)"
        }
    }
}
