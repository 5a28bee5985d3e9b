import Optimization

/// Turns a week of trips into vehicle plans: per day one pickup-and-delivery problem (two legs per trip), solved by
/// `TransportPlanner` with "fewest vehicles, then least cost" (every vehicle costs a large constant on top of its
/// price), read back into stops with clock times. Re-planning after a change keeps every stop that is still valid
/// exactly where and when it was, and inserts only what changed.
public enum TransportPlanning {
    public struct Input: Sendable {
        public var trips: [TransportTrip]
        public var vehicles: [TransportVehicleType]
        public var travel: TravelEstimate
        public init(trips: [TransportTrip], vehicles: [TransportVehicleType], travel: TravelEstimate) {
            self.trips = trips; self.vehicles = vehicles; self.travel = travel
        }
        var settings: TransportSettings { travel.settings }
    }

    /// Above any day's price: one vehicle fewer always wins over any saving in euros.
    static let vehicleWeight = 1_000_000.0

    /// One day's problem and how its requests and locations map back to trips and places.
    struct DayProblem {
        var date: PartialDate
        var problem: TransportProblem
        var legs: [TransportPlan.LegRef]
        var places: [String]
        var types: [TransportVehicleType]
    }

    /// Trips that go by public transport (within the limit) and trips without a location at either end.
    public static func split(_ input: Input) -> (bus: [TransportTrip], publicTransport: [String], missing: [String]) {
        var bus: [TransportTrip] = [], pt: [String] = [], missing: [String] = []
        for trip in input.trips where trip.status == .gepland {
            guard input.travel.km(trip.schoolId, trip.sitePlace) != nil, trip.startMinute != nil else { missing.append(trip.id); continue }
            switch trip.publicTransport {
            case true?: pt.append(trip.id)
            case false?: bus.append(trip)
            case nil:
                let limit = input.settings.publicTransportLimit
                if limit > 0, let minutes = input.travel.publicTransportMinutes(trip.schoolId, trip.sitePlace), minutes <= limit, trip.wheelchairs == 0 {
                    pt.append(trip.id)
                } else {
                    bus.append(trip)
                }
            }
        }
        return (bus, pt, missing)
    }

    static func dayProblems(_ input: Input, bus: [TransportTrip], previous: TransportPlan? = nil) -> [DayProblem] {
        let s = input.settings
        let byDay = Dictionary(grouping: bus, by: \.date)
        let previousMinute: [String: Int] = Dictionary((previous?.days ?? []).flatMap { $0.vehicles.flatMap(\.stops) }.map { ($0.key, $0.minute) },
                                                       uniquingKeysWith: { a, _ in a })
        return byDay.keys.sorted().map { date in
            let trips = byDay[date]!.sorted { $0.id < $1.id }
            let types = input.vehicles.filter { $0.available > 0 }.sorted { $0.id < $1.id }
            var places: [String] = types.map { "depot:" + $0.id }
            var index: [String: Int] = [:]
            for (i, p) in places.enumerated() { index[p] = i }
            func place(_ id: String) -> Int {
                if let i = index[id] { return i }
                places.append(id); index[id] = places.count - 1
                return places.count - 1
            }
            var requests: [TransportProblem.Request] = [], legs: [TransportPlan.LegRef] = []
            for trip in trips {
                let school = place(trip.schoolId), site = place(trip.sitePlace)
                let load = TransportProblem.Load(seats: trip.seats, wheelchairs: trip.wheelchairs)
                // A stop people already hold keeps its time exactly: its window shrinks to that minute, so an inserted
                // class may use the slack around it but never moves anyone who already has a time. (`split` let only
                // trips with a start time through.)
                func window(_ leg: TransportPlan.Leg, _ pickup: Bool) -> (Double, Double) {
                    if let held = previousMinute[TransportPlan.Stop.key(trip.id, leg, pickup: pickup)] { return (Double(held), Double(held)) }
                    let w = s.window(trip, leg: leg, pickup: pickup)!
                    return (Double(w.early), Double(w.late))
                }
                let hp = window(.heen, true), hd = window(.heen, false), tp = window(.terug, true), td = window(.terug, false)
                requests.append(.init(
                    pickup: .init(location: school, early: hp.0, late: hp.1, service: Double(s.boardMinutes)),
                    delivery: .init(location: site, early: hd.0, late: hd.1, service: Double(s.alightMinutes)),
                    load: load))
                legs.append(.init(tripId: trip.id, leg: .heen))
                requests.append(.init(
                    pickup: .init(location: site, early: tp.0, late: tp.1, service: Double(s.boardMinutes)),
                    delivery: .init(location: school, early: td.0, late: td.1, service: Double(s.alightMinutes)),
                    load: load))
                legs.append(.init(tripId: trip.id, leg: .terug))
            }
            let n = places.count
            var distance = Array(repeating: 0.0, count: n * n), duration = Array(repeating: 0.0, count: n * n)
            let depots = Dictionary(uniqueKeysWithValues: types.map { ("depot:" + $0.id, Coordinate(latitude: $0.depotLatitude, longitude: $0.depotLongitude)) })
            var travel = input.travel
            for (k, v) in depots { travel.coordinates[k] = v }
            for a in 0..<n { for b in 0..<n where a != b {
                distance[a * n + b] = travel.km(places[a], places[b]) ?? 0
                duration[a * n + b] = Double(travel.busMinutes(places[a], places[b]) ?? 0)
            } }
            let vehicleTypes = types.enumerated().map { i, t in
                TransportProblem.VehicleType(capacity: .init(seats: t.seats, wheelchairs: t.wheelchairPlaces),
                                             fixedCost: vehicleWeight + Double(t.costPerDay), costPerDistance: Double(t.centsPerKm) / 100,
                                             available: t.available, depot: i, early: Double(s.dayStart), late: Double(s.dayEnd))
            }
            return DayProblem(date: date, problem: TransportProblem(locationCount: n, distance: distance, duration: duration,
                                                                    requests: requests, vehicleTypes: vehicleTypes,
                                                                    unservedPenalty: 10 * vehicleWeight),
                              legs: legs, places: places, types: types)
        }
    }

