extension Dataset {
    /// The tables the dashboard reads whole: small at any scale (the programme's projects, events, indicator figures,
    /// targets, funding and statements).
    public static let dashboardEntities: Set<String> = [Project.entity, Event.entity, Observation.entity, Indicator.entity,
                                                        Target.entity, Funding.entity, Statement.entity]

    /// What the dashboard shows (issue 13): the small tables whole and, of the agreements, only those of the first
    /// held Matchingday, whose number it prints. A dashboard built from the slice equals one from the whole dataset.
    public func dashboardSlice() -> Dataset {
        var s = only(Self.dashboardEntities)
        if let held = Self.dashboardEvent(events) { s.agreements = agreements.filter { $0.eventId == held.id } }
        return s
    }

    /// The Matchingday whose agreements the dashboard counts: the first held one.
    public static func dashboardEvent(_ events: [Event]) -> Event? { events.first { $0.status == .held } }
}
