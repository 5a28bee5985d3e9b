import Testing
@testable import Domain

@Suite struct MatchingdayWishesTests {
    @Test func wishesBecomeWeights() {
        let wishes = [
            Wish(from: "s1", to: "c1", priority: .graag), Wish(from: "c1", to: "s1", priority: .moet),   // mutual: 2 × (3 + 6)
            Wish(from: "s1", to: "c2", priority: .moet),                                                   // one-sided: 6
            Wish(from: "s2", to: "c1", priority: .graag), Wish(from: "c1", to: "s2", priority: .niet),     // never
            Wish(from: "s2", to: "c2", priority: .moet), Wish(from: "c2", to: "s2", priority: .lieverNiet), // rather not: dropped
        ]
        let pairs = WishWeights.pairs(schools: ["s1", "s2", "s3"], companies: ["c1", "c2"], wishes: wishes, mustMeet: [["s3", "c2"], ["s2", "c1"]])
        let byPair = Dictionary(uniqueKeysWithValues: pairs.map { ([$0.school, $0.company], $0.weight) })
        #expect(byPair == [["s1", "c1"]: 18, ["s1", "c2"]: 6, ["s3", "c2"]: WishWeights.required])
    }

    @Test func registrationKeepsAWaitingListInOrder() {
        var r = EventRegistrations(places: 2)
        #expect(r.register("a") == .registered && r.register("b") == .registered)
        #expect(r.register("c") == .waiting && r.register("d") == .waiting)
        #expect(r.register("a") == .registered && r.entries.count == 4, "registering twice changes nothing")
        #expect(r.cancel("c") == nil && r.waiting == ["d"], "a waiting cancellation frees no place")
        #expect(r.cancel("a") == "d" && r.registered == ["b", "d"])
        #expect(r.cancel("zz") == nil)
        #expect(r.register("a") == .waiting, "after cancelling, registering again joins the end of the queue")
    }
}
