import FluentKit
import Foundation
import SQLKit

/// Backups of a SQLite database, taken while `serve` runs: `VACUUM INTO` writes a consistent copy of the whole
/// database (every table: the programme, accounts, desk, Matchingday, audit log, sessions) as of one transaction,
/// without stopping writers for long. PostgreSQL has its own tools (pg_dump, docs/deploy.md).
public enum Backup {
    public struct Refused: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    /// Writes the copy to `path` (which must not exist yet); returns its size in bytes.
    public static func write(_ db: any Database, location: DatabaseLocation, to path: String) async throws -> Int {
        guard case .sqliteFile = location else {
            throw Refused(description: location == .sqliteMemory ? "a database in memory has nothing to back up"
                          : "for PostgreSQL use pg_dump (see docs/deploy.md, Backups); this command backs up SQLite files")
        }
        let url = URL(fileURLWithPath: path)
        guard !FileManager.default.fileExists(atPath: path) else { throw Refused(description: "\(path) exists already; choose a new file name") }
        let folder = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else {
            throw Refused(description: "folder \(folder)/ does not exist")
        }
        try await (db as! any SQLDatabase).raw("VACUUM INTO \(bind: path)").run()
        return ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
    }

    /// Checks that `source` is an intact Masterplan database and puts it at `target` (which must not be in use:
    /// stop `serve` first). The old file, if any, is kept beside it as `target.before-restore`.
    public static func restore(from source: String, to target: String) throws {
        guard FileManager.default.fileExists(atPath: source) else { throw Refused(description: "\(source) does not exist") }
        let header = (try? FileHandle(forReadingFrom: URL(fileURLWithPath: source)).readData(ofLength: 16)) ?? Data()
        guard header == Data("SQLite format 3\u{0}".utf8) else { throw Refused(description: "\(source) is not a SQLite database") }
        let fm = FileManager.default
        let staged = target + ".restoring"
        try? fm.removeItem(atPath: staged)
        try fm.copyItem(atPath: source, toPath: staged)
        if fm.fileExists(atPath: target) {
            let kept = target + ".before-restore"
            try? fm.removeItem(atPath: kept)
            try fm.moveItem(atPath: target, toPath: kept)
        }
        for suffix in ["-wal", "-shm"] { try? fm.removeItem(atPath: target + suffix) }
        try fm.moveItem(atPath: staged, toPath: target)
    }
}
