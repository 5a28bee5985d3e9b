import Domain
import FluentKit
import SQLKit

/// Reads of the large tables a page at a time, and the few columns a page needs of records it only names (issue 13):
/// nationally there are 250,000 organisations, 150,000 memberships and 1,000,000 agreements, so no page or API list
/// reads them whole.
extension RecordStore {
    /// One page of `R`'s records in file order where `condition` holds (all without one), with how many there are.
    public func page<R: Record>(_ type: R.Type, _ request: Domain.PageRequest, where condition: (any SQLExpression)? = nil) async throws -> Domain.Page<R> {
        var count = sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(R.entity)
        var rows = sql.select().column("*").from(R.entity)
        if let condition { count = count.where(condition); rows = rows.where(condition) }
        let total = try await count.first()?.decode(column: "n", as: Int.self) ?? 0
        let items = try decode(try await rows.orderBy("position").limit(request.per).offset((request.page - 1) * request.per).all(), as: R.self)
        return Domain.Page(items: items, total: total, page: request.page, per: request.per)
    }

    /// The agreements of one event and/or one organisation (its school or one of its companies), a page at a time:
    /// the filter `GET /api/v1/agreements` offers, through the indexes on `eventId`, `schoolId` and `list_entries`.
    public func agreements(event: String?, organization: String?, _ request: Domain.PageRequest) async throws -> Domain.Page<Agreement> {
        var parts: [any SQLExpression] = []
        if let event { parts.append(SQLBinaryExpression(SQLIdentifier("eventId"), .equal, SQLBind(event))) }
        if let organization {
            parts.append(SQLGroupExpression(SQLBinaryExpression(SQLBinaryExpression(SQLIdentifier("schoolId"), .equal, SQLBind(organization)), .or,
                                                                SQLNetworkRepository.listed(Agreement.entity, "companyIds", organization))))
        }
        let condition = parts.dropFirst().reduce(parts.first) { a, b in a.map { SQLBinaryExpression($0, .and, b) } ?? b }
        return try await page(Agreement.self, request, where: condition)
    }

    /// The organisations (id → name) among `ids` that exist: what a page that only names organisations, or a form
    /// that only checks one exists, needs of the organisations table.
    public func organizationNames(_ ids: some Sequence<String>) async throws -> [String: String] {
        var out: [String: String] = [:]
        for chunk in Self.chunks(Array(Set(ids)).sorted()) {
            for row in try await sql.select().column("id").column("name").from(Organization.entity).where(SQLIdentifier("id"), .in, chunk).all() {
                out[try row.decode(column: "id", as: String.self)] = try row.decode(column: "name", as: String.self)
            }
        }
        return out
    }

    /// The memberships of these organisations, in file order.
    public func memberships(of organizationIds: some Sequence<String>) async throws -> [Membership] {
        try await records(Membership.self, where: "organizationId", in: Array(Set(organizationIds)).sorted())
    }

    /// The pairs (school, company) that made an agreement with `organizationId` on either side: what the Matchingday's
    /// wish suggestions leave out or rank by, read through the indexes instead of every agreement.
    public func agreementPartners(of organizationId: String) async throws -> [Agreement] {
        let condition = SQLBinaryExpression(SQLBinaryExpression(SQLIdentifier("schoolId"), .equal, SQLBind(organizationId)), .or,
                                            SQLNetworkRepository.listed(Agreement.entity, "companyIds", organizationId))
        return try decode(try await sql.select().column("*").from(Agreement.entity).where(condition).orderBy("position").all(), as: Agreement.self)
    }

    /// The organisation ids that are `base` or start with `base-` (a new organisation's id is chosen among those free).
    /// `base` is a slug of ASCII letters, digits and dashes (`Joining.slug`), so LIKE finds them; one pass over the ids, once per approval.
    public func organizationIds(startingWith base: String) async throws -> Set<String> {
        let rows = try await sql.select().column("id").from(Organization.entity)
            .where { $0.where("id", .equal, SQLBind(base)).orWhere("id", .like, SQLBind(base + "-%")) }.all()
        // A wildcard or a case-folded match can only widen what LIKE finds; the exact rule is kept here.
        return Set(try rows.map { try $0.decode(column: "id", as: String.self) }.filter { $0 == base || $0.hasPrefix(base + "-") })
    }
}

extension RecordStore {
    /// Every organisation in the list's order (folded name, then id) when there are at most `limit`; nil when more:
    /// a form then searches instead of listing. Reads at most `limit + 1` rows.
    public func organizationOptions(limit: Int) async throws -> [Organization]? {
        let rows = try await sql.select().column("*").from(Organization.entity).orderBy("sortName").orderBy("id").limit(limit + 1).all()
        return rows.count > limit ? nil : try decode(rows, as: Organization.self)
    }
}

extension RecordStore {
    /// Every record of `R` in file order where `condition` holds, `size` at a time (keyset on `position`): a check that
    /// must compare with every record (an application against every organisation's name) holds one chunk in memory,
    /// not the table.
    public func forEachChunk<R: Record>(of type: R.Type, where condition: (any SQLExpression)? = nil, size: Int = 5_000,
                                        _ body: ([R]) async throws -> Void) async throws {
        var after = Int.min
        while true {
            var select = sql.select().column("*").from(R.entity).where("position", .greaterThan, SQLBind(after))
            if let condition { select = select.where(condition) }
            let rows = try await select.orderBy("position").limit(size).all()
            if rows.isEmpty { return }
            after = try rows[rows.count - 1].decode(column: "position", as: Int.self)
            try await body(try decode(rows, as: R.self))
            if rows.count < size { return }
        }
    }

    /// The organisations with a membership active on `day`, in file order, `size` at a time with their memberships:
    /// the desk's reminder goes over every current Vriend (nationally 150,000) holding one chunk.
    public func forEachMember(activeOn day: PartialDate, size: Int = 5_000, _ body: ([Organization], [Membership]) throws -> Void) async throws {
        try await forEachChunk(of: Organization.self, where: memberCondition(MemberQuery(day: day)), size: size) { organizations in
            try body(organizations, try await memberships(of: organizations.map(\.id)))
        }
    }
}
