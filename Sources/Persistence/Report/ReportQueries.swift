import Domain
import FluentKit
import SQLKit

extension RecordStore {
    /// What the programme report needs for a period: the small tables whole, the large ones counted in the
    /// database (agreements per event, active memberships) and only the rows the report names, so the
    /// report stays fast and small on a national database.
    public func reportInput(period: ReportPeriod, listLimit: Int = ReportInput.defaultListLimit) async throws -> ReportInput {
        var data = try await dataset(only: ReportInput.wholeEntities)
        let counts = try await agreementCounts()
        let events = data.events.filter { period.containsStart(of: $0.date) }.map(\.id)
        // Event by event, each an index range scan on (eventId, position) that stops at the limit; one query over all
        // events would sort every matching row (2.6 s for a million) to return two hundred.
        var listed: [Agreement] = []
        for event in events where listed.count < listLimit {
            listed += try await records(Agreement.self, where: "eventId", in: [event], limit: listLimit - listed.count)
        }
        data.agreements = listed
        // Partial dates are stored as ISO text ("2014", "2014-12", "2014-12-31"), whose string order is the
        // order `Membership.isActive` uses, so the comparison can run in SQL.
        let active = try await activeMemberships(on: period.to, distinctOrganizations: false)
        data.organizations = try await records(Organization.self, where: "id", in: Array(ReportInput.namedOrganizations(in: data)))
        return ReportInput(data: data, agreementCounts: counts, agreementsInPeriod: events.reduce(0) { $0 + (counts[$1] ?? 0) },
                           activeMembers: active, listLimit: listLimit)
    }

    /// The platform's own count for the report: desk requests and activity agreements of the period and the one
    /// before it (read by date range, not whole), the memberships, and the schools reached for their district.
    public func platformFigures(period: ReportPeriod, today: PartialDate) async throws -> PlatformFigures {
        let previous = PeriodFigures.previous(period)
        let from = previous.from.description, to = period.to.description
        let requests = try decode(try await sql.select().column("*").from(NetworkRequest.entity)
            .where("createdOn", .greaterThanOrEqual, from).where("createdOn", .lessThanOrEqual, to).all(), as: NetworkRequest.self)
        let agreements = try decode(try await sql.select().column("*").from(ActivityAgreement.entity)
            .where { $0.where { $0.where("date", .greaterThanOrEqual, from).where("date", .lessThanOrEqual, to) }
                .orWhere { $0.where { $0.where("date", .is, SQLLiteral.null).orWhere("date", .equal, "") }
                    .where("createdOn", .greaterThanOrEqual, from).where("createdOn", .lessThanOrEqual, to) } }
            .all(), as: ActivityAgreement.self)
        // The Vrienden are counted in SQL on the four days the figures need, not read whole (issue 13).
        var vrienden: [PartialDate: Int] = [:]
        for day in PlatformFigures.vriendenDays(period) where vrienden[day] == nil {
            vrienden[day] = try await activeMemberships(on: day, distinctOrganizations: true)
        }
        let schools = try await records(Organization.self, where: "id", in: Array(Set(agreements.map(\.schoolId))))
        return PlatformFigures.compute(requests: requests, agreements: agreements, vrienden: { vrienden[$0] ?? 0 },
                                       organizations: Dictionary(schools.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }), period: period, today: today)
    }

    /// Memberships active on `day` (`Membership.isActive`), or the organisations that have one, counted in SQL.
    /// Partial dates are stored as ISO text ("2014", "2014-12", "2014-12-31"), whose string order is the order
    /// `Membership.isActive` uses, so the comparison can run in the database.
    public func activeMemberships(on day: PartialDate, distinctOrganizations: Bool) async throws -> Int {
        let counted: any SQLExpression = distinctOrganizations
            ? SQLFunction("COUNT", args: SQLDistinct(SQLIdentifier("organizationId"))) : SQLFunction("COUNT", args: SQLLiteral.all)
        return try await sql.select().column(counted, as: "n").from(Membership.entity).whereActive(on: day)
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// What the dashboard shows (`Dataset.dashboardSlice`), read without the large tables.
    public func dashboardSlice() async throws -> Dataset {
        var data = try await dataset(only: Dataset.dashboardEntities)
        if let held = Dataset.dashboardEvent(data.events) { data.agreements = try await records(Agreement.self, where: "eventId", in: [held.id]) }
        return data
    }

    /// The organisations with these ids, in data-file order.
    public func organizations(_ ids: [String]) async throws -> [Organization] {
        try await records(Organization.self, where: "id", in: ids)
    }

    /// `values` in pieces of 1,000: what an `IN (…)` binds at once, well under the databases' limits on parameters.
    static func chunks(_ values: [String]) -> [[String]] {
        stride(from: 0, to: values.count, by: 1_000).map { Array(values[$0..<min($0 + 1_000, values.count)]) }
    }

    /// Records whose `column` is one of `values`, in data-file order (per chunk of 1,000 values); asked in chunks to stay under the
    /// databases' limits on bound parameters.
    public func records<R: Record>(_ type: R.Type, where column: String, in values: [String], limit: Int? = nil) async throws -> [R] {
        var out: [(position: Int, record: R)] = []
        for chunk in Self.chunks(values) {
            var query = sql.select().column("*").from(R.entity).where(SQLIdentifier(column), .in, chunk).orderBy("position")
            if let limit { query = query.limit(limit - out.count) }
            let rows = try await query.all()
            out += zip(try rows.map { try $0.decode(column: "position", as: Int.self) }, try decode(rows, as: R.self)).map { ($0, $1) }
            if let limit, out.count >= limit { break }
        }
        // Each chunk comes in file order; more than one are merged into it.
        if values.count > 1000 { out.sort { $0.position < $1.position } }
        return out.map(\.record)
    }
}

extension SQLPredicateBuilder {
    /// `Membership.isActive(on:)` as a condition on the memberships table (or its alias `table`). Partial dates are
    /// stored as ISO text ("2014", "2014-12", "2014-12-31"), whose string order is the order `isActive` uses.
    func whereActive(on day: PartialDate, table: String? = nil) -> Self {
        let text = day.description
        func c(_ name: String) -> SQLColumn { SQLColumn(name, table: table) }
        return self.where { $0.where(c("startDate"), .lessThanOrEqual, SQLBind(text))
                .orWhere { $0.where { $0.where(c("startDate"), .is, SQLLiteral.null).orWhere(c("startDate"), .equal, SQLBind("")) }
                    // Without a start date, a membership counts from the day the report shows it (attestedOn).
                    .where { $0.where(c("attestedOn"), .is, SQLLiteral.null).orWhere(c("attestedOn"), .equal, SQLBind(""))
                        .orWhere(c("attestedOn"), .lessThanOrEqual, SQLBind(text)) } } }
            .where { $0.where(c("endDate"), .is, SQLLiteral.null).orWhere(c("endDate"), .equal, SQLBind("")).orWhere(c("endDate"), .greaterThanOrEqual, SQLBind(text)) }
    }
}
