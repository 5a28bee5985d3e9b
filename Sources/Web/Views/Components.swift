import Domain
import Plot
import Reports

/// Small building blocks shared by the pages.
enum Components {
    /// A data table with a caption; header cells get scope="col", the first cell of a row scope="row".
    static func table(caption: String, headers: [String], rows: [[Node<HTML.BodyContext>]], footer: [[Node<HTML.BodyContext>]] = [],
                      numericFrom: Int = 1) -> Node<HTML.BodyContext> {
        .div(.class("table-wrap"),
             .table(
                .caption(.text(caption)),
                .thead(.tr(.forEach(headers.enumerated()) { i, h in
                    .th(.attribute(named: "scope", value: "col"), .if(i >= numericFrom, .class("num")), .text(h))
                })),
                .tbody(.forEach(rows) { row in
                    .tr(.forEach(row.enumerated()) { i, cell in
                        i == 0 ? .th(.attribute(named: "scope", value: "row"), cell)
                               : .td(.if(i >= numericFrom, .class("num")), cell)
                    })
                }),
                .if(!footer.isEmpty, .tfoot(.forEach(footer) { row in
                    .tr(.forEach(row.enumerated()) { i, cell in
                        i == 0 ? .th(.attribute(named: "scope", value: "row"), cell) : .td(.if(i >= numericFrom, .class("num")), cell)
                    })
                }))
             ))
    }

    /// An SVG chart with, beside it, the same data as a table (for screen readers and for copying).
    static func chart(_ data: ChartData, style: SVGChart.Style, id: String, lang: Lang) -> Node<HTML.BodyContext> {
        let headers = [lang == .nl ? "Reeks" : "Series"] + data.categories
        let rows: [[Node<HTML.BodyContext>]] = data.series.map { s in
            [.text(s.name)] + s.values.map { v in .text(v.map { valueText($0, data.unit, lang) } ?? "–") }
        }
        return .element(named: "figure", nodes: [
            .class("chart"),
            .raw(SVGChart.render(data, style: style, id: id, lang: lang)),
            .element(named: "figcaption", nodes: [.text(data.title)]),
            .element(named: "details", nodes: [
                .element(named: "summary", nodes: [.text(lang == .nl ? "Gegevens van deze grafiek" : "Data of this chart")]),
                table(caption: data.title, headers: headers, rows: rows),
            ]),
        ])
    }

    static func badgeClass(_ p: TargetProgress) -> String {
        switch p { case .met: "met"; case .behind: "behind"; case .onTrack: "ontrack"; case .unknown: "" }
    }

    static func valueText(_ v: Double, _ unit: Unit, _ lang: Lang) -> String {
        switch unit {
        case .count: NumberFormat.number(v, decimals: 1, lang)
        case .percentage: NumberFormat.percent(v, lang)
        case .euro: NumberFormat.euro(v, lang)
        }
    }

    static func qualified(_ value: Double, _ qualifier: Qualifier?, _ unit: Unit, _ lang: Lang, max: Double? = nil) -> String {
        var text = valueText(value, unit, lang)
        if let max { text = valueText(value, .count, lang) + (lang == .nl ? " tot " : " to ") + valueText(max, unit, lang) }
        if let qualifier { text = qualifier.label(lang) + " " + text }
        return text
    }

    /// Previous/next links and "page x of y"; works without JavaScript.
    static func pager<T>(_ page: Page<T>, lang: Lang, link: (Int) -> String) -> Node<HTML.BodyContext> {
        .nav(.class("pager"), .ariaLabel(lang == .nl ? "Paginering" : "Pagination"),
             .if(page.hasPrevious, .a(.href(link(page.page - 1)), .attribute(named: "rel", value: "prev"),
                                       .text(lang == .nl ? "← Vorige" : "← Previous"))),
             .span(.text(lang == .nl ? " Pagina \(page.page) van \(page.pageCount) (\(page.total) resultaten) "
                                      : " Page \(page.page) of \(page.pageCount) (\(page.total) results) ")),
             .if(page.hasNext, .a(.href(link(page.page + 1)), .attribute(named: "rel", value: "next"),
                                   .text(lang == .nl ? "Volgende →" : "Next →"))))
    }

