import Testing
@testable import Domain

private func day(_ y: Int, _ m: Int, _ d: Int) -> PartialDate { PartialDate(year: y, month: m, day: d) }

private let school = Organization(id: "school", name: "School", kind: .secondarySchool, sectors: [.metaal], levels: [.vmboT], district: "Oost",
                                  latitude: 52.36, longitude: 4.93, source: "test")
private let company = Organization(id: "company", name: "Company", kind: .company, sectors: [.metaal], latitude: 52.37, longitude: 4.90, source: "test")
private let far = Organization(id: "far", name: "Far away", kind: .company, latitude: 51.92, longitude: 4.48, source: "test")

private func offer(_ id: String = "o", org: String = "company", capacity: Int = 2, booked: Int = 0, groupMax: Int = 30) -> Offer {
    Offer(id: id, organizationId: org, type: .excursie, title: "Visit", sectors: [.metaal, .elektro], levels: [.vmboT], groupMin: 5, groupMax: groupMax,
          capacity: capacity, booked: booked, availableFrom: day(2026, 9, 1), availableTo: day(2027, 6, 30))
}

private func request(pupils: Int = 24, level: EducationLevel = .vmboT, start: PartialDate = day(2026, 10, 1), end: PartialDate = day(2026, 12, 31),
                     maxKm: Double? = nil) -> NetworkRequest {
    NetworkRequest(id: "r", schoolId: "school", type: .excursie, sectors: [.metaal], level: level, pupils: pupils, windowStart: start, windowEnd: end,
                   maxDistanceKm: maxKm, createdOn: day(2026, 9, 20), respondBy: day(2026, 10, 4))
}

private func context(_ agreements: [ActivityAgreement] = []) -> MatchContext {
    MatchContext(organizations: ["school": school, "company": company, "far": far], agreements: agreements, settings: DeskSettings(), today: day(2026, 10, 1))
}

private func agreement(_ id: String, status: AgreementStatus, date: PartialDate = day(2026, 11, 1), company: String = "company") -> ActivityAgreement {
    ActivityAgreement(id: id, schoolId: "school", companyId: company, type: .excursie, status: status, level: .vmboT, sectors: [.metaal], pupils: 20,
                      date: date, createdOn: day(2026, 9, 1))
}

@Suite struct NetworkDeskDomainTests {
    @Test func schoolYearsRunFromAugust() {
        #expect(SchoolYear(containing: day(2026, 7, 31)).startYear == 2025)
        #expect(SchoolYear(containing: day(2026, 8, 1)).startYear == 2026)
        #expect(SchoolYear(containing: day(2026, 8, 31), startMonth: 9).startYear == 2025)
        #expect(SchoolYear(startYear: 2014).description == "2014-2015")
        #expect(SchoolYear(startYear: 2026).contains(day(2027, 7, 31)) && !SchoolYear(startYear: 2026).contains(day(2027, 8, 1)))
    }

    @Test func requestStatusesMoveOnlyForward() {
        #expect(RequestStatus.nieuw.canMove(to: .gematcht))
        #expect(!RequestStatus.nieuw.canMove(to: .afgerond))
        #expect(!RequestStatus.afgerond.canMove(to: .nieuw))
        #expect(!RequestStatus.ingetrokken.canMove(to: .inBehandeling))
        #expect(request().isOverdue(today: day(2026, 10, 5)) && !request().isOverdue(today: day(2026, 10, 4)))
    }

    @Test func agreementStepsBelongToTheRightPeople() {
        let a = agreement("a", status: .voorgesteld)
        let schoolContact = Actor(accountId: "1", role: .contactpersoon, organizationId: "school")
        let companyContact = Actor(accountId: "2", role: .contactpersoon, organizationId: "company")
        let stranger = Actor(accountId: "3", role: .contactpersoon, organizationId: "far")
        #expect(AgreementStep.confirm.permitted(companyContact, on: a) && !AgreementStep.confirm.permitted(schoolContact, on: a))
        #expect(AgreementStep.deliver.permitted(schoolContact, on: a) && !AgreementStep.deliver.permitted(companyContact, on: a))
        #expect(!AgreementStep.cancel.permitted(stranger, on: a))
        #expect(!AgreementStep.plan.permitted(Actor(accountId: "4", role: .analist), on: a))
        #expect(AgreementStep.plan.permitted(Actor(accountId: "5", role: .beheerder), on: a))
        #expect(AgreementStep.confirm.allowed(from: .voorgesteld) && !AgreementStep.deliver.allowed(from: .afgesproken))
        #expect(!AgreementStep.cancel.allowed(from: .uitgevoerd))
    }

