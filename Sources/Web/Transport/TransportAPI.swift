import Domain
import Foundation
import Persistence
import Vapor

/// Student transport in the JSON API: a week's trips and the planned legs (when and where a class boards and
/// alights, in which vehicle) for carriers' and schools' own systems, and cancelling a class. The coordinator sees
/// all; a contact person their organisation's (as school or as the place visited); cancelling is the coordinator's.
enum TransportAPI {
    /// One leg of a class in the week's plan, flat for spreadsheets and other systems.
    struct LegRow: Codable, Sendable {
        var tripId: String
        var leg: String
        var date: String
        var schoolId: String
        var siteId: String
        var vehicle: Int
        var vehicleTypeId: String
        var boardAt: String
        var boardTime: String
        var alightAt: String
        var alightTime: String
        var travellers: Int
        var published: Bool
    }

    struct CancelInput: Decodable { var reason: String? }

    static func week(_ reader: inout QueryReader, today: PartialDate) -> PartialDate {
        guard let raw = reader.string("week") else { return CivilDays.monday(of: today) ?? today }
        guard let d = PartialDate(raw), d.day != nil, raw.count == 10, let monday = CivilDays.monday(of: d) else {
            reader.errors.append(FieldError(name: "week", reason: "'\(raw)' is not a date (yyyy-mm-dd)"))
            return today
        }
        return monday
    }

    static let endpoints: [APIEndpoint] = [
        APIEndpoint(path: "/transport/trips", summary: "A week's transport trips: classes travelling to an activity and back (the coordinator: all; a contact person: their organisation's); week is any day in it, default this week",
                    parameters: ["week"] + APIRoutes.listParameters, response: .list(TransportTrip.self), access: DeskAPI.deskRoles) { req in
            try await DeskAPI.page(req, extra: ["week"]) { reader -> [TransportTrip] in
                let monday = week(&reader, today: DeskSupport.today(req))
                guard reader.errors.isEmpty else { return [] }
                return try await req.transport.trips(from: monday, to: CivilDays.adding(6, to: monday)!)
                    .filter { req.actor?.role == .beheerder || DeskSupport.involves(req, $0.schoolId, $0.siteId) }
            }
        },
        APIEndpoint(path: "/transport/legs", summary: "The planned legs of a week: vehicle, where and when each class boards and alights (the coordinator: all; a contact person: their organisation's); empty until the week is planned",
                    parameters: ["week"] + APIRoutes.listParameters, response: .list(LegRow.self), access: DeskAPI.deskRoles) { req in
            try await DeskAPI.page(req, extra: ["week"]) { reader -> [LegRow] in
                let monday = week(&reader, today: DeskSupport.today(req))
                guard reader.errors.isEmpty else { return [] }
                let w = try await TransportRoutes.load(req, monday: monday)
                guard let plan = w.plan else { return [] }
                let trips = Dictionary(uniqueKeysWithValues: w.trips.map { ($0.id, $0) })
                var rows: [LegRow] = []
                for day in plan.days { for v in day.vehicles { for (s, drop) in v.rides {
                    guard let trip = trips[s.tripId], req.actor?.role == .beheerder || DeskSupport.involves(req, trip.schoolId, trip.siteId) else { continue }
                    rows.append(LegRow(tripId: s.tripId, leg: s.leg.rawValue, date: day.date.description, schoolId: trip.schoolId, siteId: trip.siteId,
                                       vehicle: v.number, vehicleTypeId: v.typeId, boardAt: w.name(s.placeId), boardTime: TransportTrip.clock(s.minute),
                                       alightAt: w.name(drop.placeId), alightTime: TransportTrip.clock(drop.minute), travellers: s.travellers,
                                       published: plan.publishedOn != nil))
                } } }
                return rows.sorted { ($0.date, $0.boardTime, $0.tripId) < ($1.date, $1.boardTime, $1.tripId) }
            }
        },
        APIEndpoint(method: .POST, path: "/transport/trips/{id}/cancel",
                    summary: "Cancel a class's trip; the week's plan is updated with the least change and those whose trips changed are told (coordinator; write token)",
                    parameters: [], response: .single(TransportTrip.self), access: .beheerder, body: "TripCancelInput") { req in
            let input: CancelInput = try DeskAPI.strictBody(req, fields: ["reason"])
            let reason = input.reason?.trimmingCharacters(in: .whitespacesAndNewlines)
            // As documented: at most 2000 code points (NUL is refused for every operation before this).
            if let reason = input.reason, reason.unicodeScalars.count > 2000 {
                throw InvalidInput(errors: [FieldError(name: "reason", reason: "at most 2000 characters")])
            }
            guard let trip = try await req.transport.trip(req.parameters.get("id") ?? "") else { throw Abort(.notFound) }
            let (cancelled, _) = try await TransportRoutes.cancel(trip, reason: reason?.isEmpty == true ? nil : reason, req: req)
            return try APIRoutes.json(cancelled, req)
        },
    ]
}
