import Foundation

/// The coordinator's settings for travel estimates and time windows (minutes unless named otherwise).
public struct TransportSettings: Sendable, Hashable, Codable {
    /// Road distance over straight-line distance.
    public var detourFactor = 1.3
    public var busKmPerHour = 30.0
    /// Added to every bus ride (stopping, parking).
    public var busStopMinutes = 2
    public var publicTransportKmPerHour = 15.0
    public var publicTransportWaitMinutes = 10
    /// A class goes by public transport when that takes at most this long (0: never).
    public var publicTransportLimit = 0
    /// The class arrives between `arriveEarliest` and `arriveLatest` minutes before the start.
    public var arriveEarliest = 30
    public var arriveLatest = 10
    /// Picked up at school at most this long before the start.
    public var pickupEarliest = 120
    /// Collected between these minutes after the end, and home within `homeWithin` after it.
    public var collectAfter = 5
    public var collectWithin = 30
    public var homeWithin = 150
    public var boardMinutes = 10
    public var alightMinutes = 5
    /// Vehicles run from 07:00 to 19:00.
    public var dayStart = 7 * 60
    public var dayEnd = 19 * 60
    public init() {}

    /// When the stop of a trip's leg may start, in minutes since midnight: the one definition of the time windows, used
    /// to plan and to decide whether a stop people hold is still valid. Nil without a start time.
    public func window(_ trip: TransportTrip, leg: TransportPlan.Leg, pickup: Bool) -> (early: Int, late: Int)? {
        guard let start = trip.startMinute else { return nil }
        let end = start + trip.durationMinutes
        switch (leg, pickup) {
        case (.heen, true): return (start - pickupEarliest, start - arriveLatest)
        case (.heen, false): return (start - arriveEarliest, start - arriveLatest)
        case (.terug, true): return (end + collectAfter, end + collectWithin)
        case (.terug, false): return (end, end + homeWithin)
        }
    }

    /// What is out of range, per field (the settings form names each).
    public func violations() -> [(field: String, message: Localized)] {
        var out: [(String, Localized)] = []
        if !(1.0...3.0).contains(detourFactor) { out.append(("detourFactor", Localized("Tussen 1 en 3.", "Between 1 and 3."))) }
        if !(5.0...120.0).contains(busKmPerHour) { out.append(("busKmPerHour", Localized("Tussen 5 en 120 km/u.", "Between 5 and 120 km/h."))) }
        if !(2.0...100.0).contains(publicTransportKmPerHour) {
            out.append(("publicTransportKmPerHour", Localized("Tussen 2 en 100 km/u.", "Between 2 and 100 km/h.")))
        }
        if !(0...60).contains(publicTransportWaitMinutes) {
            out.append(("publicTransportWaitMinutes", Localized("Tussen 0 en 60 minuten.", "Between 0 and 60 minutes.")))
        }
        if !(0...180).contains(publicTransportLimit) {
            out.append(("publicTransportLimit", Localized("Tussen 0 (nooit) en 180 minuten.", "Between 0 (never) and 180 minutes.")))
        }
        // The class must be able to be picked up before it has to arrive.
        if !(0...120).contains(arriveLatest) || arriveEarliest < arriveLatest || arriveEarliest > min(180, pickupEarliest) {
            out.append(("arriveEarliest", Localized("Het venster loopt van hooguit 120 tot minstens 0 minuten vóór de start, het vroegste eerst.",
                                                    "The window runs from at most 120 to at least 0 minutes before the start, the earliest first.")))
        }
        return out
    }
}

/// A point with coordinates, marked when they are approximate.
public struct Coordinate: Sendable, Hashable, Codable {
    public var latitude: Double
    public var longitude: Double
    public var approximate: Bool
    public init(latitude: Double, longitude: Double, approximate: Bool = false) {
        self.latitude = latitude; self.longitude = longitude; self.approximate = approximate
    }

    /// Great-circle distance in kilometres.
    public func km(to other: Coordinate) -> Double {
        let r = 6_371.0, rad = Double.pi / 180
        let dLat = (other.latitude - latitude) * rad, dLon = (other.longitude - longitude) * rad
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(latitude * rad) * cos(other.latitude * rad) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * r * asin(min(1, a.squareRoot()))
    }
}

/// Travel between places: an imported leg wins; otherwise great-circle × detour at the mode's speed.
public struct TravelEstimate: Sendable {
    public var coordinates: [String: Coordinate]
    public var legs: [String: TravelLeg]
    public var settings: TransportSettings
    public init(coordinates: [String: Coordinate], legs: [TravelLeg], settings: TransportSettings) {
        self.coordinates = coordinates; self.settings = settings
        self.legs = Dictionary(legs.map { ($0.id, $0) }, uniquingKeysWith: { _, b in b })
    }

    public func km(_ a: String, _ b: String) -> Double? {
        if a == b { return 0 }
        if let leg = legs[a + "→" + b] { return leg.km }
        guard let p = coordinates[a], let q = coordinates[b] else { return nil }
        return p.km(to: q) * settings.detourFactor
    }

    public func busMinutes(_ a: String, _ b: String) -> Int? {
        if a == b { return 0 }
        if let leg = legs[a + "→" + b] { return leg.minutes }
        return km(a, b).map { Int(($0 / settings.busKmPerHour * 60).rounded(.up)) + settings.busStopMinutes }
    }

    public func publicTransportMinutes(_ a: String, _ b: String) -> Int? {
        km(a, b).map { Int(($0 / settings.publicTransportKmPerHour * 60).rounded(.up)) + settings.publicTransportWaitMinutes }
    }
}

