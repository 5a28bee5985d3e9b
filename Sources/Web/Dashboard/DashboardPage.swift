import Domain
import Plot
import Reports

/// The front page: key figures of the programme at the end of 2014 and the three main charts.
struct DashboardPage {
    struct KeyFigure { var value: String; var label: String; var detail: String; var link: SiteRoute }

    let lang: Lang
    let keyFigures: [KeyFigure]
    let network: ChartData
    let enrolment: ChartData
    let labour: ChartData
    let highlights: [String]
    let bottlenecks: [Statement]
    /// Each indicator target with its latest overall value and its status.
    let targets: [(target: Target, name: String, unit: Unit, latest: Observation?, status: TargetProgress)]
    /// The current school year, live from the desk's records (set by the route).
    var schoolYear: SchoolYearFigures?
    /// The next Matchingday open for registration (never an example day), with its page.
    var nextMatchingday: MatchingdayEvent?

    init(_ data: Dataset, lang: Lang) {
        self.lang = lang
        let f = ProgrammeFigures(data)
        let t = { (nl: String, en: String) in lang == .nl ? nl : en }
        var figures: [KeyFigure] = []
        let net = f.networkGrowth
        if let first = net.totals.first ?? nil, let last = net.totals.last ?? nil, let lastPeriod = net.periods.last {
            figures.append(KeyFigure(value: NumberFormat.integer(last, lang), label: t("Vrienden van het Masterplan", "Friends of the Masterplan"),
                                     detail: t("gerapporteerd op ", "reported on ") + periodLabel(lastPeriod, lang) + ", "
                                        + NumberFormat.signed(last - first, lang) + t(" sinds ", " since ") + periodLabel(net.periods[0], lang),
                                     link: .network()))
        }
        figures.append(KeyFigure(value: String(data.projects.count), label: t("Doelgerichte projecten", "Targeted projects"),
                                 detail: t("van basisonderwijs tot hbo", "from primary school to hbo"), link: .projects))
        if let md = Dataset.dashboardEvent(data.events) {
            let registered = data.agreements.filter { $0.eventId == md.id }.count
            figures.append(KeyFigure(value: String(md.reportedAgreements ?? registered), label: t("Afspraken op de Matchingday", "Agreements at the Matchingday"),
                                     detail: md.date.label(lang) + t(", waarvan \(registered) met naam in het rapport", ", \(registered) of them named in the report"),
                                     link: .event(md.id)))
        }
        for (key, nl, en) in [("network.excursions-supported", "Excursies e.d. ondersteund", "Excursions etc. supported"),
                              ("network.requests-served", "Verzoeken aan het netwerk beantwoord", "Requests to the network served")] {
            if let o = f.observations(of: key).last {
                figures.append(KeyFigure(value: NumberFormat.integer(o.value, lang), label: t(nl, en),
                                         detail: periodLabel(o.period, lang), link: .indicator(key)))
            }
        }
        let enrol = f.enrolmentBySector
        // The latest school year with every sector reported: a year still being filled in has no total yet.
        if let i = enrol.totals.lastIndex(where: { $0 != nil }), let total = enrol.totals[i] {
            let p = enrol.periods[i]
            figures.append(KeyFigure(value: NumberFormat.integer(total, lang), label: t("Mbo-studenten Techniek en Logistiek", "Mbo students in engineering and logistics"),
                                     detail: "ROC van Amsterdam, " + p, link: .indicator("roc.students.sector")))
        }
        let vac = f.vacanciesByLevel
        if let change = vac.totalChange, let pct = change.percent {
            figures.append(KeyFigure(value: NumberFormat.integer(change.to, lang), label: t("Technische vacatures Groot-Amsterdam", "Technical vacancies, Greater Amsterdam"),
                                     detail: NumberFormat.signed(pct, decimals: 1, percent: true, lang) + t(" ten opzichte van ", " compared with ") + (vac.periods.first ?? ""),
                                     link: .indicator("labour.vacancies")))
        }
        if let budget = data.funding.first(where: { $0.kind == .budget }) {
            figures.append(KeyFigure(value: NumberFormat.euro(budget.amount, lang), label: t("Begroting", "Budget"),
                                     detail: (budget.amountQualifier.map { $0.label(lang) + ", " } ?? "") + budget.periodFrom.label(lang) + "–" + budget.periodTo.label(lang),
                                     link: .funding))
        }
        keyFigures = figures

        var networkChart = ChartData(net, title: t("Groei van het netwerk per soort lid", "Network growth by kind of member"),
                            description: t("Aantal Vrienden van het Masterplan per soort op 1 januari en 30 november 2014.",
                                           "Number of Friends of the Masterplan by kind on 1 January and 30 November 2014."),
                            rowsAsSeries: false)
        networkChart.series = networkChart.series.map { .init(name: periodLabel($0.name, lang), values: $0.values) }
        network = networkChart
        enrolment = ChartData(enrol, title: t("Studenten Techniek en Logistiek per sector", "Engineering and logistics students by sector"),
                              description: t("Studenten van het ROC van Amsterdam per sector in de schooljaren 2012-2013 tot en met 2014-2015.",
                                             "ROC van Amsterdam students by sector, school years 2012-2013 to 2014-2015."))
        let ben = f.benefitsByLevel
        labour = ChartData(title: t("Uitkeringen en vacatures per niveau", "Benefits and vacancies by level"),
                           description: t("Uitkeringen en vacatures in technische en industriële beroepen in Groot-Amsterdam, 2013 en 2014.",
                                          "Benefit recipients and vacancies in technical and industrial occupations in Greater Amsterdam, 2013 and 2014."),
                           categories: ben.rows.map(\.label),
                           series: ben.periods.enumerated().map { i, p in .init(name: t("Uitkeringen ", "Benefits ") + p, values: ben.rows.map { $0.values[i] }) }
                            + vac.periods.enumerated().map { i, p in .init(name: t("Vacatures ", "Vacancies ") + p, values: vac.rows.map { $0.values[i] }) })

        var lines: [String] = []
        if let tl = enrol.row("Transport & Logistiek")?.change?.percent {
            lines.append(t("Transport & Logistiek groeide ", "Transport & Logistics grew ") + NumberFormat.signed(tl, decimals: 1, percent: true, lang)
                         + t(" over drie schooljaren.", " over three school years."))
        }
        let leerweg = f.enrolmentByLeerweg
        if let bol = leerweg.row("BOL voltijd")?.change, let bbl = leerweg.row("BBL")?.change {
            lines.append(t("Voltijd bol: ", "Full-time bol: ") + NumberFormat.signed(bol.absolute, lang) + t(" studenten; bbl: ", " students; bbl: ")
                         + NumberFormat.signed(bbl.absolute, lang) + t(" studenten.", " students."))
        }
        highlights = lines
        bottlenecks = data.statements.filter { $0.kind == .bottleneck }
        targets = data.targets.map { target in
            let indicator = data.indicators.first { $0.key == target.indicatorKey }
            return (target, indicator?.name(lang) ?? target.indicatorKey, indicator?.unit ?? .count,
                    TargetProgress.latest(target, observations: data.observations),
                    TargetProgress.of(target, observations: data.observations))
        }
    }

