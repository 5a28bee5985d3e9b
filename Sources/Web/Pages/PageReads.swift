import Domain

/// What each page over the programme's tables reads whole (issue 13); everything else it shows comes with the slice as
/// the records those tables refer to (`Dataset.slice`). `PageSliceTests` renders every page from its slice and from
/// the whole dataset and holds them equal, so a table missing here fails there.
enum PageReads {
    static let projects: Set<String> = [Project.entity, ProjectTarget.entity, ProjectParticipant.entity, Person.entity,
                                        PersonRole.entity, Quote.entity, LearningRoute.entity]
    static let routes: Set<String> = [LearningRoute.entity, RouteParticipation.entity, RouteSector.entity, KeuzedeelSet.entity]
    static let opleidingshuizen: Set<String> = [Opleidingshuis.entity, OpleidingshuisPartner.entity, OpleidingshuisMilestone.entity]
    static let indicators: Set<String> = [Indicator.entity, Observation.entity, Target.entity]
    static let timeline: Set<String> = [TimelineEntry.entity, Person.entity, PersonRole.entity, Project.entity]
    static let projectOrganisation: Set<String> = [Person.entity, PersonRole.entity, Project.entity]
    static let funding: Set<String> = [Funding.entity, FundingApplication.entity]
    static let statements: Set<String> = [Statement.entity, Quote.entity]
    /// The events list counts agreements per event in SQL; an event's page reads only its own agreements.
    static let events: Set<String> = [Event.entity]
}
