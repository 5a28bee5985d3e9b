import Domain
import Fluent
import Persistence
import Plot
import Vapor

/// Becoming and stopping being a Vriend, and the school's yearly plan for technology education.
struct MembershipRoutes {
    func register(_ app: Application) {
        let contact = Access.roles([.contactpersoon])
        let desk = Access.roles([.beheerder, .contactpersoon])
        app.get(.membershipApply, access: contact, use: Self.membershipApply)
        app.post(.membershipApply, access: contact, use: Self.postMembershipApply)
        app.get(.membershipApplications, access: .beheerder, use: Self.membershipApplications)
        app.post(.membershipDecision(":id", ":decision"), access: .beheerder, use: Self.postMembershipDecision)
        // The school's plan for this school year.
        app.get(.schoolPlan, access: contact, use: Self.schoolPlan)
        app.on(.POST, .schoolPlan, access: contact, maxBody: "10mb", use: Self.postSchoolPlan)
        app.get(.schoolPlans, access: .beheerder, use: Self.schoolPlans)
        app.post(.schoolPlanDecision(":id"), access: .beheerder, use: Self.postSchoolPlanDecision)
        app.get(.schoolPlanPDF(":id"), access: desk, use: Self.schoolPlanPDF)
    }

    static func applyPage(_ req: Request, motivation: String, errors: [String: String], status: HTTPStatus = .ok) async throws -> Response {
        let ctx = PageSupport.context(req, title: Localized("Vriend worden", "Become a Vriend"), section: .network)
        let t = ctx.t, lang = ctx.lang
        var mine: [MembershipApplication] = []
        if let own = req.actor?.organizationId { mine = try await req.desk.applications(of: own) }
        return PageSupport.html(Layout.render(ctx, .group(
            .if(req.query[String.self, at: "ingediend"] != nil, .p(.class("note"), .attribute(named: "role", value: "status"), .text(t("Uw aanmelding is ingediend.", "Your application was submitted.")))),
            .p(.text(t("Als Vriend organiseert een bedrijf ten minste twee technische activiteiten per schooljaar voor of met scholen; een school presenteert een plan voor techniekonderwijs.",
                       "As a Vriend, a company organises at least two technical activities a school year for or with schools; a school presents a plan for technology education."))),
            .if(!mine.isEmpty, Components.table(caption: t("Uw aanmeldingen", "Your applications"), headers: [t("Ingediend", "Applied"), t("Status", "Status"), t("Opmerking", "Remark")],
                                                rows: mine.map { [.text($0.appliedOn.label(lang)), Components.badge($0.status.label(lang)), .text($0.remarks ?? $0.endReason ?? "")] }, numericFrom: 9)),
            Components.errorSummary(errors, t),
            Components.postForm(action: SiteRoute.membershipApply.path, csrf: ctx.csrf, class: "edit", [
                Components.textarea("motivation", label: t("Motivatie", "Motivation"), value: motivation, error: errors["motivation"]),
                Components.submit(t("Aanmelden als Vriend", "Apply as a Vriend")),
            ])
        )), status: status)
    }

