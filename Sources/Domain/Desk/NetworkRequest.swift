/// A school's request to the network ("verzoek", §4.7.2). Operational data.
public struct NetworkRequest: Record {
    public static let entity = "network_requests"
    public var id: String
    public var schoolId: String
    public var type: ActivityType
    public var sectors: [Sector]
    public var level: EducationLevel
    public var pupils: Int
    public var windowStart: PartialDate
    public var windowEnd: PartialDate
    /// Kilometres as the crow flies; nil means no limit.
    public var maxDistanceKm: Double?
    public var remarks: String?
    public var status: RequestStatus
    public var createdOn: PartialDate
    /// Answer by this day; after it an unanswered request is flagged.
    public var respondBy: PartialDate
    public var key: String { id }

    public init(id: String, schoolId: String, type: ActivityType, sectors: [Sector], level: EducationLevel, pupils: Int,
                windowStart: PartialDate, windowEnd: PartialDate, maxDistanceKm: Double? = nil, remarks: String? = nil,
                status: RequestStatus = .nieuw, createdOn: PartialDate, respondBy: PartialDate) {
        self.id = id; self.schoolId = schoolId; self.type = type; self.sectors = sectors; self.level = level; self.pupils = pupils
        self.windowStart = windowStart; self.windowEnd = windowEnd; self.maxDistanceKm = maxDistanceKm; self.remarks = remarks
        self.status = status; self.createdOn = createdOn; self.respondBy = respondBy
    }

    /// Open: the coordinator still has to find it an activity.
    public var isOpen: Bool { status == .nieuw || status == .inBehandeling }

    /// Unanswered after its response deadline.
    public func isOverdue(today: PartialDate) -> Bool { isOpen && respondBy < today }

    public func violations(knownSchool: (String) -> Bool) -> [String: Localized] {
        var errors: [String: Localized] = [:]
        if !knownSchool(schoolId) { errors["schoolId"] = Localized("Onbekende school.", "Unknown school.") }
        if sectors.isEmpty { errors["sectors"] = Localized("Kies ten minste één sector.", "Choose at least one sector.") }
        if pupils < 1 || pupils > 2000 { errors["pupils"] = Localized("Een aantal leerlingen van 1 tot 2000.", "A number of pupils from 1 to 2000.") }
        if windowEnd < windowStart { errors["windowEnd"] = Localized("De einddatum ligt voor de begindatum.", "The end date is before the start date.") }
        if let d = maxDistanceKm, !(d > 0 && d <= 500) { errors["maxDistanceKm"] = Localized("Een afstand van 0 tot 500 km.", "A distance from 0 to 500 km.") }
        if (remarks ?? "").count > 2000 { errors["remarks"] = Localized("Hoogstens 2000 tekens.", "At most 2000 characters.") }
        return errors
    }
}

/// new → in behandeling → gematcht → afgerond, or verlopen / ingetrokken.
public enum RequestStatus: String, Codable, CaseIterable, Sendable, Hashable, LocalizedLabel {
    case nieuw
    case inBehandeling = "in-behandeling"
    case gematcht
    case afgerond
    case verlopen
    case ingetrokken

    public var label: Localized {
        switch self {
        case .nieuw: Localized("Nieuw", "New")
        case .inBehandeling: Localized("In behandeling", "In progress")
        case .gematcht: Localized("Gematcht", "Matched")
        case .afgerond: Localized("Afgerond", "Completed")
        case .verlopen: Localized("Verlopen", "Expired")
        case .ingetrokken: Localized("Ingetrokken", "Withdrawn")
        }
    }

    public func canMove(to next: RequestStatus) -> Bool {
        switch (self, next) {
        case (.nieuw, .inBehandeling), (.nieuw, .gematcht), (.inBehandeling, .gematcht), (.gematcht, .afgerond),
             (.gematcht, .inBehandeling), (.nieuw, .verlopen), (.inBehandeling, .verlopen),
             (.nieuw, .ingetrokken), (.inBehandeling, .ingetrokken), (.gematcht, .ingetrokken): true
        default: false
        }
    }
}

/// What a status change of a request comes to (issue 13: the rule lived in the route handler).
public enum RequestStatusDecision: Equatable, Sendable {
    /// The request with its new status, to be stored (guarded by the version the form showed).
    case changed(NetworkRequest)
    /// No such status, or not reachable from the current one (`RequestStatus.canMove`).
    case notPossible
    /// A school asked for something other than withdrawing its request.
    case onlyWithdraw
}

extension NetworkRequest {
    /// The coordinator moves a request along the queue; a school may only withdraw its own (whose request it is, is
    /// the caller's check: it needs the account).
    public func changingStatus(to next: RequestStatus?, byCoordinator: Bool) -> RequestStatusDecision {
        guard let next, status.canMove(to: next) else { return .notPossible }
        guard byCoordinator || next == .ingetrokken else { return .onlyWithdraw }
        var changed = self
        changed.status = next
        return .changed(changed)
    }
}
