import Domain
import FluentKit
import Foundation
import SQLKit

/// The network desk's records (offers, requests, agreements): operational data kept beside the report's dataset.
/// Every write is audited in the same transaction; capacity is reserved with one conditional UPDATE, so two
/// coordinators allocating at once can never book an offer beyond its capacity, on SQLite or PostgreSQL.
public struct DeskStore: Sendable {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }

    var records: RecordStore { RecordStore(database) }

    public func all<R: Record>(_ type: R.Type) async throws -> [R] { try await records.all(type) }

    public func find<R: Record>(_ type: R.Type, id: String) async throws -> R? {
        let rows = try await records.sql.select().column("*").from(R.entity).where("id", .equal, SQLBind(id)).limit(1).all()
        return try rows.first.map { try RowCodec.decode(R.self, from: SQLRowCells(row: $0)) }
    }

    /// A new record at the end of its table, with an audit entry holding every field.
    public func insert<R: Record>(_ record: R, actor: String) async throws {
        try await database.writeTransaction { tx in try await DeskStore(tx).insertInTransaction(record, actor: actor) }
    }

    public func insertInTransaction<R: Record>(_ record: R, actor: String) async throws {
        try await records.append(record)
        try await AuditLog.record(on: database, actor: actor, entity: R.entity, entityId: record.key, action: "create",
                                  changes: try AuditLog.changes(before: nil as R?, after: record))
    }

    /// Replaces a record by id and audits the changed fields; `expected` guards against a lost update: when the
    /// stored record is no longer `expected`, nothing is written and `DeskError.changedMeanwhile` is thrown.
    public func update<R: Record>(_ record: R, expected: R, actor: String) async throws {
        try await database.writeTransaction { tx in try await DeskStore(tx).updateInTransaction(record, expected: expected, actor: actor) }
    }

    /// The check and the write are one conditional UPDATE (issue 13): with a SELECT first and an UPDATE by id after,
    /// two proposals for one request both succeeded on PostgreSQL (the test `concurrentProposalsForOneRequest…`
    /// found it); now the second writer's UPDATE finds the row changed and nothing of its transaction stays.
    public func updateInTransaction<R: Record>(_ record: R, expected: R, actor: String) async throws {
        let changes = try AuditLog.changes(before: expected, after: record)
        var update = records.sql.update(R.entity)
        for (column, cell) in try RowCodec.encode(record) { update = update.set(SQLIdentifier(column), to: records.bind(cell)) }
        update = try records.unchanged(update.where("id", .equal, SQLBind(record.key)), since: expected)
        let touched = try await update.returning(SQLIdentifier("id")).all()
        guard touched.count == 1 else {
            guard try await find(R.self, id: record.key) != nil else { throw StoreError.notFound(entity: R.entity, key: record.key) }
            throw DeskError.changedMeanwhile
        }
        guard !changes.isEmpty else { return }
        try await AuditLog.record(on: database, actor: actor, entity: R.entity, entityId: record.key, action: "update", changes: changes)
    }

    /// Takes one place of an offer's capacity, or throws `DeskError.noCapacity`. Atomic in both databases: the
    /// condition and the increment are one statement, so concurrent reservations serialise on the row.
    func reserve(offerId: String) async throws {
        let rows = try await records.sql.update("offers")
            .set("booked", to: SQLBinaryExpression(SQLIdentifier("booked"), .add, SQLLiteral.numeric("1")))
            .where("id", .equal, SQLBind(offerId))
            .where(SQLIdentifier("booked"), .lessThan, SQLIdentifier("capacity"))
            .returning("id").all()
        if rows.isEmpty { throw DeskError.noCapacity(offerId: offerId) }
    }

    func release(offerId: String) async throws {
        try await records.sql.update("offers")
            .set("booked", to: SQLBinaryExpression(SQLIdentifier("booked"), .subtract, SQLLiteral.numeric("1")))
            .where("id", .equal, SQLBind(offerId)).where(SQLIdentifier("booked"), .greaterThan, SQLLiteral.numeric("0")).run()
    }

    /// Proposes agreements (one per request–offer pair) in one transaction: each reserves a place of its offer and
    /// moves its request to "gematcht". If any offer is full or any request is no longer open, nothing is written.
    public func propose(_ proposals: [(request: NetworkRequest, offer: Offer)], today: PartialDate, actor: String,
                        newId: () -> String) async throws -> [ActivityAgreement] {
        let ids = proposals.map { _ in newId() }
        return try await database.writeTransaction { tx in
            let store = DeskStore(tx)
            var made: [ActivityAgreement] = []
            for ((request, offer), id) in zip(proposals, ids) {
                guard let current = try await store.find(NetworkRequest.self, id: request.id), current.isOpen else {
                    throw DeskError.requestNotOpen(requestId: request.id)
                }
                try await store.reserve(offerId: offer.id)
                let agreement = ActivityAgreement.proposed(id: id, request: request, offer: offer, today: today)
                try await store.insertInTransaction(agreement, actor: actor)
                try await store.updateInTransaction(current.matched, expected: current, actor: actor)
                made.append(agreement)
            }
            return made
        }
    }

    /// An agreement's next state; a cancellation gives its place back to the offer and reopens the request.
    public func advance(_ agreement: ActivityAgreement, expected: ActivityAgreement, actor: String) async throws {
        try await database.writeTransaction { tx in
            let store = DeskStore(tx)
            try await store.updateInTransaction(agreement, expected: expected, actor: actor)
            if agreement.status == .geannuleerd, expected.status != .geannuleerd, let offerId = agreement.offerId {
                try await store.release(offerId: offerId)
            }
            if let requestId = agreement.requestId, let request = try await store.find(NetworkRequest.self, id: requestId),
               let next = agreement.requestAfterStep(from: expected, request: request) {
                try await store.updateInTransaction(next, expected: request, actor: actor)
            }
        }
    }
}

