import Testing
@testable import Domain

private func day(_ y: Int, _ m: Int, _ d: Int) -> PartialDate { PartialDate(year: y, month: m, day: d) }

/// The situation of issue 15, part 7: one school files four requests, another one; a single excursion place.
@Suite struct BatchAllocationTests {
    let near = Organization(id: "near", name: "Near College", kind: .secondarySchool, sectors: [.metaal], levels: [.vmboT], latitude: 52.37, longitude: 4.90, source: "test")
    let farther = Organization(id: "farther", name: "Farther Lyceum", kind: .secondarySchool, sectors: [.metaal], levels: [.vmboT], latitude: 52.30, longitude: 4.99, source: "test")
    let company = Organization(id: "company", name: "Company", kind: .company, sectors: [.metaal], latitude: 52.37, longitude: 4.90, source: "test")

    func offer(_ id: String, _ type: ActivityType, capacity: Int = 1) -> Offer {
        Offer(id: id, organizationId: "company", type: type, title: id, sectors: [.metaal], levels: [.vmboT], groupMin: 5, groupMax: 30,
              capacity: capacity, availableFrom: day(2026, 9, 1), availableTo: day(2027, 6, 30))
    }

    func request(_ id: String, _ school: String, _ type: ActivityType) -> NetworkRequest {
        NetworkRequest(id: id, schoolId: school, type: type, sectors: [.metaal], level: .vmboT, pupils: 24, windowStart: day(2026, 10, 1),
                       windowEnd: day(2026, 12, 31), createdOn: day(2026, 9, 20), respondBy: day(2026, 10, 4))
    }

    func context(_ agreements: [ActivityAgreement] = []) -> MatchContext {
        MatchContext(organizations: ["near": near, "farther": farther, "company": company], agreements: agreements, settings: DeskSettings(), today: day(2026, 10, 1))
    }

    @Test func theExcursionPlaceGoesToTheSchoolWithoutProposals() {
        let requests = [request("n1", "near", .gastles), request("n2", "near", .gastles), request("n3", "near", .gastles),
                        request("n4", "near", .excursie), request("f1", "farther", .excursie)]
        let offers = [offer("les", .gastles, capacity: 3), offer("bezoek", .excursie)]
        let ctx = context()
        // The near school scores the excursion higher (distance), which alone decided it before.
        #expect(Matching.score(requests[3], offers[1], ctx).score > Matching.score(requests[4], offers[1], ctx).score)
        let batch = BatchAllocation.propose(requests: requests, offers: offers, ctx)
        #expect(Set(batch.assignments.map(\.request.id)) == ["n1", "n2", "n3", "f1"])
        #expect(batch.schools.map { "\($0.schoolId):\($0.earlier)+\($0.proposed)/\($0.asked)" } == ["farther:0+1/1", "near:0+3/4"])
        let left = try! #require(batch.unassigned.first)
        #expect(batch.unassigned.count == 1 && left.request.id == "n4")
        #expect(left.reason.nl.contains("bezoek: naar Farther Lyceum (1)") && left.reason.nl.contains("Deze school komt op 3"))
        #expect(left.reason.en.contains("bezoek: to Farther Lyceum (1)"))
    }

    @Test func activitiesEarlierInTheSchoolYearCount() {
        // Farther had two activities this school year already, near none: near gets the single place.
        let earlier = (0..<2).map { i in
            ActivityAgreement(id: "a\(i)", schoolId: "farther", companyId: "company", type: .gastles, status: .uitgevoerd, level: .vmboT,
                              sectors: [.metaal], pupils: 20, date: day(2026, 9, 15), createdOn: day(2026, 9, 1))
        }
        let batch = BatchAllocation.propose(requests: [request("f1", "farther", .excursie), request("n4", "near", .excursie)],
                                            offers: [offer("bezoek", .excursie)], context(earlier))
        #expect(batch.assignments.map(\.request.id) == ["n4"])
        #expect(batch.schools.first { $0.schoolId == "farther" }?.earlier == 2)
        #expect(batch.unassigned.first?.reason.nl.contains("Deze school komt op 2") == true)
    }

    @Test func aRequestWithoutAnyFittingOfferSaysSo() {
        let batch = BatchAllocation.propose(requests: [request("n1", "near", .stage)], offers: [offer("les", .gastles)], context())
        #expect(batch.assignments.isEmpty && batch.unassigned.first?.reason.nl == "Geen passend aanbod met plaats over.")
    }
}
