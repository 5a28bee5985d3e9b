import Domain
import Foundation

/// The embedded Amsterdam dataset, read from the repository's data folder.
enum Embedded {
    static func dataset() throws -> Dataset {
        try DatasetFiles.read(directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("data/amsterdam-2012-2014"))
    }
}
