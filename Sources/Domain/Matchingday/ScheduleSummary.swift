/// What the schedule page and the organiser's summary say about a planned day beyond its value: who stays below
/// the day's minimum number of meetings, and which meetings are suggestions (nobody wished them).
public enum ScheduleSummary {
    /// Every registered participant with fewer meetings than `minimum`, fewest first, then by id.
    public static func belowMinimum(participants: [MatchingdayParticipant], meetings: [MatchingdayMeeting], minimum: Int) -> [(organizationId: String, meetings: Int)] {
        var count: [String: Int] = [:]
        for m in meetings where m.takesPlace { count[m.schoolId, default: 0] += 1; count[m.companyId, default: 0] += 1 }
        return participants.filter { $0.status == .registered }
            .map { ($0.organizationId, count[$0.organizationId] ?? 0) }
            .filter { $0.1 < minimum }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    }

    /// The meetings whose pair nobody wished (neither side's moet or graag, not the organiser's must-meet): the
    /// filling's suggestions.
    public static func suggestions(meetings: [MatchingdayMeeting], wishes: [MatchingdayWish]) -> Set<String> {
        let schools = Array(Set(meetings.map(\.schoolId))), companies = Array(Set(meetings.map(\.companyId)))
        let plain = wishes.filter { !$0.byOrganiser }.map { Wish(from: $0.fromId, to: $0.toId, priority: $0.priority) }
        let must = Set(wishes.filter(\.byOrganiser).map { [$0.fromId, $0.toId] })
        let wished = Set(WishWeights.pairs(schools: schools, companies: companies, wishes: plain, mustMeet: must).map { [$0.school, $0.company] })
        return Set(meetings.filter { !wished.contains([$0.schoolId, $0.companyId]) }.map(\.id))
    }
}
