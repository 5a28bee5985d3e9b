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
