import Testing
@testable import Domain

/// Student transport's pure parts: the calendar arithmetic of weeks, travel estimates, the travel-time import, and a
/// trip following its agreement.
@Suite struct TransportDomainTests {
    @Test func weeksStartOnMondayAndDaysRoundTrip() {
        #expect(CivilDays.monday(of: PartialDate("2015-03-12")!) == PartialDate("2015-03-09"))
        #expect(CivilDays.monday(of: PartialDate("2015-03-09")!) == PartialDate("2015-03-09"))
        #expect(CivilDays.monday(of: PartialDate("2015-03-15")!) == PartialDate("2015-03-09"))
        #expect(CivilDays.monday(of: PartialDate("2024-01-01")!) == PartialDate("2024-01-01"))
        #expect(CivilDays.adding(1, to: PartialDate("2024-02-28")!) == PartialDate("2024-02-29"))
        #expect(CivilDays.adding(1, to: PartialDate("2023-02-28")!) == PartialDate("2023-03-01"))
        for z in stride(from: -800_000, to: 800_000, by: 997) { #expect(CivilDays.days(CivilDays.date(z)) == z) }
        #expect(CivilDays.days(PartialDate(year: 2015)) == nil)
    }

    @Test func travelIsEstimatedFromCoordinatesUnlessImported() {
        var settings = TransportSettings()
        settings.detourFactor = 1.5; settings.busKmPerHour = 30; settings.busStopMinutes = 2
        // Amsterdam Centraal to the Zuidas: about 6 km in a straight line.
        let a = Coordinate(latitude: 52.3791, longitude: 4.9003), b = Coordinate(latitude: 52.3389, longitude: 4.8730)
        #expect(abs(a.km(to: b) - 4.86) < 0.1)
        var travel = TravelEstimate(coordinates: ["a": a, "b": b], legs: [], settings: settings)
        #expect(abs(travel.km("a", "b")! - a.km(to: b) * 1.5) < 1e-9)
        #expect(travel.busMinutes("a", "b") == Int((a.km(to: b) * 1.5 / 30 * 60).rounded(.up)) + 2)
        #expect(travel.km("a", "c") == nil && travel.busMinutes("a", "a") == 0)
        travel = TravelEstimate(coordinates: ["a": a, "b": b], legs: [TravelLeg(fromId: "a", toId: "b", minutes: 25, km: 7.2)], settings: settings)
        #expect(travel.km("a", "b") == 7.2 && travel.busMinutes("a", "b") == 25)
        // Only that direction was imported.
        #expect(travel.km("b", "a") != 7.2)
    }

    @Test func theTravelImportNamesLineAndColumn() {
        let known: Set<String> = ["gvb", "amc"]
        switch TravelImport.parse("van,naar,minuten,km\ngvb,amc,12,5.5\namc,gvb,13,5,6", known: known) {
        case .failure(let f): #expect(f.line == 3 && f.message(.nl).hasPrefix("Regel 3: verwacht 4 kolommen"))
        case .success: Issue.record("five columns accepted")
        }
        switch TravelImport.parse("gvb;elders;12;5", known: known) {
        case .failure(let f): #expect(f.message(.en) == "Line 1, column naar: unknown organisation 'elders'")
        case .success: Issue.record("an unknown organisation accepted")
        }
        switch TravelImport.parse("gvb;amc;-1;5", known: known) {
        case .failure(let f): #expect(f.column == "minuten")
        case .success: Issue.record("negative minutes accepted")
        }
        #expect((try? TravelImport.parse("\n\nvan;naar;minuten;km\r\ngvb;amc;12;5,5\n", known: known).get())?.map(\.km) == [5.5])
        if case .success = TravelImport.parse("van,naar,minuten,km\n", known: known) { Issue.record("an empty import accepted") }
    }

    @Test func settingsOutOfRangeAreNamed() {
        #expect(TransportSettings().violations().isEmpty)
        var s = TransportSettings()
        s.detourFactor = 0.5; s.publicTransportLimit = 500; s.arriveEarliest = 5; s.arriveLatest = 10
        #expect(Set(s.violations().map(\.field)) == ["detourFactor", "publicTransportLimit", "arriveEarliest"])
    }

    @Test func aTripFollowsItsAgreement() throws {
        var agreement = ActivityAgreement(id: "a1", schoolId: "s", companyId: "c", type: .excursie, status: .gepland, pupils: 20,
                                          date: PartialDate("2015-03-10"), startTime: "10:00", durationMinutes: 120, transportNeeded: true,
                                          createdOn: PartialDate("2015-01-01")!)
        let trip = try #require(TransportTrip.from(agreement))
        #expect(trip.seats == 22 && trip.following(agreement) == nil)
        agreement.startTime = "11:30"; agreement.pupils = 25; agreement.teachers = 3
        let moved = try #require(trip.following(agreement))
        #expect(moved.startTime == "11:30" && moved.seats == 28 && moved.status == .gepland)
        agreement.transportNeeded = false
        #expect(trip.following(agreement)?.status == .geannuleerd)
        agreement.transportNeeded = true; agreement.status = .geannuleerd; agreement.cancelReason = "Ziek"
        #expect(trip.following(agreement)?.cancelReason == "Ziek")
        // Without a date or start time, or not yet agreed, no trip.
        var open = agreement
        open.status = .voorgesteld
        #expect(TransportTrip.from(open) == nil)
        open.status = .gepland; open.startTime = nil
        #expect(TransportTrip.from(open) == nil)
    }
}