    @Test func hardRulesExcludeOffersWithAReason() {
        let ctx = context()
        #expect(Matching.exclusion(request(), offer(), ctx) == nil)
        #expect(Matching.exclusion(request(level: .havo), offer(), ctx)?.en == "Not for this level")
        #expect(Matching.exclusion(request(pupils: 31), offer(), ctx)?.en.hasPrefix("Group size") == true)
        #expect(Matching.exclusion(request(start: day(2027, 7, 1), end: day(2027, 7, 31)), offer(), ctx)?.en == "No date overlap")
        #expect(Matching.exclusion(request(), offer(capacity: 2, booked: 2), ctx)?.en == "No capacity left")
        // Rotterdam is about 58 km from Amsterdam-Oost.
        #expect(Matching.exclusion(request(maxKm: 30), offer(org: "far"), ctx)?.en == "Further than 30 km")
        #expect(Matching.exclusion(request(maxKm: 80), offer(org: "far"), ctx) == nil)
    }

    @Test func scoresAreTheSumOfTheirReasonsAndNearerFairerOffersRankFirst() {
        let ctx = context()
        let near = Matching.score(request(), offer(), ctx)
        #expect(near.score == near.reasons.reduce(0) { $0 + $1.points })
        #expect(near.reasons.contains { $0.label.nl == "Sector: 1 van 1 gevraagd" && $0.points == 30 })
        let ranked = Matching.candidates(for: request(), offers: [offer("b", org: "far"), offer("a")], ctx)
        #expect(ranked.map(\.offer.id) == ["a", "b"])
        // A company that already has its two activities this school year loses the "still owes" points.
        let busy = context([agreement("x", status: .uitgevoerd), agreement("y", status: .gepland)])
        #expect(Matching.score(request(), offer(), busy).score == near.score - 15 - (10 - 10 / 3) - (5 - 5 / 3))
    }

    @Test func complianceFollowsDeliveredAndPlannedActivities() {
        let today = day(2026, 10, 1)
        let members = [Membership(id: "m1", organizationId: "company", attestedOn: PartialDate(year: 2014, month: 6), evidence: "", source: ""),
                       Membership(id: "m2", organizationId: "far", startDate: day(2026, 9, 1), evidence: "", source: ""),
                       Membership(id: "m3", organizationId: "school", attestedOn: PartialDate(year: 2014), evidence: "", source: "")]
        func status(_ agreements: [ActivityAgreement], plans: [SchoolPlan] = [], of id: String = "company") -> ComplianceStatus? {
            Compliance.overview(organizations: [school, company, far], memberships: members, agreements: agreements, plans: plans,
                                settings: DeskSettings(), today: today).first { $0.organization.id == id }?.status
        }
        #expect(status([]) == .behind)
        #expect(status([agreement("a", status: .uitgevoerd), agreement("b", status: .gepland)]) == .onTrack)
        #expect(status([agreement("a", status: .uitgevoerd), agreement("b", status: .geevalueerd)]) == .met)
        // Last school year's activities do not count; cancelled ones never.
        #expect(status([agreement("a", status: .uitgevoerd, date: day(2026, 7, 1)), agreement("b", status: .geannuleerd)]) == .behind)
        #expect(status([], of: "far") == .new)
        let plan = SchoolPlan(id: "p", schoolId: "school", schoolYear: 2026, goals: "", activities: "", levels: [], sectors: [], contact: "", submittedOn: today)
        #expect(status([], plans: [], of: "school") == .behind)
        #expect(status([], plans: [plan], of: "school") == .onTrack)
        var approved = plan
        approved.status = .goedgekeurd
        #expect(status([], plans: [approved], of: "school") == .met)
    }

    @Test func reachCountsPupilsActuallyReached() {
        var a = agreement("a", status: .uitgevoerd)
        a.pupilsReached = 22
        a.sectors = [.metaal, .elektro]
        let b = agreement("b", status: .gepland)
        let orgs = ["school": school, "company": company]
        let bySchool = Reach.rows([a, b], by: .school, organizations: orgs, lang: .nl)
        #expect(bySchool.map(\.pupils) == [22] && bySchool.map(\.activities) == [1])
        #expect(Reach.rows([a], by: .sector, organizations: orgs, lang: .en).map(\.key).sorted() == ["elektro", "metaal"])
        #expect(Reach.rows([a], by: .schoolYear, organizations: orgs, lang: .nl).map(\.label) == ["2026-2027"])
        #expect(Reach.rows([a], by: .district, organizations: orgs, lang: .nl).map(\.label) == ["Oost"])
        #expect(Reach.requestsServed([a]) == 0 && Reach.excursions(since: day(2026, 8, 1), [a, b]) == 1)
    }

