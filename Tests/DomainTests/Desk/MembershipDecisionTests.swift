import Testing
@testable import Domain

/// The membership and school-plan decisions (issue 13: they lived in the route handlers), table-driven.
@Suite struct MembershipDecisionTests {
    static let today = PartialDate(year: 2026, month: 12, day: 1)
    static func application(_ status: MembershipApplicationStatus, org: String = "a") -> MembershipApplication {
        MembershipApplication(id: "m-\(status)", organizationId: org, motivation: "Wij geven graag gastlessen techniek.", status: status, appliedOn: today)
    }

    @Test(arguments: [
        ([MembershipApplicationStatus](), false, true), ([.aangevraagd], false, false), ([.goedgekeurd], false, false),
        ([.afgewezen], false, true), ([.beeindigd], false, true), ([.afgewezen, .beeindigd], false, true), ([], true, false),
    ])
    func whoMayApply(statuses: [MembershipApplicationStatus], member: Bool, may: Bool) {
        let memberships = member ? [Membership(id: "v", organizationId: "a", startDate: PartialDate(year: 2025), evidence: "x", source: "t")] : []
        let others = [Self.application(.aangevraagd, org: "b")]
        #expect(MembershipApplication.mayApply("a", applications: statuses.map { Self.application($0) } + others, memberships: memberships, on: Self.today) == may)
    }

    @Test func approvingEndingAndDeclining() {
        let a = Self.application(.aangevraagd)
        let membership = a.approvedMembership(on: Self.today)
        #expect(membership.id == "vriend-a-2026-12-01" && membership.startDate == Self.today && membership.isActive(on: Self.today))
        let approved = a.approved(on: Self.today, membership: membership)
        #expect(approved.status == .goedgekeurd && approved.membershipId == membership.id && approved.decidedOn == Self.today)
        let end = PartialDate(year: 2027, month: 1, day: 5)
        #expect(!membership.ended(on: end).isActive(on: PartialDate(year: 2027, month: 2, day: 1)))
        let ended = approved.ended(on: end, reason: "gestopt")
        #expect(ended.status == .beeindigd && ended.endReason == "gestopt" && ended.endedOn == end)
        let declined = a.declined(on: Self.today, remarks: nil)
        #expect(declined.status == .afgewezen && declined.remarks == nil)
    }

    @Test(arguments: [
        (PlanStatus.ingediend, PlanStatus?.some(.goedgekeurd), String?.none, "goedgekeurd"),
        (.ingediend, .teruggestuurd, "Meer doelen", "teruggestuurd"),
        (.ingediend, .teruggestuurd, nil, "remarksNeeded"),
        (.ingediend, .ingediend, nil, "notDecidable"),
        (.ingediend, nil, nil, "notDecidable"),
        (.goedgekeurd, .teruggestuurd, "Toch niet", "notDecidable"),
        (.teruggestuurd, .goedgekeurd, nil, "notDecidable"),
    ])
    func decidingAPlan(status: PlanStatus, decision: PlanStatus?, remarks: String?, expected: String) {
        let plan = SchoolPlan(id: "p", schoolId: "s", schoolYear: 2026, goals: "Doelen", activities: "Activiteiten", levels: [], sectors: [], contact: "Decaan",
                              status: status, submittedOn: Self.today)
        switch plan.deciding(decision, remarks: remarks) {
        case .success(let decided): #expect(decided.status.rawValue == expected && decided.remarks == remarks)
        case .failure(let refusal): #expect("\(refusal)" == expected)
        }
    }

    @Test(arguments: MembershipApplicationStatus.allCases)
    func theStateMachine(status: MembershipApplicationStatus) {
        let a = Self.application(status)
        #expect(a.allows(.approve) == (status == .aangevraagd))
        #expect(a.allows(.decline) == (status == .aangevraagd))
        #expect(a.allows(.end) == (status == .goedgekeurd))
        #expect(MembershipDecisionKind(rawValue: "goedkeuren") == .approve && MembershipDecisionKind(rawValue: "verwijderen") == nil)
    }
}
