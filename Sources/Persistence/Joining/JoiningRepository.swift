import Domain
import Foundation

public enum JoinError: Error, Equatable {
    /// An account with the contact's address exists already; nothing was created.
    case emailTaken(String)
}

/// Joining as a new organisation behind one seam (issue 13). `SQLJoiningRepository` serves; `InMemoryJoiningRepository`
/// holds the applications, the programme's organisations and memberships, the membership applications and the
/// accounts' addresses as values; `JoiningRepositoryContractTests` holds both to the same answers.
public protocol JoiningRepository: Sendable {
    /// Applications with this status (nil: all), newest first.
    func applications(status: JoinStatus?) async throws -> [JoinApplication]
    func application(_ id: String) async throws -> JoinApplication?
    /// The organisation ids an approval could clash with: `base` and `base-…`.
    func organizationIds(startingWith base: String) async throws -> Set<String>
    /// A new application (a taken id is refused).
    func submit(_ application: JoinApplication, actor: String) async throws
    /// The declined application in place of `expected`, guarded.
    func decline(_ declined: JoinApplication, expected: JoinApplication, actor: String) async throws
    /// Everything an approval makes, or nothing: `JoinError.emailTaken` when the contact's address has an account,
    /// `DeskError.changedMeanwhile` when another coordinator decided first, `StoreError.invalid` when the organisation
    /// or membership breaks a rule. Returns the contact person's account (id `accountId`).
    func approve(_ approval: Joining.Approval, expected: JoinApplication, actor: String, accountId: String) async throws -> Account
}

extension Joining.Approval {
    /// The contact person's account an approval makes.
    public func account(id: String) -> Account {
        Account(id: id, email: application.contactEmail, name: application.contactName, role: .contactpersoon, function: application.contactFunction,
                organizationId: organization.id, phone: application.contactPhone, language: application.language)
    }
}

/// Joining in memory; each command works on a copy and keeps it only when everything succeeded.
public actor InMemoryJoiningRepository: JoiningRepository {
    public struct State: Sendable {
        public var data = Dataset()
        public var applications: [JoinApplication] = []
        public var membershipApplications: [MembershipApplication] = []
        /// Every account's address (erased ones included: an address is taken once).
        public var accounts: [Account] = []
        public init() {}
    }
    public private(set) var state: State
    public init(_ state: State) { self.state = state }

    public func applications(status: JoinStatus?) async throws -> [JoinApplication] {
        state.applications.filter { status == nil || $0.status == status }.reversed()
    }
    public func application(_ id: String) async throws -> JoinApplication? { state.applications.first { $0.id == id } }
    public func organizationIds(startingWith base: String) async throws -> Set<String> {
        Set(state.data.organizations.map(\.id).filter { $0 == base || $0.hasPrefix(base + "-") })
    }
    public func submit(_ application: JoinApplication, actor: String) async throws {
        try MemoryRows.insert(application, into: &state.applications)
    }
    public func decline(_ declined: JoinApplication, expected: JoinApplication, actor: String) async throws {
        try MemoryRows.replace(declined, expected: expected, in: &state.applications)
    }

    public func approve(_ approval: Joining.Approval, expected: JoinApplication, actor: String, accountId: String) async throws -> Account {
        var next = state
        let email = approval.application.contactEmail
        if next.accounts.contains(where: { $0.email == email.lowercased() }) { throw JoinError.emailTaken(email) }
        try MemoryRows.replace(approval.application, expected: expected, in: &next.applications)
        next.data.organizations.append(approval.organization)
        if let v = next.data.violations().first { throw StoreError.invalid(v) }
        next.data.memberships.append(approval.membership)
        if let v = next.data.violations().first { throw StoreError.invalid(v) }
        try MemoryRows.insert(approval.membershipApplication, into: &next.membershipApplications)
        let account = approval.account(id: accountId)
        next.accounts.append(account)
        state = next
        return account
    }

}
