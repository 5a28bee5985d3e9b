import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Who did it, as a person reads it: the audit trail stores account ids (stable, and blank after erasure), pages show
/// the name. One query for the ids on the page.
enum ActorNames {
    static func names(_ actors: [String], on db: any Database, lang: Lang) async throws -> [String: String] {
        let ids = Set(actors.compactMap(UUID.init(uuidString:)))
        var names: [String: String] = ["cli": lang == .nl ? "opdrachtregel" : "command line", "public": lang == .nl ? "publiek" : "public"]
        guard !ids.isEmpty else { return names }
        for account in try await AccountModel.query(on: db).filter(\.$id ~~ Array(ids)).all() {
            if let id = account.id { names[id.uuidString] = account.name }
        }
        return names
    }
}
