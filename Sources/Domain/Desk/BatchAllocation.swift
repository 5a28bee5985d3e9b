import Optimization

/// "Alle open verzoeken toewijzen": one proposal for every open request at once, least-served school first, then
/// the total score (`FairAllocation`), with the reasons the allocation page shows for each school and each request
/// left without an offer.
public struct BatchAllocation: Sendable {
    public struct Assignment: Sendable {
        public var request: NetworkRequest
        public var candidate: Candidate
    }

    /// One school of the batch: what it had this school year before, what it asked, what it gets.
    public struct SchoolLine: Sendable {
        public var schoolId: String
        public var earlier: Int
        public var asked: Int
        public var proposed: Int
    }

    /// A request left without an offer, and why.
    public struct Unassigned: Sendable {
        public var request: NetworkRequest
        public var reason: Localized
    }

    public var assignments: [Assignment]
    public var schools: [SchoolLine]
    public var unassigned: [Unassigned]
    public var totalScore: Int { assignments.reduce(0) { $0 + $1.candidate.score } }

    public static func propose(requests: [NetworkRequest], offers allOffers: [Offer], _ ctx: MatchContext) -> BatchAllocation {
        let offers = allOffers.filter { $0.active && $0.remaining > 0 }
        let schoolIds = Array(Set(requests.map(\.schoolId))).sorted()
        let schoolIndex = Dictionary(uniqueKeysWithValues: schoolIds.enumerated().map { ($1, $0) })
        var pairs: [Allocation.Pair] = []
        var candidates: [[Int: Candidate]] = []
        for (r, request) in requests.enumerated() {
            var byOffer: [Int: Candidate] = [:]
            for (o, offer) in offers.enumerated() where Matching.exclusion(request, offer, ctx) == nil {
                let c = Matching.score(request, offer, ctx)
                byOffer[o] = c
                pairs.append(.init(request: r, offer: o, score: c.score))
            }
            candidates.append(byOffer)
        }
        let earlier = schoolIds.map { ctx.perSchool[$0] ?? 0 }
        let result = FairAllocation.solve(schoolOfRequest: requests.map { schoolIndex[$0.schoolId]! }, served: earlier,
                                          capacities: offers.map(\.remaining), pairs: pairs)
        var assignments: [Assignment] = []
        var holders: [Int: [String]] = [:]  // offer index → schools that got its places
        for (r, o) in result.offerOfRequest.enumerated() {
            guard let o, let c = candidates[r][o] else { continue }
            assignments.append(Assignment(request: requests[r], candidate: c))
            holders[o, default: []].append(requests[r].schoolId)
        }
        let schools = schoolIds.enumerated().map { s, id in
            SchoolLine(schoolId: id, earlier: earlier[s], asked: requests.filter { $0.schoolId == id }.count,
                       proposed: result.servedAfter[s] - earlier[s])
        }
        let after = Dictionary(uniqueKeysWithValues: schoolIds.enumerated().map { ($1, result.servedAfter[$0]) })
        func name(_ id: String) -> String { ctx.organizations[id]?.name ?? id }
        var unassigned: [Unassigned] = []
        for (r, request) in requests.enumerated() where result.offerOfRequest[r] == nil {
            let fitting = candidates[r].keys.sorted()
            guard !fitting.isEmpty else {
                unassigned.append(Unassigned(request: request, reason: Localized("Geen passend aanbod met plaats over.", "No fitting offer with a place left.")))
                continue
            }
            // Every fitting offer is full in the proposal (else this request would have one): say who holds it.
            let parts = fitting.map { o -> Localized in
                let taken = (holders[o] ?? []).map { "\(name($0)) (\(after[$0] ?? 0))" }.joined(separator: ", ")
                return Localized("\(offers[o].title): naar \(taken)", "\(offers[o].title): to \(taken)")
            }
            let mine = after[request.schoolId] ?? 0
            unassigned.append(Unassigned(request: request, reason: Localized(
                "Passend aanbod vol – " + parts.map(\.nl).joined(separator: "; ") + " (tussen haakjes: activiteiten dit schooljaar met deze ronde). Deze school komt op \(mine); een ruil helpt geen school die minder kreeg, of verlaagt de totaalscore.",
                "Fitting offers full – " + parts.map(\.en).joined(separator: "; ") + " (in brackets: activities this school year with this round). This school reaches \(mine); a swap helps no school that received less, or lowers the total score.")))
        }
        return BatchAllocation(assignments: assignments, schools: schools, unassigned: unassigned)
    }
}
