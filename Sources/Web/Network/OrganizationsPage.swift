import Domain
import Persistence
import Plot

/// Search and filter all organisations named in the report.
struct OrganizationsPage {
    let lang: Lang
    let filter: OrganizationFilter
    let page: Page<Organization>
    let districts: [String]
    let errors: QueryReader

    /// One page of the organisations `filter` finds, and the districts to choose from, through the repository.
    static func load(_ repository: any NetworkRepository, filter: OrganizationFilter, page: PageRequest, lang: Lang,
                     errors: QueryReader) async throws -> OrganizationsPage {
        OrganizationsPage(lang: lang, filter: filter, page: try await repository.organizations(filter, page: page),
                          districts: try await repository.districts(), errors: errors)
    }

    func render(_ ctx: PageContext) -> String {
        let t = ctx.t
        let all = t("Alle", "All")
        return Layout.render(ctx, .group(
            .element(named: "form", nodes: [.class("filters"), .attribute(named: "action", value: "/organisaties"),
                  .attribute(named: "method", value: "get"), .attribute(named: "role", value: "search"),
                  .div(.class("field"),
                       .element(named: "label", nodes: [.attribute(named: "for", value: "q"), .text(t("Zoek op naam", "Search by name"))]),
                       .selfClosedElement(named: "input", attributes: [
                           .attribute(named: "type", value: "search"), .attribute(named: "name", value: "q"),
                           .attribute(named: "id", value: "q"), .attribute(named: "value", value: filter.query ?? "")] as [Attribute<HTML.BodyContext>])),
                  Components.select(name: "kind", label: t("Soort", "Kind"),
                                    options: [("", all)] + OrganizationKind.allCases.map { ($0.rawValue, $0.label(lang)) },
                                    selected: filter.kind?.rawValue, error: errors.error(for: "kind")),
                  Components.select(name: "sector", label: t("Sector", "Sector"),
                                    options: [("", all)] + Sector.allCases.map { ($0.rawValue, $0.label(lang)) },
                                    selected: filter.sector?.rawValue, error: errors.error(for: "sector")),
                  Components.select(name: "level", label: t("Onderwijsniveau", "Education level"),
                                    options: [("", all)] + EducationLevel.allCases.map { ($0.rawValue, $0.label(lang)) },
                                    selected: filter.level?.rawValue, error: errors.error(for: "level")),
                  Components.select(name: "district", label: t("Stadsdeel of gemeente", "District or municipality"),
                                    options: [("", all)] + districts.map { ($0, $0) },
                                    selected: filter.district, error: nil),
                  .element(named: "button", nodes: [.attribute(named: "type", value: "submit"), .text(t("Zoeken", "Search"))])]),
            .unwrap(errors.error(for: "page")) { .p(.class("error"), .text("page: " + $0)) },
            .p(.attribute(named: "role", value: "status"),
               .text(t("\(page.total) organisaties gevonden", "\(page.total) organisations found"))),
            Components.table(
                caption: t("Organisaties", "Organisations"),
                headers: [t("Naam", "Name"), t("Soort", "Kind"), t("Sectoren", "Sectors"), t("Niveaus", "Levels"), t("Stadsdeel", "District")],
                rows: page.items.map { o in [
                    .a(.href(SiteRoute.organization(o.id).path), .text(o.name)),
                    .text(o.kind.label(lang)),
                    .text(o.sectors.map { $0.label(lang) }.joined(separator: ", ")),
                    .text(o.levels.map { $0.rawValue }.joined(separator: ", ")),
                    .text(o.district ?? "–"),
                ] },
                numericFrom: 99),
            Components.pager(page, lang: lang) { SiteRoute.organizations(filter, page: $0).path }
        ))
    }
}