/// A week's plan: per day the vehicles with their stops, the legs left waiting (no vehicle available) and the trips
/// that go by public transport or could not be planned for want of a location.
public struct TransportPlan: Sendable, Hashable, Codable {
    public enum Leg: String, Sendable, Hashable, Codable, CaseIterable, LocalizedLabel {
        case heen, terug
        public var label: Localized { self == .heen ? Localized("Heen", "Outward") : Localized("Terug", "Return") }
    }
    public struct LegRef: Sendable, Hashable, Codable {
        public var tripId: String
        public var leg: Leg
        public init(tripId: String, leg: Leg) { self.tripId = tripId; self.leg = leg }
    }
    public struct Stop: Sendable, Hashable, Codable {
        public var tripId: String
        public var leg: Leg
        public var pickup: Bool
        public var placeId: String
        /// Service start, minutes since midnight.
        public var minute: Int
        public var travellers: Int
        /// Names one stop of one class's leg across plans (to compare them, or to hold its time).
        public static func key(_ tripId: String, _ leg: Leg, pickup: Bool) -> String { tripId + "/" + leg.rawValue + (pickup ? "/p" : "/d") }
        public var key: String { Stop.key(tripId, leg, pickup: pickup) }
    }
    public struct Vehicle: Sendable, Hashable, Codable {
        public var number: Int
        public var typeId: String
        public var stops: [Stop]
        public var km: Double
        /// Euros for the day: the type's day price and its kilometres.
        public var cost: Double
        public var depart: Int
        public var back: Int

        /// Each class's ride in this vehicle: the stop where it boards and the one where it alights (in stop order).
        public var rides: [(board: Stop, alight: Stop)] {
            stops.filter(\.pickup).compactMap { s in stops.first { !$0.pickup && $0.tripId == s.tripId && $0.leg == s.leg }.map { (s, $0) } }
        }
    }
    public struct Day: Sendable, Hashable, Codable {
        public var date: PartialDate
        public var vehicles: [Vehicle]
        public var waiting: [LegRef]
    }
    public var days: [Day]
    public var publicTransport: [String]
    public var missingLocation: [String]
    /// When the schools and companies were told (their trip sheets are final from then on); nil: a draft.
    public var publishedOn: PartialDate?
    public init(days: [Day], publicTransport: [String] = [], missingLocation: [String] = [], publishedOn: PartialDate? = nil) {
        self.days = days; self.publicTransport = publicTransport; self.missingLocation = missingLocation; self.publishedOn = publishedOn
    }

    /// Once published, people hold their times: the plan changes only with the least change, never from scratch.
    public var mayPlanFromScratch: Bool { publishedOn == nil }

    /// The organisations with a trip in the plan (schools and the places they visit), or among `trips` only.
    public func organizations(_ trips: [String: TransportTrip], only: Set<String>? = nil) -> [String] {
        var out = Set<String>()
        for d in days { for v in d.vehicles { for s in v.stops where only?.contains(s.tripId) ?? true {
            if let t = trips[s.tripId] { out.insert(t.schoolId); out.insert(t.siteId) }
        } } }
        for w in waiting where only?.contains(w.tripId) ?? true { if let t = trips[w.tripId] { out.insert(t.schoolId); out.insert(t.siteId) } }
        return out.sorted()
    }

    public var vehicleDays: Int { days.reduce(0) { $0 + $1.vehicles.count } }
    public var cost: Double { days.reduce(0) { $0 + $1.vehicles.reduce(0) { $0 + $1.cost } } }
    public var waiting: [LegRef] { days.flatMap(\.waiting) }

    /// Each vehicle's cost shared over the trips it carries, by travellers × the leg's own kilometres (a class that
    /// rides further and fills more seats pays more), in euros per trip.
    public func costPerTrip(_ trips: [String: TransportTrip], travel: TravelEstimate) -> [String: Double] {
        var out: [String: Double] = [:]
        for day in days {
            for v in day.vehicles {
                var weights: [String: Double] = [:]
                for s in v.stops where s.pickup {
                    guard let trip = trips[s.tripId] else { continue }
                    let (from, to) = s.leg == .heen ? (trip.schoolId, trip.sitePlace) : (trip.sitePlace, trip.schoolId)
                    weights[s.tripId, default: 0] += Double(s.travellers) * max(0.1, travel.km(from, to) ?? 1)
                }
                let total = weights.values.reduce(0, +)
                guard total > 0 else { continue }
                for (trip, w) in weights { out[trip, default: 0] += v.cost * w / total }
            }
        }
        return out
    }
}

/// Days as counted from 1970-01-01, for the week's arithmetic (proleptic Gregorian).
public enum CivilDays {
    public static func days(_ d: PartialDate) -> Int? {
        guard let m0 = d.month, let day = d.day else { return nil }
        let y = m0 <= 2 ? d.year - 1 : d.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = m0 > 2 ? m0 - 3 : m0 + 9
        let doy = (153 * m + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func date(_ z0: Int) -> PartialDate {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return PartialDate(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// The Monday of the week holding `d` (ISO weeks start on Monday; 1970-01-01 was a Thursday).
    public static func monday(of d: PartialDate) -> PartialDate? {
        guard let z = days(d) else { return nil }
        let weekday = ((z % 7) + 7 + 3) % 7 // 0 = Monday
        return date(z - weekday)
    }

    public static func adding(_ n: Int, to d: PartialDate) -> PartialDate? { days(d).map { date($0 + n) } }
}
