/// Whom a participant might wish to meet, from the network desk's signals: shared sectors, the school's level in
/// what the company works with, the same district, and existing agreements (a school without any company yet comes
/// first; a pair that already works together is shown but ranked lower, since the day is for new contacts).
public struct WishSuggestion: Sendable, Hashable {
    public var organizationId: String
    public var score: Int
    public var reasons: [ScoreReason]
}

public enum WishSuggestions {
    /// `partners` holds every school–company pair with an agreement so far (desk or report), as [school, company].
    public static func rank(for participant: Organization, candidates: [Organization], partners: Set<[String]>, limit: Int = 5) -> [WishSuggestion] {
        let isSchool = ParticipantSide.of(participant.kind) == .school
        var companiesPerSchool: [String: Int] = [:]
        for p in partners { companiesPerSchool[p[0], default: 0] += 1 }
        return candidates.map { other in
            let (school, company) = isSchool ? (participant, other) : (other, participant)
            var reasons: [ScoreReason] = []
            let shared = Set(school.sectors).intersection(company.sectors)
            if !shared.isEmpty {
                reasons.append(ScoreReason(label: Localized("Sector: " + shared.map { $0.label(.nl) }.sorted().joined(separator: ", "),
                                                            "Sector: " + shared.map { $0.label(.en) }.sorted().joined(separator: ", ")), points: 10 * shared.count))
            }
            if !Set(school.levels).intersection(company.levels).isEmpty {
                reasons.append(ScoreReason(label: Localized("Werkt met dit onderwijsniveau", "Works with this education level"), points: 8))
            }
            if let d = school.district, d == company.district {
                reasons.append(ScoreReason(label: Localized("Zelfde stadsdeel (\(d))", "Same district (\(d))"), points: 6))
            }
            if partners.contains([school.id, company.id]) {
                reasons.append(ScoreReason(label: Localized("Hebben al een afspraak samen", "Already have an agreement together"), points: -5))
            } else if companiesPerSchool[school.id, default: 0] == 0 {
                reasons.append(ScoreReason(label: Localized("School heeft nog geen afspraak met een bedrijf", "School has no agreement with a company yet"), points: 12))
            }
            return WishSuggestion(organizationId: other.id, score: reasons.reduce(0) { $0 + $1.points }, reasons: reasons)
        }
        .sorted { ($0.score, $1.organizationId) > ($1.score, $0.organizationId) }
        .prefix(limit).map { $0 }
    }
}
