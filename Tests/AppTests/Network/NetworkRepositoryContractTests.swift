import Domain
import Fluent
import Foundation
@testable import Persistence
import SQLKit
import Testing
@testable import Web

/// Issue 13: the network's reads in SQL (`SQLNetworkRepository`) give exactly the answers of the in-memory repository,
/// which is the Domain's definition (`OrganizationFilter`, `Dataset.profileSlice`, `NetworkOverview`): the same
/// organisations in the same order page by page, the same profile slices, the same network page. Run on SQLite and,
/// in `scripts/test`, on PostgreSQL.
@Suite struct NetworkRepositoryContractTests {
    /// A small seeded generator, so a failure names a reproducible case.
    struct Rng { var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        mutating func pick<T>(_ xs: [T]) -> T { xs[next(xs.count)] }
    }

    static let words = ["Bèta", "Techniek", "Ünïe", "bouw", "Øresund", "ÉLEKTRO", "de", "van", "Zuid", "Wiskunde",
                        "100%", "under_score", "back\\slash", "Straße", "Noord", "ijzer", "IJmond", "Ça", "metaal", "Amstel"]
    static let districts = ["Amsterdam-Noord", "amsterdam-noord", "Zuidoost", "Zaanstad", "Diemen", "Nieuw-West", "Ámstelveen"]

    /// The embedded dataset plus generated organisations (accents, case, wildcard characters, aliases, lists),
    /// memberships with partial dates and agreements naming several companies.
    static func dataset(seed: UInt64) throws -> Dataset {
        var data = try embeddedDataset()
        var rng = Rng(state: seed)
        var made: [Organization] = []
        for i in 0..<240 {
            let name = (0..<(1 + rng.next(3))).map { _ in rng.pick(words) }.joined(separator: rng.next(4) == 0 ? "  " : " ")
            let kind = rng.pick(OrganizationKind.allCases)
            let org = Organization(id: "gen-\(i)", name: i % 17 == 0 && i > 0 ? made[i - 1].name : name, kind: kind,
                                   sectors: Array(Set((0..<rng.next(4)).map { _ in rng.pick(Sector.allCases) })).sorted { $0.rawValue < $1.rawValue },
                                   levels: Array(Set((0..<rng.next(3)).map { _ in rng.pick(EducationLevel.allCases) })).sorted { $0.rawValue < $1.rawValue },
                                   district: rng.next(3) == 0 ? nil : rng.pick(districts),
                                   parentId: rng.next(10) == 0 && !made.isEmpty ? rng.pick(made).id : nil,
                                   aliases: rng.next(4) == 0 ? [rng.pick(words) + " " + rng.pick(words)] : [], source: "test")
            made.append(org)
        }
        data.organizations += made
        let dates: [PartialDate?] = [nil, PartialDate(year: 2013), PartialDate(year: 2014, month: 6), PartialDate(year: 2014, month: 6, day: 1),
                                     PartialDate(year: 2015, month: 1, day: 31)]
        for i in 0..<90 {
            data.memberships.append(Membership(id: "gen-m-\(i)", organizationId: rng.pick(made).id, startDate: rng.pick(dates), endDate: rng.next(3) == 0 ? rng.pick(dates) : nil,
                                               attestedOn: rng.pick(dates), evidence: "gegenereerd \(i)", source: "test"))
        }
        let schools = made.filter { $0.kind.isEducation }, companies = made.filter { !$0.kind.isEducation }
        for i in 0..<300 {
            data.agreements.append(Agreement(id: "gen-a-\(i)", eventId: data.events.isEmpty || rng.next(2) == 0 ? nil : rng.pick(data.events).id,
                                             schoolId: rng.pick(schools).id, companyIds: Array(Set((0..<(1 + rng.next(3))).map { _ in rng.pick(companies).id })).sorted(),
                                             printedAs: "afspraak \(i)", source: "test"))
        }
        return data
    }

