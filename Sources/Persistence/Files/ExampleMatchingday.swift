import Domain
import FluentKit
import Foundation

/// The example "Matchingday basisonderwijs 2015" (data/examples): generated participants and wishes so a newcomer
/// can press "plan" and see a schedule. Loaded with the embedded programme; the event is flagged `example`, and every
/// page that shows it says so.
public enum ExampleMatchingday {
    struct File: Decodable {
        var matchingday_events: [MatchingdayEvent]
        var matchingday_tables: [MatchingdayTable]
        var matchingday_participants: [MatchingdayParticipant]
        var matchingday_wishes: [MatchingdayWish]
    }

    public static func file(dataDirectory: URL = EmbeddedDataset.directory()) -> URL {
        dataDirectory.deletingLastPathComponent().appendingPathComponent("examples/matchingday-basisonderwijs-2015.json")
    }

    /// Loads the example in one transaction; nothing when the file is absent (another region's data directory).
    public static func load(into database: any Database, from url: URL = file()) async throws {
        guard let data = try? Data(contentsOf: url) else { return }
        let example = try JSONDecoder().decode(File.self, from: data)
        try await database.writeTransaction { tx in
            let store = AuditedRecords(tx), actor = "voorbeeldgegevens"
            // Whatever the file says, these are examples and are labelled as such.
            for var r in example.matchingday_events { r.example = true; try await store.insertInTransaction(r, actor: actor) }
            for r in example.matchingday_tables { try await store.insertInTransaction(r, actor: actor) }
            for r in example.matchingday_participants { try await store.insertInTransaction(r, actor: actor) }
            for r in example.matchingday_wishes { try await store.insertInTransaction(r, actor: actor) }
        }
    }
}
