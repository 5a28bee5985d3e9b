import Fluent

// One migration per table; each is frozen once released: later changes get an UpdateXAddY migration.
// `position` keeps the order of the data files so an export reproduces them exactly.

/// Every migration, in the order they must run.
public enum Migrations {
    public static var all: [any Migration] {
        [
            CreateOrganizations(),
            CreatePartnershipMembers(),
            CreateAcknowledgements(),
            CreateMemberships(),
            CreatePeople(),
            CreateProjects(),
            CreatePersonRoles(),
            CreateProjectTargets(),
            CreateProjectParticipants(),
            CreateRoutes(),
            CreateRouteParticipations(),
            CreateRouteSectors(),
            CreateKeuzedelen(),
            CreateOpleidingshuizen(),
            CreateOpleidingshuisPartners(),
            CreateOpleidingshuisMilestones(),
            CreateIndicators(),
            CreateObservations(),
            CreateTargets(),
            CreateFunding(),
            CreateFundingApplications(),
            CreateTimeline(),
            CreateEvents(),
            CreateAgreements(),
            CreateStatements(),
            CreateQuotes(),
            CreateAccounts(),
            CreatePasswordResets(),
            CreateAPITokens(),
            CreateOutbox(),
            CreateLoginAttempts(),
            CreateAuditLog(),
            SessionRecord.migration,
            CreateDatasetVersion(),
            UpdateAgreementsAddEventIndex(),
            CreateOffers(),
            CreateNetworkRequests(),
            CreateActivityAgreements(),
            CreateMembershipApplications(),
            CreateSchoolPlans(),
            CreateCalendarFeeds(),
            CreateMatchingdayEvents(),
            CreateMatchingdayTables(),
            CreateMatchingdayParticipants(),
            CreateMatchingdayWishes(),
            CreateMatchingdayMeetings(),
            UpdateActivityAgreementsAddMatchingday(),
            CreateWebSessions(),
            UpdateSessionsAndAttemptsAddTimeIndexes(),
            UpdateOutboxAddDelivery(),
            CreateCalendarPublications(),
        ]
    }
}
