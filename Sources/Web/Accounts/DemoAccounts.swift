import Domain
import Fluent
import Persistence
import Vapor

/// One made-up account per role for trying the platform on the embedded data. They are marked as demo,
/// never exist in production, and their passwords are shown once, at start-up.
enum DemoAccounts {
    struct Created: Sendable { var role: Role; var email: String; var password: String; var note: String }

    static let specs: [(Role, String, String?, [String], String)] = [
        (.beheerder, "Demo Beheerder", nil, [], "alles, ook accounts en het auditlog"),
        (.projectleider, "Demo Projectleider", nil, ["technologieroute"], "bewerkt project Technologieroute"),
        (.contactpersoon, "Demo Contactpersoon", "montessori-college-oost", [], "bewerkt Montessori College Oost"),
        (.analist, "Demo Analist", nil, [], "leest alles behalve persoonsgegevens"),
        (.communicatie, "Demo Communicatie", nil, [], "maakt en verstuurt de nieuwsbrief"),
    ]

    /// Outside production: creates the demo accounts when no account exists yet. In production: removes them.
    static func prepare(_ app: Application) async throws -> [Created] {
        if app.environment == .production {
            try await AccountModel.query(on: app.db).filter(\.$isDemo == true).delete()
            return []
        }
        guard try await AccountModel.query(on: app.db).count() == 0 else { return [] }
        var created: [Created] = []
        for (role, name, org, projects, note) in specs {
            let password = "demo-" + randomToken().prefix(16)
            let email = "demo-\(role.rawValue)@masterplan.invalid"
            let hash = try await app.password.async.hash(password)
            try await AccountModel(email: email, name: name, role: role, function: "Voorbeeldaccount", organizationId: org,
                                   projectIds: projects, passwordHash: hash, isDemo: true).create(on: app.db)
            created.append(Created(role: role, email: email, password: password, note: note))
        }
        return created
    }

    static func banner(_ accounts: [Created]) -> String {
        guard !accounts.isEmpty else { return "" }
        var lines = ["", "==== DEMO ACCOUNTS (voorbeeldgegevens, verzonnen; deze wachtwoorden worden één keer getoond) ===="]
        for a in accounts { lines.append("  \(a.role.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0)) \(a.email)  \(a.password)   (\(a.note))") }
        lines.append("==== Met MASTERPLAN_ENV=production bestaan er geen demo-accounts. ====")
        lines.append("")
        return lines.joined(separator: "\n")
    }
}

/// For `serve`: the demo accounts (outside production) and the text announcing them, shown once.
public func prepareDemoAccounts(_ app: Application) async throws -> String {
    DemoAccounts.banner(try await DemoAccounts.prepare(app))
}
