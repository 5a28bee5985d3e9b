/// Matchingday wishes: whom each participant wants to meet, and how the wishes become the weights the scheduler
/// maximises.
public enum WishPriority: String, Codable, CaseIterable, Sendable, Hashable, LocalizedLabel {
    case moet
    case graag
    case lieverNiet = "liever-niet"
    case niet

    public var label: Localized {
        switch self {
        case .moet: Localized("Moet", "Must")
        case .graag: Localized("Graag", "Would like")
        case .lieverNiet: Localized("Liever niet", "Rather not")
        case .niet: Localized("Niet", "Not")
        }
    }

    /// Points one side's wish adds to a meeting.
    var points: Int {
        switch self {
        case .moet: 6
        case .graag: 3
        case .lieverNiet, .niet: 0
        }
    }
}

/// One participant's wish to meet another (school → company or company → school).
public struct Wish: Sendable, Hashable, Codable {
    public var from: String
    public var to: String
    public var priority: WishPriority
    public init(from: String, to: String, priority: WishPriority) { self.from = from; self.to = to; self.priority = priority }
}

public struct WeightedPair: Sendable, Hashable {
    public var school: String
    public var company: String
    public var weight: Int
}

public enum WishWeights {
    /// A pair the organiser requires weighs more than any set of ordinary meetings a participant could have instead.
    public static let required = 1_000

    /// The pairs worth scheduling and their weights: the points of both sides' wishes, doubled when the wish is mutual
    /// (mutual wishes weigh most); a "niet" from either side is never scheduled, not even when the organiser asked;
    /// "liever niet" takes the other side's points away; organiser must-meet pairs get `required`.
    public static func pairs(schools: [String], companies: [String], wishes: [Wish], mustMeet: Set<[String]> = []) -> [WeightedPair] {
        var priority: [[String]: WishPriority] = [:]
        for w in wishes { priority[[w.from, w.to]] = w.priority }
        var out: [WeightedPair] = []
        for s in schools {
            for c in companies {
                let fromSchool = priority[[s, c]], fromCompany = priority[[c, s]]
                if fromSchool == .niet || fromCompany == .niet { continue }
                if mustMeet.contains([s, c]) { out.append(WeightedPair(school: s, company: c, weight: required)); continue }
                if fromSchool == .lieverNiet || fromCompany == .lieverNiet { continue }
                let a = fromSchool?.points ?? 0, b = fromCompany?.points ?? 0
                let weight = (a > 0 && b > 0) ? 2 * (a + b) : a + b
                if weight > 0 { out.append(WeightedPair(school: s, company: c, weight: weight)) }
            }
        }
        return out
    }
}

/// Pairs nobody wished that may fill a free place (issue 15, part 8): never a pair with a "niet" or "liever niet"
/// from either side, never one already wished, never one whose recorded sectors or levels are known not to fit
/// (both sides list sectors with none shared, or both list levels with none shared). A known fit weighs 2; a pair
/// of which one side recorded nothing weighs 1 (many report organisations list no sectors, and an idle participant
/// is worse than an untested fit). Both stay below the lightest wish (3), so a reschedule fills with wishes first.
public enum SuggestedPairs {
    public static func pairs(schools: [Organization], companies: [Organization], wishes: [Wish], wished: Set<[String]>) -> [WeightedPair] {
        var refused = Set<[String]>()
        for w in wishes where w.priority == .niet || w.priority == .lieverNiet { refused.insert([w.from, w.to]); refused.insert([w.to, w.from]) }
        var out: [WeightedPair] = []
        for s in schools {
            for c in companies where !wished.contains([s.id, c.id]) && !refused.contains([s.id, c.id]) {
                let sectorsKnown = !s.sectors.isEmpty && !c.sectors.isEmpty, levelsKnown = !s.levels.isEmpty && !c.levels.isEmpty
                let sectorFit = !Set(s.sectors).isDisjoint(with: c.sectors), levelFit = !Set(s.levels).isDisjoint(with: c.levels)
                if (sectorsKnown && !sectorFit) || (levelsKnown && !levelFit) { continue }
                out.append(WeightedPair(school: s.id, company: c.id, weight: sectorFit || levelFit ? 2 : 1))
            }
        }
        return out
    }
}

/// Registration for an event with a limited number of places per side: first come, first served; when full, a
/// waiting list in order of registration, from which the first moves up when someone cancels.
public struct EventRegistrations: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, Codable { case registered, waiting, cancelled }
    public struct Entry: Sendable, Hashable {
        public var organizationId: String
        public var status: Status
        public init(organizationId: String, status: Status) { self.organizationId = organizationId; self.status = status }
    }

    public let places: Int
    public private(set) var entries: [Entry] = []
    public init(places: Int, entries: [Entry] = []) { self.places = places; self.entries = entries }

    public var registered: [String] { entries.filter { $0.status == .registered }.map(\.organizationId) }
    public var waiting: [String] { entries.filter { $0.status == .waiting }.map(\.organizationId) }

    /// Registers (or waitlists) an organisation; registering twice changes nothing. Returns its status.
    @discardableResult
    public mutating func register(_ id: String) -> Status {
        if let e = entries.first(where: { $0.organizationId == id && $0.status != .cancelled }) { return e.status }
        let status: Status = registered.count < places ? .registered : .waiting
        entries.append(Entry(organizationId: id, status: status))
        return status
    }

    /// Cancels; a freed place goes to the first on the waiting list, whose id is returned.
    @discardableResult
    public mutating func cancel(_ id: String) -> String? {
        guard let i = entries.firstIndex(where: { $0.organizationId == id && $0.status != .cancelled }) else { return nil }
        let wasRegistered = entries[i].status == .registered
        entries[i].status = .cancelled
        guard wasRegistered, let next = entries.firstIndex(where: { $0.status == .waiting }) else { return nil }
        entries[next].status = .registered
        return entries[next].organizationId
    }
}
