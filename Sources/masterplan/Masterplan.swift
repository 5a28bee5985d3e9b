import ArgumentParser
import Domain
import Foundation
import Persistence
import Vapor
import Web

/// The `masterplan` command: `serve` (the default) and the data commands.
@main
struct Masterplan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "masterplan",
        abstract: "Masterplan: the platform for a city's technology-education programme.",
        version: "masterplan 2026.11.30 (Swift \(swiftVersion))",
        subcommands: [Serve.self, Migrate.self, BackupCommand.self, RestoreCommand.self, FollowUpsCommand.self, MailCommand.self, Import.self, Export.self, ReportCommand.self, IndicatorsCommand.self,
                      User.self, PersonCommand.self, Bench.self],
        defaultSubcommand: Serve.self
    )

    /// As ArgumentParser's own, with Foundation's file errors said as sentences (`ErrorSentence`).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var async = command as? any AsyncParsableCommand { try await async.run() } else { try command.run() }
        } catch let error as CocoaError {
            exit(withError: CommandError(ErrorSentence.describe(error)))
        } catch let error as NSError where error.domain == NSCocoaErrorDomain || error.domain == NSPOSIXErrorDomain {
            exit(withError: CommandError(ErrorSentence.describe(error)))
        } catch {
            exit(withError: error)
        }
    }
}

/// The `--database` option every command that touches data shares.
struct DatabaseOptions: ParsableArguments {
    @ArgumentParser.Option(name: .long, help: "A SQLite file path (default: masterplan.sqlite in the working folder) or a postgres:// URL. DATABASE_URL does the same.")
    var database: String?

    var location: DatabaseLocation {
        DatabaseLocation.resolve(option: database, environment: ProcessInfo.processInfo.environment)
    }
}