    static func filters(_ data: Dataset, seed: UInt64) -> [OrganizationFilter] {
        var rng = Rng(state: seed)
        var out: [OrganizationFilter] = [OrganizationFilter(), OrganizationFilter(query: "   "), OrganizationFilter(query: "%"),
                                         OrganizationFilter(query: "_"), OrganizationFilter(query: "\\"), OrganizationFilter(query: "beta techniek"),
                                         OrganizationFilter(query: "betatechniek"), OrganizationFilter(query: "BETA"), OrganizationFilter(query: "a\nb"),
                                         OrganizationFilter(district: "AMSTERDAM-NOORD"), OrganizationFilter(district: "amstelveen"),
                                         OrganizationFilter(query: "gen-1")]
        let queries = words.map { String($0.prefix(4)) } + data.organizations.prefix(40).map { String($0.name.dropFirst(2).prefix(5)) }
        for _ in 0..<120 {
            out.append(OrganizationFilter(query: rng.next(2) == 0 ? rng.pick(queries) : nil,
                                          kind: rng.next(3) == 0 ? rng.pick(OrganizationKind.allCases) : nil,
                                          sector: rng.next(3) == 0 ? rng.pick(Sector.allCases) : nil,
                                          level: rng.next(4) == 0 ? rng.pick(EducationLevel.allCases) : nil,
                                          district: rng.next(4) == 0 ? rng.pick(districts) : nil))
        }
        return out
    }

    @Test func listsProfilesAndTheNetworkPageAgreeWithTheDomain() async throws {
        let data = try Self.dataset(seed: 13)
        try await withMasterplan { app in
            try await RecordStore(app.db).replace(with: data)
            let sql = SQLNetworkRepository(app.db), memory = InMemoryNetworkRepository(data)
            var differing: [String] = []
            var nonEmpty = 0
            for (i, filter) in Self.filters(data, seed: 7).enumerated() {
                for page in [Domain.PageRequest(page: 1, per: 25), Domain.PageRequest(page: 2, per: 7), Domain.PageRequest(page: 1, per: 200), Domain.PageRequest(page: 40, per: 25)] {
                    let a = try await sql.organizations(filter, page: page), b = try await memory.organizations(filter, page: page)
                    if a.items.map(\.id) != b.items.map(\.id) || a.total != b.total || a.items != b.items {
                        differing.append("filter \(i) \(filter) page \(page): SQL \(a.total) \(a.items.prefix(5).map(\.id)), memory \(b.total) \(b.items.prefix(5).map(\.id))")
                    }
                    if page.page == 1, b.total > 0 { nonEmpty += 1 }
                }
            }
            #expect(differing.isEmpty, "\(differing.prefix(5))")
            #expect(nonEmpty > 150, "the filters find something often enough to mean something (\(nonEmpty))")
            #expect(try await sql.districts() == (try await memory.districts()))

            // Every organisation's page: the same slice, and a profile from the slice equals one from the whole dataset.
            var slices: [String] = []
            for org in data.organizations {
                let a = try await sql.profile(of: org.id), b = try await memory.profile(of: org.id)
                if a != b { slices.append(org.id) }
                if let b, OrganizationProfileDigest(OrganizationProfile(id: org.id, in: b)) != OrganizationProfileDigest(OrganizationProfile(id: org.id, in: data)) {
                    slices.append(org.id + " (profile)")
                }
            }
            #expect(slices.isEmpty, "\(slices.prefix(5))")
            #expect(try await sql.profile(of: "bestaat-niet") == nil)

            var days: [String] = []
            for day in [PartialDate(year: 2012, month: 1, day: 1), PartialDate(year: 2013, month: 12, day: 31), PartialDate(year: 2014, month: 6, day: 1),
                        PartialDate(year: 2014, month: 6, day: 30), PartialDate(year: 2015, month: 2, day: 1), PartialDate(year: 2026, month: 12, day: 1)] {
                for page in [Domain.PageRequest(page: 1, per: 25), Domain.PageRequest(page: 3, per: 10)] {
                    let a = try await sql.network(on: day, page: page), b = try await memory.network(on: day, page: page)
                    if a != b { days.append("\(day) \(page): SQL \(a.registeredTotal) \(a.registeredByKind), memory \(b.registeredTotal) \(b.registeredByKind)") }
                }
            }
            #expect(days.isEmpty, "\(days)")
        }
    }

