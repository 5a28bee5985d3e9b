/// A rule a dataset breaks, located by entity, row (0-based index) and column.
public struct Violation: Error, Sendable, Hashable, CustomStringConvertible {
    public var entity: String
    public var row: Int
    public var column: String
    public var message: String
    public var description: String { "\(entity) row \(row + 1), column \(column): \(message)" }
    public init(entity: String, row: Int, column: String, message: String) {
        self.entity = entity; self.row = row; self.column = column; self.message = message
    }
}

extension Dataset {
    /// Checks what the types cannot: unique keys and that every reference points at an existing record.
    public func violations() -> [Violation] {
        var found: [Violation] = []
        for table in Self.tables { found += duplicateKeys(table) }
        for reference in Self.references { found += reference.check(self) }
        for (i, o) in organizations.enumerated() { found += Self.fieldViolations(of: o, row: i) }
        for (i, o) in observations.enumerated() { found += Self.fieldViolations(of: o, row: i) }
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

/// A reference from one record kind's column to another kind's key: the one list `Dataset.violations()` checks a
/// whole dataset with, and a single added or changed record is checked with in SQL (issue 13), so an edit no longer
/// loads the whole dataset to check its few references.
public struct RecordReference: Sendable {
    /// The referencing record kind and column.
    public let entity: String, column: String
    /// The referenced record kind and the column its key is stored in.
    public let target: String, targetKeyColumn: String
    let check: @Sendable (Dataset) -> [Violation]
    let extract: @Sendable (any Record) -> [String]

    init<R: Record, T: Record>(_ rows: WritableKeyPath<Dataset, [R]> & Sendable, _ column: String,
                               _ targets: WritableKeyPath<Dataset, [T]> & Sendable, keyColumn: String = "id",
                               _ refs: @escaping @Sendable (R) -> [String?]) {
        entity = R.entity; self.column = column; target = T.entity; targetKeyColumn = keyColumn
        check = { data in
            let ids = Set(data[keyPath: targets].map(\.key))
            var found: [Violation] = []
            for (i, row) in data[keyPath: rows].enumerated() {
                for case let ref? in refs(row) where !ids.contains(ref) {
                    found.append(Violation(entity: R.entity, row: i, column: column, message: "unknown reference '\(ref)'"))
                }
            }
            return found
        }
        extract = { record in (record as? R).map { refs($0).compactMap { $0 } } ?? [] }
    }

    /// The keys `record` refers to through this reference (empty for another kind of record).
    public func ids(in record: any Record) -> [String] { extract(record) }
}

extension Dataset {
    public static let references: [RecordReference] = [
        RecordReference(\.organizations, "parentId", \.organizations) { [$0.parentId] },
        RecordReference(\.partnershipMembers, "partnershipId", \.organizations) { [$0.partnershipId] },
        RecordReference(\.partnershipMembers, "memberId", \.organizations) { [$0.memberId] },
        RecordReference(\.acknowledgements, "organizationId", \.organizations) { [$0.organizationId] },
        RecordReference(\.memberships, "organizationId", \.organizations) { [$0.organizationId] },
        RecordReference(\.personRoles, "personId", \.people) { [$0.personId] },
        RecordReference(\.personRoles, "organizationId", \.organizations) { [$0.organizationId] },
        RecordReference(\.personRoles, "projectId", \.projects) { [$0.projectId] },
        RecordReference(\.projectTargets, "projectId", \.projects) { [$0.projectId] },
        RecordReference(\.projectParticipants, "projectId", \.projects) { [$0.projectId] },
        RecordReference(\.projectParticipants, "organizationId", \.organizations) { [$0.organizationId] },
        RecordReference(\.routes, "projectId", \.projects) { [$0.projectId] },
        RecordReference(\.routeParticipations, "routeId", \.routes) { [$0.routeId] },
        RecordReference(\.routeParticipations, "organizationId", \.organizations) { [$0.organizationId] },
        RecordReference(\.routeSectors, "routeId", \.routes) { [$0.routeId] },
        RecordReference(\.keuzedelen, "routeId", \.routes) { [$0.routeId] },
        RecordReference(\.opleidingshuisPartners, "opleidingshuisId", \.opleidingshuizen) { [$0.opleidingshuisId] },
        RecordReference(\.opleidingshuisPartners, "organizationId", \.organizations) { [$0.organizationId] },
        RecordReference(\.opleidingshuisMilestones, "opleidingshuisId", \.opleidingshuizen) { [$0.opleidingshuisId] },
        RecordReference(\.observations, "indicatorKey", \.indicators, keyColumn: "key") { [$0.indicatorKey] },
        RecordReference(\.targets, "indicatorKey", \.indicators, keyColumn: "key") { [$0.indicatorKey] },
        RecordReference(\.funding, "funderId", \.organizations) { [$0.funderId] },
        RecordReference(\.fundingApplications, "applicantIds", \.organizations) { $0.applicantIds },
        RecordReference(\.timeline, "organizationIds", \.organizations) { $0.organizationIds },
        RecordReference(\.agreements, "eventId", \.events) { [$0.eventId] },
        RecordReference(\.agreements, "schoolId", \.organizations) { [$0.schoolId] },
        RecordReference(\.agreements, "companyIds", \.organizations) { $0.companyIds },
        RecordReference(\.quotes, "personId", \.people) { [$0.personId] },
        RecordReference(\.quotes, "organizationId", \.organizations) { [$0.organizationId] },
        RecordReference(\.quotes, "projectId", \.projects) { [$0.projectId] },
    ]

    /// The rules of `violations()` that concern one record alone (its fields), with `row` as its row number.
    public static func fieldViolations(of record: any Record, row: Int) -> [Violation] {
        var found: [Violation] = []
        if let o = record as? Organization {
            for v in o.fieldViolations() { found.append(Violation(entity: Organization.entity, row: row, column: v.field, message: v.message.en)) }
        }
        if let o = record as? Observation {
            for pair in o.dimensions where !pair.contains("=") {
                found.append(Violation(entity: Observation.entity, row: row, column: "dimensions", message: "'\(pair)' is not of the form name=value"))
            }
        }
        return found
    }
}
