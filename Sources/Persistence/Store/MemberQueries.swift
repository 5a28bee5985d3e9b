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
        let day = SQLBind(query.day.description)
        func active(_ m: String) -> SQLQueryString {
            "(\(ident: m).\(ident: "startDate") <= \(day) OR ((\(ident: m).\(ident: "startDate") IS NULL OR \(ident: m).\(ident: "startDate") = '')"
                + " AND (\(ident: m).\(ident: "attestedOn") IS NULL OR \(ident: m).\(ident: "attestedOn") = '' OR \(ident: m).\(ident: "attestedOn") <= \(day))))"
                + " AND (\(ident: m).\(ident: "endDate") IS NULL OR \(ident: m).\(ident: "endDate") = '' OR \(ident: m).\(ident: "endDate") >= \(day))"
        }
        var text: SQLQueryString = "SELECT o.kind AS kind, COUNT(*) AS n FROM \(ident: Organization.entity) o JOIN \(ident: Membership.entity) m"
            + " ON m.\(ident: "organizationId") = o.id WHERE " + active("m")
            + " AND m.position = (SELECT MAX(m2.position) FROM \(ident: Membership.entity) m2 WHERE m2.\(ident: "organizationId") = o.id AND " + active("m2") + ")"
            + " AND (COALESCE(NULLIF(m.\(ident: "startDate"), ''), NULLIF(m.\(ident: "attestedOn"), '')) IS NULL"
            + " OR COALESCE(NULLIF(m.\(ident: "startDate"), ''), NULLIF(m.\(ident: "attestedOn"), '')) < \(bind: start.description))"
        if let kinds = query.kinds {
            text = text + " AND o.kind IN (NULL"
            for kind in kinds.map(\.rawValue).sorted() { text = text + ", \(bind: kind)" }
            text = text + ")"
        }
        if let district = query.district { text = text + " AND o.district = \(bind: district)" }
        text = text + " GROUP BY o.kind"
        var out: [OrganizationKind: Int] = [:]
        for row in try await sql.raw(text).all() {
            if let kind = OrganizationKind(rawValue: try row.decode(column: "kind", as: String.self)) { out[kind] = try row.decode(column: "n", as: Int.self) }
        }
        return out
    }

    /// `EXISTS (an active membership of this organisation) AND` the kind and district filters.
    func memberCondition(_ query: MemberQuery) -> any SQLExpression {
        var parts: [any SQLExpression] = [SQLExistsExpression(subquery: SQLSubquery.select {
            $0.column(SQLLiteral.numeric("1")).from(SQLAlias(SQLIdentifier(Membership.entity), as: SQLIdentifier("m")))
                .where(SQLColumn("organizationId", table: "m"), .equal, SQLColumn("id", table: Organization.entity))
                .whereActive(on: query.day, table: "m")
        })]
        if let kinds = query.kinds { parts.append(SQLBinaryExpression(SQLIdentifier("kind"), .in, SQLBind.group([""] + kinds.map(\.rawValue).sorted()))) }
        if let district = query.district {
            // The folded key finds the district's organisations through its index; the stored name decides.
            parts.append(SQLBinaryExpression(SQLIdentifier("districtKey"), .equal, SQLBind(OrganizationSearchKeys.foldDistrict(district))))
            parts.append(SQLBinaryExpression(SQLIdentifier("district"), .equal, SQLBind(district)))
        }
        return parts.dropFirst().reduce(parts[0]) { SQLBinaryExpression($0, .and, $1) }
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