    /// "Dit schooljaar": the desk's own count, labelled as such beside the report's figures above.
    static func schoolYearSection(_ y: SchoolYearFigures, _ ctx: PageContext, next: MatchingdayEvent? = nil) -> Node<HTML.BodyContext> {
        let t = ctx.t, lang = ctx.lang
        return .section(.class("panel"),
            .h2(.text(t("Dit schooljaar (\(y.year)), uit de netwerkbalie", "This school year (\(y.year)), from the network desk"))),
            .p(.class("source"), .text(t("Live geteld uit de verzoeken en afspraken van het platform, niet uit het rapport.",
                                         "Counted live from the platform's requests and agreements, not from the report."))),
            Components.facts([
                (t("Verzoeken ontvangen", "Requests received"), .text(String(y.requestsReceived))),
                (t("Beantwoord", "Answered"), .text(String(y.requestsAnswered))),
                (t("Te laat", "Overdue"), .text(String(y.requestsOverdue))),
                (t("Leerlingen bereikt", "Pupils reached"), .text(NumberFormat.integer(Double(y.pupilsReached), lang))),
                (t("Scholen bereikt", "Schools reached"), .text(String(y.schoolsReached))),
                (t("Vrienden nu", "Vrienden now"), .text(String(y.vriendenNow) + t(" (1 januari: ", " (1 January: ") + String(y.vriendenAtNewYear) + ")")),
            ]),
            .if(!y.activities.isEmpty, Components.table(caption: t("Activiteiten per soort", "Activities by type"),
                                                        headers: [t("Soort", "Type"), t("Gepland", "Planned"), t("Uitgevoerd", "Delivered")],
                                                        rows: y.activities.map { [.text($0.type.label(lang)), .text(String($0.planned)), .text(String($0.delivered))] })),
            reachTable(t("Bereik per stadsdeel", "Reach by district"), t("Stadsdeel", "District"), y.byDistrict, ctx),
            reachTable(t("Bereik per niveau", "Reach by level"), t("Niveau", "Level"), y.byLevel, ctx),
            .unwrap(next) { m in
                .p(.strong(.text(t("Volgende Matchingday: ", "Next Matchingday: "))),
                   .a(.href(SiteRoute.matchingday(m.id).path), .text(m.name)),
                   .text(", " + m.date.label(lang) + (m.place.map { ", " + $0 } ?? "") + t(" — aanmelden tot en met ", " — registration until ") + m.registrationDeadline.label(lang)))
            },
            .p(.a(.href(SiteRoute.compliance.path), .text(t("Naleving per lid →", "Obligations per member →"))), .text(" "),
               .a(.href(SiteRoute.reach.path), .text(t("Bereik →", "Reach →")))))
    }

