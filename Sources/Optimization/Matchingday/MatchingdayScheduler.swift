/// Matchingday schedules. With everyone present all day the problem is solved exactly in polynomial time:
/// a degree-bounded maximum-weight selection of pairs (a minimum-cost flow, with lower bounds for fairness),
/// then an edge colouring of the selected bipartite graph with `rounds` colours whose colour classes differ by at most
/// one (so no round needs more than `tables` tables). With partial presence: exact enumeration on small instances,
/// otherwise a greedy schedule improved by local search, with the flow relaxation as upper bound.
public enum MatchingdayScheduler {
    public static func solve(_ inst: MatchingdayInstance) -> MatchingdaySchedule {
        if inst.pairs.isEmpty { return MatchingdaySchedule(meetings: [], objective: 0, upperBound: 0, fairness: fairness([], in: inst), tableChanges: 0) }
        if inst.hasFullPresence { return exact(inst) }
        if searchSize(inst) <= 300_000 { return enumerate(inst) }
        return heuristic(inst)
    }

    // MARK: Measures shared by every method (and by the tests)

    /// What a school could have at most: its pairs, its rounds present, the cap per participant.
    public static func schoolCaps(_ inst: MatchingdayInstance) -> [Int] {
        var pairs = [Int](repeating: 0, count: inst.schools)
        for p in inst.pairs where (0..<inst.rounds).contains(where: { inst.schoolPresent(p.school, $0) && inst.companyPresent(p.company, $0) }) {
            pairs[p.school] += 1
        }
        return (0..<inst.schools).map { s in
            min(inst.maxMeetings, pairs[s], (0..<inst.rounds).filter { inst.schoolPresent(s, $0) }.count)
        }
    }

    /// The largest k such that every school has at least min(k, its cap) meetings.
    public static func fairness(_ meetings: [Meeting], in inst: MatchingdayInstance) -> Int {
        var count = [Int](repeating: 0, count: inst.schools)
        for m in meetings { count[m.school] += 1 }
        return fairness(meetingsPerSchool: count, caps: schoolCaps(inst), rounds: inst.rounds)
    }

    /// The same from the meetings each school has, with the caps computed once by the caller.
    static func fairness(meetingsPerSchool count: [Int], caps: [Int], rounds: Int) -> Int {
        count.indices.filter { count[$0] < caps[$0] }.map { count[$0] }.min() ?? rounds
    }

    /// Every rule a schedule must keep, as messages (empty: valid).
    public static func violations(_ meetings: [Meeting], in inst: MatchingdayInstance) -> [String] {
        var out: [String] = []
        let weights = Dictionary(inst.pairs.map { ([$0.school, $0.company], $0.weight) }, uniquingKeysWith: { a, _ in a })
        var pairSeen = Set<[Int]>(), schoolRound = Set<[Int]>(), companyRound = Set<[Int]>(), tableRound = Set<[Int]>()
        var perSchool = [Int](repeating: 0, count: inst.schools), perCompany = [Int](repeating: 0, count: inst.companies)
        for m in meetings {
            guard (0..<inst.schools).contains(m.school), (0..<inst.companies).contains(m.company),
                  (0..<inst.rounds).contains(m.round), (0..<inst.tables).contains(m.table) else { out.append("\(m): out of range"); continue }
            if weights[[m.school, m.company]] == nil { out.append("\(m): not a wished pair") }
            if !pairSeen.insert([m.school, m.company]).inserted { out.append("\(m): pair met twice") }
            if !schoolRound.insert([m.school, m.round]).inserted { out.append("\(m): school twice in a round") }
            if !companyRound.insert([m.company, m.round]).inserted { out.append("\(m): company twice in a round") }
            if !tableRound.insert([m.table, m.round]).inserted { out.append("\(m): table used twice in a round") }
            if !inst.schoolPresent(m.school, m.round) || !inst.companyPresent(m.company, m.round) { out.append("\(m): someone is absent") }
            perSchool[m.school] += 1; perCompany[m.company] += 1
        }
        if perSchool.contains(where: { $0 > inst.maxMeetings }) || perCompany.contains(where: { $0 > inst.maxMeetings }) {
            out.append("more meetings than allowed per participant")
        }
        return out
    }

