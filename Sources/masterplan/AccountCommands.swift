import ArgumentParser
import Domain
import Fluent
import Foundation
import Persistence
import Vapor
import Web

/// `masterplan user add`: accounts from the command line, e.g. the first beheerder of a new install.
struct User: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Manage accounts.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account; prints a one-time password to change after logging in.")
        @ArgumentParser.Option(help: "E-mail address (the login).") var email: String
        @ArgumentParser.Option(help: "beheerder, projectleider, contactpersoon or analist.") var role: String
        @ArgumentParser.Option(help: "The person's name.") var name: String?
        @ArgumentParser.Option(help: "Organisation id (required for a contactpersoon).") var org: String?
        @ArgumentParser.Option(help: "Project ids a projectleider leads, comma-separated.") var projects: String?
        @ArgumentParser.Option(help: "nl or en: the language of the person's e-mail.") var language: String = "nl"
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            guard Role(rawValue: role) != nil else {
                throw ValidationError("--role: '\(self.role)' is not one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            // The same rules as the coordinator's form (`AccountDraft`); a refusal names the option.
            let options = ["email": "--email", "name": "--name", "role": "--role", "organizationId": "--org", "projectIds": "--projects", "language": "--language"]
            let draft = AccountDraft(email: email, name: name ?? email, role: role, organizationId: org ?? "", projectIds: projects ?? "", language: language)
            let password = try await withApplication(db.location, seed: .embeddedIfEmpty) { app -> String in
                let data = try await RecordStore(app.db).dataset(only: [Organization.entity, Project.entity])
                var account: Account
                switch draft.account(id: UUID().uuidString, organizationExists: { data.organization($0) != nil }, projectExists: { id in data.projects.contains { $0.id == id } }) {
                case .success(let made): account = made
                case .failure(let errors):
                    throw ValidationError(errors.fields.map { "\(options[$0.0] ?? $0.0): \($0.1.en)" }.joined(separator: "; "))
                }
                let password = "mp-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
                account.passwordHash = try await app.password.async.hash(String(password))
                do { try await SQLAccountRepository(app.db).create(account, actor: "cli") }
                catch AccountError.emailTaken { throw ValidationError("--email: an account with this address exists") }
                return String(password)
            }
            print("Created \(role) \(email.lowercased()). One-time password (shown once): \(password)")
        }
    }
}

/// `masterplan person export|erase`: the rights of access and erasure.
struct PersonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "person", abstract: "Personal data: right of access and right to erasure.",
                                                    subcommands: [ExportPerson.self, ErasePerson.self])

    struct ExportPerson: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Print everything held about a person as JSON.")
        @ArgumentParser.Option(help: "The person's e-mail address.") var email: String
        @OptionGroup var db: DatabaseOptions
        func run() async throws {
            let export = try await withApplication(db.location, seed: .none) { app in try await PersonData.export(email: email, on: app.db) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            print(String(decoding: try encoder.encode(export), as: UTF8.self))
        }
    }

    struct ErasePerson: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "erase", abstract: "Remove a person's personal data; anonymised records stay.")
        @ArgumentParser.Option(help: "The person's e-mail address.") var email: String
        @OptionGroup var db: DatabaseOptions
        func run() async throws {
            try await withApplication(db.location, seed: .none) { app in try await PersonData.erase(email: email, actor: "cli", on: app.db) }
            print("Erased the personal data of \(email).")
        }
    }
}
