import Domain
import Foundation

/// The embedded Amsterdam dataset, read the way the app reads it.
enum Embedded {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("data/amsterdam-2012-2014")

    static func files() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return files
    }

    static func dataset() throws -> Dataset { try DatasetFiles.decode(try files()) }
}

func data(_ s: String) -> Data { Data(s.utf8) }
