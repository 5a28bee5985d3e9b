/// What the desk delivered: activities and pupils reached, grouped by one dimension.
public enum ReachDimension: String, CaseIterable, Sendable, Hashable, LocalizedLabel {
    case school, company, sector, level, district, schoolYear = "school-year"

    public var label: Localized {
        switch self {
        case .school: Localized("School", "School")
        case .company: Localized("Bedrijf", "Company")
        case .sector: Localized("Sector", "Sector")
        case .level: Localized("Niveau", "Level")
        case .district: Localized("Stadsdeel", "District")
        case .schoolYear: Localized("Schooljaar", "School year")
        }
    }
}

public struct ReachRow: Sendable, Hashable {
    public var key: String
    public var label: String
    public var activities: Int
    public var pupils: Int
}

public enum Reach {
    /// Delivered agreements grouped by `dimension`; an agreement with several sectors counts once in each.
    /// Pupils are those actually reached (the planned number when none was recorded).
    public static func rows(_ agreements: [ActivityAgreement], by dimension: ReachDimension, organizations: [String: Organization],
                            lang: Lang, schoolYearStartMonth: Int = 8) -> [ReachRow] {
        var totals: [String: (String, Int, Int)] = [:]
        for a in agreements where a.isDelivered {
            let pupils = a.pupilsReached ?? a.pupils
            let keys: [(String, String)]
            switch dimension {
            case .school: keys = [(a.schoolId, organizations[a.schoolId]?.name ?? a.schoolId)]
            case .company: keys = [(a.companyId, organizations[a.companyId]?.name ?? a.companyId)]
            case .sector: keys = a.sectors.map { ($0.rawValue, $0.label(lang)) }
            case .level: keys = a.level.map { [($0.rawValue, $0.label(lang))] } ?? [("", lang == .nl ? "Onbekend" : "Unknown")]
            case .district:
                let d = organizations[a.schoolId]?.district
                keys = [(d ?? "", d ?? (lang == .nl ? "Onbekend" : "Unknown"))]
            case .schoolYear:
                let y = SchoolYear(containing: a.countingDay, startMonth: schoolYearStartMonth).description
                keys = [(y, y)]
            }
            for (key, label) in keys {
                let t = totals[key] ?? (label, 0, 0)
                totals[key] = (label, t.1 + 1, t.2 + pupils)
            }
        }
        return totals.map { ReachRow(key: $0.key, label: $0.value.0, activities: $0.value.1, pupils: $0.value.2) }
            .sorted { dimension == .schoolYear ? $0.key < $1.key : ($0.pupils, $1.label) > ($1.pupils, $0.label) }
    }

    /// The report's counter "excursions supported since a date" (§4.7.2), computed from records.
    public static func excursions(since day: PartialDate, _ agreements: [ActivityAgreement]) -> Int {
        agreements.filter { $0.isDelivered && $0.type == .excursie && !($0.countingDay < day) }.count
    }

    /// The report's counter "requests served by Vrienden": requests with a delivered agreement.
    public static func requestsServed(_ agreements: [ActivityAgreement]) -> Int {
        Set(agreements.filter(\.isDelivered).compactMap(\.requestId)).count
    }
}
