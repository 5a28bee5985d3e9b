import Domain
import FluentKit
import SQLKit

/// The current Vrienden in SQL, for the desk's compliance overview at national scale (issue 13): a page of them in file
/// order and, per kind, how many joined before a day. The overview's rule stays in `Compliance.overview`; the page
/// computes the rows it shows with it and corrects these counts for the few members with desk activity.
public struct MemberQuery: Sendable, Hashable {
    /// Members are organisations with a membership active on this day.
    public var day: PartialDate
    /// Only these kinds (nil: all).
    public var kinds: Set<OrganizationKind>?
    /// Only this district, compared as stored (nil: all).
    public var district: String?

    public init(day: PartialDate, kinds: Set<OrganizationKind>? = nil, district: String? = nil) {
        self.day = day; self.kinds = kinds; self.district = district
    }
}

extension RecordStore {
    /// How many members `query` keeps (a scan of the memberships: a caller keeps it per data version).
    public func memberCount(_ query: MemberQuery) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(Organization.entity)
            .where(memberCondition(query)).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// The members `query` keeps, a page at a time in file order; `total` is their number (`memberCount`). The
    /// organisations are walked in file order and each probed for an active membership through its index, so a page
    /// costs its offset, not the memberships table.
    public func members(_ query: MemberQuery, page: Domain.PageRequest, total: Int) async throws -> Domain.Page<Organization> {
        let rows = try await sql.select().column("*").from(Organization.entity).where(memberCondition(query))
            .orderBy("position").limit(page.per).offset((page.page - 1) * page.per).all()
        return Domain.Page(items: try decode(rows, as: Organization.self), total: total, page: page.page, per: page.per)
    }

    /// Per kind, how many members `query` keeps joined before `start` or without a date: the "joined" of a member is
    /// that of its last active membership in file order (its start, else the day the report shows it), as
    /// `Compliance.overview` takes it.
    public func membersJoinedBefore(_ query: MemberQuery, _ start: PartialDate) async throws -> [OrganizationKind: Int] {
        let organizations = Organization.entity
        func memberships(as alias: String) -> any SQLExpression { SQLAlias(SQLIdentifier(Membership.entity), as: SQLIdentifier(alias)) }
        // The membership's start, else the day the report shows it; empty text counts as no date.
        let joined = SQLFunction("COALESCE", args: SQLFunction("NULLIF", args: SQLColumn("startDate", table: "m"), SQLLiteral.string("")),
                                 SQLFunction("NULLIF", args: SQLColumn("attestedOn", table: "m"), SQLLiteral.string("")))
        let lastActive = SQLSubquery.select {
            $0.column(SQLFunction("MAX", args: SQLColumn("position", table: "m2"))).from(memberships(as: "m2"))
                .where(SQLColumn("organizationId", table: "m2"), .equal, SQLColumn("id", table: organizations))
                .whereActive(on: query.day, table: "m2")
        }
        var select = sql.select().column(SQLColumn("kind", table: organizations), as: "kind").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(organizations)
            .join(memberships(as: "m"), on: SQLColumn("organizationId", table: "m"), .equal, SQLColumn("id", table: organizations))
            .whereActive(on: query.day, table: "m")
            .where(SQLColumn("position", table: "m"), .equal, lastActive)
            .where { $0.where(joined, .is, SQLLiteral.null).orWhere(joined, .lessThan, SQLBind(start.description)) }
        for filter in filters(query) { select = select.where(filter) }
        var out: [OrganizationKind: Int] = [:]
        for row in try await select.groupBy(SQLColumn("kind", table: organizations)).all() {
            if let kind = OrganizationKind(rawValue: try row.decode(column: "kind", as: String.self)) { out[kind] = try row.decode(column: "n", as: Int.self) }
        }
        return out
    }

    /// `EXISTS (an active membership of this organisation) AND` the kind and district filters.
    func memberCondition(_ query: MemberQuery) -> any SQLExpression {
        let active = SQLExistsExpression(subquery: SQLSubquery.select {
            $0.column(SQLLiteral.numeric("1")).from(SQLAlias(SQLIdentifier(Membership.entity), as: SQLIdentifier("m")))
                .where(SQLColumn("organizationId", table: "m"), .equal, SQLColumn("id", table: Organization.entity))
                .whereActive(on: query.day, table: "m")
        })
        return filters(query).reduce(active as any SQLExpression) { SQLBinaryExpression($0, .and, $1) }
    }

    /// The query's kind and district filters on the organisations table.
    private func filters(_ query: MemberQuery) -> [any SQLExpression] {
        func column(_ name: String) -> SQLColumn { SQLColumn(name, table: Organization.entity) }
        var parts: [any SQLExpression] = []
        if let kinds = query.kinds { parts.append(SQLBinaryExpression(column("kind"), .in, SQLBind.group([""] + kinds.map(\.rawValue).sorted()))) }
        if let district = query.district {
            // The folded key finds the district's organisations through its index; the stored name decides.
            parts.append(SQLBinaryExpression(column("districtKey"), .equal, SQLBind(OrganizationSearchKeys.foldDistrict(district))))
            parts.append(SQLBinaryExpression(column("district"), .equal, SQLBind(district)))
        }
        return parts
    }
}

/// `EXISTS (subquery)`, which SQLKit has no expression for.
struct SQLExistsExpression: SQLExpression {
    let subquery: any SQLExpression
    func serialize(to serializer: inout SQLSerializer) {
        serializer.write("EXISTS ")
        subquery.serialize(to: &serializer)
    }
}
