import Domain
import Fluent
import SQLKit

/// An index that answers "has this organisation a membership active on a day" from the index alone (issue 13): the
/// compliance page walks the organisations in file order and probes each, and the counts of Vrienden on a day read
/// these four columns only.
struct UpdateMembershipsAddActiveIndex: AsyncMigration {
    static let name = "memberships_active"

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: Self.name).on(Membership.entity).column("organizationId").column("startDate").column("endDate").column("attestedOn").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: Self.name).run()
    }
}
