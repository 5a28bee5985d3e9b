import Domain

/// The report's sections after §1: indicators and targets, projects, routes, Opleidingshuizen, funding,
/// the network, the Matchingday and the timeline.
extension ReportBuilder {
    static let shownElsewhere: Set<String> = ["roc.students.sector", "roc.students.leerweg", "labour.benefits", "labour.vacancies",
                                              "labour.technical-share", "network.members", "network.excursions-supported", "network.requests-served"]

    /// A number as reported: plain, or as text when the report qualifies it ("circa 900", "60 tot 90").
    func qualified(_ value: Double, max: Double?, _ qualifier: Qualifier?, _ unit: Unit) -> ReportCell {
        if qualifier == nil, max == nil { return .value(value, unit) }
        var text = ReportCell.value(value, max == nil ? unit : .count).text(lang)
        if let max { text += t(" tot ", " to ") + ReportCell.value(max, unit).text(lang) }
        if let qualifier { text = qualifier.label(lang) + " " + text }
        return .text(text)
    }

    func observed(_ o: Observation, _ unit: Unit) -> ReportCell { qualified(o.value, max: o.valueMax, o.qualifier, unit) }

    /// Latest values as a percentage of their targets, one bar each.
    func progressChart(id: String, title: String, description: String, _ items: [(String, Double)]) -> ReportChart {
        ReportChart(id: id, data: ChartData(title: title, description: description, categories: items.map(\.0),
                                            series: [.init(name: t("% van het doel", "% of target"), values: items.map(\.1))], unit: .percentage),
                    style: .progress)
    }

