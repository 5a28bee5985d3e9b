import Domain

/// The report as HTML: `body` is a fragment the web page places in its layout; `document` is a complete
/// page with its own print stylesheet, which is also what headless Chromium prints to PDF.
public enum ReportHTML {
    public static func body(_ report: ProgrammeReport, headingLevel: Int = 2) -> String {
        let lang = report.lang
        let h = "h\(headingLevel)"
        var s = "<nav class=\"report-toc\" aria-label=\"\(lang == .nl ? "Inhoud" : "Contents")\"><ol>"
        for section in report.sections { s += "<li><a href=\"#\(section.id)\">\(escapeXML(section.title))</a></li>" }
        s += "</ol></nav>"
        for section in report.sections {
            s += "<section class=\"report-section\" id=\"\(section.id)\" aria-labelledby=\"\(section.id)-h\"><\(h) id=\"\(section.id)-h\">\(escapeXML(section.title))</\(h)>"
            for p in section.paragraphs { s += "<p>\(escapeXML(p))</p>" }
            for table in section.tables { s += render(table, lang: lang) }
            for chart in section.charts { s += render(chart, lang: lang) }
            s += "</section>"
        }
        return s
    }

    public static func render(_ table: ReportTable, lang: Lang) -> String {
        var caption = escapeXML(table.caption)
        if let source = table.source { caption += "<span class=\"source\"> — \(lang == .nl ? "Bron" : "Source"): \(escapeXML(source))</span>" }
        var s = tableHTML(id: "table-" + table.id, caption: caption, headers: table.headers, rows: table.rows.map { row in
            (row.label, row.isTotal, row.cells.map { ($0.text(lang), $0.isNumeric) })
        })
        if let note = table.note { s += "<p class=\"source\">\(escapeXML(note))</p>" }
        return s
    }

    /// A chart with its data table (series as rows), folded away on screen and printed open.
    static func render(_ chart: ReportChart, lang: Lang) -> String {
        let data = chart.data
        var s = "<figure class=\"chart\">" + SVGChart.render(data, style: chart.style, id: chart.id, lang: lang)
        s += "<figcaption>\(escapeXML(data.title))</figcaption><details><summary>\(lang == .nl ? "Gegevens van deze grafiek" : "Data of this chart")</summary>"
        s += tableHTML(id: nil, caption: escapeXML(data.title), headers: [lang == .nl ? "Reeks" : "Series"] + data.categories, rows: data.series.map { series in
            (series.name, false, series.values.map { ($0.map { formatValue($0, unit: data.unit, lang) } ?? "–", true) })
        })
        return s + "</details></figure>"
    }

    /// The markup every table of the report shares: `caption` is HTML already escaped; each row has a label
    /// (a row header), whether it is a total, and its cells as text with whether they are numbers.
    static func tableHTML(id: String?, caption: String, headers: [String], rows: [(label: String, total: Bool, cells: [(String, Bool)])]) -> String {
        var s = "<div class=\"table-wrap\"><table" + (id.map { " id=\"\($0)\"" } ?? "") + "><caption>\(caption)</caption><thead><tr>"
        for header in headers { s += "<th scope=\"col\">\(escapeXML(header))</th>" }
        s += "</tr></thead><tbody>"
        for row in rows {
            s += row.total ? "<tr class=\"total\">" : "<tr>"
            s += "<th scope=\"row\">\(escapeXML(row.label))</th>"
            for (text, numeric) in row.cells { s += (numeric ? "<td class=\"num\">" : "<td>") + escapeXML(text) + "</td>" }
            s += "</tr>"
        }
        return s + "</tbody></table></div>"
    }

    /// A standalone page: inline CSS (no external requests), a print stylesheet that keeps tables whole and
    /// prints the charts' data tables open.
    public static func document(_ report: ProgrammeReport) -> String {
        let lang = report.lang
        var s = "<!DOCTYPE html><html lang=\"\(lang.rawValue)\"><head><meta charset=\"utf-8\">"
        s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        s += "<title>\(escapeXML(report.title + " " + report.period.label(lang)))</title><style>\(stylesheet)\n"
        s += PrintPage.css(title: report.title + " " + report.period.label(lang), lang: lang) + "</style></head><body><main>"
        s += "<h1>\(escapeXML(report.title))</h1><p class=\"lead\">\(escapeXML(report.period.label(lang)))</p>"
        s += "<p class=\"source\">" + escapeXML(lang == .nl
            ? "Alle cijfers zijn berekend uit de gegevens van het platform; totalen, verschillen en groeipercentages exact."
            : "All figures are computed from the platform's data; totals, differences and growth rates exactly.") + "</p>"
        s += body(report)
        return s + "</main></body></html>"
    }

    public static let stylesheet = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;line-height:1.45;margin:0}
    main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem}
    h1{font-size:1.8rem;margin:.5rem 0}h2{font-size:1.35rem;margin-top:2rem;border-bottom:2px solid #0072B2;padding-bottom:.2rem}
    .lead{font-size:1.15rem}.source{color:#444;font-size:.9rem}
    table{border-collapse:collapse;margin:1rem 0;min-width:50%}caption{text-align:left;font-weight:600;padding:.3rem 0}
    th,td{border-bottom:1px solid #ccc;padding:.25rem .6rem;text-align:left;vertical-align:top}
    td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}tr.total th,tr.total td{font-weight:700;border-top:2px solid #1a1a1a}
    .table-wrap{overflow-x:auto}figure.chart{margin:1rem 0}svg.chart{max-width:40rem;width:100%;height:auto}
    svg .grid{stroke:#ddd}svg .axis{stroke:#1a1a1a}svg .tick,svg .legend{font-size:12px;fill:#1a1a1a}
    .report-toc ol{columns:2}
    @media print{main{max-width:none;padding:0}body{font-size:10pt}
    .report-toc{display:none}table,figure{break-inside:avoid}h2{break-after:avoid}details>summary{display:none}
    details{display:block}details>*{display:block}a{color:inherit;text-decoration:none}}
    """
}

/// The report as Markdown (GitHub-flavoured tables), for e-mail and version control.
public enum ReportMarkdown {
    public static func render(_ report: ProgrammeReport) -> String {
        let lang = report.lang
        var s = "# \(report.title)\n\n\(report.period.label(lang))\n"
        for section in report.sections {
            s += "\n## \(section.title)\n"
            for p in section.paragraphs { s += "\n\(p)\n" }
            for table in section.tables {
                s += "\n**\(cell(table.caption))**" + (table.source.map { " (\(lang == .nl ? "bron" : "source"): \(cell($0)))" } ?? "") + "\n\n"
                s += "| " + table.headers.map(cell).joined(separator: " | ") + " |\n"
                s += "|" + table.headers.enumerated().map { i, _ in i == 0 ? " --- |" : " ---: |" }.joined() + "\n"
                for row in table.rows {
                    let label = row.isTotal ? "**\(cell(row.label))**" : cell(row.label)
                    s += "| " + ([label] + row.cells.map { cell($0.text(lang)) }).joined(separator: " | ") + " |\n"
                }
                if let note = table.note { s += "\n_\(note)_\n" }
            }
        }
        return s
    }

    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
