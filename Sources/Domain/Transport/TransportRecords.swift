import Foundation

/// Student transport (§5.4, "Knelpunt leerlingenvervoer"): the records the coordinator keeps beside the desk.

/// A class travelling to an activity and back: one record, two legs (heen: school → site, terug: site → school).
/// Made from a planned desk agreement that needs transport, or entered as example data (then labelled so).
public struct TransportTrip: Record {
    public static let entity = "transport_trips"
    public var id: String
    public var agreementId: String?
    public var schoolId: String
    /// Where the activity takes place (a company's site, which may differ from its office).
    public var siteId: String
    public var date: PartialDate
    /// "09:30": the activity's start; the class arrives in the settings' window before it.
    public var startTime: String
    public var durationMinutes: Int
    public var pupils: Int
    public var teachers: Int
    public var wheelchairs: Int
    public var status: TripStatus
    public var projectId: String?
    /// Who pays for the transport (an organisation id from the funding records), when decided.
    public var funderId: String?
    public var example: Bool
    /// Where the activity takes place when that is not the organisation's own address (a workshop, a building site).
    public var siteName: String?
    public var siteLatitude: Double?
    public var siteLongitude: Double?
    /// The coordinator's choice for this class: true by public transport, false by bus, nil by the settings' limit.
    public var publicTransport: Bool?
    /// Why the class does not travel, when it was cancelled with a reason.
    public var cancelReason: String?
    public var key: String { id }

    /// The place the bus drives to: the activity's own site when it has coordinates, else the organisation.
    public var sitePlace: String { siteLatitude != nil && siteLongitude != nil ? "site:" + id : siteId }

    public init(id: String, agreementId: String? = nil, schoolId: String, siteId: String, date: PartialDate, startTime: String,
                durationMinutes: Int, pupils: Int, teachers: Int = 2, wheelchairs: Int = 0, status: TripStatus = .gepland,
                projectId: String? = nil, funderId: String? = nil, example: Bool = false) {
        self.id = id; self.agreementId = agreementId; self.schoolId = schoolId; self.siteId = siteId; self.date = date
        self.startTime = startTime; self.durationMinutes = durationMinutes; self.pupils = pupils; self.teachers = teachers
        self.wheelchairs = wheelchairs; self.status = status; self.projectId = projectId; self.funderId = funderId; self.example = example
    }

    /// Seats the class takes: pupils and their teachers, travelling together.
    public var seats: Int { pupils + teachers }
    /// Minutes since midnight of the start, or nil when `startTime` is not "HH:MM".
    public var startMinute: Int? { TransportTrip.minute(startTime) }

    public static func minute(_ hhmm: String) -> Int? {
        let parts = hhmm.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }

    public static func clock(_ minute: Int) -> String {
        let m = max(0, minute)
        return (m / 60 < 10 ? "0" : "") + String(m / 60) + ":" + (m % 60 < 10 ? "0" : "") + String(m % 60)
    }

    /// What is wrong with the trip as entered, per field.
    public func violations() -> [(field: String, message: Localized)] {
        var out: [(String, Localized)] = []
        if startMinute == nil { out.append(("startTime", Localized("Een tijd als 09:30.", "A time such as 09:30."))) }
        if !(1...600).contains(durationMinutes) { out.append(("durationMinutes", Localized("Tussen 1 en 600 minuten.", "Between 1 and 600 minutes."))) }
        if !(1...200).contains(pupils) { out.append(("pupils", Localized("Tussen 1 en 200 leerlingen.", "Between 1 and 200 pupils."))) }
        if !(0...20).contains(teachers) { out.append(("teachers", Localized("Tussen 0 en 20 begeleiders.", "Between 0 and 20 teachers."))) }
        if !(0...20).contains(wheelchairs) || wheelchairs > pupils + teachers {
            out.append(("wheelchairs", Localized("Hooguit het aantal reizigers, en niet meer dan 20.", "At most the number of travellers, and no more than 20.")))
        }
        if schoolId == siteId { out.append(("siteId", Localized("De activiteit is op een andere plek dan de school.", "The activity is somewhere other than the school."))) }
        if (siteLatitude == nil) != (siteLongitude == nil) {
            out.append(("siteLongitude", Localized("Vul breedte- en lengtegraad allebei in, of geen van beide.", "Give both latitude and longitude, or neither.")))
        }
        if let v = siteLatitude, !(-90.0...90.0).contains(v) { out.append(("siteLatitude", Localized("Een getal tussen -90 en 90.", "A number from -90 to 90."))) }
        if let v = siteLongitude, !(-180.0...180.0).contains(v) { out.append(("siteLongitude", Localized("Een getal tussen -180 en 180.", "A number from -180 to 180."))) }
        return out
    }
}

public enum TripStatus: String, Codable, CaseIterable, Sendable, Hashable, LocalizedLabel {
    case gepland
    case geannuleerd
    public var label: Localized {
        switch self {
        case .gepland: Localized("Gepland", "Planned")
        case .geannuleerd: Localized("Geannuleerd", "Cancelled")
        }
    }
}

