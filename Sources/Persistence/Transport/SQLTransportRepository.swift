import Domain
import FluentKit
import Foundation
import SQLKit

/// Student transport in SQL: the week's trips (by date, indexed), vehicle types, locations, imported travel legs, and
/// the week's plan with a revision guard (one conditional UPDATE: a stale re-plan loses, never overwrites). Every write
/// is audited in its transaction.
public struct SQLTransportRepository: TransportRepository {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }
    var records: RecordStore { RecordStore(database) }
    var desk: AuditedRecords { AuditedRecords(database) }

    public func trips(from: PartialDate, to: PartialDate) async throws -> [TransportTrip] {
        let rows = try await records.sql.select().column("*").from(TransportTrip.entity)
            .where("date", .greaterThanOrEqual, SQLBind(from.description)).where("date", .lessThanOrEqual, SQLBind(to.description))
            .orderBy("date").orderBy("startTime").orderBy("id").all()
        return try rows.map { try RowCodec.decode(TransportTrip.self, from: SQLRowCells(row: $0)) }
    }

    public func trips(agreementIds: [String]) async throws -> [TransportTrip] {
        guard !agreementIds.isEmpty else { return [] }
        let rows = try await records.sql.select().column("*").from(TransportTrip.entity).where("agreementId", .in, SQLBind.group(agreementIds)).orderBy("id").all()
        return try rows.map { try RowCodec.decode(TransportTrip.self, from: SQLRowCells(row: $0)) }
    }

    public func trip(_ id: String) async throws -> TransportTrip? { try await desk.find(TransportTrip.self, id: id) }
    public func vehicles() async throws -> [TransportVehicleType] { try await records.all(TransportVehicleType.self) }
    public func vehicle(_ id: String) async throws -> TransportVehicleType? { try await desk.find(TransportVehicleType.self, id: id) }
    public func locations() async throws -> [TransportLocation] { try await records.all(TransportLocation.self) }
    public func legs() async throws -> [TravelLeg] { try await records.all(TravelLeg.self) }

    public func plan(week: PartialDate) async throws -> TransportPlanRecord? {
        let rows = try await records.sql.select().column("*").from(TransportPlanRecord.entity).where("weekStart", .equal, SQLBind(week.description)).limit(1).all()
        return try rows.first.map { try RowCodec.decode(TransportPlanRecord.self, from: SQLRowCells(row: $0)) }
    }

    /// Stores the week's plan: a new one, or the next revision of `expectedRevision`; a plan changed meanwhile throws
    /// `DeskError.changedMeanwhile` and nothing is written.
    public func save(_ plan: TransportPlan, week: PartialDate, expectedRevision: Int?, today: PartialDate, actor: String) async throws -> TransportPlanRecord {
        let body = try plan.storedBody()
        return try await database.writeTransaction { tx in
            let store = SQLTransportRepository(tx)
            if let existing = try await store.plan(week: week) {
                guard existing.revision == expectedRevision else { throw DeskError.changedMeanwhile }
                let next = TransportPlanRecord(id: existing.id, weekStart: week, createdOn: today, revision: existing.revision + 1, body: body)
                let rows = try await store.records.sql.update(TransportPlanRecord.entity)
                    .set("body", to: SQLBind(body)).set("revision", to: SQLBind(next.revision)).set("createdOn", to: SQLBind(today.description))
                    .where("id", .equal, SQLBind(existing.id)).where("revision", .equal, SQLBind(existing.revision))
                    .returning("id").all()
                guard !rows.isEmpty else { throw DeskError.changedMeanwhile }
                try await AuditLog.record(on: tx, actor: actor, entity: TransportPlanRecord.entity, entityId: existing.id, action: "update",
                                          changes: [FieldChange(field: "revision", before: String(existing.revision), after: String(next.revision))])
                return next
            }
            guard expectedRevision == nil else { throw DeskError.changedMeanwhile }
            let record = TransportPlanRecord(id: "vervoer-" + week.description, weekStart: week, createdOn: today, revision: 1, body: body)
            try await store.records.append(record)
            try await AuditLog.record(on: tx, actor: actor, entity: TransportPlanRecord.entity, entityId: record.id, action: "create",
                                      changes: [FieldChange(field: "revision", before: nil, after: "1")])
            return record
        }
    }

    public func settings() async throws -> TransportSettings {
        guard let row = try await desk.find(TransportSettingsRecord.self, id: "instellingen") else { return TransportSettings() }
        return (try? JSONDecoder().decode(TransportSettings.self, from: Data(row.body.utf8))) ?? TransportSettings()
    }

    public func save(_ settings: TransportSettings, actor: String) async throws {
        let record = TransportSettingsRecord(body: String(decoding: try JSONEncoder.sorted.encode(settings), as: UTF8.self))
        try await database.writeTransaction { tx in
            let store = AuditedRecords(tx)
            if let old = try await store.find(TransportSettingsRecord.self, id: record.id) {
                try await store.updateInTransaction(record, expected: old, actor: actor)
            } else {
                try await store.insertInTransaction(record, actor: actor)
            }
        }
    }

    /// Imported travel legs replace those between the same places, all in one transaction.
    public func importLegs(_ legs: [TravelLeg], actor: String) async throws {
        try await database.writeTransaction { tx in
            let store = SQLTransportRepository(tx)
            let ids = legs.map(\.id)
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
                try await store.records.sql.delete(from: TravelLeg.entity).where("id", .in, SQLBind.group(chunk)).run()
            }
            for leg in legs { try await store.records.append(leg) }
            try await AuditLog.record(on: tx, actor: actor, entity: TravelLeg.entity, entityId: "import", action: "import",
                                      changes: [FieldChange(field: "legs", before: nil, after: String(legs.count))])
        }
    }

    /// Removes a vehicle type, audited with every field it had. Plans keep their copy until the next re-plan, which
    /// hands the classes of its vehicles on.
    public func remove(_ vehicle: TransportVehicleType, actor: String) async throws {
        try await database.writeTransaction { tx in
            let store = SQLTransportRepository(tx)
            try await store.records.sql.delete(from: TransportVehicleType.entity).where("id", .equal, SQLBind(vehicle.id)).run()
            try await AuditLog.record(on: tx, actor: actor, entity: TransportVehicleType.entity, entityId: vehicle.id, action: "delete",
                                      changes: try AuditLog.changes(before: vehicle, after: nil as TransportVehicleType?))
        }
    }

    /// The Mondays of the weeks that have trips, latest first (the dates distinct in SQL, the last 500).
    public func weeks(limit: Int) async throws -> [PartialDate] {
        let rows = try await records.sql.select().distinct().column("date").from(TransportTrip.entity).orderBy("date", .descending).limit(500).all()
        return Self.mondays(of: rows.compactMap { (try? $0.decode(column: "date", as: String.self)).flatMap(PartialDate.init) }, limit: limit)
    }

    /// New trips in one transaction: a taken id refuses them all.
    public func add(_ trips: [TransportTrip], actor: String) async throws {
        try await database.writeTransaction { tx in
            for t in trips { try await AuditedRecords(tx).insertInTransaction(t, actor: actor) }
        }
    }

    public func update(_ trip: TransportTrip, expected: TransportTrip, actor: String) async throws { try await desk.update(trip, expected: expected, actor: actor) }
    public func add(_ vehicle: TransportVehicleType, actor: String) async throws { try await desk.insert(vehicle, actor: actor) }
    public func update(_ vehicle: TransportVehicleType, expected: TransportVehicleType, actor: String) async throws {
        try await desk.update(vehicle, expected: expected, actor: actor)
    }

    public static func decode(_ record: TransportPlanRecord) throws -> TransportPlan {
        try JSONDecoder().decode(TransportPlan.self, from: Data(record.body.utf8))
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder { let e = JSONEncoder(); e.outputFormatting = [.sortedKeys]; return e }
}
