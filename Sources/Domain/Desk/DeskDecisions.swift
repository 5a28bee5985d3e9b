/// The desk's record-building rules as pure functions (issue 13: they lived in `DeskStore`, between the queries).
/// The store only loads, checks the guards in SQL and writes what these return.
extension ActivityAgreement {
    /// The agreement a proposal makes from a request and the offer chosen for it: the request's pupils, level and
    /// window, the offer's type, place and travel; the sectors both share (the offer's when they share none).
    public static func proposed(id: String, request: NetworkRequest, offer: Offer, today: PartialDate) -> ActivityAgreement {
        let shared = request.sectors.filter(offer.sectors.contains)
        return ActivityAgreement(id: id, requestId: request.id, offerId: offer.id, schoolId: request.schoolId,
                                 companyId: offer.organizationId, type: offer.type, level: request.level,
                                 sectors: shared.isEmpty ? offer.sectors : shared, pupils: request.pupils,
                                 place: offer.location, transportNeeded: offer.pupilsTravel, createdOn: today)
    }

    /// What an agreement's step does to its request: a cancellation reopens a matched request (the school is
    /// served by none now), a first delivery completes it; nil when the request stays as it is.
    public func requestAfterStep(from previous: ActivityAgreement, request: NetworkRequest) -> NetworkRequest? {
        guard request.status == .gematcht else { return nil }
        var next = request
        if status == .geannuleerd, previous.status != .geannuleerd {
            next.status = .inBehandeling
        } else if isDelivered, !previous.isDelivered {
            next.status = .afgerond
        } else {
            return nil
        }
        return next
    }
}

extension NetworkRequest {
    /// The request once a proposal is made for it.
    public var matched: NetworkRequest {
        var next = self
        next.status = .gematcht
        return next
    }
}

extension MembershipApplication {
    /// The membership an approval on `day` makes: the network counts it from that day.
    public func approvedMembership(on day: PartialDate) -> Membership {
        Membership(id: "vriend-" + organizationId + "-" + day.description, organizationId: organizationId, startDate: day,
                   evidence: "Aangemeld via de netwerkbalie; goedgekeurd op \(day.label(.nl))", source: "Netwerkbalie")
    }

    /// The application once approved on `day` with `membership`.
    public func approved(on day: PartialDate, membership: Membership) -> MembershipApplication {
        var next = self
        next.status = .goedgekeurd
        next.decidedOn = day
        next.membershipId = membership.id
        return next
    }

    /// The application once declined on `day`, with the coordinator's reason if given.
    public func declined(on day: PartialDate, remarks: String?) -> MembershipApplication {
        var next = self
        next.status = .afgewezen
        next.decidedOn = day
        next.remarks = remarks
        return next
    }

    /// The application once its membership ended on `day` for `reason`.
    public func ended(on day: PartialDate, reason: String) -> MembershipApplication {
        var next = self
        next.status = .beeindigd
        next.endedOn = day
        next.endReason = reason
        return next
    }

    /// Whether an organisation may apply: not while it is a Vriend on `day` or has an application pending or approved.
    public static func mayApply(_ organizationId: String, applications: [MembershipApplication], memberships: [Membership], on day: PartialDate) -> Bool {
        !applications.contains { $0.organizationId == organizationId && ($0.status == .aangevraagd || $0.status == .goedgekeurd) }
            && !memberships.contains { $0.organizationId == organizationId && $0.isActive(on: day) }
    }
}

extension Membership {
    /// The membership once ended on `day`.
    public func ended(on day: PartialDate) -> Membership {
        var next = self
        next.endDate = day
        return next
    }
}

extension Offer {
    /// The offer taken off the desk (its organisation stopped being a Vriend, or it withdrew it).
    public var withdrawn: Offer {
        var next = self
        next.active = false
        return next
    }
}

/// Why the coordinator's decision on a school plan is refused.
public enum PlanDecisionRefusal: Error, Equatable, Sendable {
    /// Only a submitted plan is decided, and only as approved or returned.
    case notDecidable
    /// A returned plan says what the school should change.
    case remarksNeeded
}

extension SchoolPlan {
    /// The plan once the coordinator decided it (`goedgekeurd` or `teruggestuurd` with remarks).
    public func deciding(_ decision: PlanStatus?, remarks: String?) -> Result<SchoolPlan, PlanDecisionRefusal> {
        guard status == .ingediend, let decision, decision != .ingediend else { return .failure(.notDecidable) }
        if decision == .teruggestuurd, remarks == nil { return .failure(.remarksNeeded) }
        var next = self
        next.status = decision
        next.remarks = remarks
        return .success(next)
    }
}

/// What the coordinator does with an application to become a Vriend: the path segment of the decision's form.
public enum MembershipDecisionKind: String, CaseIterable, Sendable {
    case approve = "goedkeuren"
    case decline = "afwijzen"
    case end = "beeindigen"
}

extension MembershipApplication {
    /// The application's state machine (issue 13: it was a switch in the route handler): an applied one is approved
    /// or declined, an approved one ended; nothing else.
    public func allows(_ decision: MembershipDecisionKind) -> Bool {
        switch decision {
        case .approve, .decline: status == .aangevraagd
        case .end: status == .goedgekeurd
        }
    }
}
