import Domain

extension ReportBuilder {
    /// The platform's own count for the period (issue 15, part 3), beside the previous comparable period; every
    /// other section holds the figures as reported. Left out when nothing happened in the platform in either.
    func platform() -> ReportSection {
        var section = ReportSection(id: "platform", title: t("Het jaar in het platform (eigen registratie)", "The year in the platform (own records)"))
        guard let figures = input.platform, !(figures.current.isEmpty && figures.previous.isEmpty) else { return section }
        let cur = figures.current, prev = figures.previous
        section.paragraphs.append(t(
            "Geteld uit de eigen registratie van het platform (netwerkbalie en Matchingdays) over \(cur.period.label(lang)), naast de vorige even lange periode (\(prev.period.label(lang))). De cijfers in de andere hoofdstukken zijn zoals gerapporteerd.",
            "Counted from the platform's own records (network desk and Matchingdays) over \(cur.period.label(lang)), beside the previous period of the same length (\(prev.period.label(lang))). The figures in the other chapters are as reported."))
        func row(_ nl: String, _ en: String, _ a: Int, _ b: Int, total: Bool = false) -> ReportRow {
            ReportRow(t(nl, en), values([Double(a), Double(b)]) + changeCells([Double(a), Double(b)], periods: 2), isTotal: total)
        }
        var rows = [
            row("Verzoeken ontvangen", "Requests received", prev.requestsReceived, cur.requestsReceived),
            row("Verzoeken beantwoord", "Requests answered", prev.requestsAnswered, cur.requestsAnswered),
            row("Verzoeken over de reactietermijn", "Requests past the response date", prev.requestsOverdue, cur.requestsOverdue),
            row("Activiteiten gepland", "Activities planned", prev.activitiesPlanned, cur.activitiesPlanned),
        ]
        for type in ActivityType.allCases {
            let a = prev.activities.first { $0.type == type }?.delivered ?? 0, b = cur.activities.first { $0.type == type }?.delivered ?? 0
            if a + b > 0 { rows.append(row("Uitgevoerd: " + type.label(.nl).lowercased(), "Delivered: " + type.label(.en).lowercased(), a, b)) }
        }
        rows += [
            row("Activiteiten uitgevoerd", "Activities delivered", prev.activitiesDelivered, cur.activitiesDelivered, total: true),
            row("Leerlingen bereikt", "Pupils reached", prev.pupilsReached, cur.pupilsReached),
            row("Scholen bereikt", "Schools reached", prev.schoolsReached, cur.schoolsReached),
            row("Afspraken op Matchingdays", "Agreements at Matchingdays", prev.matchingdayAgreements, cur.matchingdayAgreements),
            row("Vrienden (geregistreerd) aan het eind", "Friends (registered) at the end", prev.vriendenAtEnd, cur.vriendenAtEnd),
        ]
        section.tables.append(ReportTable(
            id: "platform", caption: t("Activiteiten uit de eigen registratie", "Activities from the platform's records"),
            source: t("eigen registratie van het platform", "the platform's own records"),
            headers: [t("Teller", "Counter"), prev.period.label(lang), cur.period.label(lang), t("Verschil", "Change"), t("Groei", "Growth")], rows: rows))
        func reach(_ id: String, _ nl: String, _ en: String, header: String, _ rows: [ReachRow], label: (ReachRow) -> String) {
            guard !rows.isEmpty else { return }
            section.tables.append(ReportTable(
                id: id, caption: t(nl, en), source: t("eigen registratie van het platform", "the platform's own records"),
                headers: [header, t("Uitgevoerde activiteiten", "Activities delivered"), t("Leerlingen bereikt", "Pupils reached")],
                rows: rows.map { ReportRow(label($0), values([Double($0.activities), Double($0.pupils)])) }
                    + [ReportRow(t("Totaal", "Total"), values([Double(rows.reduce(0) { $0 + $1.activities }), Double(rows.reduce(0) { $0 + $1.pupils })]), isTotal: true)]))
        }
        let unknown = t("Onbekend", "Unknown")
        reach("platform-district", "Bereik per stadsdeel", "Reach by district", header: t("Stadsdeel", "District"), cur.byDistrict) { $0.key.isEmpty ? unknown : $0.label }
        reach("platform-level", "Bereik per niveau", "Reach by level", header: t("Niveau", "Level"), cur.byLevel) { EducationLevel(rawValue: $0.key)?.label(lang) ?? unknown }
        return section
    }
}
