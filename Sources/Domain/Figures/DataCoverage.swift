/// Which years the programme's data covers: what the site's header and period titles name instead of a fixed
/// "2012–2014", so they follow when newer figures are imported (issue 15, part 3). The programme's timeline sets
/// the start (earlier observations are baselines, such as the school year 2010-2011); observations count by the
/// year their period starts, as the report does (the school year 2014-2015 belongs to 2014).
public enum DataCoverage {
    /// First and last year, or nil for an empty dataset.
    public static func years(_ data: Dataset) -> ClosedRange<Int>? {
        let timeline = data.timeline.map(\.date.year)
        let observed = data.observations.compactMap { ObservationPeriod.start($0.period)?.year }
        let all = timeline + observed
        guard let last = all.max(), let first = timeline.min() ?? all.min() else { return nil }
        return min(first, last)...last
    }

    /// "2012–2014" (one year alone when first equals last).
    public static func label(_ range: ClosedRange<Int>?) -> String? {
        guard let range else { return nil }
        return range.lowerBound == range.upperBound ? String(range.lowerBound) : "\(range.lowerBound)–\(range.upperBound)"
    }
}
