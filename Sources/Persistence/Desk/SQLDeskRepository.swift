import Domain
import FluentKit
import Foundation
import SQLKit

/// The network desk's records (offers, requests, agreements, applications, plans) in SQL: operational data kept beside
/// the report's dataset. Every write is audited in the same transaction; capacity is reserved with one conditional
/// UPDATE, so two coordinators allocating at once can never book an offer beyond its capacity, on SQLite or PostgreSQL.
public struct SQLDeskRepository: DeskRepository {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }

    var audited: AuditedRecords { AuditedRecords(database) }
    var sql: any SQLDatabase { RecordStore(database).sql }

    public func all<R: DeskRecord>(_ type: R.Type) async throws -> [R] { try await audited.all(type) }
    public func find<R: DeskRecord>(_ type: R.Type, id: String) async throws -> R? { try await audited.find(type, id: id) }
    public func insert<R: DeskRecord>(_ record: R, actor: String) async throws { try await audited.insert(record, actor: actor) }
    public func update<R: DeskRecord>(_ record: R, expected: R, actor: String) async throws {
        try await audited.update(record, expected: expected, actor: actor)
    }

    /// Takes one place of an offer's capacity, or throws `DeskError.noCapacity`. Atomic in both databases: the
    /// condition and the increment are one statement, so concurrent reservations serialise on the row.
    func reserve(offerId: String) async throws {
        let rows = try await sql.update("offers")
            .set("booked", to: SQLBinaryExpression(SQLIdentifier("booked"), .add, SQLLiteral.numeric("1")))
            .where("id", .equal, SQLBind(offerId))
            .where(SQLIdentifier("booked"), .lessThan, SQLIdentifier("capacity"))
            .returning("id").all()
        if rows.isEmpty { throw DeskError.noCapacity(offerId: offerId) }
    }

    func release(offerId: String) async throws {
        try await sql.update("offers")
            .set("booked", to: SQLBinaryExpression(SQLIdentifier("booked"), .subtract, SQLLiteral.numeric("1")))
            .where("id", .equal, SQLBind(offerId)).where(SQLIdentifier("booked"), .greaterThan, SQLLiteral.numeric("0")).run()
    }

    public func propose(_ proposals: [(request: NetworkRequest, offer: Offer)], today: PartialDate, actor: String,
                        newId: @Sendable () -> String) async throws -> [ActivityAgreement] {
        let ids = proposals.map { _ in newId() }
        return try await database.writeTransaction { tx in
            let repo = SQLDeskRepository(tx)
            var made: [ActivityAgreement] = []
            for ((request, offer), id) in zip(proposals, ids) {
                guard let current = try await repo.find(NetworkRequest.self, id: request.id), current.isOpen else {
                    throw DeskError.requestNotOpen(requestId: request.id)
                }
                try await repo.reserve(offerId: offer.id)
                let agreement = ActivityAgreement.proposed(id: id, request: request, offer: offer, today: today)
                try await repo.audited.insertInTransaction(agreement, actor: actor)
                try await repo.audited.updateInTransaction(current.matched, expected: current, actor: actor)
                made.append(agreement)
            }
            return made
        }
    }

    public func advance(_ agreement: ActivityAgreement, expected: ActivityAgreement, actor: String) async throws {
        try await database.writeTransaction { tx in
            let repo = SQLDeskRepository(tx)
            try await repo.audited.updateInTransaction(agreement, expected: expected, actor: actor)
            if agreement.status == .geannuleerd, expected.status != .geannuleerd, let offerId = agreement.offerId {
                try await repo.release(offerId: offerId)
            }
            if let requestId = agreement.requestId, let request = try await repo.find(NetworkRequest.self, id: requestId),
               let next = agreement.requestAfterStep(from: expected, request: request) {
                try await repo.audited.updateInTransaction(next, expected: request, actor: actor)
            }
        }
    }

    public func approve(_ application: MembershipApplication, today: PartialDate, actor: String) async throws -> Membership {
        let membership = application.approvedMembership(on: today)
        try await database.writeTransaction { tx in
            try await RecordStore(tx).add(membership, actor: actor)
            try await AuditedRecords(tx).updateInTransaction(application.approved(on: today, membership: membership), expected: application, actor: actor)
        }
        return membership
    }

    @discardableResult
    public func end(_ application: MembershipApplication, membership: Membership, reason: String, today: PartialDate, actor: String) async throws -> [Offer] {
        try await database.writeTransaction { tx in
            let repo = SQLDeskRepository(tx)
            let open = try await repo.openOffers(of: application.organizationId)
            for offer in open { try await repo.audited.updateInTransaction(offer.withdrawn, expected: offer, actor: actor) }
            // Guarded and checked in SQL (the unguarded update validated the whole dataset: a national region's).
            do { _ = try await RecordStore(tx).update(membership.ended(on: today), expected: membership, actor: actor) }
            catch is ChangedMeanwhile { throw DeskError.changedMeanwhile }
            try await repo.audited.updateInTransaction(application.ended(on: today, reason: reason), expected: application, actor: actor)
            return open
        }
    }

    public func submitPlan(_ plan: SchoolPlan, replacing: SchoolPlan?, pdf: [UInt8]?, actor: String) async throws {
        try await database.writeTransaction { tx in
            let repo = SQLDeskRepository(tx)
            if let replacing { try await repo.audited.updateInTransaction(plan, expected: replacing, actor: actor) }
            else { try await repo.audited.insertInTransaction(plan, actor: actor) }
            guard let pdf else { return }
            try await repo.sql.delete(from: "school_plan_files").where("plan_id", .equal, SQLBind(plan.id)).run()
            try await repo.sql.insert(into: "school_plan_files").columns("plan_id", "data").values(SQLBind(plan.id), SQLBind(Data(pdf))).run()
        }
    }

    public func planFile(planId: String) async throws -> [UInt8]? {
        let row = try await sql.select().column("data").from("school_plan_files").where("plan_id", .equal, SQLBind(planId)).first()
        return try row.map { [UInt8](try $0.decode(column: "data", as: Data.self)) }
    }

    public func setCalendarFeed(organizationId: String, tokenHash: String) async throws {
        try await database.writeTransaction { tx in
            let sql = RecordStore(tx).sql
            try await sql.delete(from: "calendar_feeds").where("organization_id", .equal, SQLBind(organizationId)).run()
            try await sql.insert(into: "calendar_feeds").columns("organization_id", "token_hash").values(SQLBind(organizationId), SQLBind(tokenHash)).run()
        }
    }

    public func calendarFeedOrganization(tokenHash: String) async throws -> String? {
        let row = try await sql.select().column("organization_id").from("calendar_feeds").where("token_hash", .equal, SQLBind(tokenHash)).first()
        return try row?.decode(column: "organization_id", as: String.self)
    }

    /// One indexed query per side (`UpdateDeskAddLookupIndexes`), not the whole table.
    public func partnersInProgress(of organizationId: String?) async throws -> Set<String> {
        guard let organizationId else { return [] }
        let statuses = agreementInProgress.map { SQLBind($0.rawValue) }
        let rows = try await sql.select().column("schoolId").column("companyId").from(ActivityAgreement.entity)
            .where("status", .in, SQLGroupExpression(statuses))
            .where { $0.where("schoolId", .equal, SQLBind(organizationId)).orWhere("companyId", .equal, SQLBind(organizationId)) }
            .all()
        var partners = Set<String>()
        for row in rows {
            let school = try row.decode(column: "schoolId", as: String.self), company = try row.decode(column: "companyId", as: String.self)
            partners.insert(school == organizationId ? company : school)
        }
        return partners
    }

    public func applications(of organizationId: String) async throws -> [MembershipApplication] {
        try await audited.rows(MembershipApplication.self, where: "organizationId", equals: organizationId)
    }

    public func plan(school: String, year: Int) async throws -> SchoolPlan? {
        try await audited.rows(SchoolPlan.self, where: "schoolId", equals: school).first { $0.schoolYear == year }
    }

    /// Two indexed reads (school side, company side), a chunk of 1,000 ids at a time.
    public func agreements(involving organizationIds: [String]) async throws -> [ActivityAgreement] {
        let store = RecordStore(database)
        var byId: [String: ActivityAgreement] = [:]
        for column in ["schoolId", "companyId"] {
            for a in try await store.records(ActivityAgreement.self, where: column, in: organizationIds) { byId[a.id] = a }
        }
        return byId.values.sorted { $0.id < $1.id }
    }

    public func openOffers(of organizationId: String) async throws -> [Offer] {
        try await audited.rows(Offer.self, where: "organizationId", equals: organizationId).filter(\.active)
    }
}