    /// The week planned from scratch; `timeLimitPerDay` bounds the search.
    public static func plan(_ input: Input, timeLimitPerDay: Duration = .seconds(2), seed: UInt64 = 1) throws -> TransportPlan {
        let (bus, pt, missing) = split(input)
        let days = try dayProblems(input, bus: bus).map { day in
            try read(day, TransportPlanner(timeLimit: timeLimitPerDay, seed: seed).solve(day.problem).solution)
        }
        return TransportPlan(days: days, publicTransport: pt, missingLocation: missing)
    }

    /// After a change (a class cancels, a start time moves, a trip is added): every vehicle keeps its stops in order
    /// and at their times where they are still valid; only the legs that are new or changed are placed again.
    public static func replan(_ input: Input, previous: TransportPlan) throws -> TransportPlan {
        let (bus, pt, missing) = split(input)
        let current = Dictionary(uniqueKeysWithValues: bus.map { ($0.id, $0) })
        // Stops whose trip still exists unchanged in time keep their place; a moved start time frees both legs.
        let held: (TransportPlan.Stop) -> Bool = { stop in
            guard let trip = current[stop.tripId], let w = input.settings.window(trip, leg: stop.leg, pickup: stop.pickup) else { return false }
            return w.early <= stop.minute && stop.minute <= w.late
        }
        var kept = previous
        for d in kept.days.indices {
            for v in kept.days[d].vehicles.indices {
                let stops = kept.days[d].vehicles[v].stops
                // A leg stays only with both its stops.
                let broken = Set(stops.filter { !held($0) }.map { TransportPlan.LegRef(tripId: $0.tripId, leg: $0.leg) })
                kept.days[d].vehicles[v].stops = stops.filter { !broken.contains(.init(tripId: $0.tripId, leg: $0.leg)) }
            }
        }
        let days = try dayProblems(input, bus: bus, previous: kept).map { day -> TransportPlan.Day in
            let old = kept.days.first { $0.date == day.date }
            let legIndex = Dictionary(uniqueKeysWithValues: day.legs.enumerated().map { ($1, $0) })
            let typeIndex = Dictionary(uniqueKeysWithValues: day.types.enumerated().map { ($1.id, $0) })
            let routes: [TransportSolution.Route] = (old?.vehicles ?? []).compactMap { v in
                guard let type = typeIndex[v.typeId] else { return nil }
                let visits = v.stops.compactMap { s in legIndex[.init(tripId: s.tripId, leg: s.leg)].map { TransportSolution.Visit(request: $0, isPickup: s.pickup) } }
                return visits.isEmpty ? nil : .init(vehicleType: type, visits: visits)
            }
            let solution = TransportPlanner(seed: 1).repair(day.problem, keeping: TransportSolution(routes: routes)).solution
            var planned = try read(day, solution)
            // Vehicles keep their numbers where they carry on; a new vehicle takes a number no vehicle had.
            if let old {
                var oldNumber: [TransportPlan.LegRef: Int] = [:]
                for v in old.vehicles { for s in v.stops { oldNumber[.init(tripId: s.tripId, leg: s.leg)] = v.number } }
                var used = Set<Int>()
                for i in planned.vehicles.indices {
                    let n = planned.vehicles[i].stops.lazy.compactMap { oldNumber[.init(tripId: $0.tripId, leg: $0.leg)] }.first
                    if let n, !used.contains(n) { planned.vehicles[i].number = n; used.insert(n) } else { planned.vehicles[i].number = 0 }
                }
                let taken = Set(old.vehicles.map(\.number))
                var next = 1
                for i in planned.vehicles.indices where planned.vehicles[i].number == 0 {
                    while used.contains(next) || taken.contains(next) { next += 1 }
                    planned.vehicles[i].number = next; used.insert(next)
                }
                planned.vehicles.sort { $0.number < $1.number }
            }
            return planned
        }
        return TransportPlan(days: days, publicTransport: pt, missingLocation: missing, publishedOn: previous.publishedOn)
    }

