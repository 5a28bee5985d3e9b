import Foundation
import Testing
@testable import Domain

@Suite struct ObservationImportTests {
    let indicators: [Indicator]
    let observations: [Observation]
    init() throws { let d = try Embedded.dataset(); indicators = d.indicators; observations = d.observations }

    func parse(_ text: String) throws(DatasetError) -> ObservationImport {
        let rows = try CSV.parse(text, file: "new.csv")
        return try ObservationImport.parse(rows: rows, file: "new.csv", indicators: indicators)
    }

    func error(_ text: String) -> DatasetError? {
        do { _ = try parse(text); return nil } catch { return error }
    }

    @Test func aNewSchoolYearWithDimensionsAndATotal() throws {
        let i = try parse("""
        period,indicator,sector,value,source
        2015-2016,roc.students.sector,Automotive,455,ROC van Amsterdam
        2015-2016,roc.students.sector,Transport & Logistiek,"470",ROC van Amsterdam
        2015-2016,havo-vwo.n-profile,,"52,5",DUO

        """)
        #expect(i.observations.count == 3)
        #expect(i.observations[0].dimensions == ["sector=Automotive"])
        #expect(i.observations[2].dimensions == [] && i.observations[2].value == 52.5)
        #expect(i.periods == [IndicatorPeriod(indicatorKey: "roc.students.sector", dimensionNames: ["sector"], period: "2015-2016"),
                             IndicatorPeriod(indicatorKey: "havo-vwo.n-profile", period: "2015-2016")])
    }

    @Test func reimportReplacesThePeriodAndKeepsTheRest() throws {
        let before = observations.filter { $0.indicatorKey == "roc.students.sector" && $0.period == "2014-2015" }
        #expect(before.count == 4)
        let i = try parse("indicator,period,sector,value,source\nroc.students.sector,2014-2015,Automotive,440,ROC (correctie)\n")
        let after = i.applied(to: observations)
        #expect(after.filter { $0.indicatorKey == "roc.students.sector" && $0.period == "2014-2015" }.map(\.value) == [440])
        #expect(after.count == observations.count - 4 + 1)
        #expect(after.filter { $0.period == "2013-2014" && $0.indicatorKey == "roc.students.sector" }.count == 4)
        // An overall figure for a period leaves that period's split (havo, vwo) alone.
        let split = observations.filter { $0.indicatorKey == "havo-vwo.n-profile" && $0.period == "2013-2014" }
        #expect(split.count == 2 && split.allSatisfy { !$0.dimensions.isEmpty })
        let overall = try parse("indicator,period,value,source\nhavo-vwo.n-profile,2013-2014,47,DUO\n").applied(to: observations)
        #expect(overall.filter { $0.indicatorKey == "havo-vwo.n-profile" && $0.period == "2013-2014" }.count == 3)
    }

    @Test func badRowsNameFileLineColumnAndField() {
        let header = "indicator,period,sector,value,source\n"
        #expect(error(header + "roc.students.sector,2015-2016,Automotive,455,ROC\nroc.students.nope,2015-2016,Automotive,1,ROC\n")?.description
                == "new.csv:3:1 (indicator): unknown indicator 'roc.students.nope'")
        #expect(error(header + "roc.students.sector,2015-2017,Automotive,455,ROC\n")?.description.hasPrefix("new.csv:2:2 (period): '2015-2017' is not a period") == true)
        #expect(error(header + "roc.students.sector,2015-2016,Automotive,1.793,ROC\n")?.description.hasPrefix("new.csv:2:4 (value): '1.793' is not a whole number") == true)
        #expect(error(header + "roc.students.sector,2015-2016,Automotive,veel,ROC\n")?.description == "new.csv:2:4 (value): 'veel' is not a number")
        #expect(error(header + "roc.students.sector,2015-2016,Automotive,12,\n")?.field == "source")
        #expect(error("indicator,period,level,value,source\nroc.students.sector,2015-2016,mbo-2,12,ROC\n")?.description
                == "new.csv:2:3 (level): roc.students.sector has no dimension 'level'; it has sector")
        #expect(error("indicator,period,value\n")?.description == "new.csv:1 (source): missing column 'source'")
        #expect(error(header)?.message == "no rows below the header")
        #expect(error(header + "havo-vwo.n-profile,2015,,101,DUO\n")?.field == "value")
        let twice = header + "roc.students.sector,2015-2016,Automotive,455,ROC\nroc.students.sector,2015-2016,Automotive,456,ROC\n"
        #expect(error(twice)?.description == "new.csv:3:4 (value): the same indicator, period and dimensions as line 2")
    }

    @Test func periodsOfEveryForm() {
        #expect(ObservationPeriod.start("2012-2013") == PartialDate(year: 2012, month: 8, day: 1))
        #expect(ObservationPeriod.start("2014") == PartialDate(year: 2014, month: 1, day: 1))
        #expect(ObservationPeriod.start("2015-02") == PartialDate(year: 2015, month: 2, day: 1))
        #expect(ObservationPeriod.start("2014-11-30") == PartialDate(year: 2014, month: 11, day: 30))
        #expect(ObservationPeriod.start("2014-08-01/") == PartialDate(year: 2014, month: 8, day: 1))
        for bad in ["", "2014-2016", "14", "2014-13", "2014/", "2014-1-5", "abcd-efgh"] { #expect(ObservationPeriod.start(bad) == nil, "\(bad)") }
        #expect(ObservationPeriod.label("2014-01-01", .nl) == "1-1-2014")
    }
}
