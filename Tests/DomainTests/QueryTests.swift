import Testing
@testable import Domain

@Suite struct QueryTests {
    let data: Dataset
    init() throws { data = try Embedded.dataset() }

    @Test func searchIgnoresCaseAccentsAndSpaces() {
        #expect(OrganizationFilter(query: "platform beta").apply(to: data.organizations).map(\.id) == ["platform-beta-techniek"])
        #expect(OrganizationFilter(query: "bètatechniek").apply(to: data.organizations).map(\.id) == ["platform-beta-techniek"])
        #expect(OrganizationFilter(query: "OSB").apply(to: data.organizations).map(\.id) == ["open-schoolgemeenschap-bijlmer"])
    }

    @Test func filtersCombine() {
        let vmboT = OrganizationFilter(kind: .secondarySchool, level: .vmboT).apply(to: data.organizations)
        #expect(vmboT.count == 9)
        let noord = OrganizationFilter(district: "noord").apply(to: data.organizations)
        #expect(noord.allSatisfy { $0.district == "Noord" })
        #expect(noord.contains { $0.id == "bredero-beroepscollege" })
        let installers = OrganizationFilter(kind: .company, sector: .installatie).apply(to: data.organizations)
        #expect(installers.map(\.id).contains("klomp"))
        #expect(installers.allSatisfy { $0.kind == .company && $0.sectors.contains(.installatie) })
    }

    @Test func resultsAreSortedByName() {
        let names = OrganizationFilter().apply(to: data.organizations).map { fold($0.name) }
        #expect(names == names.sorted())
    }

    @Test func paging() {
        let p = Array(1...53).paged(PageRequest(page: 3, per: 25))
        #expect(p.items == [51, 52, 53])
        #expect(p.total == 53 && p.pageCount == 3 && p.hasPrevious && !p.hasNext)
        #expect(Array(1...3).paged(PageRequest(page: 9, per: 25)).items.isEmpty)
    }

    @Test func profileGathersEverythingAnOrganisationTakesPartIn() throws {
        let otib = try #require(OrganizationProfile(id: "otib", in: data))
        #expect(otib.agreements.count == 4) // three Matchingday lines plus the shared LPI line
        #expect(otib.opleidingshuizen.map(\.opleidingshuis.id) == ["technische-installaties"])
        let nex = try #require(OrganizationProfile(id: "nextechnician", in: data))
        #expect(nex.members.count == 10)
        #expect(OrganizationProfile(id: "nope", in: data) == nil)
    }
}
