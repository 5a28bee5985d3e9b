/// Where a planned date may fall (issue 15, desk loose ends): inside the school's window (the request's, or the one
/// agreed at a Matchingday) and inside the offer's availability. A date in the past is allowed — the activity may be
/// recorded afterwards — but the page says so.
public enum AgreementPlanning {
    public struct Check: Sendable, Hashable {
        public var error: Localized?
        public var warning: Localized?
    }

    public static func check(date: PartialDate, agreement: ActivityAgreement, request: NetworkRequest?, offer: Offer?, today: PartialDate) -> Check {
        let window: (PartialDate, PartialDate)? = request.map { ($0.windowStart, $0.windowEnd) }
            ?? agreement.windowStart.flatMap { s in agreement.windowEnd.map { (s, $0) } }
        if let (from, to) = window, date < from || date > to {
            return Check(error: Localized("Kies een datum in de periode van de school: \(from.label(.nl)) tot en met \(to.label(.nl)).",
                                          "Choose a date in the school's period: \(from.label(.en)) to \(to.label(.en)).") , warning: nil)
        }
        if let offer, date < offer.availableFrom || date > offer.availableTo {
            return Check(error: Localized("Het aanbod is beschikbaar van \(offer.availableFrom.label(.nl)) tot en met \(offer.availableTo.label(.nl)).",
                                          "The offer is available from \(offer.availableFrom.label(.en)) to \(offer.availableTo.label(.en))."), warning: nil)
        }
        if date < today {
            return Check(error: nil, warning: Localized("Let op: deze datum ligt in het verleden.", "Note: this date lies in the past."))
        }
        return Check(error: nil, warning: nil)
    }
}