/// A kind of vehicle a contracted carrier offers.
public struct TransportVehicleType: Record {
    public static let entity = "transport_vehicle_types"
    public var id: String
    public var name: String
    public var carrier: String
    public var seats: Int
    public var wheelchairPlaces: Int
    /// Euros per vehicle per day.
    public var costPerDay: Int
    /// Cents per kilometre.
    public var centsPerKm: Int
    /// Vehicles of this type the carrier can send on one day.
    public var available: Int
    public var depotName: String
    public var depotLatitude: Double
    public var depotLongitude: Double
    public var example: Bool
    public var key: String { id }

    public init(id: String, name: String, carrier: String, seats: Int, wheelchairPlaces: Int = 0, costPerDay: Int, centsPerKm: Int,
                available: Int, depotName: String, depotLatitude: Double, depotLongitude: Double, example: Bool = false) {
        self.id = id; self.name = name; self.carrier = carrier; self.seats = seats; self.wheelchairPlaces = wheelchairPlaces
        self.costPerDay = costPerDay; self.centsPerKm = centsPerKm; self.available = available; self.depotName = depotName
        self.depotLatitude = depotLatitude; self.depotLongitude = depotLongitude; self.example = example
    }

    public func violations() -> [(field: String, message: Localized)] {
        var out: [(String, Localized)] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty { out.append(("name", Localized("Geef een naam.", "Give a name."))) }
        if carrier.trimmingCharacters(in: .whitespaces).isEmpty { out.append(("carrier", Localized("Geef de vervoerder.", "Give the carrier."))) }
        if depotName.trimmingCharacters(in: .whitespaces).isEmpty { out.append(("depotName", Localized("Geef de remise, waar de voertuigen 's ochtends vertrekken.", "Give the depot the vehicles leave from in the morning."))) }
        if !(1...100).contains(seats) { out.append(("seats", Localized("Tussen 1 en 100 zitplaatsen.", "Between 1 and 100 seats."))) }
        if !(0...20).contains(wheelchairPlaces) { out.append(("wheelchairPlaces", Localized("Tussen 0 en 20.", "Between 0 and 20."))) }
        if !(0...100_000).contains(costPerDay) { out.append(("costPerDay", Localized("Een bedrag in euro's, 0 of meer.", "An amount in euros, 0 or more."))) }
        if !(0...10_000).contains(centsPerKm) { out.append(("centsPerKm", Localized("Centen per kilometer, 0 of meer.", "Cents per kilometre, 0 or more."))) }
        if !(0...500).contains(available) { out.append(("available", Localized("Tussen 0 en 500 voertuigen.", "Between 0 and 500 vehicles."))) }
        if !(-90.0...90.0).contains(depotLatitude) { out.append(("depotLatitude", Localized("Een getal tussen -90 en 90.", "A number from -90 to 90."))) }
        if !(-180.0...180.0).contains(depotLongitude) { out.append(("depotLongitude", Localized("Een getal tussen -180 en 180.", "A number from -180 to 180."))) }
        return out
    }
}

/// Where an organisation's pupils board or an activity takes place, when the organisation record has no
/// coordinates of its own; `approximate` ones are shown as such ("bij benadering").
public struct TransportLocation: Record {
    public static let entity = "transport_locations"
    /// The organisation's id.
    public var id: String
    public var latitude: Double
    public var longitude: Double
    public var approximate: Bool
    public var note: String?
    public var key: String { id }
    public init(id: String, latitude: Double, longitude: Double, approximate: Bool, note: String? = nil) {
        self.id = id; self.latitude = latitude; self.longitude = longitude; self.approximate = approximate; self.note = note
    }
}

/// A travel time and distance between two organisations from a routing engine, imported as CSV; it wins over the
/// estimate from coordinates.
public struct TravelLeg: Record {
    public static let entity = "transport_travel"
    /// "from→to".
    public var id: String
    public var fromId: String
    public var toId: String
    public var minutes: Int
    public var km: Double
    public var key: String { id }
    public init(fromId: String, toId: String, minutes: Int, km: Double) {
        self.id = fromId + "→" + toId; self.fromId = fromId; self.toId = toId; self.minutes = minutes; self.km = km
    }
}

/// A week's transport plan as published: its days (vehicles, stops and times) as JSON, and a revision that grows
/// with every re-plan so a stale form cannot overwrite a newer plan.
public struct TransportPlanRecord: Record {
    public static let entity = "transport_plans"
    public var id: String
    /// The Monday of the week.
    public var weekStart: PartialDate
    public var createdOn: PartialDate
    public var revision: Int
    /// `TransportPlan` as JSON.
    public var body: String
    public var key: String { id }
    public init(id: String, weekStart: PartialDate, createdOn: PartialDate, revision: Int, body: String) {
        self.id = id; self.weekStart = weekStart; self.createdOn = createdOn; self.revision = revision; self.body = body
    }
}

/// The coordinator's transport settings, stored as one row (`TransportSettings` as JSON) so every instance plans
/// with the same ones.
public struct TransportSettingsRecord: Record {
    public static let entity = "transport_settings"
    public var id: String
    public var body: String
    public var key: String { id }
    public init(id: String = "instellingen", body: String) { self.id = id; self.body = body }
}
