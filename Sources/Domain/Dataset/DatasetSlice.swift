/// A part of the dataset for one page (issue 13): the tables the page reads whole, and of every other table only the
/// records those tables refer to (through `Dataset.references`, one step): the organisations a project names, the
/// people a quote names. A page that reads nothing else renders the same from its slice as from the whole dataset.
extension Dataset {
    /// The tables in `entities` whole, plus the records of other tables that they refer to.
    public func slice(_ entities: Set<String>) -> Dataset {
        var s = only(entities)
        s.resolve(from: self, loaded: entities)
        return s
    }

    /// The tables in `entities` whole, the rest empty (`RecordStore.dataset(only:)` in memory).
    public func only(_ entities: Set<String>) -> Dataset {
        var s = Dataset()
        for table in Self.tables where entities.contains(entityName(of: table)) { copy(table, into: &s) }
        return s
    }

    /// An event's page: the events whole, one page of that event's agreements (file order; `agreements` in the slice
    /// is that page, the page value also carries their number), and the organisations they name.
    public func eventSlice(_ eventId: String, page: PageRequest) -> (data: Dataset, agreements: Page<Agreement>) {
        var s = slice([Event.entity])
        let shown = agreements.filter { $0.eventId == eventId }.paged(page)
        s.agreements = shown.items
        s.resolve(from: self, loaded: [Event.entity, Agreement.entity])
        return (s, shown)
    }

    /// Agreements per event (the events list's counts).
    public var agreementCounts: [String: Int] {
        var out: [String: Int] = [:]
        for a in agreements { if let e = a.eventId { out[e, default: 0] += 1 } }
        return out
    }

    /// Adds from `whole` the records this slice's `loaded` tables refer to.
    mutating func resolve(from whole: Dataset, loaded: Set<String>) {
        for (target, keys) in referencedKeys(outside: loaded) {
            for table in Self.tables where entityName(of: table) == target { whole.copy(table, into: &self, only: keys) }
        }
    }

    /// The keys of records outside the `loaded` tables that the records of those tables refer to, per entity.
    public func referencedKeys(outside loaded: Set<String>) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for table in Self.tables where loaded.contains(entityName(of: table)) { collect(table, loaded, into: &out) }
        return out
    }

    private func collect<T: AnyTable>(_ table: T, _ loaded: Set<String>, into out: inout [String: Set<String>]) {
        let refs = Self.references.filter { $0.entity == T.Row.entity && !loaded.contains($0.target) }
        guard !refs.isEmpty else { return }
        for record in self[keyPath: table.keyPath] {
            for ref in refs { out[ref.target, default: []].formUnion(ref.ids(in: record)) }
        }
    }

    private func copy<T: AnyTable>(_ table: T, into s: inout Dataset, only keys: Set<String>? = nil) {
        let rows = self[keyPath: table.keyPath]
        s[keyPath: table.keyPath] = keys.map { k in rows.filter { k.contains($0.key) } } ?? rows
    }
}
