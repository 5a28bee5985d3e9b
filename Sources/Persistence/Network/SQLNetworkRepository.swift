import Domain
import FluentKit
import SQLKit

/// The network's reads in SQL: filters, order and paging run in the database over the derived columns and
/// `list_entries` (`UpdateOrganizationsAddSearchIndexes`), so a page costs what it shows at national scale.
public struct SQLNetworkRepository: NetworkRepository {
    let store: RecordStore
    let counts: CountCache
    /// `counts` keeps the network page's counts per data version (one per instance; a fresh one counts every time).
    public init(_ database: any Database, counts: CountCache = CountCache()) { store = RecordStore(database); self.counts = counts }
    var sql: any SQLDatabase { store.sql }

    public func organizations(_ filter: OrganizationFilter, page: Domain.PageRequest) async throws -> Domain.Page<Organization> {
        let conditions = Self.conditions(filter)
        var count = sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(Organization.entity)
        for c in conditions { count = count.where(c) }
        let total = try await count.first()?.decode(column: "n", as: Int.self) ?? 0
        var rows = sql.select().column("*").from(Organization.entity)
        for c in conditions { rows = rows.where(c) }
        rows = rows.orderBy("sortName").orderBy("id").limit(page.per).offset((page.page - 1) * page.per)
        return Domain.Page(items: try await store.decode(rows.all(), as: Organization.self), total: total, page: page.page, per: page.per)
    }

    /// `OrganizationFilter.matches` as SQL conditions over the derived columns (see `OrganizationSearchKeys`).
    static func conditions(_ filter: OrganizationFilter) -> [any SQLExpression] {
        var out: [any SQLExpression] = []
        if let kind = filter.kind { out.append(SQLBinaryExpression(SQLIdentifier("kind"), .equal, SQLBind(kind.rawValue))) }
        if let sector = filter.sector { out.append(listContains("sectors", sector.rawValue)) }
        if let level = filter.level { out.append(listContains("levels", level.rawValue)) }
        if let district = filter.district {
            out.append(SQLBinaryExpression(SQLIdentifier("districtKey"), .equal, SQLBind(fold(district))))
        }
        if let query = filter.query.map(fold), !query.allSatisfy(\.isWhitespace) {
            let compact = query.filter { !$0.isWhitespace }
            // The haystacks stand one per line; a query with a line break can only match compacted (as in memory).
            var either: [any SQLExpression] = [like("searchCompact", compact)]
            if !query.contains(where: \.isNewline) { either.insert(like("searchText", query), at: 0) }
            out.append(SQLGroupExpression(either.dropFirst().reduce(either[0]) { SQLBinaryExpression($0, .or, $1) }))
        }
        return out
    }

    /// `column LIKE '%text%'` with the wildcards of `text` escaped. Both sides are folded to lower case, so SQLite's
    /// case-insensitive LIKE and PostgreSQL's case-sensitive one agree.
    static func like(_ column: String, _ text: String) -> any SQLExpression {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        return SQLList([SQLBinaryExpression(SQLIdentifier(column), .like, SQLBind("%" + escaped + "%")), SQLRaw("ESCAPE '\\'")],
                       separator: SQLRaw(" "))
    }

    /// The organisation's `column` (a `;`-list) holds `value`.
    static func listContains(_ column: String, _ value: String) -> any SQLExpression {
        listed(Organization.entity, column, value)
    }

    /// The districts, read once per data version (a DISTINCT over every organisation: 0.2 s nationally).
    public func districts() async throws -> [String] {
        let counted = try await counts.value("districts", version: try await store.version()) {
            let rows = try await sql.select().distinct().column("district").from(Organization.entity)
                .where("district", .isNot, SQLLiteral.null).all()
            let names = try rows.compactMap { try $0.decode(column: "district", as: String?.self) }.filter { !$0.isEmpty }
            return Dictionary(names.map { ($0, 0) }, uniquingKeysWith: { a, _ in a })
        }
        return counted.keys.sorted()
    }

    public func organization(_ id: String) async throws -> Organization? {
        try await store.records(Organization.self, where: "id", in: [id]).first
    }