    func indicatorsAndTargets() -> ReportSection {
        var section = ReportSection(id: "indicatoren", title: t("Indicatoren en doelen", "Indicators and targets"))
        let rows: [ReportRow] = data.indicators.filter { !Self.shownElsewhere.contains($0.key) }.flatMap { i in
            observations.filter { $0.indicatorKey == i.key }.map { o in
                let dims = o.dimensions.map { $0.split(separator: "=", maxSplits: 1).last.map(String.init) ?? $0 }
                return ReportRow(i.name(lang) + (dims.isEmpty ? "" : " — " + dims.joined(separator: ", ")),
                                 [.text(header(o.period)), observed(o, i.unit), .text(i.dataSource)])
            }
        }
        if !rows.isEmpty {
            section.tables.append(ReportTable(id: "indicators", caption: t("Overige indicatoren in de periode", "Other indicators in the period"),
                                              headers: [t("Indicator", "Indicator"), t("Periode", "Period"), t("Waarde", "Value"), t("Bron", "Source")], rows: rows))
        }
        let upToEnd = data.observations.filter { ObservationPeriod.start($0.period).map { !(period.to < $0) } ?? false }
        let units = Dictionary(data.indicators.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        var progress: [(String, Double)] = []
        let targetRows: [ReportRow] = data.targets.map { target in
            let indicator = units[target.indicatorKey]
            let unit = indicator?.unit ?? .count
            let status = TargetProgress.of(target, observations: upToEnd)
            let latest = TargetProgress.latest(target, observations: upToEnd)
            if let latest, target.value > 0 { progress.append(((indicator?.name(lang) ?? target.indicatorKey), latest.value / target.value * 100)) }
            return ReportRow(indicator?.name(lang) ?? target.indicatorKey,
                             [.value(target.value, unit), .text(target.date.label(lang)), .text(target.scope),
                              latest.map { observed($0, unit) } ?? .empty, .text(status.label(lang))])
        }
        if !targetRows.isEmpty {
            section.tables.append(ReportTable(
                id: "targets", caption: t("Doelen en voortgang", "Targets and progress"),
                headers: [t("Indicator", "Indicator"), t("Doel", "Target"), t("Uiterlijk", "By"), t("Reikwijdte", "Scope"), t("Laatste waarde", "Latest value"), t("Status", "Status")],
                rows: targetRows,
                note: t("Status: gehaald; op koers (lineair doorgetrokken naar de doeldatum); achter; onbekend (te weinig waarnemingen zonder uitsplitsing).",
                        "Status: met; on track (linear extrapolation to the target date); behind; unknown (too few observations without a breakdown).")))
        }
        if !progress.isEmpty {
            section.charts.append(progressChart(
                id: "chart-targets", title: t("Voortgang naar de doelen", "Progress towards the targets"),
                description: t("Laatste waarde als percentage van het doel; 100 % is gehaald.", "Latest value as a percentage of the target; 100 % is met."),
                progress))
        }
        return section
    }

    func projects() -> ReportSection {
        var section = ReportSection(id: "projecten", title: t("Projecten", "Projects"))
        guard !data.projects.isEmpty else { return section }
        section.tables.append(ReportTable(
            id: "projects", caption: t("De projecten en hun status", "The projects and their status"),
            headers: [t("Project", "Project"), t("Nr.", "No."), t("Status", "Status")],
            rows: data.projects.map { ReportRow(lang == .nl ? $0.name : $0.nameEn, [.text($0.number), .text($0.status.label(lang))]) }))
        let projectNames = Dictionary(data.projects.map { ($0.id, lang == .nl ? $0.name : $0.nameEn) }, uniquingKeysWith: { a, _ in a })
        var progress: [(String, Double)] = []
        let rows: [ReportRow] = data.projectTargets.map { pt in
            func q(_ v: Double?, _ max: Double?, _ qualifier: Qualifier?) -> ReportCell {
                v.map { qualified($0, max: max, qualifier, pt.unit) } ?? .empty
            }
            if let a = pt.actual, let target = pt.target, target > 0 { progress.append((pt.description, a / target * 100)) }
            let status = TargetProgress.of(pt, asOf: period.to)
            return ReportRow(pt.description, [.text(projectNames[pt.projectId] ?? pt.projectId), q(pt.actual, nil, pt.actualQualifier),
                                              .text(pt.actualDate?.label(lang) ?? ""), q(pt.target, pt.targetMax, pt.targetQualifier),
                                              .text(pt.targetDate?.label(lang) ?? ""), .text(status.label(lang))])
        }
        if !rows.isEmpty {
            section.tables.append(ReportTable(
                id: "project-targets", caption: t("Doelen van de projecten tegen de resultaten", "Project targets against results"),
                headers: [t("Doel", "Target"), t("Project", "Project"), t("Resultaat", "Result"), t("Peildatum", "As of"), t("Streefwaarde", "Target value"), t("Uiterlijk", "By"), t("Status", "Status")],
                rows: rows))
        }
        if !progress.isEmpty {
            section.charts.append(progressChart(
                id: "chart-project-targets", title: t("Projectdoelen: resultaat als percentage van het doel", "Project targets: result as a percentage of the target"),
                description: t("Per projectdoel met een resultaat en een streefwaarde; 100 % is gehaald.", "Per project target with a result and a target value; 100 % is met."),
                progress))
        }
        return section
    }

    func routes() -> ReportSection {
        var section = ReportSection(id: "leerroutes", title: t("Leerroutes", "Learning routes"))
        guard !data.routes.isEmpty else { return section }
        section.tables.append(ReportTable(
            id: "routes", caption: t("Leerroutes", "Learning routes"),
            headers: [t("Leerroute", "Route"), t("Soort", "Kind"), t("Van", "From"), t("Tot", "To"), t("Status", "Status"), t("Start", "Start")],
            rows: data.routes.map { ReportRow($0.name, [.text($0.kind.label(lang)), .text($0.fromLevel.rawValue), .text($0.toLevel.rawValue),
                                                        .text($0.status.label(lang)), .text($0.startYear.map(String.init) ?? "")]) }))
        for route in data.routes {
            let cells = data.routeParticipations.filter { $0.routeId == route.id && $0.sector != nil }
            guard !cells.isEmpty else { continue }
            var schools: [String] = [], sectors: [Sector] = []
            for c in cells {
                if !schools.contains(c.organizationId) { schools.append(c.organizationId) }
                if let s = c.sector, !sectors.contains(s) { sectors.append(s) }
            }
            section.tables.append(ReportTable(
                id: "route-sectors-" + route.id, caption: route.name + t(": opleidingen per school en sector", ": programmes by school and sector"),
                headers: [t("Sector", "Sector")] + schools.map(name),
                rows: sectors.map { sector in
                    ReportRow(sector.label(lang), schools.map { school in
                        cells.first { $0.organizationId == school && $0.sector == sector }.map { .text($0.note ?? "X") } ?? .empty
                    })
                }))
        }
        let themes = data.routeSectors
        if !themes.isEmpty {
            let routeNames = Dictionary(data.routes.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            section.tables.append(ReportTable(
                id: "route-themes", caption: t("Thema's per leerroute", "Themes per route"),
                headers: [t("Thema", "Theme"), t("Leerroute", "Route"), t("Status", "Status"), t("Scholen", "Schools"), t("Vanaf", "From")],
                rows: themes.map { ReportRow($0.theme, [.text(routeNames[$0.routeId] ?? $0.routeId), .text($0.status.label(lang)),
                                                        $0.schoolCount.map { .value(Double($0), .count) } ?? .empty, .text($0.fromPeriod ?? "")]) }))
        }
        return section
    }

    func opleidingshuizen() -> ReportSection {
        var section = ReportSection(id: "opleidingshuizen", title: t("Opleidingshuizen (publiek-private samenwerking)", "Opleidingshuizen (public–private training centres)"))
        guard !data.opleidingshuizen.isEmpty else { return section }
        section.tables.append(ReportTable(
            id: "opleidingshuizen", caption: t("Opleidingshuizen", "Opleidingshuizen"),
            headers: [t("Opleidingshuis", "Opleidingshuis"), t("Sectoren", "Sectors"), t("Status", "Status"), t("Partners", "Partners"), t("Mijlpalen in de periode", "Milestones in the period")],
            rows: data.opleidingshuizen.map { o in
                let milestones = data.opleidingshuisMilestones.filter { $0.opleidingshuisId == o.id && period.containsStart(of: $0.date) }
                return ReportRow(o.name, [.text(o.sectors.map { $0.label(lang) }.joined(separator: ", ")), .text(o.status.label(lang)),
                                          .value(Double(data.opleidingshuisPartners.filter { $0.opleidingshuisId == o.id }.count), .count),
                                          .text(milestones.map { $0.date.label(lang) + ": " + $0.text }.joined(separator: "; "))])
            }))
        return section
    }

    func funding() -> ReportSection {
        var section = ReportSection(id: "financiering", title: t("Financiering", "Funding"))
        let lines = data.funding.filter { f in
            let start = PartialDate(year: f.periodFrom.year, month: f.periodFrom.month ?? 1, day: f.periodFrom.day ?? 1)
            let end = PartialDate(year: f.periodTo.year, month: f.periodTo.month ?? 12, day: f.periodTo.day ?? 31)
            return !(period.to < start) && !(end < period.from)
        }
        guard !lines.isEmpty else { return section }
        var rows = lines.map { f in
            ReportRow(f.funderId.map(name) ?? f.programme,
                      [.text(f.programme), .text(f.kind.label(lang)),
                       qualified(f.amount, max: nil, f.amountQualifier, .euro),
                       .text(f.periodFrom.label(lang) + " – " + f.periodTo.label(lang))])
        }
        let contributions = lines.filter { $0.kind == .contribution }.reduce(0) { $0 + $1.amount }
        rows.append(ReportRow(t("Som van de bijdragen", "Sum of the contributions"), [.empty, .empty, .value(contributions, .euro), .empty], isTotal: true))
        section.tables.append(ReportTable(
            id: "funding", caption: t("Financiering per bron", "Funding by source"),
            headers: [t("Financier", "Funder"), t("Programma", "Programme"), t("Soort", "Kind"), t("Bedrag", "Amount"), t("Periode", "Period")],
            rows: rows, note: t("De som telt alleen bijdragen, niet de begroting; bedragen met 'circa' of 'ruim' zijn zo gerapporteerd.",
                                "The sum counts contributions only, not the budget; amounts marked 'about' or 'more than' are as reported.")))
        let applications = data.fundingApplications.filter { $0.date.map(period.containsStart) ?? true }
        if !applications.isEmpty {
            section.tables.append(ReportTable(
                id: "funding-applications", caption: t("Aanvragen", "Applications"),
                headers: [t("Onderwerp", "Subject"), t("Fonds", "Fund"), t("Status", "Status"), t("Datum", "Date")],
                rows: applications.map { ReportRow($0.subject, [.text($0.fund), .text($0.status.label(lang)), .text($0.date?.label(lang) ?? "")]) }))
        }
        return section
    }

    func network() -> ReportSection {
        var section = ReportSection(id: "netwerk", title: t("Vrienden van het Masterplan: het netwerk", "Friends of the Masterplan: the network"))
        let growth = cross("network.members", "kind")
        if !growth.rows.isEmpty {
            let n = growth.periods.count
            // Printed without a sign, as the report's "Toename" column.
            func increase(_ v: [Double?]) -> [ReportCell] {
                guard n > 1 else { return [] }
                return [Change.firstToLast(v).map { .value($0.absolute, .count) } ?? .empty]
            }
            section.tables.append(ReportTable(
                id: "network", caption: t("Ontwikkeling Vrienden van het Masterplan", "Growth of the Friends of the Masterplan"),
                source: t("gerapporteerde aantallen per soort lid", "reported counts by kind of member"),
                headers: [t("Soort", "Kind")] + growth.periods.map(header) + (n > 1 ? [t("Toename", "Increase")] : []),
                rows: growth.rows.map { ReportRow($0.label, values($0.values) + increase($0.values)) }
                    + [ReportRow(t("Totaal", "Total"), values(growth.totals) + increase(growth.totals), isTotal: true)]))
            var chart = ChartData(growth, title: t("Groei van het netwerk per soort lid", "Network growth by kind of member"),
                                  description: t("Aantal Vrienden per soort lid op de gerapporteerde data.", "Number of Friends by kind of member on the reported dates."),
                                  rowsAsSeries: false)
            chart.series = chart.series.map { .init(name: header($0.name), values: $0.values) }
            section.charts.append(ReportChart(id: "chart-network", data: chart, style: .groupedBar))
        }
        let counters: [(String, String, String)] = [("network.excursions-supported", "Excursies etc. ", "Excursions etc. "),
                                                    ("network.requests-served", "Inzet door Vrienden van het Masterplan ", "Requests served by Friends of the Masterplan ")]
        let counterRows: [ReportRow] = counters.flatMap { key, nl, en in
            observations.filter { $0.indicatorKey == key }.map { o in
                ReportRow((lang == .nl ? nl : en) + header(o.period), [observed(o, .count)])
            }
        }
        if !counterRows.isEmpty {
            section.tables.append(ReportTable(id: "network-counters", caption: t("Ondersteuning en verzoeken aan het netwerk", "Support and requests to the network"),
                                              headers: [t("Teller", "Counter"), t("Aantal", "Number")], rows: counterRows))
        }
        let registered = input.activeMembers
        if !growth.rows.isEmpty || registered > 0 {
            section.paragraphs.append(t("In het platform geregistreerd als Vriend op \(period.to.label(lang)): \(registered) organisaties (de gerapporteerde aantallen hierboven zijn de tellingen van het programmabureau).",
                                        "Registered in the platform as Friend on \(period.to.label(lang)): \(registered) organisations (the reported counts above are the programme office's)."))
        }
        return section
    }

    func matchingday() -> ReportSection {
        var section = ReportSection(id: "matchingday", title: t("Matchingday", "Matchingday"))
        let events = data.events.filter { period.containsStart(of: $0.date) }
        guard !events.isEmpty else { return section }
        section.tables.append(ReportTable(
            id: "events", caption: t("Matchingdays in de periode", "Matchingdays in the period"),
            headers: [t("Evenement", "Event"), t("Datum", "Date"), t("Status", "Status"), t("Scholen", "Schools"), t("Afspraken (gerapporteerd)", "Agreements (reported)"), t("Afspraken met naam", "Named agreements")],
            rows: events.map { e in
                ReportRow(e.name, [.text(e.date.label(lang)), .text(e.status.label(lang)),
                                   e.reportedSchools.map { .value(Double($0), .count) } ?? .empty,
                                   e.reportedAgreements.map { .value(Double($0), .count) } ?? .empty,
                                   .value(Double(input.agreementCounts[e.id] ?? 0), .count)])
            }))
        let ids = Set(events.map(\.id))
        let agreements = data.agreements.filter { $0.eventId.map(ids.contains) ?? false }
        if !agreements.isEmpty {
            let more = input.agreementsInPeriod - agreements.count
            section.tables.append(ReportTable(
                id: "agreements", caption: t("Afspraken tussen bedrijf en school", "Agreements between company and school"),
                headers: [t("Bedrijf of organisatie", "Company or organisation"), t("School", "School")],
                rows: agreements.map { ReportRow($0.companyIds.map(name).joined(separator: ", "), [.text(name($0.schoolId))]) },
                note: more > 0 ? t("De eerste \(agreements.count) van \(NumberFormat.integer(Double(input.agreementsInPeriod), lang)) afspraken; alle afspraken staan in de export.",
                                   "The first \(agreements.count) of \(NumberFormat.integer(Double(input.agreementsInPeriod), .en)) agreements; the export has them all.") : nil))
        }
        return section
    }

    func timeline() -> ReportSection {
        var section = ReportSection(id: "tijdlijn", title: t("Mijlpalen in de periode", "Milestones in the period"))
        let entries = data.timeline.filter { period.containsStart(of: $0.date) }.sorted { $0.date < $1.date }
        guard !entries.isEmpty else { return section }
        section.tables.append(ReportTable(
            id: "timeline", caption: t("Tijdlijn", "Timeline"),
            headers: [t("Datum", "Date"), t("Soort", "Kind"), t("Wat", "What"), t("Aantal", "Number")],
            rows: entries.map { e in
                var number = ReportCell.empty
                if let a = e.attendance {
                    number = .text((e.attendanceQualifier.map { $0.label(lang) + " " } ?? "") + NumberFormat.integer(Double(a), lang) + (e.attendanceUnit.map { " " + $0 } ?? ""))
                }
                return ReportRow(e.date.label(lang), [.text(e.kind.label(lang)), .text(e.title), number])
            }))
        return section
    }
}
