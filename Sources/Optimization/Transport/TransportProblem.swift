/// Pickup and delivery with time windows, capacities and a fixed cost per vehicle: the excursion day of §5.4
/// ("Knelpunt leerlingenvervoer"). A class is picked up at its school and delivered at the company as one load
/// ("this class travels together"); the return trip is a second request. Plain VRPTW (Solomon) is the special case
/// where every request is one stop whose load is on board from the depot.
///
/// Locations index a travel matrix (distance and duration, any units; times are minutes in the product). A stop is a
/// visit to a location within a time window; service starts at max(arrival, early) and must start by `late`.
public struct TransportProblem: Sendable {
    public struct Stop: Sendable, Hashable {
        public var location: Int
        public var early: Double
        public var late: Double
        public var service: Double
        public init(location: Int, early: Double, late: Double, service: Double) {
            self.location = location; self.early = early; self.late = late; self.service = service
        }
    }

    /// Seats and wheelchair places a request takes while on board.
    public struct Load: Sendable, Hashable {
        public var seats: Int
        public var wheelchairs: Int
        public init(seats: Int, wheelchairs: Int = 0) { self.seats = seats; self.wheelchairs = wheelchairs }
    }

    /// One class (or one customer): picked up at `pickup` and delivered at `delivery`; without a pickup the load is
    /// on board from the depot (VRPTW).
    public struct Request: Sendable, Hashable {
        public var pickup: Stop?
        public var delivery: Stop
        public var load: Load
        public init(pickup: Stop?, delivery: Stop, load: Load) { self.pickup = pickup; self.delivery = delivery; self.load = load }
    }

    /// A kind of vehicle a carrier offers: a route of this type costs `fixedCost + costPerDistance × distance`.
    public struct VehicleType: Sendable, Hashable {
        public var capacity: Load
        public var fixedCost: Double
        public var costPerDistance: Double
        /// How many may run; `Int.max` when the carrier has as many as needed.
        public var available: Int
        public var depot: Int
        public var early: Double
        public var late: Double
        public init(capacity: Load, fixedCost: Double, costPerDistance: Double = 1, available: Int = .max, depot: Int,
                    early: Double, late: Double) {
            self.capacity = capacity; self.fixedCost = fixedCost; self.costPerDistance = costPerDistance
            self.available = available; self.depot = depot; self.early = early; self.late = late
        }
    }

    public var locationCount: Int
    /// Row-major `locationCount × locationCount`.
    public var distance: [Double]
    public var duration: [Double]
    public var requests: [Request]
    public var vehicleTypes: [VehicleType]
    /// Cost of leaving a request unserved when the fleet is too small (the waiting list); it should exceed any
    /// vehicle's cost so that serving always wins when it is possible.
    public var unservedPenalty: Double

    public init(locationCount: Int, distance: [Double], duration: [Double], requests: [Request], vehicleTypes: [VehicleType],
                unservedPenalty: Double? = nil) {
        self.locationCount = locationCount; self.distance = distance; self.duration = duration
        self.requests = requests; self.vehicleTypes = vehicleTypes
        let maxFixed = vehicleTypes.map(\.fixedCost).max() ?? 0
        let maxDistance = distance.max() ?? 0
        self.unservedPenalty = unservedPenalty ?? (2 * maxFixed + 10 * maxDistance * Double(max(1, vehicleTypes.count)) + 1_000)
    }

    public func distance(_ a: Int, _ b: Int) -> Double { distance[a * locationCount + b] }
    public func duration(_ a: Int, _ b: Int) -> Double { duration[a * locationCount + b] }

    /// What is wrong with the problem itself, before solving (matrix sizes, windows, locations).
    public func problems() -> [String] {
        var out: [String] = []
        let n = locationCount
        if distance.count != n * n || duration.count != n * n { out.append("the matrices need \(n) × \(n) entries") }
        if vehicleTypes.isEmpty { out.append("no vehicle type") }
        for (i, t) in vehicleTypes.enumerated() {
            if !(0..<n).contains(t.depot) { out.append("vehicle type \(i): depot \(t.depot) is not a location") }
            if t.early > t.late { out.append("vehicle type \(i): its day ends before it starts") }
        }
        for (i, r) in requests.enumerated() {
            for s in [r.pickup, r.delivery].compactMap({ $0 }) {
                if !(0..<n).contains(s.location) { out.append("request \(i): location \(s.location) is not in the matrix") }
                if s.early > s.late { out.append("request \(i): a time window ends before it starts") }
            }
            if r.load.seats < 0 || r.load.wheelchairs < 0 { out.append("request \(i): a negative load") }
        }
        return out
    }
}

/// A plan: per vehicle its type and its stops in order. A visit is (request, isPickup).
public struct TransportSolution: Sendable, Hashable {
    public struct Visit: Sendable, Hashable {
        public var request: Int
        public var isPickup: Bool
        public init(request: Int, isPickup: Bool) { self.request = request; self.isPickup = isPickup }
    }
    public struct Route: Sendable, Hashable {
        public var vehicleType: Int
        public var visits: [Visit]
        public init(vehicleType: Int, visits: [Visit]) { self.vehicleType = vehicleType; self.visits = visits }
    }
    public var routes: [Route]
    /// Requests no vehicle could take (only when the fleet is limited).
    public var unserved: [Int]
    public init(routes: [Route], unserved: [Int] = []) { self.routes = routes; self.unserved = unserved }

    public var vehicles: Int { routes.count }
}
