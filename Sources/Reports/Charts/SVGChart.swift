import Domain

/// Server-rendered SVG charts; no JavaScript. Every chart carries <title> and <desc> and is
/// meant to be shown with its data table (see `ChartData`).
public enum SVGChart {
    public enum Style: Sendable { case groupedBar, line }

    static let width = 640.0, height = 320.0
    static let left = 64.0, right = 16.0, top = 16.0, bottom = 56.0

    public static func render(_ data: ChartData, style: Style, id: String, lang: Lang = .nl) -> String {
        let plotW = width - left - right, plotH = height - top - bottom
        let ticks = niceTicks(max: data.maxValue)
        let top = ticks.last ?? 1
        func y(_ v: Double) -> Double { Self.top + plotH - (v / top) * plotH }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(fmt(width)) \(fmt(height + legendHeight(data)))\" "
        s += "role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" class=\"chart\">"
        s += "<title id=\"\(id)-title\">\(escapeXML(data.title))</title>"
        s += "<desc id=\"\(id)-desc\">\(escapeXML(data.description))</desc>"
        // Grid and y axis labels.
        for t in ticks {
            s += "<line x1=\"\(fmt(left))\" x2=\"\(fmt(width - right))\" y1=\"\(fmt(y(t)))\" y2=\"\(fmt(y(t)))\" class=\"grid\"/>"
            s += "<text x=\"\(fmt(left - 6))\" y=\"\(fmt(y(t) + 4))\" text-anchor=\"end\" class=\"tick\">\(escapeXML(formatValue(t, unit: data.unit, lang)))</text>"
        }
        let n = max(1, data.categories.count)
        let band = plotW / Double(n)
        for (i, c) in data.categories.enumerated() {
            let x = left + band * (Double(i) + 0.5)
            s += "<text x=\"\(fmt(x))\" y=\"\(fmt(height - bottom + 18))\" text-anchor=\"middle\" class=\"tick\">\(escapeXML(c))</text>"
        }
        switch style {
        case .groupedBar:
            let k = max(1, data.series.count)
            let barW = band * 0.8 / Double(k)
            for (si, series) in data.series.enumerated() {
                for (i, value) in series.values.enumerated() {
                    guard let value else { continue }
                    let x = left + band * Double(i) + band * 0.1 + barW * Double(si)
                    s += "<rect x=\"\(fmt(x))\" y=\"\(fmt(y(value)))\" width=\"\(fmt(barW))\" height=\"\(fmt(y(0) - y(value)))\" fill=\"\(palette[si % palette.count])\">"
                    s += "<title>\(escapeXML(series.name)), \(escapeXML(data.categories[i])): \(escapeXML(formatValue(value, unit: data.unit, lang)))</title></rect>"
                }
            }
        case .line:
            for (si, series) in data.series.enumerated() {
                let colour = palette[si % palette.count]
                let points = series.values.enumerated().compactMap { i, v in v.map { (left + band * (Double(i) + 0.5), y($0), $0, i) } }
                s += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\" points=\""
                s += points.map { "\(fmt($0.0)),\(fmt($0.1))" }.joined(separator: " ") + "\"/>"
                for p in points {
                    s += "<circle cx=\"\(fmt(p.0))\" cy=\"\(fmt(p.1))\" r=\"4\" fill=\"\(colour)\"><title>\(escapeXML(series.name)), \(escapeXML(data.categories[p.3])): \(escapeXML(formatValue(p.2, unit: data.unit, lang)))</title></circle>"
                }
            }
        }
        s += "<line x1=\"\(fmt(left))\" x2=\"\(fmt(width - right))\" y1=\"\(fmt(y(0)))\" y2=\"\(fmt(y(0)))\" class=\"axis\"/>"
        // Legend below the plot; items flow left to right and wrap, sized by their text.
        var lx = left, ly = height - 18
        for (si, series) in data.series.enumerated() {
            let itemWidth = 16 + Double(series.name.count) * 7 + 16
            if lx + itemWidth > width - right, lx > left { lx = left; ly += 20 }
            s += "<rect x=\"\(fmt(lx))\" y=\"\(fmt(ly - 10))\" width=\"12\" height=\"12\" fill=\"\(palette[si % palette.count])\"/>"
            s += "<text x=\"\(fmt(lx + 16))\" y=\"\(fmt(ly))\" class=\"legend\">\(escapeXML(series.name))</text>"
            lx += itemWidth
        }
        s += "</svg>"
        return s
    }

    /// Extra height for legend rows beyond the first, using the same flow as `render`.
    static func legendHeight(_ data: ChartData) -> Double {
        var lx = left, rows = 0.0
        for series in data.series {
            let itemWidth = 16 + Double(series.name.count) * 7 + 16
            if lx + itemWidth > width - right, lx > left { lx = left; rows += 1 }
            lx += itemWidth
        }
        return rows * 20
    }
}
