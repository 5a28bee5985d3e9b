import Domain
import Foundation

/// iCalendar (RFC 5545) as Outlook and Google Calendar import it: CRLF line ends, lines folded at 75 octets,
/// text escaped, times with a TZID whose VTIMEZONE is included (Outlook ignores a bare TZID).
public enum ICalendar {
    public static func document(name: String, entries: [CalendarEntry], stamp: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Masterplan//Netwerkbalie//NL", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escape(name), "X-WR-TIMEZONE:Europe/Amsterdam",
            "BEGIN:VTIMEZONE", "TZID:Europe/Amsterdam",
            "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
            "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
            "END:VTIMEZONE",
        ]
        let dtstamp = utcStamp(stamp)
        for e in entries {
            lines += ["BEGIN:VEVENT", "UID:" + escape(e.uid), "DTSTAMP:" + dtstamp, "SEQUENCE:\(e.sequence)"]
            if let modified = e.lastModified { lines.append("LAST-MODIFIED:" + utcStamp(modified)) }
            lines.append(e.cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED")
            let day = String(format: "%04d%02d%02d", e.day.year, e.day.month ?? 1, e.day.day ?? 1)
            if let (h, m) = time(e.startTime) {
                lines.append("DTSTART;TZID=Europe/Amsterdam:" + day + String(format: "T%02d%02d00", h, m))
                lines.append("DURATION:PT\(max(1, e.durationMinutes))M")
            } else {
                lines.append("DTSTART;VALUE=DATE:" + day)
                let next = Matching.day(e.day, plus: 1)
                lines.append("DTEND;VALUE=DATE:" + String(format: "%04d%02d%02d", next.year, next.month ?? 1, next.day ?? 1))
            }
            lines += ["SUMMARY:" + escape(e.summary)]
            if !e.location.isEmpty { lines.append("LOCATION:" + escape(e.location)) }
            if !e.description.isEmpty { lines.append("DESCRIPTION:" + escape(e.description)) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// "09:30" as (9, 30); nil for anything else (also "9:5" or "25:00").
    public static func time(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return (h, m)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Long lines continue on the next line after CRLF and one space, never splitting a UTF-8 character.
    static func fold(_ line: String) -> String {
        var out = "", count = 0
        for ch in line {
            let size = String(ch).utf8.count
            if count + size > 75 { out += "\r\n "; count = 1 }
            out.append(ch); count += size
        }
        return out
    }

    static func utcStamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}

/// The agreements as a table for CSV and XLSX: one header row, then one row per agreement.
public enum AgreementTable {
    public static func rows(_ agreements: [ActivityAgreement], organizations: [String: Organization], lang: Lang) -> [[String]] {
        let t = { (nl: String, en: String) in lang == .nl ? nl : en }
        let header = ["id", t("status", "status"), t("soort", "type"), t("school", "school"), t("bedrijf", "company"), t("niveau", "level"),
                      t("sectoren", "sectors"), t("leerlingen gepland", "pupils planned"), t("datum", "date"), t("tijd", "time"), t("plaats", "place"),
                      t("vervoer nodig", "transport needed"), t("leerlingen bereikt", "pupils reached"), t("docenten", "teachers"),
                      t("waardering school", "school rating"), t("waardering bedrijf", "company rating"), t("verzoek", "request"), t("aanbod", "offer")]
        return [header] + agreements.map { a in row(a, organizations: organizations, lang: lang) }
    }

    static func row(_ a: ActivityAgreement, organizations: [String: Organization], lang: Lang) -> [String] {
        let yes = lang == .nl ? "ja" : "yes", no = lang == .nl ? "nee" : "no"
        var r: [String] = [a.id, a.status.label(lang), a.type.label(lang)]
        r.append(organizations[a.schoolId]?.name ?? a.schoolId)
        r.append(organizations[a.companyId]?.name ?? a.companyId)
        r.append(a.level?.label(lang) ?? "")
        r.append(a.sectors.map { $0.label(lang) }.joined(separator: "; "))
        r += [String(a.pupils), a.date?.description ?? "", a.startTime ?? "", a.place ?? "", a.transportNeeded ? yes : no]
        let numbers: [Int?] = [a.pupilsReached, a.teachers, a.schoolRating, a.companyRating]
        r += numbers.map { $0.map(String.init) ?? "" }
        r += [a.requestId ?? "", a.offerId ?? ""]
        return r
    }

    /// Pupils planned, pupils reached, teachers and the two ratings.
    public static let numericColumns: Set<Int> = [7, 12, 13, 14, 15]

    public static func xlsx(_ rows: [[String]]) throws -> Data { try TableExport.xlsx(rows, sheet: "Afspraken", numericColumns: numericColumns) }
}

/// A header row and data rows as CSV or as a one-sheet workbook (header bold, the given columns as whole numbers).
public enum TableExport {
    public static func csv(_ rows: [[String]], dialect: CSVDialect, numericColumns: Set<Int> = []) -> String {
        dialect.write(rows, numericColumns: numericColumns)
    }

    public static func xlsx(_ rows: [[String]], sheet: String, numericColumns: Set<Int>) throws -> Data {
        let cells: [[XLSXWorkbook.Cell]] = rows.enumerated().map { r, row in
            row.enumerated().map { c, v in
                if r == 0 { return .bold(v) }
                if numericColumns.contains(c), let n = Double(v) { return .number(n, .integer) }
                return v.isEmpty ? .empty : .text(v)
            }
        }
        return try XLSXWorkbook(sheets: [.init(name: sheet, rows: cells, header: true)]).data()
    }
}
