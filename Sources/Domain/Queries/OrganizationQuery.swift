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
        // Only spaces is no query: the list stays whole (before, it found nothing).
        if let query = query.map(fold), !query.allSatisfy(\.isWhitespace) {
            let haystacks = ([org.name, org.id] + org.aliases).map(fold)
            let compact = query.filter { !$0.isWhitespace }
            return haystacks.contains { $0.contains(query) || $0.filter { !$0.isWhitespace }.contains(compact) }
        }
        return true
    }

    public func apply(to organizations: [Organization]) -> [Organization] {
        // Folding is the expensive part of a request: fold each name once, not once per comparison.
        organizations.filter(matches).map { (OrganizationSearchKeys($0), $0) }.sorted { $0.0.precedes($1.0) }.map(\.1)
    }
}

/// What search and sorting read of an organisation, folded once: the columns the database keeps beside the record
/// (issue 13) so the filter and the order run in SQL exactly as `OrganizationFilter` does in memory.
public struct OrganizationSearchKeys: Sendable, Hashable {
    /// The folded name: the list's order, then the id for equal names.
    public var sortName: String
    public var id: String
    /// Folded name, id and aliases, one per line: a query matches when one of them contains it.
    public var searchText: String
    /// The same without whitespace: "beta techniek" finds "Bètatechniek".
    public var searchCompact: String
    /// The folded district, which the district filter compares.
    public var districtKey: String

    public init(_ org: Organization) {
        let haystacks = ([org.name, org.id] + org.aliases).map(fold)
        sortName = haystacks[0]
        id = org.id
        searchText = haystacks.joined(separator: "\n")
        searchCompact = haystacks.map { $0.filter { !$0.isWhitespace } }.joined(separator: "\n")
        districtKey = Self.foldDistrict(org.district ?? "")
    }

    /// A district as its key column holds it.
    public static func foldDistrict(_ district: String) -> String { fold(district) }

    /// Byte order of the folded name, then of the id: what SQLite's BINARY and PostgreSQL's "C" collation give.
    public func precedes(_ other: OrganizationSearchKeys) -> Bool {
        if sortName != other.sortName { return sortName.utf8.lexicographicallyPrecedes(other.sortName.utf8) }
        return id.utf8.lexicographicallyPrecedes(other.id.utf8)
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