    @Test func inconsistentOffersAndRequestsNameTheirFields() {
        var bad = offer(capacity: 0, groupMax: 2)
        bad.availableTo = day(2026, 1, 1)
        bad.sectors = []
        let errors = bad.violations(knownOrganization: { $0 == "company" })
        #expect(Set(errors.keys) == ["groupMax", "capacity", "availableTo", "sectors"])
        var r = request(pupils: 0, start: day(2026, 12, 1), end: day(2026, 11, 1), maxKm: -1)
        r.sectors = []
        #expect(Set(r.violations(knownSchool: { _ in false }).keys) == ["schoolId", "sectors", "pupils", "windowEnd", "maxDistanceKm"])
    }
}

/// A request's status change as a decision (issue 13): every pair of statuses, by the coordinator and by a school.
@Suite struct RequestStatusDecisionTests {
    @Test func theCoordinatorMovesAlongTheQueueAndASchoolOnlyWithdraws() {
        let base = NetworkRequest(id: "r", schoolId: "s", type: .excursie, sectors: [], level: .havo, pupils: 20,
                                  windowStart: PartialDate(year: 2026, month: 10, day: 1), windowEnd: PartialDate(year: 2026, month: 12, day: 31),
                                  createdOn: PartialDate(year: 2026, month: 9, day: 1), respondBy: PartialDate(year: 2026, month: 9, day: 15))
        var possible = 0
        for from in RequestStatus.allCases {
            var request = base
            request.status = from
            for next in RequestStatus.allCases {
                let byCoordinator = request.changingStatus(to: next, byCoordinator: true)
                let bySchool = request.changingStatus(to: next, byCoordinator: false)
                guard from.canMove(to: next) else {
                    #expect(byCoordinator == .notPossible && bySchool == .notPossible, "\(from) → \(next)")
                    continue
                }
                possible += 1
                var moved = request
                moved.status = next
                #expect(byCoordinator == .changed(moved))
                #expect(bySchool == (next == .ingetrokken ? .changed(moved) : .onlyWithdraw), "\(from) → \(next) by a school")
            }
        }
        #expect(possible == 10)
        #expect(base.changingStatus(to: nil, byCoordinator: true) == .notPossible, "an unknown status")
    }
}

/// The records a proposal and an agreement's steps make (issue 13: moved out of the desk store).
@Suite struct DeskDecisionTests {
    @Test func aProposalTakesTheRequestsPupilsAndTheSharedSectors() {
        var travelling = offer()
        travelling.location = "Werkplaats Noord"; travelling.pupilsTravel = true
        let made = ActivityAgreement.proposed(id: "a", request: request(pupils: 27), offer: travelling, today: day(2026, 10, 2))
        #expect(made.requestId == "r" && made.offerId == "o" && made.schoolId == "school" && made.companyId == "company")
        #expect(made.pupils == 27 && made.level == .vmboT && made.type == .excursie && made.status == .voorgesteld)
        #expect(made.sectors == [.metaal], "what both share")
        #expect(made.place == "Werkplaats Noord" && made.transportNeeded && made.createdOn == day(2026, 10, 2))
        var elsewhere = request()
        elsewhere.sectors = [.bouw]
        #expect(ActivityAgreement.proposed(id: "b", request: elsewhere, offer: offer(), today: day(2026, 10, 2)).sectors == [.metaal, .elektro],
                "the offer's sectors when they share none")
        #expect(request().matched.status == .gematcht)
    }

    @Test func aCancellationReopensAndAFirstDeliveryCompletesTheMatchedRequest() {
        let matched = request().matched
        let planned = agreement("a", status: .gepland)
        func step(_ to: AgreementStatus, from: ActivityAgreement = planned, _ req: NetworkRequest = matched) -> RequestStatus? {
            var next = from
            next.status = to
            return next.requestAfterStep(from: from, request: req)?.status
        }
        #expect(step(.geannuleerd) == .inBehandeling)
        #expect(step(.uitgevoerd) == .afgerond)
        #expect(step(.geevalueerd, from: agreement("a", status: .uitgevoerd)) == nil, "delivered already: the request was completed then")
        #expect(step(.afgesproken) == nil && step(.gepland, from: agreement("a", status: .afgesproken)) == nil)
        var withdrawn = matched
        withdrawn.status = .ingetrokken
        #expect(step(.geannuleerd, withdrawn) == nil && step(.uitgevoerd, withdrawn) == nil, "only a matched request follows its agreement")
    }
}
