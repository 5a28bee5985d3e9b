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
        app.get(.desk, access: .public, use: Self.desk)
        app.get(.compliance, access: .beheerder) { req in try await Self.compliancePage(req) }
        app.post(.remind, access: .beheerder, use: Self.postRemind)
        app.get(.reach, access: .public, use: Self.reach)
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
    /// cannot reach and those without activity for a year (their first 200). Nationally 150,000 members: the page and
    /// the counts come from SQL (`RecordStore.members`, `membersJoinedBefore`); the rows it shows and the few members
    /// with desk activity (whose status differs from a member's without any) go through `Compliance.overview`.
    static func compliancePage(_ req: Request) async throws -> Response {
        let kind = req.query[String.self, at: "kind"] ?? "", district = req.query[String.self, at: "district"] ?? ""
        let (day, year, current) = Self.referenceDay(req)
        // A page number from the query string is bounded, so no offset can overflow (a page past the end is empty).
        let number = min(max(1, req.query[Int.self, at: "page"] ?? 1), 1_000_000)
        let view = try await complianceView(req, kind: kind, district: district, day: day, page: number)
        let ctx = PageSupport.context(req, title: Localized("Naleving van de afspraken", "Obligations"), section: .desk)
        return PageSupport.html(DeskPages.compliance(ctx, view, districts: try await req.network.districts(),
                                                     kind: kind, district: district, reminded: req.query[Int.self, at: "herinnerd"],
                                                     year: year, current: current, perCompany: DeskSupport.settings(req).activitiesPerCompany))
    }

    static func complianceView(_ req: Request, kind: String, district: String, day: PartialDate, page number: Int) async throws -> DeskPages.ComplianceView {
        let loaded = try await DeskSupport.load(req)
        let settings = DeskSupport.settings(req), store = RecordStore(req.db)
        let query = MemberQuery(day: day, kinds: Compliance.kinds(filter: kind), district: district.isEmpty ? nil : district)
        func kept(_ org: Organization) -> Bool { (query.kinds?.contains(org.kind) ?? true) && (query.district.map { $0 == org.district } ?? true) }
        func rows(_ orgs: [Organization], desk: Bool = true) async throws -> [ComplianceRow] {
            let ids = Set(orgs.map(\.id))
            return Compliance.overview(organizations: orgs, memberships: try await store.memberships(of: ids),
                                       agreements: desk ? loaded.agreements.filter { ids.contains($0.schoolId) || ids.contains($0.companyId) } : [],
                                       plans: desk ? loaded.plans.filter { ids.contains($0.schoolId) } : [], settings: settings, today: day)
        }
        // The counts scan the memberships: kept per data version (memberships are the programme's data).
        let version = try await req.dataVersion(), start = Compliance.yearStart(today: day, settings)
        let key = [day.description, (query.kinds?.map(\.rawValue).sorted() ?? ["*"]).joined(separator: ","), query.district ?? "*"].joined(separator: "|")
        let total = try await req.application.countCache.value("members|" + key, version: version) { ["": try await store.memberCount(query)] }[""] ?? 0
        let joinedBefore = try await req.application.countCache.value("joined|\(start)|" + key, version: version) {
            Dictionary(uniqueKeysWithValues: try await store.membersJoinedBefore(query, start).map { ($0.key.rawValue, $0.value) })
        }
        let page = try await store.members(query, page: Domain.PageRequest(page: number, per: 100), total: total)
        var view = DeskPages.ComplianceView(rows: Domain.Page(items: try await rows(page.items), total: page.total, page: page.page, per: page.per))
        // A member without desk activity is behind when it joined before the school year and owes something; the
        // members with activity are counted as they are instead of as they would be without it.
        view.behind = joinedBefore.filter { OrganizationKind(rawValue: $0.key).map { Compliance.required(of: $0, settings) > 0 } ?? false }.values.reduce(0, +)
        let withActivity = try await store.organizations(Array(Set(loaded.agreements.flatMap { [$0.schoolId, $0.companyId] } + loaded.plans.map(\.schoolId))).sorted()).filter(kept)
        let actual = try await rows(withActivity), plain = try await rows(withActivity, desk: false)
        view.behind += actual.filter { $0.status == .behind }.count - plain.filter { $0.status == .behind }.count
        view.inactiveCount = page.total - actual.count + Compliance.inactive(actual, today: day).count
        // Members behind without a contact person with an account: a reminder cannot reach them.
        let reachable = try await req.accounts.organizationsWithContacts()
        let reachableBehind = try await rows(try await store.organizations(reachable.sorted()).filter(kept)).filter { $0.status == .behind }.count
        view.unreachableCount = view.behind - reachableBehind
        // The first members without activity for a year and the first a reminder cannot reach, in the list's order.
        var next = 1
        while view.inactive.count < min(200, view.inactiveCount) || view.unreachable.count < min(50, view.unreachableCount) {
            let chunk = try await store.members(query, page: Domain.PageRequest(page: next, per: 500), total: total)
            for row in try await rows(chunk.items) {
                if view.inactive.count < 200, !Compliance.inactive([row], today: day).isEmpty { view.inactive.append(row) }
                if view.unreachable.count < 50, row.status == .behind, !reachable.contains(row.organization.id) { view.unreachable.append(row.organization.name) }
            }
            guard chunk.hasNext else { break }
            next += 1
        }
        return view
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

    @Sendable static func desk(_ req: Request) async throws -> some AsyncResponseEncodable {
        let loaded = try await DeskSupport.load(req)
        let ctx = PageSupport.context(req, title: Localized("Netwerkbalie", "Network desk"), section: .desk)
        return PageSupport.html(DeskPages.home(ctx, loaded: loaded, actor: req.actor, today: DeskSupport.today(req)))
    }

    @Sendable static func postRemind(_ req: Request) async throws -> some AsyncResponseEncodable {
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

    @Sendable static func reach(_ req: Request) async throws -> some AsyncResponseEncodable {
        let loaded = try await DeskSupport.load(req)
        let by = req.query[String.self, at: "by"].flatMap(ReachDimension.init(rawValue:)) ?? .school
        let ctx = PageSupport.context(req, title: Localized("Bereik van de netwerkbalie", "Reach of the network desk"), section: .desk)
        return PageSupport.html(DeskPages.reach(ctx, loaded: loaded, by: by, startMonth: DeskSupport.settings(req).schoolYearStartMonth))
    }
}