    public func profile(of id: String) async throws -> Dataset? {
        guard let org = try await organization(id) else { return nil }
        var s = Dataset()
        s.partnershipMembers = try await whereAny(PartnershipMember.self, ["memberId", "partnershipId"], id)
        let related = Set([org.parentId].compactMap { $0 } + s.partnershipMembers.flatMap { [$0.memberId, $0.partnershipId] })
        s.organizations = try await store.decode(sql.select().column("*").from(Organization.entity)
            .where("id", .in, Array(related.union([id]))).orWhere("parentId", .equal, SQLBind(id)).orderBy("position").all(), as: Organization.self)
        s.memberships = try await store.records(Membership.self, where: "organizationId", in: [id])
        s.projectParticipants = try await store.records(ProjectParticipant.self, where: "organizationId", in: [id])
        s.routeParticipations = try await store.records(RouteParticipation.self, where: "organizationId", in: [id])
        s.opleidingshuisPartners = try await store.records(OpleidingshuisPartner.self, where: "organizationId", in: [id])
        s.agreements = try await store.decode(sql.select().column("*").from(Agreement.entity)
            .where("schoolId", .equal, SQLBind(id)).orWhere(Self.listed(Agreement.entity, "companyIds", id))
            .orderBy("position").all(), as: Agreement.self)
        s.timeline = try await store.decode(sql.select().column("*").from(TimelineEntry.entity)
            .where(Self.listed(TimelineEntry.entity, "organizationIds", id)).orderBy("position").all(), as: TimelineEntry.self)
        s.fundingApplications = try await store.decode(sql.select().column("*").from(FundingApplication.entity)
            .where(Self.listed(FundingApplication.entity, "applicantIds", id)).orderBy("position").all(), as: FundingApplication.self)
        s.funding = try await store.records(Funding.self, where: "funderId", in: [id])
        s.acknowledgements = try await store.records(Acknowledgement.self, where: "organizationId", in: [id])
        s.personRoles = try await store.records(PersonRole.self, where: "organizationId", in: [id])
        s.quotes = try await store.records(Quote.self, where: "organizationId", in: [id])
        s.projects = try await store.records(Project.self, where: "id", in: Array(Set(s.projectParticipants.map(\.projectId))))
        s.routes = try await store.records(LearningRoute.self, where: "id", in: Array(Set(s.routeParticipations.map(\.routeId))))
        s.opleidingshuizen = try await store.records(Opleidingshuis.self, where: "id", in: Array(Set(s.opleidingshuisPartners.map(\.opleidingshuisId))))
        s.events = try await store.records(Event.self, where: "id", in: Array(Set(s.agreements.compactMap(\.eventId))))
        s.people = try await store.records(Person.self, where: "id", in: Array(Set(s.personRoles.map(\.personId) + s.quotes.map(\.personId))))
        return s
    }

    public func network(on day: PartialDate, page: Domain.PageRequest) async throws -> NetworkOverview {
        var reported = Dataset()
        reported.indicators = try await store.records(Indicator.self, where: "key", in: NetworkOverview.indicatorKeys)
        reported.observations = try await store.records(Observation.self, where: "indicatorKey", in: NetworkOverview.indicatorKeys)
        // Counting 150,000 memberships by their organisation's kind takes ~0.3 s nationally; it changes only with the data.
        let counted = try await counts.value("network:" + day.description, version: try await store.version()) {
            let grouped = try await sql.select().column(SQLColumn("kind", table: "o")).column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(SQLAlias(SQLIdentifier(Membership.entity), as: SQLIdentifier("m")))
                .join(SQLAlias(SQLIdentifier(Organization.entity), as: SQLIdentifier("o")), on: SQLColumn("organizationId", table: "m"), .equal, SQLColumn("id", table: "o"))
                .whereActive(on: day, table: "m").groupBy(SQLColumn("kind", table: "o")).all()
            var out: [String: Int] = [:]
            for row in grouped { out[try row.decode(column: "kind", as: String.self), default: 0] += try row.decode(column: "n", as: Int.self) }
            out[""] = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(Membership.entity)
                .whereActive(on: day).first()?.decode(column: "n", as: Int.self) ?? 0
            return out
        }
        var byKind: [OrganizationKind: Int] = [:]
        for (kind, n) in counted { if let kind = OrganizationKind(rawValue: kind) { byKind[kind, default: 0] += n } }
        let total = counted[""] ?? 0
        let members = try await store.decode(sql.select().column("*").from(Membership.entity).whereActive(on: day)
            .orderBy("position").limit(page.per).offset((page.page - 1) * page.per).all(), as: Membership.self)
        let orgs = try await store.records(Organization.self, where: "id", in: Array(Set(members.map(\.organizationId))))
        return NetworkOverview(reported: reported, registeredByKind: byKind, registeredTotal: total,
                               members: Domain.Page(items: members, total: total, page: page.page, per: page.per),
                               organizations: Dictionary(orgs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
    }

    /// `key IN (the records whose list `field` holds `value`)`.
    static func listed(_ entity: String, _ field: String, _ value: String) -> any SQLExpression {
        SQLBinaryExpression(SQLIdentifier("id"), .in, SQLSubquery.select { $0.column("recordKey").from("list_entries")
            .where("entity", .equal, SQLBind(entity)).where("field", .equal, SQLBind(field)).where("value", .equal, SQLBind(value)) })
    }

    private func whereAny<R: Record>(_ type: R.Type, _ columns: [String], _ value: String) async throws -> [R] {
        var query = sql.select().column("*").from(R.entity)
        for c in columns { query = query.orWhere(SQLIdentifier(c), .equal, SQLBind(value)) }
        return try await store.decode(query.orderBy("position").all(), as: R.self)
    }
}