    /// A quotation with who said it; the text stays in Dutch, as printed.
    static func quote(_ q: Quote, _ data: Dataset, lang: Lang) -> Node<HTML.BodyContext> {
        let name = data.people.first { $0.id == q.personId }?.name ?? q.personId
        return .element(named: "figure", nodes: [
            .class("quote"),
            .blockquote(.attribute(named: "lang", value: "nl"), .p(.text("“" + q.text + "”"))),
            .element(named: "figcaption", nodes: [.text("— " + name + ", " + q.role + " "), source(q.section, lang: lang)]),
        ])
    }

    /// A POST form with the session's CSRF token.
    static func postForm(action: String, csrf: String?, class cls: String = "", _ nodes: [Node<HTML.BodyContext>]) -> Node<HTML.BodyContext> {
        .element(named: "form", nodes: [
            .attribute(named: "method", value: "post"), .attribute(named: "action", value: action), .class(cls),
            .selfClosedElement(named: "input", attributes: [
                .attribute(named: "type", value: "hidden"), .attribute(named: "name", value: "_csrf"),
                .attribute(named: "value", value: csrf ?? "")] as [Attribute<HTML.BodyContext>]),
        ] + nodes)
    }

    /// The alert above a form that was refused; `namingFields` adds the names of the fields to correct.
    static func errorSummary(_ errors: [String: String], _ t: (String, String) -> String, namingFields: Bool = true) -> Node<HTML.BodyContext> {
        .if(!errors.isEmpty, .p(.class("error"), .attribute(named: "role", value: "alert"),
                                .text(t("Er is niets opgeslagen: verbeter de gemarkeerde velden.", "Nothing was saved: correct the marked fields.")
                                      + (namingFields ? " (" + errors.keys.sorted().joined(separator: ", ") + ")" : ""))))
    }

    /// A labelled multi-line text field with its error message.
    static func textarea(_ name: String, label: String, value: String, error: String?, rows: Int = 4) -> Node<HTML.BodyContext> {
        .div(.class("field"),
             .element(named: "label", nodes: [.attribute(named: "for", value: name), .text(label)]),
             .element(named: "textarea", nodes: [.attribute(named: "name", value: name), .attribute(named: "id", value: name),
                                                 .attribute(named: "rows", value: String(rows)), .text(value)]),
             .unwrap(error) { .p(.class("error"), .id(name + "-error"), .text($0)) })
    }

    /// `staleNotice` for a record as stored now (nil: removed) beside the person's version, the differing fields named
    /// by `label`.
    static func staleNotice<R: Record>(_ t: (String, String) -> String, current: R?, mine: R,
                                       label: (String) -> String = { $0 }) -> Node<HTML.BodyContext> {
        staleNotice(t, rows: (current.map { RecordForm.differences($0, mine) } ?? []).map { (label($0.column), $0.first, $0.second) },
                    gone: current == nil)
    }

    /// The 409 part of an edit page whose form was filled in on an older version: nothing was written; what is stored
    /// now beside the person's version, field by field (`rows`: label, stored, theirs). `gone`: the record was removed.
    static func staleNotice(_ t: (String, String) -> String, rows: [(String, String, String)], gone: Bool) -> Node<HTML.BodyContext> {
        .section(.class("error"), .attribute(named: "role", value: "alert"),
            .h2(.text(t("Iemand anders wijzigde dit record intussen", "Someone else changed this record meanwhile"))),
            .p(.text(gone ? t("Het record bestaat niet meer. Er is niets opgeslagen.", "The record no longer exists. Nothing was saved.")
                     : t("Er is niets overschreven. Hieronder staan beide versies; wat u nu opslaat, vervangt de opgeslagen versie.",
                         "Nothing was overwritten. Both versions are below; what you save now replaces the stored version."))),
            .if(!rows.isEmpty, table(caption: t("Velden die verschillen", "Fields that differ"),
                                     headers: [t("Veld", "Field"), t("Nu opgeslagen", "Stored now"), t("Uw versie", "Your version")],
                                     rows: rows.map { [.text($0.0), .text($0.1), .text($0.2)] }, numericFrom: 9)))
    }