    static func reachTable(_ caption: String, _ header: String, _ rows: [ReachRow], _ ctx: PageContext) -> Node<HTML.BodyContext> {
        .if(!rows.isEmpty, Components.table(caption: caption, headers: [header, ctx.t("Uitgevoerd", "Delivered"), ctx.t("Leerlingen", "Pupils")],
                                            rows: rows.map { [.text($0.label), .text(String($0.activities)), .text(NumberFormat.integer(Double($0.pupils), ctx.lang))] },
                                            numericFrom: 1))
    }

    func render(_ ctx: PageContext) -> String {
        Layout.render(ctx, .group(
            .p(.class("lead"), .text(ctx.t(
                "Het Masterplan Techniek Amsterdam brengt bedrijven, scholen en de gemeente samen zodat meer jongeren kiezen voor leren en werken in de techniek. Hier staat het programma zoals het eind 2014 stond.",
                "The Masterplan Techniek Amsterdam brings companies, schools and the municipality together so that more young people choose technical education and work. This is the programme as it stood at the end of 2014."))),
            .h2(.text(ctx.t("Kerncijfers", "Key figures"))),
            .ul(.class("cards"), .forEach(keyFigures) { k in
                .li(.class("card"),
                    .span(.class("value"), .text(k.value)),
                    .a(.class("label"), .href(k.link.path), .text(k.label)),
                    .p(.class("source"), .text(k.detail)))
            }),
            .ul(.class("plain"), .forEach(highlights) { .li(.text($0)) }),
            .forEach(bottlenecks) { b in
                .p(.class("note"), .strong(.text(b.title + ": ")), .text(b.text + " "),
                   .a(.href(SiteRoute.ambitions.path + "#bottleneck"), .text(ctx.t("Ambities en vervolg →", "Ambitions and follow-up →"))))
            },
            .unwrap(schoolYear) { y in Self.schoolYearSection(y, ctx, next: nextMatchingday) },
            .h2(.text(ctx.t("Doelen", "Targets"))),
            Components.table(
                caption: ctx.t("Doelen en hun status", "Targets and their status"),
                headers: [ctx.t("Indicator", "Indicator"), ctx.t("Doel", "Target"), ctx.t("Uiterlijk", "By"), ctx.t("Laatste waarde", "Latest value"), ctx.t("Status", "Status")],
                rows: targets.map { x in [
                    .a(.href(SiteRoute.indicator(x.target.indicatorKey).path), .text(x.name)),
                    .text(Components.valueText(x.target.value, x.unit, lang)), .text(x.target.date.label(lang)),
                    .text(x.latest.map { Components.valueText($0.value, x.unit, lang) + " (" + $0.period + ")" } ?? "–"),
                    Components.badge(x.status.label(lang), Components.badgeClass(x.status)),
                ] }, numericFrom: 99),
            .p(.class("source"), .text(ctx.t("Op koers: de waarnemingen zonder uitsplitsing, lineair doorgetrokken, halen het doel op de doeldatum. Onbekend: te weinig waarnemingen zonder uitsplitsing.",
                                             "On track: the observations without a breakdown, extended linearly, reach the target by its date. Unknown: too few observations without a breakdown."))),
            .h2(.text(ctx.t("Grafieken", "Charts"))),
            Components.chart(network, style: .groupedBar, id: "chart-network", lang: lang),
            Components.chart(enrolment, style: .line, id: "chart-enrolment", lang: lang),
            Components.chart(labour, style: .groupedBar, id: "chart-labour", lang: lang)
        ))
    }
}
