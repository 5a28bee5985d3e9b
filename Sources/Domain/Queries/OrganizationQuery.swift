import Foundation

/// The organisation filters of the UI and the API: kind, sector, level, district and free text.
public struct OrganizationFilter: Sendable, Hashable {
    public var query: String?
    public var kind: OrganizationKind?
    public var sector: Sector?
    public var level: EducationLevel?
    public var district: String?
    public init(query: String? = nil, kind: OrganizationKind? = nil, sector: Sector? = nil,
                level: EducationLevel? = nil, district: String? = nil) {
        self.query = query; self.kind = kind; self.sector = sector; self.level = level; self.district = district
    }

    /// Matches name, aliases and id, ignoring case and accents ("betatechniek" finds "Bèta Techniek").
    public func matches(_ org: Organization) -> Bool {
        if let kind, org.kind != kind { return false }
        if let sector, !org.sectors.contains(sector) { return false }
        if let level, !org.levels.contains(level) { return false }
        if let district, fold(org.district ?? "") != fold(district) { return false }
        if let query = query.map(fold), !query.isEmpty {
            let haystacks = ([org.name, org.id] + org.aliases).map(fold)
            let compact = query.filter { !$0.isWhitespace }
            return haystacks.contains { $0.contains(query) || $0.filter { !$0.isWhitespace }.contains(compact) }
        }
        return true
    }

    public func apply(to organizations: [Organization]) -> [Organization] {
        // Folding is the expensive part of a request: fold each name once, not once per comparison.
        organizations.filter(matches).map { (fold($0.name), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}

/// Lower case without accents, for search and sorting.
public func fold(_ text: String) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
}

extension Dataset {
    /// Districts that occur, sorted, for the filter's choices.
    public var districts: [String] {
        Array(Set(organizations.compactMap(\.district))).sorted()
    }

    public func organization(_ id: String) -> Organization? { organizations.first { $0.id == id } }
}