    public static func objective(_ meetings: [Meeting], in inst: MatchingdayInstance) -> Int {
        let weights = Dictionary(inst.pairs.map { ([$0.school, $0.company], $0.weight) }, uniquingKeysWith: { a, _ in a })
        return meetings.reduce(0) { $0 + (weights[[$1.school, $1.company]] ?? 0) }
    }

    // MARK: Exact, everyone present

    /// Selects pairs by minimum-cost flow: source → school (at least min(k, cap), at most the cap) → company (one
    /// meeting per pair, cost −weight) → sink (at most the cap); a free bypass lets unused places go unused, and
    /// the source sends rounds × tables at most. Nil when no selection gives every school its minimum.
    static func select(_ inst: MatchingdayInstance, fairness k: Int, caps: [Int], companyCap: [Int]) -> [MatchingdayInstance.Pair]? {
        let source = 0, sink = inst.schools + inst.companies + 1
        var net = FlowNetwork(nodeCount: sink + 1)
        let places = inst.rounds * inst.tables
        net.supply[source] = places; net.supply[sink] = -places
        for s in 0..<inst.schools { net.addArc(from: source, to: 1 + s, lower: min(k, caps[s]), capacity: caps[s], cost: 0) }
        let first = net.arcs.count
        for p in inst.pairs { net.addArc(from: 1 + p.school, to: 1 + inst.schools + p.company, capacity: 1, cost: -p.weight) }
        for c in 0..<inst.companies { net.addArc(from: 1 + inst.schools + c, to: sink, capacity: companyCap[c], cost: 0) }
        net.addArc(from: source, to: sink, capacity: places, cost: 0)
        guard let solution = try? MinCostFlow.solve(net) else { return nil }
        return inst.pairs.indices.filter { solution.flow[first + $0] > 0 }.map { inst.pairs[$0] }
    }

    static func exact(_ inst: MatchingdayInstance) -> MatchingdaySchedule {
        let caps = schoolCaps(inst)
        let companyCap = [Int](repeating: min(inst.maxMeetings, inst.rounds), count: inst.companies)
        // The largest fairness level some selection allows (feasibility is monotone in k), then the heaviest one.
        var low = 0, high = inst.fairnessFirst ? inst.rounds : 0
        while low < high {
            let mid = (low + high + 1) / 2
            if select(inst, fairness: mid, caps: caps, companyCap: companyCap) != nil { low = mid } else { high = mid - 1 }
        }
        let chosen = select(inst, fairness: low, caps: caps, companyCap: companyCap) ?? []
        let rounds = EdgeColouring.equitable(chosen.map { ($0.school, $0.company) }, colours: inst.rounds)
        let meetings = assignTables(zip(chosen, rounds).map { ($0.0.school, $0.0.company, $0.1) }, inst)
        let value = objective(meetings.meetings, in: inst)
        return MatchingdaySchedule(meetings: meetings.meetings, objective: value, upperBound: value,
                                   fairness: fairness(meetings.meetings, in: inst), tableChanges: meetings.changes)
    }

    // MARK: Tables

    /// Gives each meeting a table, keeping a company at the table of its first meeting when that table is free.
    static func assignTables(_ placed: [(school: Int, company: Int, round: Int)], _ inst: MatchingdayInstance) -> (meetings: [Meeting], changes: Int) {
        var home: [Int: Int] = [:]
        var meetings: [Meeting] = [], changes = 0
        for r in 0..<inst.rounds {
            let inRound = placed.filter { $0.round == r }.sorted { ($0.company, $0.school) < ($1.company, $1.school) }
            var free = Set(0..<inst.tables)
            var later: [(Int, Int)] = []
            for m in inRound {
                if let t = home[m.company], free.contains(t) { free.remove(t); meetings.append(Meeting(school: m.school, company: m.company, round: r, table: t)) }
                else { later.append((m.school, m.company)) }
            }
            // Companies without a home table take tables no one calls home first, so homes stay free for later rounds.
            let homes = Set(home.values)
            for (s, c) in later {
                let t = free.filter { !homes.contains($0) }.min() ?? free.min()!
                free.remove(t)
                if home[c] == nil { home[c] = t } else { changes += 1 }
                meetings.append(Meeting(school: s, company: c, round: r, table: t))
            }
        }
        return (meetings, changes)
    }
}
