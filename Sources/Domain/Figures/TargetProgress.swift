/// Where an indicator stands against a target: met, on track (by linear extrapolation of the
/// observations to the target date) or behind. Unknown when there is too little data, or when the
/// indicator is split by a dimension the target does not name.
public enum TargetProgress: String, Sendable, Hashable {
    case met, onTrack = "on-track", behind, unknown

    public var label: Localized {
        switch self {
        case .met: Localized("Gehaald", "Met")
        case .onTrack: Localized("Op koers", "On track")
        case .behind: Localized("Achter", "Behind")
        case .unknown: Localized("Onbekend", "Unknown")
        }
    }

    /// A project's target against its reported actual, as of a day: met when the actual reaches the target; behind
    /// when it does not and the target date lies before `asOf`; otherwise unknown (one reported value cannot show a
    /// trend), and unknown without an actual or a target. One rule for the project page (as of today) and the
    /// report (as of its last day); they used to differ (issue 13).
    public static func of(_ target: ProjectTarget, asOf: PartialDate) -> TargetProgress {
        guard let actual = target.actual, let goal = target.target else { return .unknown }
        if actual >= goal { return .met }
        return (target.targetDate.map { $0 < asOf } ?? false) ? .behind : .unknown
    }

    public static func of(_ target: Target, observations: [Observation]) -> TargetProgress {
        let series = observations.filter { $0.indicatorKey == target.indicatorKey && $0.dimensions.isEmpty }
            .compactMap { o in time(of: o.period).map { ($0, o.value) } }
            .sorted { $0.0 < $1.0 }
        guard let last = series.last else { return .unknown }
        if last.1 >= target.value { return .met }
        guard series.count >= 2, let first = series.first, last.0 > first.0 else { return .unknown }
        let slope = (last.1 - first.1) / (last.0 - first.0)
        let targetTime = Double(target.date.year) + Double((target.date.month ?? 12) - 1) / 12
        let projected = last.1 + slope * (targetTime - last.0)
        return projected >= target.value ? .onTrack : .behind
    }

    /// The target's indicator's latest overall value (no breakdown), the one its status is judged on.
    public static func latest(_ target: Target, observations: [Observation]) -> Observation? {
        observations.filter { $0.indicatorKey == target.indicatorKey && $0.dimensions.isEmpty }
            .max { (ObservationPeriod.start($0.period) ?? target.date) < (ObservationPeriod.start($1.period) ?? target.date) }
    }

    /// A period as a fractional year: "2014" → 2014, "2014-06" → 2014.42, "2013-2014" → 2014 (end of school year).
    static func time(of period: String) -> Double? {
        let parts = period.split(separator: "-")
        if parts.count == 2, parts[0].count == 4, parts[1].count == 4, let end = Double(parts[1]) { return end - 5.0 / 12 }
        if let d = PartialDate(period.hasSuffix("/") ? String(period.dropLast()) : period) {
            return Double(d.year) + Double((d.month ?? 1) - 1) / 12 + Double((d.day ?? 1) - 1) / 365
        }
        return nil
    }
}
