/// Checks a plan by driving it, stop by stop, independently of how the search evaluates insertions: every request
/// served once (or listed as unserved), pickup before delivery in the same vehicle, load within capacity at every
/// stop, every service started inside its window, the vehicle back at its depot by the end of its day, and no more
/// vehicles of a type than available. The property tests and the benchmark commands trust only this.
public enum TransportValidator {
    public struct Schedule: Sendable, Hashable {
        /// Service start per visit of each route, in the route's order.
        public var starts: [[Double]]
        /// Departure from and return to the depot per route.
        public var departures: [Double]
        public var returns: [Double]
        public var distance: Double
        public var cost: Double
    }

    /// The violations found; empty means valid.
    public static func violations(_ problem: TransportProblem, _ solution: TransportSolution, epsilon: Double = 1e-6) -> [String] {
        switch check(problem, solution, epsilon: epsilon) {
        case .success: []
        case .failure(let v): v.messages
        }
    }

    public struct Violations: Error { public var messages: [String] }

    /// The schedule (earliest service starts) and cost of a valid plan, or what is wrong with it.
    public static func check(_ p: TransportProblem, _ s: TransportSolution, epsilon: Double = 1e-6) -> Result<Schedule, Violations> {
        var out: [String] = []
        var seenPickup = Array(repeating: 0, count: p.requests.count)
        var seenDelivery = Array(repeating: 0, count: p.requests.count)
        var typeUse = Array(repeating: 0, count: p.vehicleTypes.count)
        var starts: [[Double]] = [], departures: [Double] = [], returns: [Double] = []
        var distance = 0.0, cost = 0.0
        for (ri, route) in s.routes.enumerated() {
            guard p.vehicleTypes.indices.contains(route.vehicleType) else {
                out.append("route \(ri): vehicle type \(route.vehicleType) does not exist"); continue
            }
            let type = p.vehicleTypes[route.vehicleType]
            typeUse[route.vehicleType] += 1
            if route.visits.isEmpty { out.append("route \(ri): a vehicle without stops") }
            // The load on board when leaving the depot: every delivery-only request of this route.
            var seats = 0, chairs = 0
            for v in route.visits where p.requests.indices.contains(v.request) && p.requests[v.request].pickup == nil && !v.isPickup {
                seats += p.requests[v.request].load.seats; chairs += p.requests[v.request].load.wheelchairs
            }
            if seats > type.capacity.seats || chairs > type.capacity.wheelchairs {
                out.append("route \(ri): leaves the depot over capacity")
            }
            var onBoard = Set<Int>()
            var location = type.depot, time = type.early, routeDistance = 0.0
            var routeStarts: [Double] = []
            for (vi, v) in route.visits.enumerated() {
                guard p.requests.indices.contains(v.request) else { out.append("route \(ri) stop \(vi): request \(v.request) does not exist"); continue }
                let request = p.requests[v.request]
                let stop: TransportProblem.Stop
                if v.isPickup {
                    guard let pickup = request.pickup else { out.append("route \(ri) stop \(vi): request \(v.request) has no pickup"); continue }
                    stop = pickup
                    seenPickup[v.request] += 1
                    onBoard.insert(v.request)
                    seats += request.load.seats; chairs += request.load.wheelchairs
                } else {
                    stop = request.delivery
                    seenDelivery[v.request] += 1
                    if request.pickup != nil && !onBoard.contains(v.request) {
                        out.append("route \(ri) stop \(vi): request \(v.request) delivered before it was picked up in this vehicle")
                    }
                    onBoard.remove(v.request)
                    seats -= request.load.seats; chairs -= request.load.wheelchairs
                }
                if seats > type.capacity.seats || chairs > type.capacity.wheelchairs {
                    out.append("route \(ri) stop \(vi): \(seats) seats and \(chairs) wheelchair places on board, more than the vehicle has")
                }
                routeDistance += p.distance(location, stop.location)
                let arrival = time + p.duration(location, stop.location)
                let start = max(arrival, stop.early)
                if start > stop.late + epsilon {
                    out.append("route \(ri) stop \(vi): service of request \(v.request) starts at \(start), after its window closes at \(stop.late)")
                }
                routeStarts.append(start)
                time = start + stop.service
                location = stop.location
            }
            if !onBoard.isEmpty { out.append("route \(ri): requests \(onBoard.sorted()) are never delivered") }
            routeDistance += p.distance(location, type.depot)
            let back = time + p.duration(location, type.depot)
            if back > type.late + epsilon { out.append("route \(ri): back at the depot at \(back), after the vehicle's day ends at \(type.late)") }
            starts.append(routeStarts); departures.append(type.early); returns.append(back)
            distance += routeDistance
            cost += type.fixedCost + type.costPerDistance * routeDistance
        }
        let unserved = Set(s.unserved)
        for r in p.requests.indices {
            let needsPickup = p.requests[r].pickup != nil
            if unserved.contains(r) {
                if seenPickup[r] + seenDelivery[r] > 0 { out.append("request \(r): listed as unserved but visited") }
                cost += p.unservedPenalty
                continue
            }
            if seenDelivery[r] != 1 || seenPickup[r] != (needsPickup ? 1 : 0) {
                out.append("request \(r): served \(seenDelivery[r]) times (pickups \(seenPickup[r]))")
            }
        }
        for (t, used) in typeUse.enumerated() where used > p.vehicleTypes[t].available {
            out.append("vehicle type \(t): \(used) vehicles used, \(p.vehicleTypes[t].available) available")
        }
        if !out.isEmpty { return .failure(Violations(messages: out)) }
        return .success(Schedule(starts: starts, departures: departures, returns: returns, distance: distance, cost: cost))
    }
}
