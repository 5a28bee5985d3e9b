import Testing
@testable import Domain

@Suite struct MatchingdayEventTests {
    static let day = PartialDate(year: 2026, month: 11, day: 20)

    @Test func roundsRunWithChangeoverAndOneBreak() {
        let e = MatchingdayEvent(id: "e", name: "Dag", date: Self.day, registrationDeadline: Self.day, startTime: "13:00", rounds: 4,
                                 roundMinutes: 20, changeMinutes: 5, breakAfterRound: 2, breakMinutes: 15, maxMeetings: 3, createdOn: Self.day)
        #expect(e.roundTimes.map { [$0.start, $0.end] } == [[780, 800], [805, 825], [840, 860], [865, 885]])
        #expect(e.roundLabel(3) == "14:00–14:20" && e.roundLabel(5) == "")
        #expect(e.violations().isEmpty)
    }

    @Test func aBadEventNamesEachField() {
        var e = MatchingdayEvent(id: "e", name: " ", date: Self.day, registrationDeadline: PartialDate(year: 2026, month: 12, day: 1), startTime: "9:5",
                                 rounds: 0, roundMinutes: 2, changeMinutes: 90, breakAfterRound: 9, breakMinutes: 500, maxMeetings: 4, schoolPlaces: 0,
                                 companyPlaces: 2000, createdOn: Self.day)
        #expect(Set(e.violations().keys) == ["name", "registrationDeadline", "startTime", "rounds", "roundMinutes", "changeMinutes", "breakAfterRound",
                                              "breakMinutes", "maxMeetings", "schoolPlaces", "companyPlaces"])
        e = MatchingdayEvent(id: "e", name: "Laat", date: Self.day, registrationDeadline: Self.day, startTime: "23:00", rounds: 4, roundMinutes: 30, createdOn: Self.day)
        #expect(e.violations()["rounds"] != nil, "the last round would end after midnight")
    }

    @Test func presenceAndParticipantChecks() {
        var p = MatchingdayParticipant(id: "p", eventId: "e", organizationId: "o", side: .school, registeredOn: Self.day, firstRound: 2, lastRound: 3)
        #expect(!p.present(in: 1) && p.present(in: 2) && p.present(in: 3) && !p.present(in: 4))
        p.status = .waiting
        #expect(!p.present(in: 2), "someone on the waiting list is not there")
        p.firstRound = 4; p.attendees = ["A; B"]
        #expect(Set(p.violations(rounds: 3).keys) == ["firstRound", "lastRound", "attendees"])
        #expect(ParticipantSide.of(.primarySchool) == .school && ParticipantSide.of(.branch) == .company)
    }

    @Test func monthsAddedClampToTheMonthsEnd() {
        #expect(PartialDate(year: 2026, month: 8, day: 31).adding(months: 6) == PartialDate(year: 2027, month: 2, day: 28))
        #expect(PartialDate(year: 2027, month: 8, day: 31).adding(months: 6) == PartialDate(year: 2028, month: 2, day: 29))
        #expect(PartialDate(year: 2026, month: 11, day: 20).adding(months: 6) == PartialDate(year: 2027, month: 5, day: 20))
        #expect(PartialDate(year: 2026, month: 7).adding(months: 6) == PartialDate(year: 2027, month: 1))
    }

    @Test func followUpIsDueOnceAndOnlyForWhatMayStillHappen() {
        var a = ActivityAgreement(id: "a", schoolId: "s", companyId: "c", type: .gastles, status: .afgesproken, pupils: 20, createdOn: Self.day,
                                  eventId: "e", followUpOn: Self.day.adding(months: 6))
        #expect(!a.followUpDue(on: Self.day) && a.followUpDue(on: PartialDate(year: 2027, month: 6, day: 1)))
        a.followUpSentOn = PartialDate(year: 2027, month: 5, day: 20)
        #expect(!a.followUpDue(on: PartialDate(year: 2027, month: 6, day: 1)), "asked once")
        a.followUpSentOn = nil; a.status = .uitgevoerd
        #expect(!a.followUpDue(on: PartialDate(year: 2027, month: 6, day: 1)), "it happened already")
    }

    @Test func registrationsRebuildFromStoredEntries() {
        var r = EventRegistrations(places: 1, entries: [.init(organizationId: "a", status: .registered), .init(organizationId: "b", status: .cancelled)])
        #expect(r.register("c") == .waiting && r.cancel("a") == "c")
    }

    @Test func suggestionsRankBySharedSignalsAndSayWhy() throws {
        let data = try Embedded.dataset()
        let school = try #require(data.organization("montessori-college-oost"))
        let companies = ["alliander", "goflex", "infento", "ymere"].compactMap { data.organization($0) }
        var withSector = school
        withSector.sectors = [.installatie]
        let ranked = WishSuggestions.rank(for: withSector, candidates: companies, partners: [["montessori-college-oost", "goflex"]], limit: 4)
        // Alliander shares installatie; the existing partner Goflex comes last; ties in name order.
        #expect(ranked.map(\.organizationId) == ["alliander", "infento", "ymere", "goflex"])
        #expect(ranked.allSatisfy { s in s.score == s.reasons.reduce(0) { $0 + $1.points } })
        #expect(WishSuggestions.rank(for: withSector, candidates: companies, partners: [], limit: 2).count == 2)
        // A school with no partner at all is flagged for every company.
        let fresh = WishSuggestions.rank(for: school, candidates: companies, partners: [], limit: 4)
        #expect(fresh.allSatisfy { $0.reasons.contains { $0.label.nl.contains("nog geen afspraak") } })
    }
}

