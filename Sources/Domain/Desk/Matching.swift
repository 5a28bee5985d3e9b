import Foundation

/// Weights of the matching score (points). Settings, so the programme can tune what counts most.
public struct MatchWeights: Sendable, Hashable {
    public var sector = 30
    public var distance = 25
    public var dateOverlap = 10
    public var capacity = 5
    public var owesActivities = 15
    public var schoolFairness = 10
    public var districtFairness = 5
    public init() {}
}

/// One line of a candidate's explanation: what it is and how many points it gave.
public struct ScoreReason: Sendable, Hashable {
    public var label: Localized
    public var points: Int
}

/// An offer that can serve a request, with its score and why.
public struct Candidate: Sendable, Hashable {
    public var offer: Offer
    public var score: Int
    public var reasons: [ScoreReason]
    public var distanceKm: Double?
}

/// What the matcher knows besides the request and the offers.
public struct MatchContext: Sendable {
    public var organizations: [String: Organization]
    /// Agreements so far (any status), for fairness and for what companies still owe.
    public var agreements: [ActivityAgreement]
    public var settings: DeskSettings
    public var today: PartialDate

    public init(organizations: [String: Organization], agreements: [ActivityAgreement], settings: DeskSettings, today: PartialDate) {
        self.organizations = organizations; self.agreements = agreements; self.settings = settings; self.today = today
        let year = SchoolYear(containing: today, startMonth: settings.schoolYearStartMonth)
        for a in agreements where a.status != .geannuleerd && year.contains(a.countingDay, startMonth: settings.schoolYearStartMonth) {
            perSchool[a.schoolId, default: 0] += 1
            perCompany[a.companyId, default: 0] += 1
            if let d = organizations[a.schoolId]?.district { perDistrict[d, default: 0] += 1 }
        }
    }

    var perSchool: [String: Int] = [:]
    var perCompany: [String: Int] = [:]
    var perDistrict: [String: Int] = [:]
}

