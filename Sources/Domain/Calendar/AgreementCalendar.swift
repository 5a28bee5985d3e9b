/// An organisation's desk activities as calendar entries: every agreement with a date from the moment it is
/// planned, and still after it took place (a delivered activity stays in the calendar as it happened). A
/// cancelled one leaves the list, and the feed then sends it as cancelled (`CalendarFeed`).
public enum AgreementCalendar {
    public static let shownStatuses: Set<AgreementStatus> = [.gepland, .uitgevoerd, .geevalueerd]

    public static func entries(_ agreements: [ActivityAgreement], organizationId id: String, names: [String: String], lang: Lang) -> [CalendarEntry] {
        agreements.filter { ($0.schoolId == id || $0.companyId == id) && shownStatuses.contains($0.status) }.compactMap { a in
            guard let day = a.date else { return nil }
            return CalendarEntry(uid: a.id + "@masterplan", day: day, startTime: a.startTime ?? "", durationMinutes: a.durationMinutes,
                                 summary: a.type.label(lang) + ": " + (names[a.schoolId] ?? a.schoolId) + " × " + (names[a.companyId] ?? a.companyId),
                                 location: a.place ?? "", description: (lang == .nl ? "Leerlingen: " : "Pupils: ") + String(a.pupils)
                                    + (a.transportNeeded ? (lang == .nl ? ". Vervoer nodig." : ". Transport needed.") : ""))
        }
    }

    /// The feed's name in `calendar_publications`: one per organisation and language.
    public static func feed(organizationId: String, lang: Lang) -> String { "organisation:\(organizationId):\(lang.rawValue)" }
}
