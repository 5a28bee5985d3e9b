import Domain
import Optimization
import Persistence

/// Between a stored Matchingday and the pure scheduler: participants and wishes become an instance (indices,
/// weights, presence per round), a schedule becomes meetings with real table numbers, and a reschedule keeps what
/// was printed wherever it is still possible.
struct MatchingdayPlanner {
    let day: MatchingdayDay
    /// School and company organisation ids in index order: those registered, then any that only appear in stored
    /// meetings (cancelled since), present in no round, so their printed meetings drop out on a reschedule.
    let schools: [String]
    let companies: [String]
    /// Organisation id → index in `schools` / `companies`.
    let schoolIndex: [String: Int]
    let companyIndex: [String: Int]
    let instance: MatchingdayInstance
    /// Table numbers in index order (after the sector-theme permutation, applied when meetings are made).
    let tableNumbers: [Int]
    let sectors: [String: [Sector]]
    /// Pairs nobody wished that may fill free places (empty when the organiser switched filling off).
    let suggested: [MatchingdayInstance.Pair]

    init(_ day: MatchingdayDay, organizations: [String: Organization]) {
        self.day = day
        let registered = day.participants.filter { $0.status == .registered }
        func ids(_ side: ParticipantSide) -> [String] {
            var out = registered.filter { $0.side == side }.map(\.organizationId)
            for m in day.meetings { let id = side == .school ? m.schoolId : m.companyId; if !out.contains(id) { out.append(id) } }
            return out
        }
        schools = ids(.school); companies = ids(.company)
        let byOrg = Dictionary(registered.map { ($0.organizationId, $0) }, uniquingKeysWith: { a, _ in a })
        let rounds = day.event.rounds
        func presence(_ id: String) -> [Bool] { (1...rounds).map { byOrg[id]?.present(in: $0) ?? false } }
        let wishes = day.wishes.filter { !$0.byOrganiser }.map { Wish(from: $0.fromId, to: $0.toId, priority: $0.priority) }
        let must = Set(day.wishes.filter(\.byOrganiser).map { [$0.fromId, $0.toId] })
        let weighted = WishWeights.pairs(schools: schools, companies: companies, wishes: wishes, mustMeet: must)
        let si = Dictionary(uniqueKeysWithValues: schools.enumerated().map { ($1, $0) })
        let ci = Dictionary(uniqueKeysWithValues: companies.enumerated().map { ($1, $0) })
        schoolIndex = si; companyIndex = ci
        tableNumbers = day.tables.map(\.number)
        var inst = MatchingdayInstance(rounds: rounds, tables: max(1, day.tables.count), schools: schools.count, companies: companies.count,
                                       pairs: weighted.map { .init(school: si[$0.school]!, company: ci[$0.company]!, weight: $0.weight) },
                                       schoolPresence: schools.map(presence), companyPresence: companies.map(presence),
                                       maxMeetings: day.event.maxMeetings)
        inst.seed = 2015
        instance = inst
        sectors = organizations.mapValues(\.sectors)
        suggested = day.event.fillsFreePlaces
            ? Self.suggestedPairs(schools: schools, companies: companies, wishes: wishes, wished: weighted, organizations: organizations, si: si, ci: ci)
            : []
    }

    /// Pairs nobody wished that may fill free places, as the scheduler's indices.
    static func suggestedPairs(schools: [String], companies: [String], wishes: [Wish], wished: [WeightedPair], organizations: [String: Organization],
                               si: [String: Int], ci: [String: Int]) -> [MatchingdayInstance.Pair] {
        let orgs = { (ids: [String]) in ids.map { organizations[$0] ?? Organization(id: $0, name: $0, kind: .company, source: "") } }
        return SuggestedPairs.pairs(schools: orgs(schools), companies: orgs(companies), wishes: wishes, wished: Set(wished.map { [$0.school, $0.company] }))
            .compactMap { p in si[p.school].flatMap { s in ci[p.company].map { MatchingdayInstance.Pair(school: s, company: $0, weight: p.weight) } } }
    }

