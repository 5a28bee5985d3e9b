import Domain
import Foundation

/// The desk's own records (issue 13): a request, an offer, an agreement, a membership application, a school plan.
/// The repository's generic reads and writes take only these, so no page reaches another feature's table through it.
public protocol DeskRecord: Record {}
extension Offer: DeskRecord {}
extension NetworkRequest: DeskRecord {}
extension ActivityAgreement: DeskRecord {}
extension MembershipApplication: DeskRecord {}
extension SchoolPlan: DeskRecord {}

/// The network desk behind one seam (issue 13): page-shaped reads and atomic commands. `SQLDeskRepository` serves;
/// `InMemoryDeskRepository` answers from memory; `DeskRepositoryContractTests` holds both to the same answers and the
/// same refusals. Every command either does all it says or nothing, and a guarded write whose `expected` record is no
/// longer the stored one throws `DeskError.changedMeanwhile` (the second of two writers loses, nothing overwritten).
public protocol DeskRepository: Sendable {
    /// Every record of a desk table, in the order they were made.
    func all<R: DeskRecord>(_ type: R.Type) async throws -> [R]
    func find<R: DeskRecord>(_ type: R.Type, id: String) async throws -> R?
    /// A new record; a taken id is refused.
    func insert<R: DeskRecord>(_ record: R, actor: String) async throws
    /// Replaces `expected` by `record` (same id) only while `expected` is what is stored.
    func update<R: DeskRecord>(_ record: R, expected: R, actor: String) async throws

    /// One agreement per request–offer pair, each taking a place of its offer and matching its request; a full offer
    /// (`noCapacity`) or a request no longer open (`requestNotOpen`) refuses the whole batch.
    func propose(_ proposals: [(request: NetworkRequest, offer: Offer)], today: PartialDate, actor: String,
                 newId: @Sendable () -> String) async throws -> [ActivityAgreement]
    /// An agreement's next state; a cancellation gives its place back and reopens the request, a first delivery
    /// completes it (`ActivityAgreement.requestAfterStep`).
    func advance(_ agreement: ActivityAgreement, expected: ActivityAgreement, actor: String) async throws
    /// Approves an application: the membership the network counts and the application, together.
    func approve(_ application: MembershipApplication, today: PartialDate, actor: String) async throws -> Membership
    /// Ends a membership: its end date, the organisation's open offers withdrawn (returned) and the application.
    @discardableResult
    func end(_ application: MembershipApplication, membership: Membership, reason: String, today: PartialDate, actor: String) async throws -> [Offer]
    /// A school's plan, new (`replacing` nil) or in place of `replacing`, with its PDF when one came.
    func submitPlan(_ plan: SchoolPlan, replacing: SchoolPlan?, pdf: [UInt8]?, actor: String) async throws
    func planFile(planId: String) async throws -> [UInt8]?
    /// Replaces the organisation's calendar feed secret (the old address stops working).
    func setCalendarFeed(organizationId: String, tokenHash: String) async throws
    func calendarFeedOrganization(tokenHash: String) async throws -> String?

    // Page-shaped reads: what one organisation's pages show, by an indexed column.
    /// The organisations `organizationId` has an agreement in progress with (proposed, agreed or planned); empty for nil.
    func partnersInProgress(of organizationId: String?) async throws -> Set<String>
    /// An organisation's applications to become a Vriend, oldest first.
    func applications(of organizationId: String) async throws -> [MembershipApplication]
    /// A school's plan for the school year starting in `year`.
    func plan(school: String, year: Int) async throws -> SchoolPlan?
    /// An organisation's offers that are open (active).
    func openOffers(of organizationId: String) async throws -> [Offer]
    /// The agreements a school or company of `organizationIds` is party to, by id.
    func agreements(involving organizationIds: [String]) async throws -> [ActivityAgreement]
}

/// The statuses in which an agreement still binds its two organisations (the contact rule reads them).
let agreementInProgress: Set<AgreementStatus> = [.voorgesteld, .afgesproken, .gepland]

