import Domain
import Foundation
import Persistence
import Testing
import VaporTesting
@testable import Persistence
@testable import Web

@Suite struct StorageTests {
    @Test func theDatabaseHoldsExactlyTheEmbeddedDataset() async throws {
        try await withMasterplan { app in
            let stored = try await RecordStore(app.db).dataset()
            #expect(stored == (try embeddedDataset()))
            #expect(try await RecordStore(app.db).recordCount() == stored.recordCount)
        }
    }

    @Test(arguments: DataFormat.allCases)
    func exportThenImportReproducesTheDatabase(format: DataFormat) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("masterplan-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var exported = Dataset()
        try await withMasterplan { app in
            exported = try await RecordStore(app.db).dataset()
            try DatasetDirectory.write(exported, format: format, to: folder)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == Dataset.tables.count)
        try await withMasterplan(seed: .none) { app in
            let store = RecordStore(app.db)
            #expect(try await store.recordCount() == 0)
            try await store.replace(with: try DatasetDirectory.read(folder))
            #expect(try await store.dataset() == exported)
        }
    }

    @Test func anInvalidDatasetWritesNothing() async throws {
        try await withMasterplan { app in
            let store = RecordStore(app.db)
            let before = try await store.dataset()
            var broken = before
            broken.agreements[0].schoolId = "no-such-school"
            await #expect(throws: StoreError.self) { try await store.replace(with: broken) }
            #expect(try await store.dataset() == before)
        }
    }

    @Test func aDatabaseErrorHalfwayRollsEverythingBack() async throws {
        try await withMasterplan { app in
            let store = RecordStore(app.db)
            let before = try await store.dataset()
            var broken = before
            broken.timeline.append(broken.timeline[0]) // violates the unique id constraint, late in the write
            await #expect(throws: (any Error).self) { try await store.replace(with: broken, validating: false) }
            #expect(try await store.dataset() == before)
        }
    }

    @Test func mergeReplacesMatchingRecordsAndKeepsTheRest() async throws {
        try await withMasterplan { app in
            let store = RecordStore(app.db)
            let before = try await store.dataset()
            var update = Dataset()
            var roc = try #require(before.organization("roc-van-amsterdam"))
            roc.district = "Centrum"
            update.organizations = [roc, Organization(id: "new-company", name: "New Company", kind: .company, source: "test")]
            try await store.merge(update)
            let after = try await store.dataset()
            #expect(after.organizations.count == before.organizations.count + 1)
            #expect(after.organization("roc-van-amsterdam")?.district == "Centrum")
            #expect(after.agreements == before.agreements)
        }
    }

    @Test func pagesSeeEveryWriteThroughTheVersionNumber() async throws {
        try await withMasterplan { app in
            let store = RecordStore(app.db)
            let v0 = try await store.version()
            #expect(try await get(app, "/organisaties/otib").text.contains("OTIB"))
            var otib = try #require(try await store.dataset().organization("otib"))
            otib.name = "OTIB (opleidingsfonds)"
            try await store.update(otib, actor: "test")
            #expect(try await store.version() == v0 + 1)
            #expect(try await get(app, "/organisaties/otib").text.contains("OTIB (opleidingsfonds)"), "the cached dataset was refreshed")
            try await store.replace(with: try embeddedDataset())
            #expect(try await store.version() == v0 + 2)
            #expect(!(try await get(app, "/organisaties/otib").text.contains("OTIB (opleidingsfonds)")))
        }
    }

    @Test func databaseLocationParsing() {
        #expect(DatabaseLocation.resolve(option: nil, environment: [:]) == .sqliteFile("masterplan.sqlite"))
        #expect(DatabaseLocation.resolve(option: nil, environment: ["DATABASE_URL": "postgres://u:p@h/db"]) == .postgres("postgres://u:p@h/db"))
        #expect(DatabaseLocation.resolve(option: "x.sqlite", environment: ["DATABASE_URL": "postgres://h/db"]) == .sqliteFile("x.sqlite"))
        #expect(!DatabaseLocation.postgres("postgres://user:secret@host:5433/db").description.contains("secret"))
    }
}
