/// The change between two reported values. Computed, never stored: the report's printed
/// percentages are rounded (sometimes inconsistently), ours are exact.
public struct Change: Sendable, Hashable {
    public var from: Double
    public var to: Double
    public init(from: Double, to: Double) { self.from = from; self.to = to }

    public var absolute: Double { to - from }
    /// Relative change in percent, nil when the base is zero.
    public var percent: Double? { from == 0 ? nil : (to - from) / from * 100 }

    /// From the first value of a series to its last; nil with fewer than two values or a gap at either end.
    public static func firstToLast(_ values: [Double?]) -> Change? {
        guard values.count > 1, let first = values.first ?? nil, let last = values.last ?? nil else { return nil }
        return Change(from: first, to: last)
    }
}
