import Domain
import Foundation

/// What a Matchingday hands out: a personal agenda per participant, a card per table, the schedule as a table
/// (CSV/XLSX) and as calendar entries. One HTML fragment serves the page (printed with the print stylesheet) and the
/// PDF (wrapped in `document`), so paper and screen never differ.
public struct ScheduleLine: Sendable, Hashable {
    /// The meeting's id: a stable calendar UID.
    public var id: String
    public var round: Int
    public var time: String
    public var table: String
    public var school: String
    public var company: String
    public var change: String?
    public var cancelled: Bool
    public init(id: String, round: Int, time: String, table: String, school: String, company: String, change: String? = nil, cancelled: Bool = false) {
        self.id = id; self.cancelled = cancelled; self.round = round; self.time = time; self.table = table; self.school = school; self.company = company; self.change = change
    }
}

public struct MatchingdaySheet: Sendable, Hashable {
    /// The participant's or the table's name.
    public var title: String
    public var subtitle: String
    public var attendees: [String]
    public var lines: [ScheduleLine]
    public init(title: String, subtitle: String, attendees: [String] = [], lines: [ScheduleLine]) {
        self.title = title; self.subtitle = subtitle; self.attendees = attendees; self.lines = lines
    }
}

public enum MatchingdaySheets {
    /// One section per sheet; each starts on a new page when printed. `exampleNote` labels generated data.
    public static func fragment(_ sheets: [MatchingdaySheet], lang: Lang, kind: Kind, exampleNote: String?) -> String {
        let t = { (nl: String, en: String) in lang == .nl ? nl : en }
        var s = ""
        for sheet in sheets {
            s += "<section class=\"sheet\"><h2>\(escapeXML(sheet.title))</h2><p>\(escapeXML(sheet.subtitle))</p>"
            if let note = exampleNote { s += "<p class=\"example\">\(escapeXML(note))</p>" }
            if !sheet.attendees.isEmpty { s += "<p>\(t("Aanwezig", "Attending")): \(escapeXML(sheet.attendees.joined(separator: ", ")))</p>" }
            let headers: [String] = kind == .agenda
                ? [t("Ronde", "Round"), t("Tijd", "Time"), t("Tafel", "Table"), t("Gesprek met", "Meeting with"), t("Wijziging", "Change")]
                : [t("Ronde", "Round"), t("Tijd", "Time"), t("School", "School"), t("Bedrijf", "Company"), t("Wijziging", "Change")]
            s += "<table><caption>\(escapeXML(kind == .agenda ? t("Gesprekken", "Meetings") : t("Gesprekken aan deze tafel", "Meetings at this table")))</caption><thead><tr>"
            for h in headers { s += "<th scope=\"col\">\(escapeXML(h))</th>" }
            s += "</tr></thead><tbody>"
            if sheet.lines.isEmpty { s += "<tr><td colspan=\"5\">\(escapeXML(t("Geen gesprekken ingepland.", "No meetings scheduled.")))</td></tr>" }
            for l in sheet.lines {
                let cells = kind == .agenda ? [String(l.round), l.time, l.table, sheet.title == l.school ? l.company : l.school, l.change ?? ""]
                                            : [String(l.round), l.time, l.school, l.company, l.change ?? ""]
                s += "<tr>" + cells.map { "<td>\(escapeXML($0))</td>" }.joined() + "</tr>"
            }
            s += "</tbody></table></section>"
        }
        return s
    }

    public enum Kind: Sendable { case agenda, tableCard }

    /// A standalone printable document (for the PDF).
    public static func document(title: String, body: String, lang: Lang) -> String {
        """
        <!doctype html><html lang="\(lang.rawValue)"><head><meta charset="utf-8"><title>\(escapeXML(title))</title><style>
        \(PrintPage.css(title: title, lang: lang))
        body { font-family: sans-serif; font-size: 11pt; color: #000; margin: 0; }
        table { border-collapse: collapse; width: 100%; margin-top: .5em; } th, td { border: 1px solid #444; padding: .3em .5em; text-align: left; }
        caption { text-align: left; font-weight: bold; } .example { border: 1px solid #000; padding: .2em .5em; display: inline-block; }
        .sheet { page-break-after: always; } .sheet:last-child { page-break-after: auto; }
        </style></head><body>\(body)</body></html>
        """
    }

    /// The schedule as rows (header first): round, time, table, school, company, change.
    public static func rows(_ lines: [ScheduleLine], lang: Lang) -> [[String]] {
        let t = { (nl: String, en: String) in lang == .nl ? nl : en }
        return [[t("ronde", "round"), t("tijd", "time"), t("tafel", "table"), t("school", "school"), t("bedrijf", "company"), t("wijziging", "change")]]
            + lines.map { [String($0.round), $0.time, $0.table, $0.school, $0.company, $0.change ?? ""] }
    }

    /// A participant's meetings as calendar entries on the event's day.
    public static func calendarEntries(_ sheet: MatchingdaySheet, day: PartialDate, roundMinutes: Int, place: String, lang: Lang) -> [CalendarEntry] {
        sheet.lines.filter { !$0.cancelled }.map { l in
            let other = sheet.title == l.school ? l.company : l.school
            return CalendarEntry(uid: l.id + "@masterplan",
                                 day: day, startTime: String(l.time.prefix(5)), durationMinutes: roundMinutes,
                                 summary: "Matchingday: " + other, location: place + (place.isEmpty ? "" : ", ") + l.table,
                                 description: (lang == .nl ? "Ronde " : "Round ") + String(l.round))
        }
    }
}
