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
        app.get(["naleving"], access: .beheerder) { req in try await Self.compliancePage(req) }
        app.post(["naleving", "herinneren"], access: .beheerder) { req in
            let loaded = try await DeskSupport.load(req)
            var behind: [ComplianceRow] = []
            try await Self.overview(req, loaded) { row in if row.status == .behind { behind.append(row) } }
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

    /// Every current Vriend's row of the compliance overview (`Compliance.overview`), in the organisations' file order,
    /// read a chunk of members at a time so the page holds what it shows, not every member (nationally 150,000).
    static func overview(_ req: Request, _ loaded: DeskSupport.Loaded, on day: PartialDate? = nil, _ visit: (ComplianceRow) -> Void) async throws {
        let today = day ?? DeskSupport.today(req), settings = DeskSupport.settings(req)
        try await RecordStore(req.db).forEachMember(activeOn: today) { organizations, memberships in
            let ids = Set(organizations.map(\.id))
            let agreements = loaded.agreements.filter { ids.contains($0.schoolId) || ids.contains($0.companyId) }
            for row in Compliance.overview(organizations: organizations, memberships: memberships, agreements: agreements,
                                           plans: loaded.plans.filter { ids.contains($0.schoolId) }, settings: settings, today: today) { visit(row) }
        }
    }

    /// The compliance page: the members the filters keep, a page at a time, with how many are behind, those a reminder
    /// cannot reach and those without activity for a year (their first 200).
    static func compliancePage(_ req: Request) async throws -> Response {
        let loaded = try await DeskSupport.load(req)
        let kind = req.query[String.self, at: "kind"] ?? "", district = req.query[String.self, at: "district"] ?? ""
        let (day, year, current) = Self.referenceDay(req)
        let page = Domain.PageRequest(page: max(1, req.query[Int.self, at: "page"] ?? 1), per: 100)
        // Members behind without a contact person with an account: a reminder cannot reach them.
        let reachable = Set(try await AccountModel.query(on: req.db).filter(\.$role == .contactpersoon).filter(\.$erasedAt == nil)
            .all().compactMap(\.organizationId))
        var view = DeskPages.ComplianceView(rows: Domain.Page(items: [], total: 0, page: page.page, per: page.per))
        let first = (page.page - 1) * page.per
        try await Self.overview(req, loaded, on: day) { row in
            let org = row.organization
            guard (kind.isEmpty || (kind == "company" ? org.kind == .company : kind == "school" ? org.kind.isEducation
                                    : org.kind != .company && !org.kind.isEducation))
                    && (district.isEmpty || org.district == district) else { return }
            if view.rows.total >= first && view.rows.items.count < page.per { view.rows.items.append(row) }
            view.rows.total += 1
            if row.status == .behind {
                view.behind += 1
                if !reachable.contains(org.id) { view.unreachableCount += 1; if view.unreachable.count < 50 { view.unreachable.append(org.name) } }
            }
            if !Compliance.inactive([row], today: day).isEmpty {
                view.inactiveCount += 1
                if view.inactive.count < 200 { view.inactive.append(row) }
            }
        }
        let ctx = PageSupport.context(req, title: Localized("Naleving van de afspraken", "Obligations"), section: .desk)
        return PageSupport.html(DeskPages.compliance(ctx, view, districts: try await req.network.districts(),
                                                     kind: kind, district: district, reminded: req.query[Int.self, at: "herinnerd"],
                                                     year: year, current: current, perCompany: DeskSupport.settings(req).activitiesPerCompany))
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
