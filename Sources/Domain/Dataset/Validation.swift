/// A rule a dataset breaks, located by entity, row (0-based index) and column.
public struct Violation: Error, Sendable, Hashable, CustomStringConvertible {
    public var entity: String
    public var row: Int
    public var column: String
    public var message: String
    public var description: String { "\(entity) row \(row + 1), column \(column): \(message)" }
}

extension Dataset {
    /// Checks what the types cannot: unique keys and that every reference points at an existing record.
    public func violations() -> [Violation] {
        var found: [Violation] = []
        for table in Self.tables { found += duplicateKeys(table) }
        let orgs = Set(organizations.map(\.id))
        let people = Set(self.people.map(\.id))
        let projects = Set(self.projects.map(\.id))
        let routes = Set(self.routes.map(\.id))
        let houses = Set(opleidingshuizen.map(\.id))
        let indicators = Set(self.indicators.map(\.key))
        let events = Set(self.events.map(\.id))

        func check<R: Record>(_ rows: [R], _ column: String, _ ids: Set<String>, _ refs: (R) -> [String?]) {
            for (i, row) in rows.enumerated() {
                for case let ref? in refs(row) where !ids.contains(ref) {
                    found.append(Violation(entity: R.entity, row: i, column: column, message: "unknown reference '\(ref)'"))
                }
            }
        }
        check(organizations, "parentId", orgs) { [$0.parentId] }
        check(partnershipMembers, "partnershipId", orgs) { [$0.partnershipId] }
        check(partnershipMembers, "memberId", orgs) { [$0.memberId] }
        check(acknowledgements, "organizationId", orgs) { [$0.organizationId] }
        check(memberships, "organizationId", orgs) { [$0.organizationId] }
        check(personRoles, "personId", people) { [$0.personId] }
        check(personRoles, "organizationId", orgs) { [$0.organizationId] }
        check(personRoles, "projectId", projects) { [$0.projectId] }
        check(projectTargets, "projectId", projects) { [$0.projectId] }
        check(projectParticipants, "projectId", projects) { [$0.projectId] }
        check(projectParticipants, "organizationId", orgs) { [$0.organizationId] }
        check(self.routes, "projectId", projects) { [$0.projectId] }
        check(routeParticipations, "routeId", routes) { [$0.routeId] }
        check(routeParticipations, "organizationId", orgs) { [$0.organizationId] }
        check(routeSectors, "routeId", routes) { [$0.routeId] }
        check(keuzedelen, "routeId", routes) { [$0.routeId] }
        check(opleidingshuisPartners, "opleidingshuisId", houses) { [$0.opleidingshuisId] }
        check(opleidingshuisPartners, "organizationId", orgs) { [$0.organizationId] }
        check(opleidingshuisMilestones, "opleidingshuisId", houses) { [$0.opleidingshuisId] }
        check(observations, "indicatorKey", indicators) { [$0.indicatorKey] }
        check(targets, "indicatorKey", indicators) { [$0.indicatorKey] }
        check(funding, "funderId", orgs) { [$0.funderId] }
        check(fundingApplications, "applicantIds", orgs) { $0.applicantIds }
        check(timeline, "organizationIds", orgs) { $0.organizationIds }
        check(agreements, "eventId", events) { [$0.eventId] }
        check(agreements, "schoolId", orgs) { [$0.schoolId] }
        check(agreements, "companyIds", orgs) { $0.companyIds }
        check(quotes, "personId", people) { [$0.personId] }
        check(quotes, "organizationId", orgs) { [$0.organizationId] }
        check(quotes, "projectId", projects) { [$0.projectId] }
        for (i, o) in organizations.enumerated() {
            for v in o.fieldViolations() { found.append(Violation(entity: Organization.entity, row: i, column: v.field, message: v.message.en)) }
        }
        for (i, o) in observations.enumerated() {
            for pair in o.dimensions where !pair.contains("=") {
                found.append(Violation(entity: Observation.entity, row: i, column: "dimensions",
                                       message: "'\(pair)' is not of the form name=value"))
            }
        }
        return found
    }

    private func duplicateKeys<T: AnyTable>(_ table: T) -> [Violation] {
        var seen = Set<String>()
        var found: [Violation] = []
        for (i, row) in self[keyPath: table.keyPath].enumerated() where !seen.insert(row.key).inserted {
            found.append(Violation(entity: T.Row.entity, row: i, column: "key",
                                   message: "duplicate record '\(row.key)'"))
        }
        return found
    }
}
