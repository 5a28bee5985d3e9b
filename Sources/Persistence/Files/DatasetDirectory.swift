import Domain
import Foundation

/// Reads and writes a folder of data files (one per entity).
public enum DatasetDirectory {
    public static func read(_ directory: URL) throws -> Dataset { try DatasetFiles.read(directory: directory) }

    /// `progress` hears (files written, files in all, the file now written).
    public static func write(_ dataset: Dataset, format: DataFormat, to directory: URL,
                             progress: (Int, Int, String) -> Void = { _, _, _ in }) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let files = try DatasetFiles.encode(dataset, format: format).sorted { $0.key < $1.key }
        for (i, (name, data)) in files.enumerated() {
            progress(i + 1, files.count, name)
            try data.write(to: directory.appendingPathComponent(name), options: .atomic)
        }
    }
}

/// The Amsterdam 2012–2014 programme shipped in `data/amsterdam-2012-2014` of this repository.
public enum EmbeddedDataset {
    /// `MASTERPLAN_DATA_DIR` overrides; otherwise the folder next to the sources this binary was built from.
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let dir = environment["MASTERPLAN_DATA_DIR"], !dir.isEmpty { return URL(fileURLWithPath: dir) }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data/amsterdam-2012-2014")
    }

    public static func load() throws -> Dataset { try DatasetDirectory.read(directory()) }
}
