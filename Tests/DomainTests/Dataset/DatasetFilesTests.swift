import Foundation
import Testing
@testable import Domain

@Suite struct DatasetFilesTests {
    @Test func embeddedDatasetIsValidAndComplete() throws {
        let d = try Embedded.dataset()
        #expect(d.violations().isEmpty)
        #expect(d.projects.count == 7)
        #expect(d.agreements.count == 24)
        #expect(d.events.first { $0.id == "matchingday-2014" }?.reportedAgreements == 25)
        #expect(d.routeParticipations.filter { $0.routeId == "vakmanschapsroute" && $0.sector != nil }.count == 14)
        #expect(d.routeParticipations.filter { $0.routeId == "technologieroute-vmbo-t" && $0.organizationId != "roc-van-amsterdam" }.count == 9)
        #expect(d.routeParticipations.filter { $0.routeId == "technologieroute-havo-hbo" }.count == 11)
        #expect(d.routeParticipations.filter { $0.routeId == "technologieroute-vwo-wo" }.count == 6)
        #expect(d.acknowledgements.count == 138)
        #expect(d.opleidingshuizen.filter { $0.activities.count == 8 }.count == 4)
        #expect(d.quotes.count == 10)
        #expect(d.statements.filter { $0.kind == .bottleneck }.map(\.id) == ["knelpunt-leerlingenvervoer"])
    }

    @Test func embeddedDataHoldsNoContactDetails() throws {
        for (name, content) in try Embedded.files() {
            let text = String(decoding: content, as: UTF8.self)
            #expect(text.range(of: #"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}"#, options: .regularExpression) == nil, "\(name) holds an e-mail address")
            #expect(text.range(of: #"\b0[1-9][0-9]{1,2}[- ]?[0-9]{6,7}\b"#, options: .regularExpression) == nil, "\(name) holds a phone number")
        }
    }

    @Test func roundTripsThroughCSVAndJSON() throws {
        let d = try Embedded.dataset()
        for format in DataFormat.allCases {
            let files = try DatasetFiles.encode(d, format: format)
            #expect(files.count == Dataset.tables.count)
            #expect(try DatasetFiles.decode(files) == d, "round trip through \(format)")
        }
    }

    @Test func brokenReferenceIsReportedWithFileLineAndColumnName() throws {
        var files = try Embedded.files()
        var csv = String(decoding: files["agreements.csv"]!, as: UTF8.self)
        csv = csv.replacingOccurrences(of: "md2014-05,matchingday-2014,marcanti-college", with: "md2014-05,matchingday-2014,marcanti-colege")
        files["agreements.csv"] = data(csv)
        do {
            _ = try DatasetFiles.decode(files)
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "agreements.csv")
            #expect(error.line == 6)
            #expect(error.field == "schoolId")
            #expect(error.message.contains("marcanti-colege"))
        }
    }

    @Test func duplicateKeysAndUnknownFilesAreRejected() throws {
        var files = try Embedded.files()
        files["people.csv"] = data("id,name,source\np,P,§1\np,Q,§1\n")
        files["person_roles.csv"] = data("personId,body,domain,role,organizationId,projectId,source\n")
        #expect(throws: DatasetError.self) { try DatasetFiles.decode(files) }
        #expect(throws: DatasetError.self) { try DatasetFiles.decode(["members.csv": data("a\n1\n")]) }
        #expect(throws: DatasetError.self) { try DatasetFiles.decode(["people.csv": data("id,name,source\n"), "people.json": data("[]")]) }
    }

    @Test func jsonErrorsNameItemAndField() throws {
        do {
            _ = try DatasetFiles.decode(["projects.json": data(#"[{"id":"p","number":"1","name":"P","nameEn":"P","status":"dreaming","summary":"s","section":"§"}]"#)])
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "projects.json")
            #expect(error.field == "status")
            #expect(error.message.hasPrefix("item 1"))
        }
    }

    @Test func mergeReplacesByKeyAndKeepsTheRest() {
        var a = Dataset()
        a.people = [Person(id: "p1", name: "Old", source: "§"), Person(id: "p2", name: "Kept", source: "§")]
        var b = Dataset()
        b.people = [Person(id: "p1", name: "New", source: "§"), Person(id: "p3", name: "Added", source: "§")]
        let m = a.merged(with: b)
        #expect(m.people.map(\.name).sorted() == ["Added", "Kept", "New"])
    }
}
