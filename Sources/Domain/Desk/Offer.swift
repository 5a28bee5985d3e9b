/// An activity a member offers to schools (the catalogue). Operational data, not part of the report's dataset.
public struct Offer: Record {
    public static let entity = "offers"
    public var id: String
    public var organizationId: String
    public var type: ActivityType
    public var title: String
    public var description: String?
    public var sectors: [Sector]
    public var levels: [EducationLevel]
    public var groupMin: Int
    public var groupMax: Int
    /// How many times it can be given within its availability window.
    public var capacity: Int
    /// Times promised so far (proposed, agreed, planned or delivered); never above `capacity`.
    public var booked: Int
    public var availableFrom: PartialDate
    public var availableTo: PartialDate
    /// Weekdays it can be given (1 = Monday … 7 = Sunday); empty means any day.
    public var weekdays: [Int]
    /// None means the organisation's own address.
    public var location: String?
    public var latitude: Double?
    public var longitude: Double?
    public var pupilsTravel: Bool
    public var accessibility: String?
    public var active: Bool
    public var key: String { id }

    public init(id: String, organizationId: String, type: ActivityType, title: String, description: String? = nil, sectors: [Sector],
                levels: [EducationLevel], groupMin: Int = 1, groupMax: Int, capacity: Int, booked: Int = 0,
                availableFrom: PartialDate, availableTo: PartialDate, weekdays: [Int] = [], location: String? = nil,
                latitude: Double? = nil, longitude: Double? = nil, pupilsTravel: Bool = true, accessibility: String? = nil, active: Bool = true) {
        self.id = id; self.organizationId = organizationId; self.type = type; self.title = title; self.description = description
        self.sectors = sectors; self.levels = levels; self.groupMin = groupMin; self.groupMax = groupMax; self.capacity = capacity
        self.booked = booked; self.availableFrom = availableFrom; self.availableTo = availableTo; self.weekdays = weekdays
        self.location = location; self.latitude = latitude; self.longitude = longitude; self.pupilsTravel = pupilsTravel
        self.accessibility = accessibility; self.active = active
    }

    public var remaining: Int { max(0, capacity - booked) }

    /// Field errors (field name → message), empty when the offer is consistent.
    public func violations(knownOrganization: (String) -> Bool) -> [String: Localized] {
        var errors: [String: Localized] = [:]
        if title.trimmingCharacters(in: .whitespaces).isEmpty || title.count > 200 { errors["title"] = Localized("Vul een titel in van hoogstens 200 tekens.", "Enter a title of at most 200 characters.") }
        if (description ?? "").count > 5000 { errors["description"] = Localized("Hoogstens 5000 tekens.", "At most 5000 characters.") }
        if !knownOrganization(organizationId) { errors["organizationId"] = Localized("Onbekende organisatie.", "Unknown organisation.") }
        if sectors.isEmpty { errors["sectors"] = Localized("Kies ten minste één sector.", "Choose at least one sector.") }
        if levels.isEmpty { errors["levels"] = Localized("Kies ten minste één onderwijsniveau.", "Choose at least one education level.") }
        if groupMin < 1 { errors["groupMin"] = Localized("Ten minste 1 leerling.", "At least 1 pupil.") }
        if groupMax < groupMin { errors["groupMax"] = Localized("De grootste groep is kleiner dan de kleinste.", "The largest group is smaller than the smallest.") }
        if capacity < 1 || capacity > 1000 { errors["capacity"] = Localized("Een aantal keren van 1 tot 1000.", "A number of times from 1 to 1000.") }
        else if capacity < booked { errors["capacity"] = Localized("Er zijn al \(booked) afspraken; de capaciteit kan niet lager.", "\(booked) agreements exist already; capacity cannot be lower.") }
        if availableTo < availableFrom { errors["availableTo"] = Localized("De einddatum ligt voor de begindatum.", "The end date is before the start date.") }
        if weekdays.contains(where: { !(1...7).contains($0) }) { errors["weekdays"] = Localized("Onbekende weekdag.", "Unknown weekday.") }
        if (latitude == nil) != (longitude == nil) { errors["longitude"] = Localized("Vul breedte- en lengtegraad allebei in, of geen van beide.", "Give both latitude and longitude, or neither.") }
        return errors
    }
}

extension Offer {
    /// "Copy my offers to the next school year": each offer of the organisation available in `year` again, one year
    /// on, with nothing booked; an offer that already has its copy (same title, type and dates a year on) is skipped,
    /// so pressing twice copies once.
    public static func copiesForNextYear(_ offers: [Offer], organizationId: String, year: SchoolYear, startMonth: Int,
                                         newId: () -> String) -> [Offer] {
        let own = offers.filter { $0.organizationId == organizationId }
        let existing = Set(own.map { [$0.title, $0.type.rawValue, $0.availableFrom.description] })
        return own.filter { $0.availableFrom < year.end(startMonth: startMonth) && $0.availableTo >= year.start(startMonth: startMonth) }
            .compactMap { o in
                var copy = o
                copy.id = newId()
                copy.availableFrom = o.availableFrom.adding(months: 12)
                copy.availableTo = o.availableTo.adding(months: 12)
                copy.booked = 0
                copy.active = true
                return existing.contains([copy.title, copy.type.rawValue, copy.availableFrom.description]) ? nil : copy
            }
    }
}