    /// The stops people hold that differ between two plans (vehicle or time), as trip ids.
    public static func changedTrips(from old: TransportPlan, to new: TransportPlan) -> Set<String> {
        func index(_ p: TransportPlan) -> [String: String] {
            var out: [String: String] = [:]
            for d in p.days { for v in d.vehicles { for s in v.stops { out[s.key] = "\(v.number)@\(s.minute)" } } }
            for d in p.days { for w in d.waiting { out[TransportPlan.Stop.key(w.tripId, w.leg, pickup: true)] = "wacht" } }
            return out
        }
        let a = index(old), b = index(new)
        var changed = Set<String>()
        for key in Set(a.keys).union(b.keys) where a[key] != b[key] { changed.insert(String(key.split(separator: "/")[0])) }
        return changed
    }

    /// Which waiting trips one more vehicle of `typeId` would carry, planning the week again with it.
    public static func whatIf(_ input: Input, plan: TransportPlan, extra typeId: String) throws -> (served: [String], extraCost: Double) {
        var more = input
        guard let i = more.vehicles.firstIndex(where: { $0.id == typeId }) else { return ([], 0) }
        more.vehicles[i].available += 1
        let waitingBefore = Set(plan.waiting.map(\.tripId))
        guard !waitingBefore.isEmpty else { return ([], 0) }
        let again = try replan(more, previous: plan)
        let waitingAfter = Set(again.waiting.map(\.tripId))
        return (waitingBefore.subtracting(waitingAfter).sorted(), again.cost - plan.cost)
    }

    /// A plan the validator refuses is never shown or stored: the request fails with what was wrong (a defect to
    /// report), and the instance keeps serving.
    public struct InvalidPlan: Error, CustomStringConvertible {
        public var messages: [String]
        public var description: String { "the planner produced an invalid plan: " + messages.prefix(3).joined(separator: "; ") }
    }

    static func read(_ day: DayProblem, _ solution: TransportSolution) throws -> TransportPlan.Day {
        let schedule: TransportValidator.Schedule
        switch TransportValidator.check(day.problem, solution) {
        case .success(let s): schedule = s
        case .failure(let v): throw InvalidPlan(messages: v.messages)
        }
        var vehicles: [TransportPlan.Vehicle] = []
        for (ri, route) in solution.routes.enumerated() {
            let type = day.types[route.vehicleType]
            var stops: [TransportPlan.Stop] = []
            var km = 0.0, here = route.vehicleType
            for (vi, visit) in route.visits.enumerated() {
                let request = day.problem.requests[visit.request]
                let stop = visit.isPickup ? request.pickup! : request.delivery
                km += day.problem.distance(here, stop.location); here = stop.location
                stops.append(.init(tripId: day.legs[visit.request].tripId, leg: day.legs[visit.request].leg, pickup: visit.isPickup,
                                   placeId: day.places[stop.location], minute: Int(schedule.starts[ri][vi].rounded()),
                                   travellers: request.load.seats))
            }
            km += day.problem.distance(here, route.vehicleType)
            let firstLocation = route.visits.first.map { v in (v.isPickup ? day.problem.requests[v.request].pickup! : day.problem.requests[v.request].delivery).location } ?? route.vehicleType
            let depart = (stops.first?.minute ?? 0) - Int(day.problem.duration(route.vehicleType, firstLocation))
            vehicles.append(.init(number: ri + 1, typeId: type.id, stops: stops, km: (km * 10).rounded() / 10,
                                  cost: Double(type.costPerDay) + Double(type.centsPerKm) * km / 100,
                                  depart: depart, back: Int(schedule.returns[ri].rounded())))
        }
        vehicles.sort { ($0.depart, $0.typeId) < ($1.depart, $1.typeId) }
        for i in vehicles.indices { vehicles[i].number = i + 1 }
        return .init(date: day.date, vehicles: vehicles, waiting: solution.unserved.map { day.legs[$0] })
    }
}
