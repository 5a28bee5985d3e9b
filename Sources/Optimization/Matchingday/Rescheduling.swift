/// Rescheduling on the day: someone cancels or arrives late, and the schedule people already hold on paper must
/// change as little as possible.
///
/// Every printed meeting that is still possible (both present in its round, the pair still wished) stays exactly where
/// it is: no valid schedule changes fewer printed meetings, since kept meetings never conflict with each other. The
/// meetings that became impossible are moved to another round or table where they fit (a printed pair keeps its
/// promise), else dropped; then freed places are filled with new meetings, heaviest first. Moves come before new
/// meetings, and a company keeps its table where it can.
public enum Rescheduling {
    public struct Result: Sendable, Hashable {
        public var schedule: [Meeting]
        public var kept: [Meeting]
        /// Printed meetings at a new round or table: (before, after).
        public var moved: [Move]
        /// Printed meetings that could not take place any more.
        public var dropped: [Meeting]
        /// Meetings that were not printed.
        public var added: [Meeting]
        public var objective: Int
        /// Printed meetings that changed (moved or dropped): the number the organiser announces.
        public var changes: Int { moved.count + dropped.count }
    }

    public struct Move: Sendable, Hashable {
        public var before: Meeting
        public var after: Meeting
    }

    public static func reschedule(_ inst: MatchingdayInstance, printed: [Meeting]) -> Result {
        let weight = Dictionary(inst.pairs.map { ([$0.school, $0.company], $0.weight) }, uniquingKeysWith: { a, _ in a })
        var schoolBusy = Set<[Int]>(), companyBusy = Set<[Int]>(), tableBusy = Set<[Int]>(), met = Set<[Int]>()
        var perSchool = [Int](repeating: 0, count: inst.schools), perCompany = [Int](repeating: 0, count: inst.companies)
        var schedule: [Meeting] = [], kept: [Meeting] = [], broken: [Meeting] = []
        func take(_ m: Meeting) {
            schoolBusy.insert([m.school, m.round]); companyBusy.insert([m.company, m.round]); tableBusy.insert([m.table, m.round])
            met.insert([m.school, m.company]); perSchool[m.school] += 1; perCompany[m.company] += 1
            schedule.append(m)
        }
        for m in printed {
            let possible = weight[[m.school, m.company]] != nil && (0..<inst.rounds).contains(m.round) && (0..<inst.tables).contains(m.table)
                && inst.schoolPresent(m.school, m.round) && inst.companyPresent(m.company, m.round)
            if possible { kept.append(m); take(m) } else { broken.append(m) }
        }
        // The table each company sat at in the printed schedule, to keep it there when moving or adding.
        var usualTable: [Int: Int] = [:]
        for m in printed where usualTable[m.company] == nil { usualTable[m.company] = m.table }
        func slot(_ school: Int, _ company: Int) -> Meeting? {
            guard !met.contains([school, company]), weight[[school, company]] != nil,
                  perSchool[school] < inst.maxMeetings, perCompany[company] < inst.maxMeetings else { return nil }
            for r in 0..<inst.rounds where inst.schoolPresent(school, r) && inst.companyPresent(company, r)
                && !schoolBusy.contains([school, r]) && !companyBusy.contains([company, r]) {
                let preferred = usualTable[company].map { [$0] } ?? []
                if let t = (preferred + Array(0..<inst.tables)).first(where: { !tableBusy.contains([$0, r]) }) {
                    return Meeting(school: school, company: company, round: r, table: t)
                }
            }
            return nil
        }
        var moved: [Move] = [], dropped: [Meeting] = [], added: [Meeting] = []
        for m in broken.sorted(by: { (weight[[$0.school, $0.company]] ?? 0, $1.round) > (weight[[$1.school, $1.company]] ?? 0, $0.round) }) {
            if let new = slot(m.school, m.company) { take(new); moved.append(Move(before: m, after: new)) } else { dropped.append(m) }
        }
        let printedPairs = Set(printed.map { [$0.school, $0.company] })
        for p in inst.pairs.sorted(by: { ($0.weight, $1.school, $1.company) > ($1.weight, $0.school, $0.company) })
        where !printedPairs.contains([p.school, p.company]) {
            if let new = slot(p.school, p.company) { take(new); added.append(new) }
        }
        let objective = schedule.reduce(0) { $0 + (weight[[$1.school, $1.company]] ?? 0) }
        return Result(schedule: schedule, kept: kept, moved: moved, dropped: dropped, added: added, objective: objective)
    }
}
