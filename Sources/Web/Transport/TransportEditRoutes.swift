import Domain
import Foundation
import Persistence
import Vapor

/// Changing one class's trip and the carriers' vehicle types: forms guarded by the version they were filled in on.
extension TransportRoutes {
    static func tripForm(_ req: Request, draft: TransportTrip?, errors: [String: String], status: HTTPStatus = .ok) async throws -> Response {
        guard let trip = try await req.transport.trip(try req.parameters.require("id")) else { throw Abort(.notFound) }
        let monday = CivilDays.monday(of: trip.date) ?? trip.date
        let week = try await load(req, monday: monday)
        let ctx = PageSupport.context(req, title: Localized("Rit van " + week.name(trip.schoolId), "Trip of " + week.name(trip.schoolId)), section: .desk)
        return PageSupport.html(TransportPages.tripForm(ctx, week, stored: trip, draft: draft ?? trip, errors: errors, csrf: req.csrfToken), status: status)
    }

    /// Changes to one class's trip (a start time that moves, the numbers, its own site, bus or public transport, who
    /// pays). Guarded by the stored version the form showed; a published plan is updated with the least change and
    /// those whose trips changed are told.
    static func editTrip(_ req: Request) async throws -> Response {
        let store = req.transport
        guard let stored = try await store.trip(try req.parameters.require("id")) else { throw Abort(.notFound) }
        var reader = FormReader(req)
        var trip = stored
        trip.startTime = reader.string("startTime")
        trip.durationMinutes = reader.int("durationMinutes") ?? stored.durationMinutes
        trip.pupils = reader.int("pupils") ?? stored.pupils
        trip.teachers = reader.int("teachers", default: 0) ?? stored.teachers
        trip.wheelchairs = reader.int("wheelchairs", default: 0) ?? stored.wheelchairs
        trip.siteName = reader.text("siteName")
        trip.siteLatitude = reader.double("siteLatitude")
        trip.siteLongitude = reader.double("siteLongitude")
        trip.funderId = reader.text("funderId")
        switch reader.string("publicTransport") {
        case "bus": trip.publicTransport = false
        case "ov": trip.publicTransport = true
        default: trip.publicTransport = nil
        }
        reader.merge(Dictionary(trip.violations().map { ($0.field, $0.message) }, uniquingKeysWith: { a, _ in a }))
        if let funder = trip.funderId, try await RecordStore(req.db).organizationNames([funder]).isEmpty {
            reader.fail("funderId", "Kies een financier uit de lijst.", "Choose a funder from the list.")
        }
        // The version the form was filled in on: a change by someone else meanwhile is not overwritten.
        guard reader.string("expected") == TransportPages.fingerprint(stored) else {
            throw PageError(.conflict, "deze rit is intussen gewijzigd; open hem opnieuw", "this trip changed meanwhile; open it again")
        }
        guard reader.errors.isEmpty else { return try await tripForm(req, draft: trip, errors: reader.errors, status: .badRequest) }
        let actor = DeskSupport.actorId(req)
        do { try await store.update(trip, expected: stored, actor: actor) } catch DeskError.changedMeanwhile {
            throw PageError(.conflict, "deze rit is intussen gewijzigd; open hem opnieuw", "this trip changed meanwhile; open it again")
        }
        let monday = CivilDays.monday(of: trip.date) ?? trip.date
        let changed = try await replanWeek(req, monday: monday, touched: trip == stored ? [] : [trip.id], actor: actor)
        let query = changed.map { "&gewijzigd=\($0.subtracting([trip.id]).count)" } ?? ""
        return req.redirect(to: SiteRoute.transport(week: monday.description).path + query)
    }

    /// A vehicle type from the form, with every field's error in `reader`.
    static func readVehicle(_ reader: inout FormReader, id: String, example: Bool) -> TransportVehicleType {
        let vehicle = TransportVehicleType(
            id: id, name: reader.string("name"), carrier: reader.string("carrier"),
            seats: reader.int("seats") ?? 0, wheelchairPlaces: reader.int("wheelchairPlaces", default: 0) ?? 0,
            costPerDay: reader.int("costPerDay") ?? -1, centsPerKm: reader.int("centsPerKm") ?? -1, available: reader.int("available") ?? -1,
            depotName: reader.string("depotName"), depotLatitude: reader.double("depotLatitude") ?? 999, depotLongitude: reader.double("depotLongitude") ?? 999,
            example: example)
        reader.merge(Dictionary(vehicle.violations().map { ($0.field, $0.message) }, uniquingKeysWith: { a, _ in a }))
        return vehicle
    }

    static func vehicle(_ req: Request, edit: Bool) async throws -> Response {
        let store = req.transport
        guard let stored = try await store.vehicle(try req.parameters.require("id")) else { throw Abort(.notFound) }
        let ctx = PageSupport.context(req, title: Localized("Voertuigtype: " + stored.name, "Vehicle type: " + stored.name), section: .desk)
        guard edit else { return PageSupport.html(TransportPages.vehicleForm(ctx, stored: stored, draft: stored, errors: [:], csrf: req.csrfToken)) }
        var reader = FormReader(req)
        guard reader.string("expected") == TransportPages.fingerprint(stored) else {
            throw PageError(.conflict, "dit voertuigtype is intussen gewijzigd; open het opnieuw", "this vehicle type changed meanwhile; open it again")
        }
        let next = readVehicle(&reader, id: stored.id, example: stored.example)
        guard reader.errors.isEmpty else {
            return PageSupport.html(TransportPages.vehicleForm(ctx, stored: stored, draft: next, errors: reader.errors, csrf: req.csrfToken), status: .badRequest)
        }
        do { try await store.update(next, expected: stored, actor: DeskSupport.actorId(req)) } catch DeskError.changedMeanwhile {
            throw PageError(.conflict, "dit voertuigtype is intussen gewijzigd; open het opnieuw", "this vehicle type changed meanwhile; open it again")
        }
        return req.redirect(to: SiteRoute.transport().path)
    }

    static func removeVehicle(_ req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        guard let stored = try await req.transport.vehicle(id) else { throw Abort(.notFound) }
        try await req.transport.remove(stored, actor: DeskSupport.actorId(req))
        return req.redirect(to: SiteRoute.transport().path)
    }
}