public enum DeskError: Error, Equatable, CustomStringConvertible {
    case noCapacity(offerId: String)
    case requestNotOpen(requestId: String)
    case changedMeanwhile

    public var description: String {
        switch self {
        case .noCapacity(let id): "offer \(id) has no capacity left"
        case .requestNotOpen(let id): "request \(id) is no longer open"
        case .changedMeanwhile: "the record was changed by someone else meanwhile; reload and try again"
        }
    }
}

extension DeskStore {
    /// Approves an application: the membership record (dataset) and the application change together.
    public func approve(_ application: MembershipApplication, today: PartialDate, actor: String) async throws -> Membership {
        let membership = Membership(id: "vriend-" + application.organizationId + "-" + today.description, organizationId: application.organizationId,
                                    startDate: today, evidence: "Aangemeld via de netwerkbalie; goedgekeurd op \(today.label(.nl))", source: "Netwerkbalie")
        try await database.writeTransaction { tx in
            try await RecordStore(tx).add(membership, actor: actor)
            var approved = application
            approved.status = .goedgekeurd
            approved.decidedOn = today
            approved.membershipId = membership.id
            try await DeskStore(tx).updateInTransaction(approved, expected: application, actor: actor)
        }
        return membership
    }

    /// Ends a membership on `today` with a reason: the membership's end date and the application, together.
    /// Ends the membership and withdraws the organisation's open offers in the same transaction (a former Vriend's
    /// offer must not be proposed to a school); returns the offers withdrawn.
    @discardableResult
    public func end(_ application: MembershipApplication, membership: Membership, reason: String, today: PartialDate, actor: String) async throws -> [Offer] {
        try await database.writeTransaction { tx in
            let open = try await DeskStore(tx).all(Offer.self).filter { $0.organizationId == application.organizationId && $0.active }
            for offer in open {
                var withdrawn = offer
                withdrawn.active = false
                try await DeskStore(tx).updateInTransaction(withdrawn, expected: offer, actor: actor)
            }
            var ended = membership
            ended.endDate = today
            try await RecordStore(tx).update(ended, actor: actor)
            var closed = application
            closed.status = .beeindigd
            closed.endedOn = today
            closed.endReason = reason
            try await DeskStore(tx).updateInTransaction(closed, expected: application, actor: actor)
            return open
        }
    }

    public func savePlanFile(planId: String, data: [UInt8]) async throws {
        try await records.sql.delete(from: "school_plan_files").where("plan_id", .equal, SQLBind(planId)).run()
        try await records.sql.insert(into: "school_plan_files").columns("plan_id", "data").values(SQLBind(planId), SQLBind(Data(data))).run()
    }

    public func planFile(planId: String) async throws -> Data? {
        let row = try await records.sql.select().column("data").from("school_plan_files").where("plan_id", .equal, SQLBind(planId)).first()
        return try row?.decode(column: "data", as: Data.self)
    }
}

extension DeskStore {
    /// Replaces the organisation's feed secret (the old address stops working).
    public func setCalendarFeed(organizationId: String, tokenHash: String) async throws {
        try await database.writeTransaction { tx in
            let sql = RecordStore(tx).sql
            try await sql.delete(from: "calendar_feeds").where("organization_id", .equal, SQLBind(organizationId)).run()
            try await sql.insert(into: "calendar_feeds").columns("organization_id", "token_hash").values(SQLBind(organizationId), SQLBind(tokenHash)).run()
        }
    }

    public func calendarFeedOrganization(tokenHash: String) async throws -> String? {
        let row = try await records.sql.select().column("organization_id").from("calendar_feeds").where("token_hash", .equal, SQLBind(tokenHash)).first()
        return try row?.decode(column: "organization_id", as: String.self)
    }
}

extension DeskStore {
    /// Removes a record by id inside the caller's transaction, auditing every field it had.
    public func delete<R: Record>(_ record: R, actor: String) async throws {
        try await records.sql.delete(from: R.entity).where("id", .equal, SQLBind(record.key)).run()
        try await AuditLog.record(on: database, actor: actor, entity: R.entity, entityId: record.key, action: "delete",
                                  changes: try AuditLog.changes(before: record, after: nil as R?))
    }

    /// The organisations `organizationId` has a desk agreement in progress with (proposed, agreed or planned): one
    /// indexed query, not the whole table.
    public func partnersInProgress(of organizationId: String?) async throws -> Set<String> {
        guard let organizationId, let sql = database as? any SQLDatabase else { return [] }
        let statuses = [AgreementStatus.voorgesteld, .afgesproken, .gepland].map { SQLBind($0.rawValue) }
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
}