    /// A fresh schedule (no agendas out yet).
    /// The wished pairs are scheduled first (their value and bound are what the page reports) and spread over the
    /// rounds; then free places are filled with suggested pairs, which never move a wished meeting.
    func plan(newId: () -> String) -> (meetings: [MatchingdayMeeting], schedule: MatchingdaySchedule) {
        let schedule = MatchingdayScheduler.solve(instance)
        let spread = RoundBalancing.spread(instance, schedule.meetings)
        let all = spread + IdleFilling.fill(instance, schedule: spread, candidates: suggested)
        let permutation = themePermutation(all)
        return (all.map { record($0, permutation, newId()) }, schedule)
    }

    /// On a reschedule a printed suggested meeting stays a valid pair, and freed places are filled with wishes
    /// first (the suggested pairs weigh less than any wish).
    var reschedulingInstance: MatchingdayInstance {
        var inst = instance
        inst.pairs += suggested
        return inst
    }

    /// The value of a schedule counts wished pairs only, as the planned value does.
    func wishedValue(_ meetings: [Meeting]) -> Int {
        let weight = Dictionary(instance.pairs.map { ([$0.school, $0.company], $0.weight) }, uniquingKeysWith: { a, _ in a })
        return meetings.reduce(0) { $0 + (weight[[$1.school, $1.company]] ?? 0) }
    }

    /// After the agendas went out: printed meetings that are still possible stay where they are; the rest move or
    /// drop; free places are filled. Meetings keep their change marks until the agendas are published again.
    func reschedule(newId: () -> String) -> (meetings: [MatchingdayMeeting], result: Rescheduling.Result) {
        let tableIndex = Dictionary(uniqueKeysWithValues: tableNumbers.enumerated().map { ($1, $0) })
        let current = day.meetings.filter(\.takesPlace)
        var stored: [Meeting: MatchingdayMeeting] = [:]
        let printed: [Meeting] = current.compactMap { m in
            guard let s = schoolIndex[m.schoolId], let c = companyIndex[m.companyId], let t = tableIndex[m.table] else { return nil }
            let meeting = Meeting(school: s, company: c, round: m.round - 1, table: t)
            stored[meeting] = m
            return meeting
        }
        var result = Rescheduling.reschedule(reschedulingInstance, printed: printed)
        result.objective = wishedValue(result.schedule)
        let identity = Array(tableNumbers.indices)
        var out = day.meetings.filter { !$0.takesPlace }
        for m in result.kept { out.append(stored[m]!) }
        for move in result.moved {
            var r = record(move.after, identity, stored[move.before]!.id)
            let original = stored[move.before]!
            r.change = .verplaatst
            r.previousRound = original.previousRound ?? original.round
            r.previousTable = original.previousTable ?? original.table
            out.append(r)
        }
        for m in result.dropped { var r = stored[m]!; r.change = .vervallen; out.append(r) }
        for m in result.added { var r = record(m, identity, newId()); r.change = .nieuw; out.append(r) }
        return (out.sorted { ($0.round, $0.table) < ($1.round, $1.table) }, result)
    }

    func record(_ m: Meeting, _ permutation: [Int], _ id: String) -> MatchingdayMeeting {
        MatchingdayMeeting(id: id, eventId: day.event.id, schoolId: schools[m.school], companyId: companies[m.company], round: m.round + 1,
                           table: tableNumbers.isEmpty ? m.table + 1 : tableNumbers[permutation[m.table]])
    }

    /// Which real table each scheduler table becomes: tables with a sector theme go to the scheduler table whose
    /// companies share that sector most (a company keeps its scheduler table, so it keeps the real one too).
    func themePermutation(_ meetings: [Meeting]) -> [Int] {
        let n = tableNumbers.count
        guard n > 0 else { return [] }
        var assigned = [Int?](repeating: nil, count: n), used = Set<Int>()
        for (real, table) in day.tables.enumerated() {
            guard let sector = table.sector else { continue }
            let score = (0..<n).filter { !used.contains($0) }.map { idx in
                (idx, meetings.filter { $0.table == idx && (sectors[companies[$0.company]] ?? []).contains(sector) }.count)
            }
            if let best = score.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }), best.1 > 0 { assigned[best.0] = real; used.insert(best.0) }
        }
        var freeReal = (0..<n).filter { r in !assigned.contains(r) }
        return (0..<n).map { idx in assigned[idx] ?? freeReal.removeFirst() }
    }
}
