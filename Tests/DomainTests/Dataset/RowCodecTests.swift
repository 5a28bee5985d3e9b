import Foundation
import Testing
@testable import Domain

@Suite struct RowCodecTests {
    let org = Organization(id: "x", name: "X, Y & Z", kind: .company, sectors: [.bouw, .metaal], levels: [.mbo2],
                           district: nil, latitude: 52.37, aliases: ["XYZ"], source: "§1")

    @Test func roundTripsThroughCells() throws {
        let cells = try RowCodec.encode(org)
        #expect(cells.map(\.column) == ["id", "name", "kind", "sectors", "levels", "district", "parentId", "latitude", "longitude", "aliases", "source"])
        var text: [String: String] = [:]
        for (c, v) in cells { text[c] = DatasetFiles.text(v) }
        #expect(text["sectors"] == "bouw;metaal")
        #expect(text["district"] == "")
        #expect(try RowCodec.decode(Organization.self, from: TextCells(text)) == org)
    }

    @Test func badEnumValueNamesTheColumn() throws {
        let csv = "id,name,kind,sectors,levels,district,parentId,latitude,longitude,aliases,source\nx,X,company,bouw;steel,,,,,,,§1\n"
        do {
            _ = try DatasetFiles.decodeCSV(Organization.self, data(csv), file: "organizations.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 4)
            #expect(error.field == "sectors")
            #expect(error.message.contains("steel"))
        }
    }

    @Test func badNumberAndMissingValueAreReported() throws {
        let header = "id,name,kind,sectors,levels,district,parentId,latitude,longitude,aliases,source\n"
        do {
            _ = try DatasetFiles.decodeCSV(Organization.self, data(header + "x,X,company,,,,,north,,,§1\n"), file: "o.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.field == "latitude")
            #expect(error.column == 8)
            #expect(error.message.contains("'north' is not a number"))
        }
        do {
            _ = try DatasetFiles.decodeCSV(Organization.self, data(header + "x,,company,,,,,,,,§1\n"), file: "o.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.field == "name")
            #expect(error.message == "a value is required")
        }
    }

    @Test func missingColumnAndWrongFieldCount() throws {
        do {
            _ = try DatasetFiles.decodeCSV(Person.self, data("id,source\np,§1\n"), file: "people.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.field == "name")
            #expect(error.message.contains("missing column"))
        }
        do {
            _ = try DatasetFiles.decodeCSV(Person.self, data("id,name,source\np,P\n"), file: "people.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(error.message == "expected 3 fields, found 2")
        }
    }

    @Test func listItemsMayNotContainTheSeparator() {
        var o = org
        o.aliases = ["a;b"]
        #expect(throws: CellError.self) { try RowCodec.encode(o) }
    }

    @Test func partialDatesParseAndOrder() {
        #expect(PartialDate("2014-06-02") == PartialDate(year: 2014, month: 6, day: 2))
        #expect(PartialDate("2014-13") == nil)
        #expect(PartialDate("14") == nil)
        #expect(PartialDate("2014")! < PartialDate("2014-01")!)
        #expect(PartialDate("2014-06-02")!.label(.nl) == "2 juni 2014")
        #expect(PartialDate("2014-06")!.label(.en) == "June 2014")
    }
}