public enum DeskError: Error, Equatable, CustomStringConvertible {
    case noCapacity(offerId: String)
    case requestNotOpen(requestId: String)
    case changedMeanwhile

    public var description: String {
        switch self {
        case .noCapacity(let id): "offer \(id) has no capacity left"
        case .requestNotOpen(let id): "request \(id) is no longer open"
        case .changedMeanwhile: "the record was changed by someone else meanwhile; reload and try again"
        }
    }
}

/// The desk's records and the programme's memberships in memory: the desk as a value. Each command works on a copy and
/// keeps it only when it succeeded, so a refused command leaves nothing behind, as a rolled-back transaction does.
public actor InMemoryDeskRepository: DeskRepository {
    public private(set) var data: Dataset
    private var tables: [String: [any DeskRecord]] = [:]
    private var planFiles: [String: [UInt8]] = [:]
    private var feeds: [String: String] = [:]

    /// `data` holds the organisations and memberships (an approval adds one); `records` the desk's rows in order.
    public init(_ data: Dataset, records: [any DeskRecord] = []) {
        self.data = data
        for r in records { tables[type(of: r).entity, default: []].append(r) }
    }

    public func all<R: DeskRecord>(_ type: R.Type) async throws -> [R] { rows(R.self) }
    public func find<R: DeskRecord>(_ type: R.Type, id: String) async throws -> R? { rows(R.self).first { $0.key == id } }

    public func insert<R: DeskRecord>(_ record: R, actor: String) async throws {
        try command { state in try state.insert(record) }
    }

    public func update<R: DeskRecord>(_ record: R, expected: R, actor: String) async throws {
        try command { state in try state.update(record, expected: expected) }
    }

    public func propose(_ proposals: [(request: NetworkRequest, offer: Offer)], today: PartialDate, actor: String,
                        newId: @Sendable () -> String) async throws -> [ActivityAgreement] {
        let ids = proposals.map { _ in newId() }
        return try command { state in
            var made: [ActivityAgreement] = []
            for ((request, offer), id) in zip(proposals, ids) {
                guard let current = state.rows(NetworkRequest.self).first(where: { $0.id == request.id }), current.isOpen else {
                    throw DeskError.requestNotOpen(requestId: request.id)
                }
                guard var stored = state.rows(Offer.self).first(where: { $0.id == offer.id }), stored.booked < stored.capacity else {
                    throw DeskError.noCapacity(offerId: offer.id)
                }
                let before = stored
                stored.booked += 1
                try state.update(stored, expected: before)
                let agreement = ActivityAgreement.proposed(id: id, request: request, offer: offer, today: today)
                try state.insert(agreement)
                try state.update(current.matched, expected: current)
                made.append(agreement)
            }
            return made
        }
    }

    public func advance(_ agreement: ActivityAgreement, expected: ActivityAgreement, actor: String) async throws {
        try command { state in
            try state.update(agreement, expected: expected)
            if agreement.status == .geannuleerd, expected.status != .geannuleerd, let offerId = agreement.offerId,
               var offer = state.rows(Offer.self).first(where: { $0.id == offerId }), offer.booked > 0 {
                let before = offer
                offer.booked -= 1
                try state.update(offer, expected: before)
            }
            if let requestId = agreement.requestId, let request = state.rows(NetworkRequest.self).first(where: { $0.id == requestId }),
               let next = agreement.requestAfterStep(from: expected, request: request) {
                try state.update(next, expected: request)
            }
        }
    }

    public func approve(_ application: MembershipApplication, today: PartialDate, actor: String) async throws -> Membership {
        let membership = application.approvedMembership(on: today)
        try command { state in
            guard state.data.organization(application.organizationId) != nil else {
                throw StoreError.invalid(Violation(entity: Membership.entity, row: 0, column: "organizationId", message: "unknown organisation '\(application.organizationId)'"))
            }
            guard !state.data.memberships.contains(where: { $0.id == membership.id }) else {
                throw StoreError.invalid(Violation(entity: Membership.entity, row: 0, column: "key", message: "duplicate record '\(membership.id)'"))
            }
            state.data.memberships.append(membership)
            try state.update(application.approved(on: today, membership: membership), expected: application)
        }
        return membership
    }

    public func end(_ application: MembershipApplication, membership: Membership, reason: String, today: PartialDate, actor: String) async throws -> [Offer] {
        try command { state in
            let open = state.rows(Offer.self).filter { $0.organizationId == application.organizationId && $0.active }
            for offer in open { try state.update(offer.withdrawn, expected: offer) }
            guard let index = state.data.memberships.firstIndex(where: { $0.id == membership.id }),
                  state.data.memberships[index] == membership else { throw DeskError.changedMeanwhile }
            state.data.memberships[index] = membership.ended(on: today)
            try state.update(application.ended(on: today, reason: reason), expected: application)
            return open
        }
    }

    public func submitPlan(_ plan: SchoolPlan, replacing: SchoolPlan?, pdf: [UInt8]?, actor: String) async throws {
        try command { state in
            if let replacing { try state.update(plan, expected: replacing) } else { try state.insert(plan) }
            if let pdf { state.planFiles[plan.id] = pdf }
        }
    }

    public func planFile(planId: String) async throws -> [UInt8]? { planFiles[planId] }
    public func setCalendarFeed(organizationId: String, tokenHash: String) async throws {
        feeds = feeds.filter { $0.value != organizationId }
        feeds[tokenHash] = organizationId
    }
    public func calendarFeedOrganization(tokenHash: String) async throws -> String? { feeds[tokenHash] }

    public func partnersInProgress(of organizationId: String?) async throws -> Set<String> {
        guard let organizationId else { return [] }
        var partners = Set<String>()
        for a in rows(ActivityAgreement.self) where agreementInProgress.contains(a.status) {
            if a.schoolId == organizationId { partners.insert(a.companyId) } else if a.companyId == organizationId { partners.insert(a.schoolId) }
        }
        return partners
    }
    public func applications(of organizationId: String) async throws -> [MembershipApplication] {
        rows(MembershipApplication.self).filter { $0.organizationId == organizationId }
    }
    public func plan(school: String, year: Int) async throws -> SchoolPlan? {
        rows(SchoolPlan.self).first { $0.schoolId == school && $0.schoolYear == year }
    }
    public func openOffers(of organizationId: String) async throws -> [Offer] {
        rows(Offer.self).filter { $0.organizationId == organizationId && $0.active }
    }
    public func agreements(involving organizationIds: [String]) async throws -> [ActivityAgreement] {
        let ids = Set(organizationIds)
        return rows(ActivityAgreement.self).filter { ids.contains($0.schoolId) || ids.contains($0.companyId) }.sorted { $0.id < $1.id }
    }

    // MARK: the state a command works on

    private func rows<R: DeskRecord>(_ type: R.Type) -> [R] { State(data: data, tables: tables, planFiles: planFiles).rows(R.self) }

    /// Runs `body` on a copy of the state and keeps the copy only when `body` returns.
    private func command<T>(_ body: (inout State) throws -> T) throws -> T {
        var state = State(data: data, tables: tables, planFiles: planFiles)
        let result = try body(&state)
        (data, tables, planFiles) = (state.data, state.tables, state.planFiles)
        return result
    }

    private struct State {
        var data: Dataset
        var tables: [String: [any DeskRecord]]
        var planFiles: [String: [UInt8]]

        func rows<R: DeskRecord>(_ type: R.Type) -> [R] { (tables[R.entity] ?? []).compactMap { $0 as? R } }

        mutating func insert<R: DeskRecord>(_ record: R) throws {
            var typed = rows(R.self)
            try MemoryRows.insert(record, into: &typed)
            tables[R.entity] = typed
        }

        mutating func update<R: DeskRecord>(_ record: R, expected: R) throws {
            var typed = rows(R.self)
            try MemoryRows.replace(record, expected: expected, in: &typed)
            tables[R.entity] = typed
        }
    }
}