/// A refusal of the command line, said as a sentence (ArgumentParser prints "Error: " and the text, no usage).
struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs `body` with a configured application that is not serving, and shuts it down after.
/// Only `serve`, `migrate` and `restore` may create a SQLite database: a typo in `--database` elsewhere used to
/// create a new one and, seeded with the embedded programme, write a plausible report of nothing.
func withApplication<T>(_ database: DatabaseLocation, seed: SeedPolicy, mayCreate: Bool = false,
                        _ body: (Application) async throws -> T) async throws -> T {
    if !mayCreate, case .sqliteFile(let path) = database, !FileManager.default.fileExists(atPath: path) {
        throw CommandError("there is no database at \(path); create it with `masterplan migrate --database \(path)` or start `masterplan serve` on it")
    }
    let env = Environment(name: ProcessInfo.processInfo.environment["MASTERPLAN_ENV"] ?? "development", arguments: ["masterplan"])
    let app = try await Application.make(env)
    app.logger.logLevel = .warning
    do {
        try await configure(app, database: database, seed: seed)
        let result = try await body(app)
        try await app.asyncShutdown()
        return result
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the web app and the JSON API (loads the embedded Amsterdam programme into an empty database).")

    @ArgumentParser.Option(help: "Address to listen on.") var hostname = "127.0.0.1"
    @ArgumentParser.Option(help: "Port to listen on.") var port = 8080
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        var env = Environment(name: ProcessInfo.processInfo.environment["MASTERPLAN_ENV"] ?? "development",
                              arguments: ["masterplan", "serve", "--hostname", hostname, "--port", String(port)])
        try LoggingSystem.bootstrap(from: &env)
        if portInUse(host: hostname, port: port) {
            throw CommandError("port \(port) on \(hostname) is in use by another program; choose another with --port")
        }
        // Links in mail never come from a request's Host header: refuse to start in production without the address.
        let base = try PublicAddress.resolve(ProcessInfo.processInfo.environment["MASTERPLAN_BASE_URL"], production: env == .production,
                                             hostname: hostname, port: port)
        let app = try await Application.make(env)
        app.publicBaseURL = base
        do {
            app.logger.notice("Masterplan uses \(db.location)")
            try await configure(app, database: db.location, seed: .embeddedIfEmpty)
            let banner = try await prepareDemoAccounts(app)
            if !banner.isEmpty { print(banner) }
            // The background jobs (follow-ups, daily overviews, sweep, newsletter, mail queue) run beside the server
            // as ServiceLifecycle services, shut down gracefully when it stops (`BackgroundJobs`).
            try await BackgroundJobs.run(app)
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup",
        abstract: "Copy the whole SQLite database (accounts, desk, Matchingday and audit log included) to a new file, while serve runs.")
    @ArgumentParser.Option(help: "The backup file to write (must not exist).") var out: String
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let size = try await withApplication(db.location, seed: .none) { app in try await Backup.write(app.db, location: db.location, to: out) }
        print("Backed up \(db.location) to \(out) (\(size / 1024) KB).")
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restore",
        abstract: "Put a backup in place of the SQLite database (stop serve first); the old file is kept as .before-restore.")
    @ArgumentParser.Argument(help: "The backup file.") var file: String
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        guard case .sqliteFile(let target) = db.location else { throw Backup.Refused(description: "restore puts a SQLite file in place; for PostgreSQL use pg_restore (docs/deploy.md)") }
        try Backup.restore(from: file, to: target)
        // Open it once: migrations newer than the backup run now, and a damaged file says so here, not in serve.
        try await withApplication(db.location, seed: .none, mayCreate: true) { _ in }
        print("Restored \(file) to \(target).")
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or update the database schema.")
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        try await withApplication(db.location, seed: .none, mayCreate: true) { _ in }
        print("Migrated \(db.location).")
    }
}

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load a folder of data files (one <entity>.csv or <entity>.json per entity) in one transaction.",
        discussion: "A bad file is rejected with file, line and column, and nothing is written.")

    enum Mode: String, ExpressibleByArgument, CaseIterable { case replace, merge }

    @ArgumentParser.Argument(help: "The folder with the data files.") var directory: String
    @ArgumentParser.Option(help: "replace: the folder becomes the whole dataset; merge: its records replace those with the same key.")
    var mode: Mode = .replace
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let progress = TerminalProgress()
        defer { progress.done() }
        let url = URL(fileURLWithPath: directory)
        do {
            let (imported, total) = try await withApplication(db.location, seed: .none) { app -> (Int, Int) in
                let store = RecordStore(app.db)
                let before = try await store.recordCount()
                let imported: Int
                switch mode {
                case .replace:
                    // Streamed (issue 13): checked and written a batch at a time in one transaction, never whole in memory.
                    imported = try await store.replace(streamingFrom: url) { file, rows in progress.show("\(file): \(rows) records checked and written …") }
                case .merge:
                    // A merge keeps what it does not replace, so it reads what is stored and the folder whole.
                    progress.show("Reading and checking \(directory) …")
                    let data = try DatasetDirectory.read(url)
                    progress.show("Writing \(data.recordCount) records in one transaction …")
                    try await store.merge(data)
                    imported = data.recordCount
                }
                let after = try await store.recordCount()
                try await AuditLog.record(on: app.db, actor: "cli", entity: "dataset", entityId: directory, action: "import-" + mode.rawValue,
                                          changes: [FieldChange(field: "records", before: String(before), after: String(after))])
                return (imported, after)
            }
            progress.done()
            print("Imported \(imported) records (\(mode.rawValue)); the database now holds \(total).")
        } catch let error as DatasetError {
            progress.done()
            throw ValidationError("Nothing was imported. \(error)")
        }
    }
}

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write every entity to a folder, one file per entity; importing the folder reproduces the database.")

    @ArgumentParser.Option(help: "json or csv.") var format: DataFormatArgument = .csv
    @ArgumentParser.Option(help: "The folder to write to.") var out: String
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let progress = TerminalProgress()
        defer { progress.done() }
        progress.show("Reading the database …")
        let data = try await withApplication(db.location, seed: .embeddedIfEmpty) { app in
            try await RecordStore(app.db).dataset()
        }
        try DatasetDirectory.write(data, format: format.format, to: URL(fileURLWithPath: out)) { progress.step($0, of: $1, "Writing " + $2) }
        progress.done()
        print("Exported \(data.recordCount) records as \(format.rawValue) to \(out).")
    }
}

enum DataFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case json, csv
    var format: DataFormat { self == .json ? .json : .csv }
}

struct MailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mail", abstract: "Mail delivery.", subcommands: [MailTest.self])
}

struct MailTest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "test",
        abstract: "Send one message through MASTERPLAN_SMTP_URL from MASTERPLAN_MAIL_FROM and print the server's reply.")
    @ArgumentParser.Option(help: "The address to send the test message to.") var to: String

    func run() async throws {
        print(try await MailSettings.sendTest(to: to, environment: ProcessInfo.processInfo.environment))
    }
}

struct FollowUpsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "follow-ups",
                                                    abstract: "Ask both sides of each Matchingday agreement whether it happened, six months on (serve also does this hourly).")
    @ArgumentParser.Option(help: "The day to count from (YYYY-MM-DD); default today.") var today: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let day = try today.map { text in
            guard let d = PartialDate(text), d.day != nil else { throw ValidationError("--today: '\(text)' is not a date (YYYY-MM-DD)") }
            return d
        } ?? PartialDate(day: Date())
        let sent = try await withApplication(db.location, seed: .none) { app in try await sendDueFollowUps(app, today: day) }
        print("Sent \(sent) follow-up question(s).")
    }
}

/// The compiler this binary was built with, for `--version` (support questions start there).
let swiftVersion: String = {
    #if swift(>=6.3)
    "6.3"
    #elseif swift(>=6.2)
    "6.2"
    #else
    "6"
    #endif
}()