/// What may happen to a day in each status, registration by the participants themselves, the draft an edit drops,
/// and the "moet" limit (issue 13: these lived in the route handlers).
@Suite struct MatchingdayStepsTests {
    static let day = PartialDate(year: 2026, month: 11, day: 20)
    static func event(_ status: MatchingdayStatus) -> MatchingdayEvent {
        var e = MatchingdayEvent(id: "e", name: "Dag", date: day, registrationDeadline: PartialDate(year: 2026, month: 11, day: 13), createdOn: day)
        e.status = status
        return e
    }

    @Test func eachStatusAllowsItsSteps() {
        let allowed: [MatchingdayStatus: Set<String>] = [
            .open: ["editSettings", "editTables", "plan"],
            .gepland: ["editSettings", "editTables", "plan", "publish"],
            .vrijgegeven: ["reschedule", "publish"],
            .afgerond: [],
        ]
        for status in MatchingdayStatus.allCases {
            let e = Self.event(status)
            let steps = Set(MatchingdayStep.allCases.filter(e.allows).map { "\($0)" })
            #expect(steps == allowed[status], "\(status)")
        }
    }

    @Test func participantsRegisterThemselvesWhileOpenUntilTheDeadlineInclusive() {
        let open = Self.event(.open)
        #expect(open.selfRegistrationClosed(on: PartialDate(year: 2026, month: 11, day: 13)) == nil)
        #expect(open.selfRegistrationClosed(on: PartialDate(year: 2026, month: 11, day: 14)) == .deadlinePassed)
        #expect(Self.event(.gepland).selfRegistrationClosed(on: PartialDate(year: 2026, month: 11, day: 1)) == .scheduleMade)
    }

    @Test func roundsCapLengthOrFillingDropTheDraftAndOtherSettingsDoNot() {
        let e = Self.event(.gepland)
        var renamed = e; renamed.name = "Andere naam"; renamed.breakMinutes = 30
        #expect(!e.dropsDraft(renamed))
        var rounds = e; rounds.rounds += 1
        var cap = e; cap.maxMeetings -= 1
        var length = e; length.roundMinutes += 5
        var filling = e; filling.fillFreePlaces = !e.fillsFreePlaces
        for edited in [rounds, cap, length, filling] { #expect(e.dropsDraft(edited)) }
        #expect(!WishPriority.tooManyMusts([.moet, .moet, .graag, .niet], maxMeetings: 2))
        #expect(WishPriority.tooManyMusts([.moet, .moet, .moet], maxMeetings: 2))
    }
}
