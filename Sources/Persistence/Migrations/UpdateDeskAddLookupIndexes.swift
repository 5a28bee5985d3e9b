import Domain
import Fluent
import SQLKit

/// The desk repository's page-shaped reads look up one organisation's records (issue 13): its applications, its
/// school plans, its open offers, the agreements it is party to. An index for each, so a national desk with many
/// thousands of rows answers them without a scan. And a Matchingday's agreements by event (its page, its follow-ups).
struct UpdateDeskAddLookupIndexes: AsyncMigration {
    static let indexes: [(name: String, table: String, column: String)] = [
        ("membership_applications_organization", MembershipApplication.entity, "organizationId"),
        ("school_plans_school", SchoolPlan.entity, "schoolId"),
        ("offers_organization", Offer.entity, "organizationId"),
        ("activity_agreements_school", ActivityAgreement.entity, "schoolId"),
        ("activity_agreements_company", ActivityAgreement.entity, "companyId"),
        ("activity_agreements_event", ActivityAgreement.entity, "eventId"),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes { try await sql.create(index: index.name).on(index.table).column(index.column).run() }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes { try await sql.drop(index: index.name).run() }
    }
}
