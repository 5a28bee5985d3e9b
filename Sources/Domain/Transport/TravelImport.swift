import Foundation

/// Travel times from a routing engine, as CSV: `van,naar,minuten,km` (or `from,to,minutes,km`; `;` works too),
/// organisation ids as on the platform. All or nothing: the first bad line is named with its column.
public enum TravelImport {
    public struct Failure: Error, Sendable, Equatable {
        public var line: Int
        public var column: String?
        public var nl: String
        public var en: String
        public func message(_ lang: Lang) -> String {
            let at = lang == .nl ? "Regel \(line)" : "Line \(line)"
            let col = column.map { lang == .nl ? ", kolom \($0)" : ", column \($0)" } ?? ""
            return at + col + ": " + (lang == .nl ? nl : en)
        }
    }

    public static let maxLines = 100_000

    /// The organisation ids the text's lines name (first two cells; at most `maxLines` lines): what `known` must
    /// answer for, so a caller reads only those organisations.
    public static func mentionedIds(_ text: String) -> Set<String> {
        Set(lines(text).prefix(maxLines + 1).flatMap { line in cells(line).prefix(2) })
    }

    private static func lines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    private static func cells(_ line: String) -> [String] {
        line.split(separator: line.contains(";") ? ";" : ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    public static func parse(_ text: String, known: Set<String>) -> Result<[TravelLeg], Failure> {
        let lines = lines(text)
        var legs: [TravelLeg] = []
        var sawHeader = false
        if lines.count > maxLines + 1 { return .failure(.init(line: maxLines + 2, column: nil, nl: "meer dan \(maxLines) regels", en: "more than \(maxLines) lines")) }
        for (i, line) in lines.enumerated() where !line.isEmpty {
            let n = i + 1
            let cells = cells(line)
            if !sawHeader && legs.isEmpty && ["van", "from"].contains(cells.first?.lowercased() ?? "") { sawHeader = true; continue }
            guard cells.count == 4 else {
                return .failure(.init(line: n, column: nil, nl: "verwacht 4 kolommen (van, naar, minuten, km), gevonden \(cells.count)",
                                      en: "expected 4 columns (from, to, minutes, km), found \(cells.count)"))
            }
            for (col, id) in [("van", cells[0]), ("naar", cells[1])] where !known.contains(id) {
                return .failure(.init(line: n, column: col, nl: "onbekende organisatie '\(id)'", en: "unknown organisation '\(id)'"))
            }
            guard let minutes = Int(cells[2]), (0...600).contains(minutes) else {
                return .failure(.init(line: n, column: "minuten", nl: "'\(cells[2])' is geen aantal minuten van 0 tot 600", en: "'\(cells[2])' is not a number of minutes from 0 to 600"))
            }
            guard let km = Double(cells[3].replacingOccurrences(of: ",", with: ".")), km >= 0, km <= 1_000 else {
                return .failure(.init(line: n, column: "km", nl: "'\(cells[3])' is geen afstand van 0 tot 1000 km", en: "'\(cells[3])' is not a distance from 0 to 1000 km"))
            }
            legs.append(TravelLeg(fromId: cells[0], toId: cells[1], minutes: minutes, km: km))
        }
        if legs.isEmpty { return .failure(.init(line: 1, column: nil, nl: "geen reistijden gevonden", en: "no travel times found")) }
        return .success(legs)
    }
}
