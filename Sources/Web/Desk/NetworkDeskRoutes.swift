import Domain
import Fluent
import Persistence
import Vapor

/// The desk's entry page, the compliance overview with reminders, and reach (public, aggregated).
struct NetworkDeskRoutes {
    func register(_ app: Application) {
        OfferRoutes().register(app)
        RequestRoutes().register(app)
        AgreementRoutes().register(app)
        MembershipRoutes().register(app)
        JoinRoutes().register(app)
        TransportRoutes().register(app)
        app.get(["netwerkbalie"], access: .public) { req in
            let loaded = try await DeskSupport.load(req)
            let ctx = PageSupport.context(req, title: Localized("Netwerkbalie", "Network desk"), section: .desk)
            return PageSupport.html(DeskPages.home(ctx, loaded: loaded, actor: req.actor, today: DeskSupport.today(req)))
        }
        app.get(["naleving"], access: .beheerder) { req in
            let loaded = try await DeskSupport.load(req)
            let kind = req.query[String.self, at: "kind"] ?? ""
            let district = req.query[String.self, at: "district"] ?? ""
            let (day, year, current) = Self.referenceDay(req)
            let rows = Self.overview(req, loaded, on: day).filter { row in
                (kind.isEmpty || (kind == "company" ? row.organization.kind == .company : kind == "school" ? row.organization.kind.isEducation
                                  : row.organization.kind != .company && !row.organization.kind.isEducation))
                    && (district.isEmpty || row.organization.district == district)
            }
            let ctx = PageSupport.context(req, title: Localized("Naleving van de afspraken", "Obligations"), section: .desk)
            // Members behind without a contact person with an account: a reminder cannot reach them.
            let behind = rows.filter { $0.status == .behind }
            let reachable = Set(try await AccountModel.query(on: req.db).filter(\.$role == .contactpersoon).filter(\.$erasedAt == nil)
                .filter(\.$organizationId ~~ behind.map(\.organization.id)).all().compactMap(\.organizationId))
            return PageSupport.html(DeskPages.compliance(ctx, rows: rows, inactive: Compliance.inactive(rows, today: day),
                                                         districts: Array(Set(loaded.data.organizations.compactMap(\.district))).sorted(),
                                                         kind: kind, district: district, reminded: req.query[Int.self, at: "herinnerd"],
                                                         year: year, current: current,
                                                         unreachable: behind.filter { !reachable.contains($0.organization.id) }.map(\.organization.name),
                                                         perCompany: DeskSupport.settings(req).activitiesPerCompany))
        }
        app.post(["naleving", "herinneren"], access: .beheerder) { req in
            let loaded = try await DeskSupport.load(req)
            let behind = Self.overview(req, loaded).filter { $0.status == .behind }
            var sent = 0
            for row in behind {
                for contact in try await Contacts.of(row.organization.id, on: req.db) {
                    let link = req.application.absoluteURL(SiteRoute.desk.path)
                    try await Outbox.send(to: contact, on: req) {
                        Messages.obligationReminder(name: contact.name, organization: row.organization.name, delivered: row.delivered,
                                                    required: row.required, link: link, lang: $0)
                    }
                    sent += 1
                }
            }
            try await AuditLog.record(on: req.db, actor: DeskSupport.actorId(req), entity: "reminders", entityId: DeskSupport.today(req).description,
                                      action: "send", changes: [FieldChange(field: "messages", before: nil, after: String(sent))])
            return req.redirect(to: SiteRoute.compliance.path + "?herinnerd=\(sent)")
        }
        app.get(["bereik"], access: .public) { req in
            let loaded = try await DeskSupport.load(req)
            let by = req.query[String.self, at: "by"].flatMap(ReachDimension.init(rawValue:)) ?? .school
            let ctx = PageSupport.context(req, title: Localized("Bereik van de netwerkbalie", "Reach of the network desk"), section: .desk)
            return PageSupport.html(DeskPages.reach(ctx, loaded: loaded, by: by, startMonth: DeskSupport.settings(req).schoolYearStartMonth))
        }
    }

    static func overview(_ req: Request, _ loaded: DeskSupport.Loaded, on day: PartialDate? = nil) -> [ComplianceRow] {
        Compliance.overview(organizations: loaded.data.organizations, memberships: loaded.data.memberships, agreements: loaded.agreements,
                            plans: loaded.plans, settings: DeskSupport.settings(req), today: day ?? DeskSupport.today(req))
    }

    /// The day a school year is looked at: today for the current one, its last day for an earlier one (`?schooljaar=2025`
    /// is 2025-2026). Later years and nonsense are the current year.
    static func referenceDay(_ req: Request) -> (day: PartialDate, year: SchoolYear, current: SchoolYear) {
        let today = DeskSupport.today(req), start = DeskSupport.settings(req).schoolYearStartMonth
        let current = SchoolYear(containing: today, startMonth: start)
        guard let asked = req.query[Int.self, at: "schooljaar"], asked < current.startYear, asked >= 2000 else { return (today, current, current) }
        let year = SchoolYear(startYear: asked)
        return (Matching.day(year.end(startMonth: start), plus: -1), year, current)
    }
}