public enum Matching {
    /// Great-circle distance in kilometres.
    public static func distanceKm(_ a: (Double, Double), _ b: (Double, Double)) -> Double {
        let r = 6371.0, toRad = Double.pi / 180
        let dLat = (b.0 - a.0) * toRad, dLon = (b.1 - a.1) * toRad
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.0 * toRad) * cos(b.0 * toRad) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * r * asin(min(1, h.squareRoot()))
    }

    static func coordinates(of offer: Offer, _ ctx: MatchContext) -> (Double, Double)? {
        if let lat = offer.latitude, let lon = offer.longitude { return (lat, lon) }
        if let o = ctx.organizations[offer.organizationId], let lat = o.latitude, let lon = o.longitude { return (lat, lon) }
        return nil
    }

    /// Why an offer cannot serve a request, or nil when it can (hard rules: type, level, group size, dates, capacity, distance).
    public static func exclusion(_ request: NetworkRequest, _ offer: Offer, _ ctx: MatchContext) -> Localized? {
        if !offer.active { return Localized("Aanbod niet actief", "Offer not active") }
        if offer.type != request.type { return Localized("Ander soort activiteit", "Different kind of activity") }
        if !offer.levels.contains(request.level) { return Localized("Niet voor dit niveau", "Not for this level") }
        if request.pupils > offer.groupMax || request.pupils < offer.groupMin {
            return Localized("Groepsgrootte past niet (\(offer.groupMin)–\(offer.groupMax))", "Group size does not fit (\(offer.groupMin)–\(offer.groupMax))")
        }
        if offer.availableTo < request.windowStart || request.windowEnd < offer.availableFrom { return Localized("Geen overlap in datum", "No date overlap") }
        if offer.remaining == 0 { return Localized("Geen capaciteit meer", "No capacity left") }
        if let limit = request.maxDistanceKm, let d = distance(request, offer, ctx), d > limit {
            return Localized("Verder dan \(Int(limit)) km", "Further than \(Int(limit)) km")
        }
        return nil
    }

    static func distance(_ request: NetworkRequest, _ offer: Offer, _ ctx: MatchContext) -> Double? {
        guard let school = ctx.organizations[request.schoolId], let lat = school.latitude, let lon = school.longitude,
              let place = coordinates(of: offer, ctx) else { return nil }
        return distanceKm((lat, lon), place)
    }

    /// The score of a feasible pair and its explanation; the parts add up to the score.
    public static func score(_ request: NetworkRequest, _ offer: Offer, _ ctx: MatchContext) -> Candidate {
        let w = ctx.settings.weights
        var reasons: [ScoreReason] = []
        let shared = Set(request.sectors).intersection(offer.sectors).count
        let sectorPoints = request.sectors.isEmpty ? 0 : w.sector * shared / request.sectors.count
        reasons.append(ScoreReason(label: Localized("Sector: \(shared) van \(request.sectors.count) gevraagd", "Sector: \(shared) of \(request.sectors.count) asked"), points: sectorPoints))
        let d = distance(request, offer, ctx)
        if let d {
            let limit = request.maxDistanceKm ?? 50
            let points = Int((Double(w.distance) * max(0, 1 - d / max(limit, 1))).rounded())
            reasons.append(ScoreReason(label: Localized("Afstand \(NumberFormat.number(d, decimals: 1, .nl)) km", "Distance \(NumberFormat.number(d, decimals: 1, .en)) km"), points: points))
        } else {
            reasons.append(ScoreReason(label: Localized("Afstand onbekend (geen coördinaten)", "Distance unknown (no coordinates)"), points: 0))
        }
        let overlapStart = max(request.windowStart, offer.availableFrom), overlapEnd = min(request.windowEnd, offer.availableTo)
        let overlapDays = days(from: overlapStart, to: overlapEnd) + 1
        let windowDays = max(1, days(from: request.windowStart, to: request.windowEnd) + 1)
        reasons.append(ScoreReason(label: Localized("Datum: \(overlapDays) van \(windowDays) dagen beschikbaar", "Dates: \(overlapDays) of \(windowDays) days available"),
                                   points: w.dateOverlap * min(overlapDays, windowDays) / windowDays))
        reasons.append(ScoreReason(label: Localized("Nog \(offer.remaining) van \(offer.capacity) keer beschikbaar", "\(offer.remaining) of \(offer.capacity) times left"),
                                   points: w.capacity * offer.remaining / max(1, offer.capacity)))
        let done = ctx.perCompany[offer.organizationId] ?? 0
        let owes = done < ctx.settings.activitiesPerCompany
        reasons.append(ScoreReason(label: owes ? Localized("Bedrijf heeft dit schooljaar nog \(ctx.settings.activitiesPerCompany - done) activiteit(en) te goed", "Company still owes \(ctx.settings.activitiesPerCompany - done) activity(ies) this school year")
                                           : Localized("Bedrijf heeft zijn activiteiten voor dit schooljaar al", "Company has its activities for this school year"),
                                   points: owes ? w.owesActivities : 0))
        let schoolCount = ctx.perSchool[request.schoolId] ?? 0
        reasons.append(ScoreReason(label: Localized("School kreeg dit schooljaar \(schoolCount) activiteit(en)", "School received \(schoolCount) activity(ies) this school year"),
                                   points: w.schoolFairness / (1 + schoolCount)))
        if let district = ctx.organizations[request.schoolId]?.district {
            let n = ctx.perDistrict[district] ?? 0
            reasons.append(ScoreReason(label: Localized("Stadsdeel \(district) kreeg \(n) activiteit(en)", "District \(district) received \(n) activity(ies)"),
                                       points: w.districtFairness / (1 + n)))
        }
        return Candidate(offer: offer, score: reasons.reduce(0) { $0 + $1.points }, reasons: reasons, distanceKm: d)
    }

    /// Feasible offers for a request, best first (ties: nearest, then id, so the order is stable).
    public static func candidates(for request: NetworkRequest, offers: [Offer], _ ctx: MatchContext) -> [Candidate] {
        offers.filter { exclusion(request, $0, ctx) == nil }
            .map { score(request, $0, ctx) }
            .sorted { ($0.score, -($0.distanceKm ?? .infinity), $1.offer.id) > ($1.score, -($1.distanceKm ?? .infinity), $0.offer.id) }
    }

    /// Whole days from `a` to `b` (negative when b is earlier); partial dates count from their first day.
    public static func days(from a: PartialDate, to b: PartialDate) -> Int {
        func ordinal(_ d: PartialDate) -> Int {
            var c = DateComponents(); c.year = d.year; c.month = d.month ?? 1; c.day = d.day ?? 1
            let date = utcCalendar.date(from: c) ?? Date(timeIntervalSince1970: 0)
            return Int((date.timeIntervalSince1970 / 86400).rounded(.down))
        }
        return ordinal(b) - ordinal(a)
    }

    /// The day `n` days after `d`.
    public static func day(_ d: PartialDate, plus n: Int) -> PartialDate {
        var c = DateComponents(); c.year = d.year; c.month = d.month ?? 1; c.day = (d.day ?? 1) + n
        return PartialDate(day: utcCalendar.date(from: c) ?? Date())
    }
}

let utcCalendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar
}()