    static func submit(_ text: String) -> Node<HTML.BodyContext> {
        .element(named: "button", nodes: [.attribute(named: "type", value: "submit"), .text(text)])
    }

    /// A labelled input with its error message right next to it.
    static func field(_ name: String, label: String, value: String?, type: String = "text", error: String? = nil,
                      hint: String? = nil, required: Bool = false, autocomplete: String? = nil) -> Node<HTML.BodyContext> {
        let described = [error.map { _ in name + "-error" }, hint.map { _ in name + "-hint" }].compactMap { $0 }
        return .div(.class("field"),
             .element(named: "label", nodes: [.attribute(named: "for", value: name), .text(label)]),
             .selfClosedElement(named: "input", attributes: [
                .attribute(named: "type", value: type), .attribute(named: "name", value: name), .attribute(named: "id", value: name),
                .attribute(named: "value", value: value ?? ""),
                .attribute(named: "aria-describedby", value: described.joined(separator: " ")),
                .attribute(named: "aria-invalid", value: error == nil ? "" : "true"),
                .attribute(named: "autocomplete", value: autocomplete ?? ""),
                required ? .attribute(named: "required", value: "required") : .attribute(named: "data-optional", value: ""),
             ] as [Attribute<HTML.BodyContext>]),
             .unwrap(hint) { .p(.class("hint"), .id(name + "-hint"), .text($0)) },
             .unwrap(error) { .p(.class("error"), .id(name + "-error"), .text($0)) })
    }

    /// A group of checkboxes for a multi-valued field.
    static func checkboxes(_ name: String, legend: String, options: [(String, String)], checked: Set<String>, error: String?) -> Node<HTML.BodyContext> {
        .element(named: "fieldset", nodes: [
            .class("checks"),
            .element(named: "legend", nodes: [.text(legend)]),
            .forEach(options) { value, text in
                .element(named: "label", nodes: [
                    .selfClosedElement(named: "input", attributes: [
                        .attribute(named: "type", value: "checkbox"), .attribute(named: "name", value: name + "[]"),
                        .attribute(named: "value", value: value),
                        checked.contains(value) ? .attribute(named: "checked", value: "checked") : .attribute(named: "data-unchecked", value: ""),
                    ] as [Attribute<HTML.BodyContext>]),
                    .text(" " + text),
                ])
            },
            .unwrap(error) { .p(.class("error"), .id(name + "-error"), .text($0)) },
        ])
    }

    static func source(_ text: String, lang: Lang) -> Node<HTML.BodyContext> {
        .span(.class("source"), .text((lang == .nl ? "Bron: " : "Source: ") + text))
    }

    static func orgLink(_ id: String, _ data: Dataset) -> Node<HTML.BodyContext> {
        .a(.href(SiteRoute.organization(id).path), .text(data.organization(id)?.name ?? id))
    }

    static func badge(_ text: String, _ kind: String = "") -> Node<HTML.BodyContext> {
        .span(.class("badge " + kind), .text(text))
    }

    /// A <dl> of label/value pairs, skipping empty values.
    static func facts(_ pairs: [(String, Node<HTML.BodyContext>?)]) -> Node<HTML.BodyContext> {
        .dl(.class("facts"), .forEach(pairs.compactMap { p in p.1.map { (p.0, $0) } }) { label, value in
            .group(.dt(.text(label)), .dd(value))
        })
    }

    static func select(name: String, label: String, options: [(String, String)], selected: String?, error: String?) -> Node<HTML.BodyContext> {
        .div(.class("field"),
             .element(named: "label", nodes: [.attribute(named: "for", value: name), .text(label)]),
             .element(named: "select", nodes: [
                .attribute(named: "name", value: name), .attribute(named: "id", value: name),
                .if(error != nil, .attribute(named: "aria-describedby", value: name + "-error")),
                .if(error != nil, .attribute(named: "aria-invalid", value: "true")),
                .forEach(options) { value, text in
                    .element(named: "option", nodes: [
                        .attribute(named: "value", value: value, ignoreIfValueIsEmpty: false),
                        .if(value == (selected ?? ""), .attribute(named: "selected", value: "selected")),
                        .text(text),
                    ])
                },
             ]),
             .unwrap(error) { .p(.class("error"), .id(name + "-error"), .text($0)) })
    }
}
