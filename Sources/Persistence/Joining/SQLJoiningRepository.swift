import Domain
import FluentKit
import Foundation
import SQLKit

public enum JoinError: Error, Equatable {
    /// An account with the contact's address exists already; nothing was created.
    case emailTaken(String)
}

/// Join applications of new organisations. Approval writes everything in one transaction: the organisation and
/// its membership (report data, so the dataset version moves), the approved membership application, the join
/// application's new status (guarded against a second coordinator deciding at the same time) and the contact
/// person's account; all audited.
public struct JoinStore: Sendable {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }

    /// Applications by status (nil: all), newest first.
    public func applications(status: JoinStatus? = nil) async throws -> [JoinApplication] {
        guard let sql = database as? any SQLDatabase else { return [] }
        var query = sql.select().column("*").from(JoinApplication.entity)
        if let status { query = query.where("status", .equal, SQLBind(status.rawValue)) }
        return try await query.orderBy("position", .descending).all().map { try RowCodec.decode(JoinApplication.self, from: SQLRowCells(row: $0)) }
    }

    /// Applications that share a registration number or postcode with `application` (the duplicate check's input).
    public func sharingNumberOrPostcode(_ application: JoinApplication) async throws -> [JoinApplication] {
        guard let sql = database as? any SQLDatabase else { return [] }
        return try await sql.select().column("*").from(JoinApplication.entity)
            .where("registrationNumber", .equal, SQLBind(application.registrationNumber))
            .orWhere("postcode", .equal, SQLBind(application.postcode))
            .all().map { try RowCodec.decode(JoinApplication.self, from: SQLRowCells(row: $0)) }
    }

    public func approve(_ approval: Joining.Approval, expected: JoinApplication, actor: String) async throws -> Account {
        try await database.writeTransaction { tx in
            let email = approval.application.contactEmail
            if try await AccountModel.query(on: tx).filter(\.$email == email).first() != nil { throw JoinError.emailTaken(email) }
            try await AuditedRecords(tx).updateInTransaction(approval.application, expected: expected, actor: actor)
            try await RecordStore(tx).add(approval.organization, actor: actor)
            try await RecordStore(tx).add(approval.membership, actor: actor)
            try await AuditedRecords(tx).insertInTransaction(approval.membershipApplication, actor: actor)
            let a = approval.application
            let account = Account(id: UUID().uuidString, email: email, name: a.contactName, role: .contactpersoon, function: a.contactFunction,
                                  organizationId: approval.organization.id, phone: a.contactPhone, language: a.language)
            do { try await SQLAccountRepository(tx).create(account, actor: actor) }
            catch AccountError.emailTaken(let taken) { throw JoinError.emailTaken(taken) }
            return account
        }
    }
}