    static func applicationsPage(_ ctx: PageContext, _ applications: [MembershipApplication], loaded: DeskSupport.Loaded, joining: Node<HTML.BodyContext>) -> String {
        let t = ctx.t, lang = ctx.lang
        return Layout.render(ctx, .group(
            joining,
            .h2(.text(t("Organisaties met een account", "Organisations with an account"))),
            applications.isEmpty ? .p(.text(t("Geen aanmeldingen.", "No applications."))) :
            Components.table(caption: t("Aanmeldingen", "Applications"),
                             headers: [t("Organisatie", "Organisation"), t("Ingediend", "Applied"), t("Motivatie", "Motivation"), t("Status", "Status"), t("Besluit", "Decision")],
                             rows: applications.map { a in [
                                Components.orgLink(a.organizationId, loaded.data), .text(a.appliedOn.label(lang)), .text(a.motivation), Components.badge(a.status.label(lang)),
                                a.allows(.approve) ? .group(
                                    Components.postForm(action: SiteRoute.membershipDecision(a.id, MembershipDecisionKind.approve.rawValue).path, csrf: ctx.csrf, class: "inline", [Components.submit(t("Goedkeuren", "Approve"))]),
                                    Components.postForm(action: SiteRoute.membershipDecision(a.id, MembershipDecisionKind.decline.rawValue).path, csrf: ctx.csrf, class: "inline", [
                                        Components.field("remarks-" + a.id, label: t("Reden van afwijzing", "Reason for declining"), value: nil), Components.submit(t("Afwijzen", "Decline"))]))
                                : a.allows(.end) ? Components.postForm(action: SiteRoute.membershipDecision(a.id, MembershipDecisionKind.end.rawValue).path, csrf: ctx.csrf, class: "inline", [
                                        Components.field("reason", label: t("Reden van beëindiging", "Reason for ending"), value: nil),
                                        // What ending takes with it: the organisation's open offers are withdrawn.
                                        .p(.class("hint"), .text(Self.openOffers(a.organizationId, loaded).isEmpty
                                            ? t("Geen open aanbod.", "No open offers.")
                                            : t("Wordt ingetrokken: ", "Will be withdrawn: ") + Self.openOffers(a.organizationId, loaded).map(\.title).joined(separator: "; "))),
                                        Components.submit(t("Lidmaatschap beëindigen", "End the membership"))])
                                : .text(a.endReason ?? a.remarks ?? ""),
                             ] }, numericFrom: 9)
        ))
    }

    static func openOffers(_ organizationId: String, _ loaded: DeskSupport.Loaded) -> [Offer] {
        loaded.offers.filter { $0.organizationId == organizationId && $0.active }
    }

