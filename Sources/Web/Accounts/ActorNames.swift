import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Who did it, as a person reads it: the audit trail stores account ids (stable, and blank after erasure), pages show
/// the name. One query for the ids on the page.
enum ActorNames {
    static func names(_ actors: [String], on db: any Database, lang: Lang) async throws -> [String: String] {
        let names: [String: String] = ["cli": lang == .nl ? "opdrachtregel" : "command line", "public": lang == .nl ? "publiek" : "public"]
        return names.merging(try await SQLAccountRepository(db).names(of: actors)) { a, _ in a }
    }
}
