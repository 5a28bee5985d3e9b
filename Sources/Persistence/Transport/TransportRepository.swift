import Domain
import Foundation

/// Student transport behind one seam (issue 13): the week's trips by date, vehicle types, placements, imported travel
/// legs, settings, and the week's plan with its revision. `SQLTransportRepository` serves; `InMemoryTransportRepository`
/// holds the same as values; `TransportRepositoryContractTests` holds both to the same answers. A guarded write whose
/// `expected` is no longer stored throws `DeskError.changedMeanwhile` and writes nothing.
public protocol TransportRepository: Sendable {
    /// Trips dated `from` to `to` (both included), by date, start time and id.
    func trips(from: PartialDate, to: PartialDate) async throws -> [TransportTrip]
    /// The trips made for these agreements, by id.
    func trips(agreementIds: [String]) async throws -> [TransportTrip]
    func trip(_ id: String) async throws -> TransportTrip?
    func vehicles() async throws -> [TransportVehicleType]
    func vehicle(_ id: String) async throws -> TransportVehicleType?
    func locations() async throws -> [TransportLocation]
    func legs() async throws -> [TravelLeg]
    func plan(week: PartialDate) async throws -> TransportPlanRecord?
    /// The Mondays of the weeks that have trips, latest first.
    func weeks(limit: Int) async throws -> [PartialDate]
    func settings() async throws -> TransportSettings

    /// The week's plan: a new one (`expectedRevision` nil) or the next revision of `expectedRevision`.
    func save(_ plan: TransportPlan, week: PartialDate, expectedRevision: Int?, today: PartialDate, actor: String) async throws -> TransportPlanRecord
    func save(_ settings: TransportSettings, actor: String) async throws
    /// Imported legs replace those between the same places.
    func importLegs(_ legs: [TravelLeg], actor: String) async throws
    /// New trips, all or none (a taken id refuses them all).
    func add(_ trips: [TransportTrip], actor: String) async throws
    func update(_ trip: TransportTrip, expected: TransportTrip, actor: String) async throws
    func add(_ vehicle: TransportVehicleType, actor: String) async throws
    func update(_ vehicle: TransportVehicleType, expected: TransportVehicleType, actor: String) async throws
    /// Removes a vehicle type; plans keep their copy until the next re-plan.
    func remove(_ vehicle: TransportVehicleType, actor: String) async throws
}

extension TransportRepository {
    public func weeks() async throws -> [PartialDate] { try await weeks(limit: 20) }

    /// The Mondays of `dates` (latest first, each once, at most `limit`): the rule both repositories apply.
    static func mondays(of dates: [PartialDate], limit: Int) -> [PartialDate] {
        var out: [PartialDate] = []
        for d in dates {
            guard let monday = CivilDays.monday(of: d) else { continue }
            if !out.contains(monday) { out.append(monday) }
            if out.count == limit { break }
        }
        return out
    }
}

extension TransportPlan {
    /// The plan as its record stores it (sorted keys, so equal plans are equal text).
    func storedBody() throws -> String { String(decoding: try JSONEncoder.sorted.encode(self), as: UTF8.self) }
}

/// Transport in memory. Each command checks before it changes anything, so a refused one leaves nothing.
public actor InMemoryTransportRepository: TransportRepository {
    public struct State: Sendable {
        public var trips: [TransportTrip] = []
        public var vehicles: [TransportVehicleType] = []
        public var locations: [TransportLocation] = []
        public var legs: [TravelLeg] = []
        public var plans: [TransportPlanRecord] = []
        public var settings: TransportSettings?
        public init() {}
    }
    public private(set) var state: State
    public init(_ state: State = State()) { self.state = state }

    public func trips(from: PartialDate, to: PartialDate) async throws -> [TransportTrip] {
        state.trips.filter { !($0.date < from) && !(to < $0.date) }.sorted { ($0.date, $0.startTime, $0.id) < ($1.date, $1.startTime, $1.id) }
    }
    public func trips(agreementIds: [String]) async throws -> [TransportTrip] {
        let ids = Set(agreementIds)
        return state.trips.filter { $0.agreementId.map(ids.contains) ?? false }.sorted { $0.id < $1.id }
    }
    public func trip(_ id: String) async throws -> TransportTrip? { state.trips.first { $0.id == id } }
    public func vehicles() async throws -> [TransportVehicleType] { state.vehicles }
    public func vehicle(_ id: String) async throws -> TransportVehicleType? { state.vehicles.first { $0.id == id } }
    public func locations() async throws -> [TransportLocation] { state.locations }
    public func legs() async throws -> [TravelLeg] { state.legs }
    public func plan(week: PartialDate) async throws -> TransportPlanRecord? { state.plans.first { $0.weekStart == week } }
    public func weeks(limit: Int) async throws -> [PartialDate] {
        Self.mondays(of: Array(Set(state.trips.map(\.date))).sorted { $1 < $0 }, limit: limit)
    }
    public func settings() async throws -> TransportSettings { state.settings ?? TransportSettings() }

    public func save(_ plan: TransportPlan, week: PartialDate, expectedRevision: Int?, today: PartialDate, actor: String) async throws -> TransportPlanRecord {
        let body = try plan.storedBody()
        if let i = state.plans.firstIndex(where: { $0.weekStart == week }) {
            guard state.plans[i].revision == expectedRevision else { throw DeskError.changedMeanwhile }
            let next = TransportPlanRecord(id: state.plans[i].id, weekStart: week, createdOn: today, revision: state.plans[i].revision + 1, body: body)
            state.plans[i] = next
            return next
        }
        guard expectedRevision == nil else { throw DeskError.changedMeanwhile }
        let record = TransportPlanRecord(id: "vervoer-" + week.description, weekStart: week, createdOn: today, revision: 1, body: body)
        state.plans.append(record)
        return record
    }
    public func save(_ settings: TransportSettings, actor: String) async throws { state.settings = settings }
    public func importLegs(_ legs: [TravelLeg], actor: String) async throws {
        let ids = Set(legs.map(\.id))
        state.legs.removeAll { ids.contains($0.id) }
        state.legs += legs
    }
    public func add(_ trips: [TransportTrip], actor: String) async throws {
        let ids = trips.map(\.id)
        guard Set(ids).count == ids.count, !state.trips.contains(where: { ids.contains($0.id) }) else {
            throw StoreError.invalid(Violation(entity: TransportTrip.entity, row: 0, column: "id", message: "duplicate"))
        }
        state.trips += trips
    }
    public func update(_ trip: TransportTrip, expected: TransportTrip, actor: String) async throws { try MemoryRows.replace(trip, expected: expected, in: &state.trips) }
    public func add(_ vehicle: TransportVehicleType, actor: String) async throws {
        try MemoryRows.insert(vehicle, into: &state.vehicles)
    }
    public func update(_ vehicle: TransportVehicleType, expected: TransportVehicleType, actor: String) async throws {
        try MemoryRows.replace(vehicle, expected: expected, in: &state.vehicles)
    }
    public func remove(_ vehicle: TransportVehicleType, actor: String) async throws { state.vehicles.removeAll { $0.id == vehicle.id } }

}