    static func planPage(_ req: Request, draft: SchoolPlan? = nil, errors: [String: String], status: HTTPStatus = .ok) async throws -> Response {
        let ctx = PageSupport.context(req, title: Localized("Plan voor techniekonderwijs", "Plan for technology education"), section: .network)
        let t = ctx.t, lang = ctx.lang
        let year = SchoolYear(containing: DeskSupport.today(req), startMonth: DeskSupport.settings(req).schoolYearStartMonth)
        var existing: SchoolPlan?
        if let own = req.actor?.organizationId { existing = try await req.desk.plan(school: own, year: year.startYear) }
        let plan = draft ?? existing
        return PageSupport.html(Layout.render(ctx, .group(
            .p(.text(t("Schooljaar \(year). ", "School year \(year). ")),
               .unwrap(existing) { p in .group(.text(t("Status: ", "Status: ")), Components.badge(p.status.label(lang)), .unwrap(p.remarks) { .text(" — " + $0) }) }),
            .unwrap(existing?.pdfName) { name in .p(.a(.href(SiteRoute.schoolPlanPDF(existing!.id).path), .text("PDF: " + name))) },
            Components.errorSummary(errors, t),
            .element(named: "form", nodes: [
                .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.schoolPlan.path),
                .attribute(named: "enctype", value: "multipart/form-data"), .class("edit"),
                .input(.type(.hidden), .name("_csrf"), .value(ctx.csrf ?? "")),
                Components.textarea("goals", label: t("Doelen", "Goals"), value: plan?.goals ?? "", error: errors["goals"]),
                Components.textarea("activities", label: t("Activiteiten", "Activities"), value: plan?.activities ?? "", error: errors["activities"]),
                Components.checkboxes("levels", legend: t("Niveaus", "Levels"), options: EducationLevel.allCases.map { ($0.rawValue, $0.label(lang)) },
                                      checked: Set((plan?.levels ?? []).map(\.rawValue)), error: errors["levels"]),
                Components.checkboxes("sectors", legend: t("Sectoren", "Sectors"), options: Sector.allCases.map { ($0.rawValue, $0.label(lang)) },
                                      checked: Set((plan?.sectors ?? []).map(\.rawValue)), error: errors["sectors"]),
                Components.field("contact", label: t("Contact (naam of functie)", "Contact (name or function)"), value: plan?.contact, error: errors["contact"], required: true),
                Components.field("pdf", label: t("Plan als PDF (optioneel)", "Plan as PDF (optional)"), value: nil, type: "file", error: errors["pdf"]),
                Components.submit(t("Plan indienen", "Submit the plan")),
            ])
        )), status: status)
    }

    static func plansPage(_ ctx: PageContext, _ plans: [SchoolPlan], loaded: DeskSupport.Loaded) -> String {
        let t = ctx.t, lang = ctx.lang
        return Layout.render(ctx, .group(
            plans.isEmpty ? .p(.text(t("Nog geen plannen.", "No plans yet."))) :
            .group(.forEach(plans) { p in
                .section(.h2(.text(DeskSupport.name(p.schoolId, loaded) + " — " + SchoolYear(startYear: p.schoolYear).description)),
                         Components.facts([
                            (t("Status", "Status"), Components.badge(p.status.label(lang))),
                            (t("Doelen", "Goals"), .text(p.goals)), (t("Activiteiten", "Activities"), .text(p.activities)),
                            (t("Niveaus", "Levels"), .text(p.levels.map { $0.label(lang) }.joined(separator: ", "))),
                            (t("Sectoren", "Sectors"), .text(p.sectors.map { $0.label(lang) }.joined(separator: ", "))),
                            (t("Contact", "Contact"), .text(p.contact)),
                            (t("PDF", "PDF"), p.pdfName.map { .a(.href(SiteRoute.schoolPlanPDF(p.id).path), .text($0)) }),
                            (t("Opmerkingen", "Remarks"), p.remarks.map { .text($0) }),
                         ]),
                         .if(p.status == .ingediend, Components.postForm(action: SiteRoute.schoolPlanDecision(p.id).path, csrf: ctx.csrf, class: "edit", [
                            Components.select(name: "decision", label: t("Besluit", "Decision"), options: [("goedgekeurd", t("Goedkeuren", "Approve")), ("teruggestuurd", t("Terugsturen met opmerkingen", "Return with remarks"))], selected: nil, error: nil),
                            Components.field("remarks", label: t("Opmerkingen", "Remarks"), value: nil),
                            Components.submit(t("Besluit opslaan", "Save decision")),
                         ])))
            })
        ))
    }

    @Sendable static func membershipApply(_ req: Request) async throws -> some AsyncResponseEncodable {
        try await Self.applyPage(req, motivation: "", errors: [:])
    }

    @Sendable static func postMembershipApply(_ req: Request) async throws -> some AsyncResponseEncodable {
        let today = DeskSupport.today(req)
        let orgId = req.actor?.organizationId ?? ""
        let data = try await PageSupport.about(req, organizations: [orgId])
        var reader = FormReader(req)
        let application = MembershipApplication(id: DeskSupport.newId("aanmelding"), organizationId: orgId, motivation: reader.string("motivation"), appliedOn: today)
        reader.merge(application.violations(kind: data.organizations.first { $0.id == orgId }?.kind))
        let applications = try await req.desk.applications(of: orgId)
        if !MembershipApplication.mayApply(orgId, applications: applications, memberships: data.memberships, on: today) {
            reader.fail("motivation", "Uw organisatie is al Vriend of heeft al een aanmelding lopen.", "Your organisation is a Vriend already or has an application pending.")
        }
        guard reader.errors.isEmpty else { return try await Self.applyPage(req, motivation: application.motivation, errors: reader.errors, status: .badRequest) }
        try await req.desk.insert(application, actor: DeskSupport.actorId(req))
        return req.redirect(to: SiteRoute.membershipApply.path + "?ingediend=1")
    }

    @Sendable static func membershipApplications(_ req: Request) async throws -> some AsyncResponseEncodable {
        let applications = try await req.desk.all(MembershipApplication.self)
        let loaded = try await DeskSupport.load(req, including: applications.map(\.organizationId))
        let ctx = PageSupport.context(req, title: Localized("Aanmeldingen als Vriend", "Applications to join"), section: .network)
        // New organisations: the pending ones with what they may duplicate; the last 50 decided.
        let joins = try await req.joining.applications(status: nil)
        let pending = joins.filter { $0.status == .aangevraagd }
        var duplicates: [String: [Joining.DuplicateHint]] = [:]
        // Compared with every organisation, read a chunk at a time so memory stays the chunk's (nationally 250,000).
        if !pending.isEmpty {
            try await RecordStore(req.db).forEachChunk(of: Organization.self) { chunk in
                for a in pending { duplicates[a.id, default: []] += Joining.possibleDuplicates(of: a, organizations: chunk, applications: []) }
            }
        }
        for a in pending { duplicates[a.id, default: []] += Joining.possibleDuplicates(of: a, organizations: [], applications: joins.filter { $0.id != a.id }) }
        let joining = JoinPages.coordinatorSection(ctx, pending: pending, decided: Array(joins.filter { $0.status != .aangevraagd }.prefix(50)), duplicates: duplicates)
        return PageSupport.html(Self.applicationsPage(ctx, applications.reversed(), loaded: loaded, joining: joining))
    }

    @Sendable static func postMembershipDecision(_ req: Request) async throws -> some AsyncResponseEncodable {
        let store = req.desk
        guard let application = try await store.find(MembershipApplication.self, id: try req.parameters.require("id")) else { throw Abort(.notFound) }
        let today = DeskSupport.today(req), actor = DeskSupport.actorId(req)
        let reader = FormReader(req)
        let decision: Notices.MembershipDecision
        guard let kind = req.parameters.get("decision").flatMap(MembershipDecisionKind.init(rawValue:)) else { throw Abort(.notFound) }
        guard application.allows(kind) else {
            throw PageError(.conflict, "niet mogelijk vanuit status \(application.status.rawValue)", "not possible from status \(application.status.rawValue)")
        }
        switch kind {
        case .approve:
            _ = try await store.approve(application, today: today, actor: actor)
            decision = .approved
        case .decline:
            let declined = application.declined(on: today, remarks: reader.text("remarks-" + application.id) ?? reader.text("remarks"))
            try await store.update(declined, expected: application, actor: actor)
            decision = .declined(declined.remarks)
        case .end:
            guard let reason = reader.text("reason") else { throw PageError(.badRequest, "reden: geef een reden voor het beëindigen van het lidmaatschap", "reason: give a reason for ending the membership") }
            guard let id = application.membershipId,
                  let membership = try await RecordStore(req.db).records(Membership.self, where: "id", in: [id]).first else { throw Abort(.notFound) }
            try await store.end(application, membership: membership, reason: reason, today: today, actor: actor)
            decision = .ended(reason)
        }
        let name = try await PageSupport.name(req, of: application.organizationId)
        try await Notify.organizations([application.organizationId], except: req.actor?.accountId,
                                       notice: Notices.membership(decision, organization: name, link: req.application.absoluteURL(SiteRoute.desk.path)), on: req)
        return req.redirect(to: SiteRoute.membershipApplications.path)
    }

    @Sendable static func schoolPlan(_ req: Request) async throws -> some AsyncResponseEncodable {
        try await Self.planPage(req, errors: [:])
    }

    @Sendable static func postSchoolPlan(_ req: Request) async throws -> some AsyncResponseEncodable {
        guard let schoolId = req.actor?.organizationId,
              try await PageSupport.about(req, organizations: [schoolId]).organization(schoolId)?.kind.isEducation == true else {
            throw PageError(.forbidden, "alleen een school dient een plan in", "only a school presents a plan")
        }
        let today = DeskSupport.today(req)
        let year = SchoolYear(containing: today, startMonth: DeskSupport.settings(req).schoolYearStartMonth).startYear
        let store = req.desk
        let existing = try await store.plan(school: schoolId, year: year)
        var reader = FormReader(req)
        var plan = SchoolPlan(id: existing?.id ?? DeskSupport.newId("schoolplan"), schoolId: schoolId, schoolYear: year, goals: reader.string("goals"),
                              activities: reader.string("activities"), levels: reader.choices("levels", EducationLevel.self),
                              sectors: reader.choices("sectors", Sector.self), contact: reader.string("contact"), pdfName: existing?.pdfName, submittedOn: today)
        reader.merge(plan.violations())
        if existing?.status == .goedgekeurd { reader.fail("goals", "Het plan voor dit schooljaar is al goedgekeurd.", "This school year's plan is approved already.") }
        var pdf: [UInt8]?
        if let file = try? req.content.get(File.self, at: "pdf"), file.data.readableBytes > 0 {
            let bytes = Array(file.data.readableBytesView)
            if bytes.starts(with: Array("%PDF".utf8)) { pdf = bytes; plan.pdfName = file.filename } else { reader.fail("pdf", "Alleen een PDF-bestand.", "A PDF file only.") }
        }
        guard reader.errors.isEmpty else { return try await Self.planPage(req, draft: plan, errors: reader.errors, status: .badRequest) }
        try await store.submitPlan(plan, replacing: existing, pdf: pdf, actor: DeskSupport.actorId(req))
        return req.redirect(to: SiteRoute.schoolPlan.path)
    }

    @Sendable static func schoolPlans(_ req: Request) async throws -> some AsyncResponseEncodable {
        let loaded = try await DeskSupport.load(req)
        let plans = try await req.desk.all(SchoolPlan.self)
        let ctx = PageSupport.context(req, title: Localized("Schoolplannen", "School plans"), section: .network)
        return PageSupport.html(Self.plansPage(ctx, plans.reversed(), loaded: loaded))
    }

    @Sendable static func postSchoolPlanDecision(_ req: Request) async throws -> some AsyncResponseEncodable {
        let store = req.desk
        guard let plan = try await store.find(SchoolPlan.self, id: try req.parameters.require("id")) else { throw Abort(.notFound) }
        let reader = FormReader(req)
        let decided: SchoolPlan
        switch plan.deciding(PlanStatus(rawValue: reader.string("decision")), remarks: reader.text("remarks")) {
            case .success(let plan): decided = plan
            case .failure(.notDecidable): throw PageError(.conflict, "besluit: kies goedgekeurd of teruggestuurd voor een ingediend plan", "decision: choose goedgekeurd or teruggestuurd for a submitted plan")
            case .failure(.remarksNeeded): throw PageError(.badRequest, "opmerkingen: zeg wat de school moet veranderen", "remarks: say what the school should change")
        }
        let decision = decided.status
        try await store.update(decided, expected: plan, actor: DeskSupport.actorId(req))
        let school = try await PageSupport.name(req, of: plan.schoolId)
        try await Notify.organizations([plan.schoolId], except: req.actor?.accountId,
                                       notice: Notices.schoolPlan(approved: decision == .goedgekeurd, remarks: decided.remarks, school: school,
                                                                  link: req.application.absoluteURL(SiteRoute.schoolPlan.path)), on: req)
        return req.redirect(to: SiteRoute.schoolPlans.path)
    }

    @Sendable static func schoolPlanPDF(_ req: Request) async throws -> some AsyncResponseEncodable {
        let store = req.desk
        guard let plan = try await store.find(SchoolPlan.self, id: try req.parameters.require("id")), DeskSupport.involves(req, plan.schoolId),
              let bytes = try await store.planFile(planId: plan.id) else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        headers.contentType = .pdf
        headers.contentDisposition = .init(.attachment, filename: plan.pdfName ?? "schoolplan.pdf")
        return Response(status: .ok, headers: headers, body: .init(buffer: ByteBuffer(bytes: bytes)))
    }
}
