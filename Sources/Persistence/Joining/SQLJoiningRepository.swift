import Domain
import FluentKit
import Foundation
import SQLKit

/// Join applications of new organisations in SQL. Approval writes everything in one transaction: the organisation and
/// its membership (report data, so the dataset version moves), the approved membership application, the join
/// application's new status (guarded against a second coordinator deciding at the same time) and the contact
/// person's account; all audited.
public struct SQLJoiningRepository: JoiningRepository {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }

    public func applications(status: JoinStatus?) async throws -> [JoinApplication] {
        var query = RecordStore(database).sql.select().column("*").from(JoinApplication.entity)
        if let status { query = query.where("status", .equal, SQLBind(status.rawValue)) }
        return try await query.orderBy("position", .descending).all().map { try RowCodec.decode(JoinApplication.self, from: SQLRowCells(row: $0)) }
    }

    public func application(_ id: String) async throws -> JoinApplication? { try await AuditedRecords(database).find(JoinApplication.self, id: id) }

    public func organizationIds(startingWith base: String) async throws -> Set<String> {
        try await RecordStore(database).organizationIds(startingWith: base)
    }

    public func submit(_ application: JoinApplication, actor: String) async throws {
        try await AuditedRecords(database).insert(application, actor: actor)
    }

    public func decline(_ declined: JoinApplication, expected: JoinApplication, actor: String) async throws {
        try await AuditedRecords(database).update(declined, expected: expected, actor: actor)
    }

    public func approve(_ approval: Joining.Approval, expected: JoinApplication, actor: String, accountId: String) async throws -> Account {
        try await database.writeTransaction { tx in
            let email = approval.application.contactEmail
            if try await AccountModel.query(on: tx).filter(\.$email == email).first() != nil { throw JoinError.emailTaken(email) }
            try await AuditedRecords(tx).updateInTransaction(approval.application, expected: expected, actor: actor)
            try await RecordStore(tx).add(approval.organization, actor: actor)
            try await RecordStore(tx).add(approval.membership, actor: actor)
            try await AuditedRecords(tx).insertInTransaction(approval.membershipApplication, actor: actor)
            let account = approval.account(id: accountId)
            do { try await SQLAccountRepository(tx).create(account, actor: actor) }
            catch AccountError.emailTaken(let taken) { throw JoinError.emailTaken(taken) }
            return account
        }
    }
}
