/// Spreading a schedule over its rounds (issue 15, part 8): the exact methods choose which pairs meet, not when,
/// so the example day had every meeting in rounds 1–5 and an empty round 6 while the day still ran. A meeting moves
/// from a fuller round to an emptier one when both its participants are present and free there (a company keeps
/// its table where it can); each move lowers the sum of squared round sizes, so it ends, and no meeting, pair or
/// value changes — only rounds and tables.
public enum RoundBalancing {
    public static func spread(_ inst: MatchingdayInstance, _ meetings: [Meeting]) -> [Meeting] {
        var out = meetings
        var schoolBusy = Set<[Int]>(), companyBusy = Set<[Int]>(), tableBusy = Set<[Int]>()
        var size = [Int](repeating: 0, count: inst.rounds)
        for m in out where (0..<inst.rounds).contains(m.round) {
            schoolBusy.insert([m.school, m.round]); companyBusy.insert([m.company, m.round]); tableBusy.insert([m.table, m.round]); size[m.round] += 1
        }
        var moved = true
        while moved {
            moved = false
            // Fullest rounds first; within a round, meetings in their stored order (deterministic).
            for from in (0..<inst.rounds).sorted(by: { (size[$0], $1) > (size[$1], $0) }) {
                for i in out.indices where out[i].round == from {
                    let m = out[i]
                    let targets = (0..<inst.rounds).filter { size[$0] + 1 < size[from] && inst.schoolPresent(m.school, $0) && inst.companyPresent(m.company, $0)
                        && !schoolBusy.contains([m.school, $0]) && !companyBusy.contains([m.company, $0]) }
                        .sorted { (size[$0], $0) < (size[$1], $1) }
                    for to in targets {
                        let table = tableBusy.contains([m.table, to]) ? (0..<inst.tables).first { !tableBusy.contains([$0, to]) } : m.table
                        guard let table else { continue }
                        schoolBusy.remove([m.school, from]); companyBusy.remove([m.company, from]); tableBusy.remove([m.table, from])
                        schoolBusy.insert([m.school, to]); companyBusy.insert([m.company, to]); tableBusy.insert([table, to])
                        size[from] -= 1; size[to] += 1
                        out[i] = Meeting(school: m.school, company: m.company, round: to, table: table)
                        moved = true
                        break
                    }
                }
                if moved { break }
            }
        }
        return out
    }
}
