import Domain
import Plot

/// §3.1: the budget, who contributes and the applications to funds.
struct FundingPage {
    let lang: Lang
    let data: Dataset

    func render(_ ctx: PageContext) -> String {
        let t = ctx.t
        let contributions = data.funding.filter { $0.kind == .contribution }
        let total = ProgrammeFigures(data).totalContributions
        return Layout.render(ctx, .group(
            Components.table(
                caption: t("Begroting en bijdragen", "Budget and contributions"),
                headers: [t("Programma / financier", "Programme / funder"), t("Soort", "Kind"), t("Bedrag", "Amount"), t("Periode", "Period"), t("Doel", "Purpose"), t("Bron", "Source")],
                rows: data.funding.map { f in [
                    f.funderId.map { .group(.text(f.programme + " — "), Components.orgLink($0, data)) } ?? .text(f.programme),
                    .text(f.kind.label(lang)),
                    .text(Components.qualified(f.amount, f.amountQualifier, .euro, lang)),
                    .text(f.periodFrom.label(lang) + " – " + f.periodTo.label(lang)),
                    .text(f.purpose), .text(f.section),
                ] },
                footer: [[.text(t("Som van de bijdragen (berekend)", "Sum of contributions (computed)")), .text(""),
                          .text((contributions.contains { $0.amountQualifier != nil } ? t("ruim ", "more than ") : "") + NumberFormat.euro(total, lang)),
                          .text(""), .text(""), .text("")]],
                numericFrom: 2),
            .p(.class("note"), .text(t("Het rapport noemt een begroting van circa € 1.800.000 voor 2012 – zomer 2015, waarvan ruim € 600.000 van het Platform Bèta Techniek en € 1.200.000 van de gemeenteraad; de € 200.000 van de Stadsregio is bestemd voor de publiek-private samenwerking. Beide bedragen staan hier zoals gerapporteerd.",
                                       "The report gives a budget of about € 1,800,000 for 2012 – summer 2015, of which more than € 600,000 from Platform Bèta Techniek and € 1,200,000 from the city council; the Stadsregio's € 200,000 is for the public–private partnerships. Both are shown as reported."))),
            Components.table(
                caption: t("Aanvragen bij fondsen", "Applications to funds"),
                headers: [t("Fonds", "Fund"), t("Onderwerp", "Subject"), t("Aanvragers", "Applicants"), t("Status", "Status"), t("Datum", "Date"), t("Bron", "Source")],
                rows: data.fundingApplications.map { a in [
                    .text(a.fund), .text(a.subject),
                    .group(.forEach(a.applicantIds.enumerated()) { i, id in .group(.if(i > 0, .text(", ")), Components.orgLink(id, data)) }),
                    Components.badge(a.status.label(lang)), .text(a.date?.label(lang) ?? "–"), .text(a.section),
                ] }, numericFrom: 99)
        ))
    }
}
