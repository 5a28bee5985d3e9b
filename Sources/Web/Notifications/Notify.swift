import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// Tells the people an event concerns: every contact person of the organisations involved, except whoever caused
/// it. Each gets the notice in the "Meldingen" list; by mail at once, or in the next daily overview, as they chose.
enum Notify {
    static func organizations(_ ids: [String], except actor: String?, notice: Notice, on req: Request) async throws {
        try await organizations(ids, except: actor, notice: notice, db: req.db, app: req.application, logger: req.logger)
    }

    static func organizations(_ ids: [String], except actor: String?, notice: Notice, db: any Database, app: Application, logger: Logger) async throws {
        var contacts: [Account] = []
        for id in Array(Set(ids)).sorted() { contacts += try await Contacts.of(id, on: db) }
        try await accounts(contacts, except: actor, notice: notice, db: db, app: app, logger: logger)
    }

    /// The coordinators (beheerders): a new organisation applied, and the like.
    static func coordinators(except actor: String?, notice: Notice, on req: Request) async throws {
        let coordinators = try await req.accounts.coordinators()
        try await accounts(coordinators, except: actor, notice: notice, db: req.db, app: req.application, logger: req.logger)
    }

    static func accounts(_ people: [Account], except actor: String?, notice: Notice, db: any Database, app: Application, logger: Logger) async throws {
        var seen = Set<UUID>()
        for contact in people {
            guard let accountId = UUID(uuidString: contact.id), contact.id != actor, seen.insert(accountId).inserted else { continue }
            let row = NotificationModel(accountId: accountId, notice: notice)
            if contact.notifyMode != .daily {
                let message = Outbox.message(Messages.notice(name: contact.name, notice, lang: contact.language), to: contact.email)
                try await db.writeTransaction { tx in
                    row.mailedAt = Date()
                    try await row.create(on: tx)
                    try await message.create(on: tx)
                }
                if let id = message.id { Outbox.tryInBackground(id, app: app, logger: logger) }
            } else {
                try await row.create(on: db)
            }
        }
    }

    /// The daily overview, from 08:00 Amsterdam time, once a day per person who chose it (claimed per account, so
    /// several instances never send it twice). Returns how many overviews went out.
    @discardableResult
    static func sendDigests(_ app: Application, now: Date = Date()) async throws -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam")!
        guard calendar.component(.hour, from: now) >= 8 else { return 0 }
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        let day = String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        let waiting = try await NotificationModel.query(on: app.db).filter(\.$mailedAt == nil).sort(\.$createdAt).all()
        var sent = 0
        for (accountId, rows) in Dictionary(grouping: waiting, by: \.accountId) {
            guard let account = try await SQLAccountRepository(app.db).account(id: accountId.uuidString), account.isActive,
                  try await Notifications.claimDigest(accountId: accountId, day: day, on: app.db) else { continue }
            let message = Outbox.message(Messages.digest(name: account.name, rows.map(\.notice), lang: account.language), to: account.email)
            try await app.db.writeTransaction { tx in
                try await message.create(on: tx)
                try await NotificationModel.query(on: tx).filter(\.$id ~~ rows.compactMap(\.id)).set(\.$mailedAt, to: now).update()
            }
            if let id = message.id { Outbox.tryInBackground(id, app: app, logger: app.logger) }
            sent += 1
        }
        return sent
    }
}

/// `serve`'s hourly loop: the daily overviews that are due.
public func sendNotificationDigests(_ app: Application) async throws -> Int { try await Notify.sendDigests(app) }
