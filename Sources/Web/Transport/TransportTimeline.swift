import Domain
import Plot
import Reports

/// A day's plan drawn as a timeline without a map: one row per vehicle from departure to return, a bar for every
/// class on board (two lanes where classes share the bus). Decorative beside the vehicle tables, which hold the same
/// times as text; the drawing has a name for screen readers and no text of its own to read.
enum TransportTimeline {
    static func svg(_ day: TransportPlan.Day, label: String, lang: Lang) -> String {
        let start = 7 * 60, end = 19 * 60
        let width = 720.0, left = 90.0, row = 34.0, top = 22.0
        let scale = (width - left - 10) / Double(end - start)
        func x(_ minute: Int) -> Double { left + Double(min(max(minute, start), end) - start) * scale }
        let height = top + row * Double(day.vehicles.count) + 8
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" role=\"img\" aria-label=\"\(escapeXML(label))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\">"
        for hour in stride(from: start, through: end, by: 60) {
            let px = x(hour)
            out += "<line x1=\"\(px)\" y1=\"\(top - 4)\" x2=\"\(px)\" y2=\"\(height - 4)\" stroke=\"#bbb\" stroke-width=\"1\"/>"
            out += "<text x=\"\(px)\" y=\"14\" font-size=\"11\" text-anchor=\"middle\" fill=\"#1a1a1a\" aria-hidden=\"true\">\(hour / 60):00</text>"
        }
        for (i, v) in day.vehicles.enumerated() {
            let y = top + row * Double(i)
            out += "<text x=\"4\" y=\"\(y + 20)\" font-size=\"12\" fill=\"#1a1a1a\" aria-hidden=\"true\">\(escapeXML((lang == .nl ? "Voertuig " : "Vehicle ") + String(v.number)))</text>"
            out += "<line x1=\"\(x(v.depart))\" y1=\"\(y + 16)\" x2=\"\(x(v.back))\" y2=\"\(y + 16)\" stroke=\"#555\" stroke-width=\"2\"/>"
            // On board: from a class's pickup to its drop-off; lane 0 or 1 so that shared rides show both classes.
            var laneEnds = [Int.min, Int.min]
            for (s, drop) in v.rides {
                let lane = laneEnds[0] <= s.minute ? 0 : 1
                laneEnds[lane] = drop.minute
                let colour = s.leg == .heen ? "#1d5fa8" : "#8a4b08"
                out += "<rect x=\"\(x(s.minute))\" y=\"\(y + 4 + Double(lane) * 14)\" width=\"\(max(2, x(drop.minute) - x(s.minute)))\" height=\"10\" fill=\"\(colour)\"/>"
            }
        }
        return out + "</svg>"
    }
}
