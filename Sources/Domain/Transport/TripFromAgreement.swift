/// A desk agreement that needs transport and the trip made from it stay one story: the trip is made from the planned
/// agreement, and follows it when the activity moves, changes size or is cancelled.
extension TransportTrip {
    /// The trip for a planned agreement that needs transport (a date and a start time), or nil.
    public static func from(_ a: ActivityAgreement) -> TransportTrip? {
        guard a.transportNeeded, a.status == .afgesproken || a.status == .gepland, let date = a.date, date.day != nil, let start = a.startTime else { return nil }
        return TransportTrip(id: "rit-" + a.id, agreementId: a.id, schoolId: a.schoolId, siteId: a.companyId, date: date, startTime: start,
                             durationMinutes: a.durationMinutes, pupils: a.pupils, teachers: a.teachers ?? 2)
    }

    /// The trip after its agreement changed: cancelled with it (or when transport is no longer needed), or moved and
    /// resized with it; nil when nothing the trip holds changed.
    public func following(_ a: ActivityAgreement) -> TransportTrip? {
        guard agreementId == a.id, status == .gepland else { return nil }
        var next = self
        if a.status == .geannuleerd || !a.transportNeeded {
            next.status = .geannuleerd
            next.cancelReason = a.status == .geannuleerd ? (a.cancelReason ?? "Afspraak geannuleerd") : "Geen vervoer meer nodig"
        } else if let date = a.date, date.day != nil, let start = a.startTime {
            next.date = date; next.startTime = start; next.durationMinutes = a.durationMinutes; next.pupils = a.pupils
            if let teachers = a.teachers { next.teachers = teachers }
        }
        return next == self ? nil : next
    }
}

extension TransportTrip {
    /// The trip once a class cancels it, with the reason if given; nil when it was cancelled already.
    public func cancelled(reason: String?) -> TransportTrip? {
        guard status == .gepland else { return nil }
        var next = self
        next.status = .geannuleerd
        next.cancelReason = reason
        return next
    }
}
