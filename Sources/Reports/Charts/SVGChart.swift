import Domain

/// Server-rendered SVG charts; no JavaScript. Every chart carries <title> and <desc> and is
/// meant to be shown with its data table (see `ChartData`).
public enum SVGChart {
    /// groupedBar and line compare series per category; stackedBar adds them up per category;
    /// progress draws one horizontal bar per category against a 100 % mark (progress to a target).
    public enum Style: Sendable { case groupedBar, line, stackedBar, progress }

    static let width = 640.0, height = 320.0
    static let left = 64.0, right = 16.0, top = 16.0, bottom = 56.0

    public static func render(_ data: ChartData, style: Style, id: String, lang: Lang = .nl) -> String {
        if style == .progress { return progress(data, id: id, lang: lang) }
        let plotW = width - left - right, plotH = height - top - bottom
        let ticks = niceTicks(max: style == .stackedBar ? data.maxStackedValue : data.maxValue)
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
        case .stackedBar:
            let barW = band * 0.6
            var base = Array(repeating: 0.0, count: data.categories.count)
            for (si, series) in data.series.enumerated() {
                for (i, value) in series.values.enumerated() where i < base.count {
                    guard let value, value > 0 else { continue }
                    let x = left + band * Double(i) + band * 0.2
                    s += "<rect x=\"\(fmt(x))\" y=\"\(fmt(y(base[i] + value)))\" width=\"\(fmt(barW))\" height=\"\(fmt(y(base[i]) - y(base[i] + value)))\" fill=\"\(palette[si % palette.count])\" stroke=\"#fff\">"
                    s += "<title>\(escapeXML(series.name)), \(escapeXML(data.categories[i])): \(escapeXML(formatValue(value, unit: data.unit, lang)))</title></rect>"
                    base[i] += value
                }
            }
        case .progress:
            break
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

    /// One bar per category (the first series), on a scale to at least 100 %, with a dashed mark at 100 %.
    /// Labels sit above the bars so long target names stay readable.
    static func progress(_ data: ChartData, id: String, lang: Lang) -> String {
        let row = 40.0, h = top + row * Double(data.categories.count) + 28
        let plotW = width - left - right
        let scaleMax = max(100, data.maxValue)
        func x(_ v: Double) -> Double { left + v / scaleMax * plotW }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(fmt(width)) \(fmt(h))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" class=\"chart\">"
        s += "<title id=\"\(id)-title\">\(escapeXML(data.title))</title><desc id=\"\(id)-desc\">\(escapeXML(data.description))</desc>"
        let values = data.series.first?.values ?? []
        for (i, label) in data.categories.enumerated() {
            let y0 = top + row * Double(i)
            s += "<text x=\"\(fmt(left))\" y=\"\(fmt(y0 + 10))\" class=\"legend\">\(escapeXML(label))</text>"
            s += "<rect x=\"\(fmt(left))\" y=\"\(fmt(y0 + 16))\" width=\"\(fmt(plotW))\" height=\"14\" class=\"track\" fill=\"#eee\"/>"
            if let v = values[safe: i] ?? nil {
                let colour = v >= 100 ? palette[2] : palette[1]
                s += "<rect x=\"\(fmt(left))\" y=\"\(fmt(y0 + 16))\" width=\"\(fmt(max(0, x(v) - left)))\" height=\"14\" fill=\"\(colour)\">"
                s += "<title>\(escapeXML(label)): \(escapeXML(formatValue(v, unit: .percentage, lang)))</title></rect>"
                s += "<text x=\"\(fmt(left - 6))\" y=\"\(fmt(y0 + 27))\" text-anchor=\"end\" class=\"tick\">\(escapeXML(formatValue(v, unit: .percentage, lang)))</text>"
            }
        }
        s += "<line x1=\"\(fmt(x(100)))\" x2=\"\(fmt(x(100)))\" y1=\"\(fmt(top))\" y2=\"\(fmt(h - 20))\" stroke=\"#000\" stroke-dasharray=\"4 3\"/>"
        s += "<text x=\"\(fmt(x(100)))\" y=\"\(fmt(h - 6))\" text-anchor=\"middle\" class=\"tick\">\(escapeXML(lang == .nl ? "doel (100 %)" : "target (100 %)"))</text>"
        return s + "</svg>"
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
