import Domain
import FluentKit
import Foundation

/// The example week of Technologieroute excursions (data/examples): classes, times, a carrier and approximate
/// coordinates invented around the schools and places the report names, so a coordinator can press "plan" and see
/// buses. Loaded with the embedded programme; every trip and vehicle type is flagged `example` and labelled.
public enum ExampleTransportWeek {
    struct File: Decodable {
        var week: PartialDate
        var transport_trips: [TransportTrip]
        var transport_vehicle_types: [TransportVehicleType]
        var transport_locations: [TransportLocation]
    }

    public static func file(dataDirectory: URL = EmbeddedDataset.directory()) -> URL {
        dataDirectory.deletingLastPathComponent().appendingPathComponent("examples/technologieroute-week.json")
    }

    /// The example's week (its Monday), or nil when the file is absent.
    public static func week(from url: URL = file()) -> PartialDate? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return (try? JSONDecoder().decode(File.self, from: data))?.week
    }

    /// Loads the example in one transaction; nothing when the file is absent (another region's data directory).
    public static func load(into database: any Database, from url: URL = file()) async throws {
        guard let data = try? Data(contentsOf: url) else { return }
        let example = try JSONDecoder().decode(File.self, from: data)
        try await database.writeTransaction { tx in
            let store = AuditedRecords(tx), actor = "voorbeeldgegevens"
            for var r in example.transport_trips { r.example = true; try await store.insertInTransaction(r, actor: actor) }
            for var r in example.transport_vehicle_types { r.example = true; try await store.insertInTransaction(r, actor: actor) }
            for var r in example.transport_locations { r.approximate = true; try await store.insertInTransaction(r, actor: actor) }
        }
    }
}
