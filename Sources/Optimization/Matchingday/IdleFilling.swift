/// Filling the places a wished schedule leaves free (issue 15, part 8): nobody wished Berlage Lyceum and Goflex,
/// so they sat idle while rounds stood empty. After the schedule of wished pairs is fixed, each round gets as many
/// extra meetings from `candidates` (pairs nobody wished, that fit) as its free tables and idle participants allow;
/// among those, the participants with the fewest meetings so far go first, then the candidate's weight.
///
/// The wished schedule is never touched, so its value and its bound stay what the scheduler proved. Each round is
/// one exact maximum-weight matching (a min-cost flow with a cardinality tier), so after filling no round has a
/// free table, an idle present school and an idle present company that form a candidate pair not yet met.
public enum IdleFilling {
    public static func fill(_ inst: MatchingdayInstance, schedule: [Meeting], candidates: [MatchingdayInstance.Pair]) -> [Meeting] {
        var schoolBusy = Set<[Int]>(), companyBusy = Set<[Int]>(), tableBusy = Set<[Int]>(), met = Set<[Int]>()
        var perSchool = [Int](repeating: 0, count: inst.schools), perCompany = [Int](repeating: 0, count: inst.companies)
        var usualTable: [Int: Int] = [:]
        func take(_ m: Meeting) {
            schoolBusy.insert([m.school, m.round]); companyBusy.insert([m.company, m.round]); tableBusy.insert([m.table, m.round])
            met.insert([m.school, m.company]); perSchool[m.school] += 1; perCompany[m.company] += 1
            if usualTable[m.company] == nil { usualTable[m.company] = m.table }
        }
        for m in schedule { take(m) }
        let valid = candidates.filter { (0..<inst.schools).contains($0.school) && (0..<inst.companies).contains($0.company) && $0.weight > 0 }
        let maxWeight = valid.map(\.weight).max() ?? 0
        var added: [Meeting] = []
        for r in 0..<inst.rounds {
            let freeTables = (0..<inst.tables).filter { !tableBusy.contains([$0, r]) }
            guard !freeTables.isEmpty else { continue }
            let open = valid.filter { p in
                !met.contains([p.school, p.company]) && inst.schoolPresent(p.school, r) && inst.companyPresent(p.company, r)
                    && !schoolBusy.contains([p.school, r]) && !companyBusy.contains([p.company, r])
                    && perSchool[p.school] < inst.maxMeetings && perCompany[p.company] < inst.maxMeetings
            }
            guard !open.isEmpty else { continue }
            // Value of one extra meeting: fewer meetings so far weigh more (per side, up to maxMeetings), then the
            // candidate's own weight; a cardinality tier above both so the round gets as many meetings as it can.
            let fairnessUnit = maxWeight + 1
            let cardinality = 2 * (inst.maxMeetings + 1) * fairnessUnit + maxWeight + 1
            let schools = Array(Set(open.map(\.school))).sorted(), companies = Array(Set(open.map(\.company))).sorted()
            let si = Dictionary(uniqueKeysWithValues: schools.enumerated().map { ($1, $0) })
            let ci = Dictionary(uniqueKeysWithValues: companies.enumerated().map { ($1, $0) })
            let source = 0, sink = 1 + schools.count + companies.count, limit = min(freeTables.count, schools.count, companies.count)
            var network = FlowNetwork(nodeCount: sink + 1)
            network.supply[source] = limit; network.supply[sink] = -limit
            network.addArc(from: source, to: sink, capacity: limit, cost: 0)
            for s in schools.indices { network.addArc(from: source, to: 1 + s, capacity: 1, cost: 0) }
            for c in companies.indices { network.addArc(from: 1 + schools.count + c, to: sink, capacity: 1, cost: 0) }
            let first = network.arcs.count
            for p in open {
                let need = (inst.maxMeetings - perSchool[p.school]) + (inst.maxMeetings - perCompany[p.company])
                network.addArc(from: 1 + si[p.school]!, to: 1 + schools.count + ci[p.company]!, capacity: 1,
                               cost: -(cardinality + need * fairnessUnit + p.weight))
            }
            guard let solution = try? MinCostFlow.solve(network) else { continue }
            var tables = freeTables
            for (k, p) in open.enumerated() where solution.flow[first + k] > 0 {
                let table = usualTable[p.company].flatMap { t in tables.firstIndex(of: t) } ?? 0
                let m = Meeting(school: p.school, company: p.company, round: r, table: tables.remove(at: table))
                take(m); added.append(m)
            }
        }
        return added
    }
}
