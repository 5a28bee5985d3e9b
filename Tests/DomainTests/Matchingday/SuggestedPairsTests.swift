import Testing
@testable import Domain

@Suite struct SuggestedPairsTests {
    let school = Organization(id: "s", name: "S", kind: .secondarySchool, sectors: [.bouw], levels: [.vmboT], source: "test")
    let unknownSchool = Organization(id: "u", name: "U", kind: .primarySchool, source: "test")
    let builder = Organization(id: "b", name: "B", kind: .company, sectors: [.bouw], source: "test")
    let chemist = Organization(id: "c", name: "C", kind: .company, sectors: [.procesLab], source: "test")
    let blank = Organization(id: "x", name: "X", kind: .company, source: "test")

    @Test func fitsWeighMoreUnknownsLessMisfitsAndRefusalsNever() {
        let pairs = SuggestedPairs.pairs(schools: [school, unknownSchool], companies: [builder, chemist, blank],
                                         wishes: [Wish(from: "x", to: "u", priority: .niet), Wish(from: "s", to: "x", priority: .lieverNiet),
                                                  Wish(from: "u", to: "b", priority: .graag)],
                                         wished: [["u", "b"]])
        let byPair = Dictionary(uniqueKeysWithValues: pairs.map { ($0.school + "-" + $0.company, $0.weight) })
        #expect(byPair == ["s-b": 2, "u-c": 1])
        // The weights stay below the lightest wish, so a reschedule fills with wishes first.
        let lightest = WishWeights.pairs(schools: ["u"], companies: ["b"], wishes: [Wish(from: "u", to: "b", priority: .graag)]).map(\.weight).min()
        #expect(pairs.allSatisfy { $0.weight < lightest ?? 0 })
    }

    @Test func belowMinimumNamesTheFewestFirst() {
        let p = { (id: String, side: ParticipantSide, status: EventRegistrations.Status) in
            MatchingdayParticipant(id: "p-" + id, eventId: "e", organizationId: id, side: side, status: status, registeredOn: PartialDate(year: 2026), lastRound: 4)
        }
        let m = { (s: String, c: String, change: MeetingChange?) in
            var meeting = MatchingdayMeeting(id: s + c, eventId: "e", schoolId: s, companyId: c, round: 1, table: 1); meeting.change = change; return meeting
        }
        let below = ScheduleSummary.belowMinimum(participants: [p("s1", .school, .registered), p("c1", .company, .registered), p("c2", .company, .registered), p("c3", .company, .waiting)],
                                                 meetings: [m("s1", "c1", nil), m("s1", "c2", .vervallen), m("s1", "c1", .nieuw)], minimum: 2)
        #expect(below.map(\.organizationId) == ["c2"] && below.map(\.meetings) == [0])
    }
}
