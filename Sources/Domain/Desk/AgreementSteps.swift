/// What a step of an agreement carries (issue 15, part 9: the same rules for the pages and the API). Fields a
/// step does not use are ignored; absent ones take the defaults the form shows.
public struct StepInput: Sendable, Hashable, Codable {
    public var date: PartialDate?
    public var startTime: String?
    public var durationMinutes: Int?
    public var place: String?
    public var pupils: Int?
    public var transportNeeded: Bool?
    public var pupilsReached: Int?
    public var teachers: Int?
    public var rating: Int?
    /// "school" or "company": on whose behalf the coordinator evaluates (a contact person evaluates for their own side).
    public var side: String?
    public var remarks: String?
    public var reason: String?

    public init(date: PartialDate? = nil, startTime: String? = nil, durationMinutes: Int? = nil, place: String? = nil, pupils: Int? = nil,
                transportNeeded: Bool? = nil, pupilsReached: Int? = nil, teachers: Int? = nil, rating: Int? = nil, side: String? = nil,
                remarks: String? = nil, reason: String? = nil) {
        self.date = date; self.startTime = startTime; self.durationMinutes = durationMinutes; self.place = place; self.pupils = pupils
        self.transportNeeded = transportNeeded; self.pupilsReached = pupilsReached; self.teachers = teachers; self.rating = rating
        self.side = side; self.remarks = remarks; self.reason = reason
    }

    public static let fields = ["date", "startTime", "durationMinutes", "place", "pupils", "transportNeeded", "pupilsReached", "teachers",
                                "rating", "side", "remarks", "reason"]
}

/// A step's outcome: the agreement after it, or the errors per field (nothing is written then), and a warning
/// that does not stop it (a planned date in the past).
public struct StepOutcome: Sendable {
    public var next: ActivityAgreement
    public var errors: [String: Localized]
    public var warning: Localized?
}

extension AgreementStep {
    /// The step's field rules and the new state, given the request and offer the agreement came from (for the
    /// planned date) and the actor's organisation (for the evaluation's side). Permission and the status the step
    /// starts from are checked by `permitted` and `allowed`.
    public func apply(to agreement: ActivityAgreement, input: StepInput, actorOrganization: String?, request: NetworkRequest?, offer: Offer?,
                      today: PartialDate) -> StepOutcome {
        var next = agreement
        var errors: [String: Localized] = [:]
        var warning: Localized?
        func fail(_ field: String, _ nl: String, _ en: String) { if errors[field] == nil { errors[field] = Localized(nl, en) } }
        func text(_ s: String?) -> String? { s.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 } }
        switch self {
        case .confirm:
            next.status = .afgesproken
        case .plan:
            if let date = input.date {
                guard date.day != nil else { fail("date", "Vul een datum in (jjjj-mm-dd).", "Enter a date (yyyy-mm-dd)."); break }
                next.date = date
                let check = AgreementPlanning.check(date: date, agreement: agreement, request: request, offer: offer, today: today)
                if let error = check.error { errors["date"] = error }
                warning = check.warning
            } else {
                fail("date", "Vul een datum in (jjjj-mm-dd).", "Enter a date (yyyy-mm-dd).")
            }
            let time = text(input.startTime)
            if let time, MatchingdayEvent.minutes(time) == nil { fail("startTime", "Een tijd als 09:30.", "A time such as 09:30.") }
            next.startTime = time
            next.durationMinutes = input.durationMinutes ?? 120
            if !(15...1440).contains(next.durationMinutes) { fail("durationMinutes", "Van 15 tot 1440 minuten.", "From 15 to 1440 minutes.") }
            next.place = text(input.place)
            if (next.place ?? "").unicodeScalars.count > 200 { fail("place", "Hoogstens 200 tekens.", "At most 200 characters.") }
            next.pupils = input.pupils ?? agreement.pupils
            if !(1...2000).contains(next.pupils) { fail("pupils", "Van 1 tot 2000 leerlingen.", "From 1 to 2000 pupils.") }
            next.transportNeeded = input.transportNeeded ?? false
            next.status = .gepland
        case .deliver:
            next.pupilsReached = input.pupilsReached
            next.teachers = input.teachers ?? 0
            if let n = input.pupilsReached { if !(0...2000).contains(n) { fail("pupilsReached", "Van 0 tot 2000 leerlingen.", "From 0 to 2000 pupils.") } }
            else { fail("pupilsReached", "Vul het aantal bereikte leerlingen in.", "Enter the number of pupils reached.") }
            if let n = next.teachers, !(0...200).contains(n) { fail("teachers", "Van 0 tot 200.", "From 0 to 200.") }
            if let d = agreement.date, today < d { fail("pupilsReached", "De activiteit is pas op \(d.label(.nl)).", "The activity is only on \(d.label(.en)).") }
            next.status = .uitgevoerd
        case .evaluate:
            if let r = input.rating { if !(1...5).contains(r) { fail("rating", "Een waardering van 1 tot 5.", "A rating from 1 to 5.") } }
            else { fail("rating", "Een waardering van 1 tot 5.", "A rating from 1 to 5.") }
            let side = actorOrganization == agreement.companyId ? "company" : actorOrganization == agreement.schoolId ? "school" : (input.side ?? "")
            if side == "company" { next.companyRating = input.rating } else if side == "school" { next.schoolRating = input.rating }
            else { fail("side", "Kies namens wie.", "Choose on whose behalf.") }
            if let remarks = text(input.remarks) {
                if remarks.unicodeScalars.count > 2000 { fail("remarks", "Hoogstens 2000 tekens.", "At most 2000 characters.") }
                next.evaluation = [agreement.evaluation, "\(side): \(remarks)"].compactMap { $0 }.joined(separator: "\n")
            }
            next.status = .geevalueerd
        case .cancel:
            next.cancelReason = text(input.reason)
            if next.cancelReason == nil { fail("reason", "Vul een reden in.", "Give a reason.") }
            if (next.cancelReason ?? "").unicodeScalars.count > 2000 { fail("reason", "Hoogstens 2000 tekens.", "At most 2000 characters.") }
            next.status = .geannuleerd
        }
        return StepOutcome(next: next, errors: errors, warning: warning)
    }
}