    /// Every write path keeps the derived columns and list entries in step: an added organisation is found, a renamed
    /// one under its new name only, a changed sector list filters as changed; and the migration that adds them fills
    /// them for rows stored before it (reverted and run again, the answers stay the same).
    @Test func writesAndTheMigrationKeepTheSearchColumnsInStep() async throws {
        try await withMasterplan { app in
            let store = RecordStore(app.db), sql = SQLNetworkRepository(app.db)
            try await store.add(Organization(id: "nieuw-lab", name: "Fablab Ōost", kind: .foundation, sectors: [.creatief], district: "Oost", source: "t"), actor: "test")
            #expect(try await sql.organizations(OrganizationFilter(query: "fablab oost"), page: Domain.PageRequest()).items.map(\.id) == ["nieuw-lab"])
            #expect(try await sql.organizations(OrganizationFilter(sector: .creatief, district: "OOST"), page: Domain.PageRequest()).items.map(\.id) == ["nieuw-lab"])
            let before = try #require(try await sql.organization("nieuw-lab"))
            var renamed = before
            renamed.name = "Makerspace Zuid"; renamed.sectors = [.elektro]
            _ = try await store.update(renamed, expected: before, actor: "test")
            #expect(try await sql.organizations(OrganizationFilter(query: "fablab"), page: Domain.PageRequest()).total == 0)
            #expect(try await sql.organizations(OrganizationFilter(query: "makerspace"), page: Domain.PageRequest()).items.map(\.id) == ["nieuw-lab"])
            #expect(try await sql.organizations(OrganizationFilter(sector: .creatief, district: "Oost"), page: Domain.PageRequest()).total == 0)
            #expect(try await sql.organizations(OrganizationFilter(sector: .elektro, district: "Oost"), page: Domain.PageRequest()).items.map(\.id) == ["nieuw-lab"])

            let data = try await store.dataset()
            let memory = InMemoryNetworkRepository(data)
            let filters = Self.filters(data, seed: 3)
            func answers(_ repo: any NetworkRepository) async throws -> [[String]] {
                var out: [[String]] = []
                for f in filters { out.append(try await repo.organizations(f, page: Domain.PageRequest(page: 1, per: 50)).items.map(\.id)) }
                for org in data.organizations.prefix(60) { out.append(try await repo.profile(of: org.id)?.agreements.map(\.id) ?? ["-"]) }
                return out
            }
            let expected = try await answers(memory)
            #expect(try await answers(sql) == expected)
            let migration = UpdateOrganizationsAddSearchIndexes()
            // On one connection: SQLite's test database is a file with a connection per event loop, and a schema change
            // reaches the other connection only at its next transaction.
            try await app.db.withConnection { db in
                try await migration.revert(on: db)
                await #expect(throws: (any Error).self, "reverted: the derived columns are gone") {
                    try await (db as! any SQLDatabase).raw("SELECT \"sortName\" FROM organizations LIMIT 1").run()
                }
                try await migration.prepare(on: db)
            }
            #expect(try await answers(sql) == expected)
        }
    }
}

/// What an organisation's profile shows, comparable (the profile holds tuples).
struct OrganizationProfileDigest: Equatable {
    let lines: [String]
    init(_ p: OrganizationProfile?) {
        guard let p else { lines = ["none"]; return }
        lines = [p.organization.id, p.parent?.id ?? "-", p.children.map(\.id).joined(separator: ","),
                 p.partnerships.map { $0.partnership.id + $0.source }.joined(separator: ","), p.members.map { $0.member.id + $0.source }.joined(separator: ","),
                 p.memberships.map(\.id).joined(separator: ","), p.projects.map { $0.project.id + $0.role }.joined(separator: ","),
                 p.routes.map { $0.route.id }.joined(separator: ","), p.opleidingshuizen.map { $0.opleidingshuis.id + $0.role }.joined(separator: ","),
                 p.agreements.map(\.id).joined(separator: ","), p.timeline.map(\.id).joined(separator: ","),
                 p.fundingApplications.map(\.id).joined(separator: ","), p.funding.map(\.id).joined(separator: ","),
                 p.acknowledgements.map(\.key).joined(separator: ","), p.people.map { $0.person.id + $0.role.role }.joined(separator: ",")]
    }
}

/// The per-instance count cache answers only for the version it counted at, drops a count made at an older version
/// than the one it holds, and stays bounded.
@Suite struct CountCacheTests {
    @Test func countsBelongToTheirVersion() async throws {
        let cache = CountCache(limit: 3)
        var computed = 0
        func ask(_ key: String, _ version: Int, _ value: Int) async throws -> Int {
            try await cache.value(key, version: version) { computed += 1; return ["n": value] }["n"] ?? -1
        }
        #expect(try await ask("a", 1, 10) == 10)
        #expect(try await ask("a", 1, 99) == 10, "the same version answers from the cache")
        #expect(computed == 1)
        #expect(try await ask("a", 2, 20) == 20, "a new version counts again")
        #expect(try await ask("a", 1, 11) == 11, "an older version is counted, not answered with the newer count")
        #expect(try await ask("a", 2, 99) == 20, "and does not replace the newer one")
        for (i, key) in ["b", "c", "d", "e"].enumerated() { _ = try await ask(key, 2, i) }
        let before = computed
        _ = try await ask("a", 2, 21)
        #expect(computed == before + 1, "past the limit the cache starts again")
    }
}
