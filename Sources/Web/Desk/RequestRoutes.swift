import Domain
import Fluent
import Optimization
import Persistence
import Plot
import Vapor

/// Requests to the network: schools file them, the coordinator works the queue, matches one by one or allocates
/// all open requests at once (an optimal assignment the coordinator reviews before anything is proposed).
struct RequestRoutes {
    func register(_ app: Application) {
        let desk = Access.roles([.beheerder, .contactpersoon])
        app.get(.requests, access: desk, use: Self.requests)
        app.get(.newRequest, access: desk, use: Self.newRequest)
        app.post(.newRequest, access: desk, use: Self.postNewRequest)
        app.get(.allocate, access: .beheerder, use: Self.allocate)
        app.post(.allocate, access: .beheerder, use: Self.postAllocate)
        app.get(.request(":id"), access: desk, use: Self.request)
        app.post(.proposeOffer(":id"), access: .beheerder, use: Self.postProposeOffer)
        app.post(.requestStatus(":id"), access: desk, use: Self.postRequestStatus)
    }

    /// One proposal for all open requests: least-served school first, then the total score (`BatchAllocation`).
    static func proposal(_ req: Request, _ loaded: DeskSupport.Loaded) -> BatchAllocation {
        let ctx = DeskSupport.context(req, loaded)
        return req.application.metrics.solve("allocation") { BatchAllocation.propose(requests: DeskSupport.openRequests(loaded), offers: loaded.offers, ctx) }
    }

    /// Proposes the pairs in one transaction; a full offer or a request taken meanwhile shows `onError` (409).
    static func propose(_ req: Request, loaded: DeskSupport.Loaded, pairs: [(String, String)],
                        onError: (String) async throws -> Response) async throws -> Response {
        switch try await proposals(req, loaded: loaded, pairs: pairs) {
        case .refused(let message, let status): return try await onError(message).withStatus(status)
        case .made(let agreements): return req.redirect(to: SiteRoute.agreements.path + "?voorgesteld=\(agreements.count)")
        }
    }

    enum ProposalResult { case made([ActivityAgreement]), refused(String, HTTPStatus) }

    /// The proposals themselves, for the pages and the API: the matching rules, one transaction (all or nothing),
    /// then both sides of each are told.
    static func proposals(_ req: Request, loaded: DeskSupport.Loaded, pairs: [(String, String)]) async throws -> ProposalResult {
        let ctx = DeskSupport.context(req, loaded)
        var proposals: [(request: NetworkRequest, offer: Offer)] = []
        for (requestId, offerId) in pairs {
            guard let request = loaded.requests.first(where: { $0.id == requestId }), let offer = loaded.offers.first(where: { $0.id == offerId }) else {
                return .refused(req.lang == .nl ? "Onbekend verzoek of aanbod." : "Unknown request or offer.", .badRequest)
            }
            if let reason = Matching.exclusion(request, offer, ctx) { return .refused(reason(req.lang), .conflict) }
            proposals.append((request, offer))
        }
        guard !proposals.isEmpty else { return .refused(req.lang == .nl ? "Niets gekozen." : "Nothing chosen.", .badRequest) }
        do {
            _ = try await req.desk.propose(proposals, today: DeskSupport.today(req), actor: DeskSupport.actorId(req)) { DeskSupport.newId("afspraak") }
        } catch let error as DeskError {
            let message: String
            switch error {
            case .noCapacity(let id): message = req.lang == .nl ? "Het aanbod \(id) is inmiddels vol; er is niets voorgesteld." : "Offer \(id) is full by now; nothing was proposed."
            case .requestNotOpen(let id): message = req.lang == .nl ? "Verzoek \(id) is niet meer open; er is niets voorgesteld." : "Request \(id) is no longer open; nothing was proposed."
            case .changedMeanwhile: message = req.lang == .nl ? "Iemand anders wijzigde dit intussen; er is niets voorgesteld." : "Someone else changed this meanwhile; nothing was proposed."
            }
            return .refused(message, .conflict)
        }
        // Both sides hear of each proposal; the agreement page is where they act on it.
        let all = try await req.desk.all(ActivityAgreement.self)
        var made: [ActivityAgreement] = []
        for (request, offer) in proposals {
            guard let agreement = all.last(where: { $0.requestId == request.id && $0.offerId == offer.id }) else { continue }
            made.append(agreement)
            try await Notify.organizations([agreement.schoolId, agreement.companyId], except: req.actor?.accountId,
                                           notice: Notices.proposal(type: agreement.type, school: DeskSupport.name(agreement.schoolId, loaded),
                                                                    company: DeskSupport.name(agreement.companyId, loaded),
                                                                    link: req.application.absoluteURL(SiteRoute.agreement(agreement.id).path)), on: req)
        }
        return .made(made)
    }

    static func detail(_ req: Request, request: NetworkRequest, loaded: DeskSupport.Loaded, error: String?) async throws -> Response {
        let history = try await AuditEntryModel.query(on: req.db).filter(\.$entity == NetworkRequest.entity).filter(\.$entityId == request.id)
            .sort(\.$at).all()
        let names = try await ActorNames.names(history.map(\.actor), on: req.db, lang: req.lang)
        let coordinator = req.actor?.role == .beheerder
        let matchContext = DeskSupport.context(req, loaded)
        let candidates = coordinator ? Matching.candidates(for: request, offers: loaded.offers, matchContext) : []
        // Why the other active offers do not fit, counted per reason, so an empty list explains itself.
        let excluded = coordinator ? Dictionary(grouping: loaded.offers.filter(\.active).compactMap { Matching.exclusion(request, $0, matchContext)?(req.lang) }, by: { $0 })
            .map { ($0.key, $0.value.count) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) } : []
        let school = DeskSupport.name(request.schoolId, loaded)
        let ctx = PageSupport.context(req, title: Localized("Verzoek van \(school)", "Request from \(school)"), section: .desk)
        return PageSupport.html(DeskPages.request(ctx, request: request, loaded: loaded, candidates: candidates, excluded: excluded, history: history, actorNames: names,
                                                  coordinator: coordinator, today: DeskSupport.today(req), error: error))
    }

    static func allocationPage(_ req: Request, loaded: DeskSupport.Loaded, proposal: BatchAllocation, error: String?) -> Response {
        let ctx = PageSupport.context(req, title: Localized("Alle open verzoeken toewijzen", "Allocate all open requests"), section: .desk)
        return PageSupport.html(DeskPages.allocation(ctx, proposal: proposal, loaded: loaded, error: error))
    }

    static func form(_ req: Request, request: NetworkRequest, loaded: DeskSupport.Loaded, errors: [String: String], status: HTTPStatus = .ok) -> Response {
        let ctx = PageSupport.context(req, title: Localized("Nieuw verzoek aan het netwerk", "New request to the network"), section: .desk)
        let t = ctx.t, lang = ctx.lang
        let schoolChoice: Node<HTML.BodyContext> = req.actor?.role == .beheerder
            ? Components.organizationField(loaded.choice, name: "schoolId", label: t("School", "School"), selected: request.schoolId,
                                           error: errors["schoolId"], t: t, allowed: { $0.kind.isEducation })
            : .group(.p(.text(t("Namens ", "On behalf of ") + DeskSupport.name(request.schoolId, loaded))),
                     .unwrap(errors["schoolId"]) { .p(.class("error"), .text($0)) })
        return PageSupport.html(Layout.render(ctx, .group(
            Components.errorSummary(errors, t),
            Components.postForm(action: SiteRoute.newRequest.path, csrf: ctx.csrf, class: "edit", [
                schoolChoice,
                Components.select(name: "type", label: t("Soort activiteit", "Kind of activity"), options: ActivityType.allCases.map { ($0.rawValue, $0.label(lang)) },
                                  selected: request.type.rawValue, error: errors["type"]),
                Components.checkboxes("sectors", legend: t("Sectoren", "Sectors"), options: Sector.allCases.map { ($0.rawValue, $0.label(lang)) },
                                      checked: Set(request.sectors.map(\.rawValue)), error: errors["sectors"]),
                Components.select(name: "level", label: t("Niveau", "Level"), options: EducationLevel.allCases.map { ($0.rawValue, $0.label(lang)) },
                                  selected: request.level.rawValue, error: errors["level"]),
                Components.field("pupils", label: t("Aantal leerlingen", "Number of pupils"), value: String(request.pupils), type: "number", error: errors["pupils"], required: true),
                Components.field("windowStart", label: t("Vanaf", "From"), value: request.windowStart.description, type: "date", error: errors["windowStart"], required: true),
                Components.field("windowEnd", label: t("Tot en met", "Until"), value: request.windowEnd.description, type: "date", error: errors["windowEnd"], required: true),
                Components.field("maxDistanceKm", label: t("Hoogstens zo ver (km, leeg: maakt niet uit)", "At most this far (km, empty: any)"),
                                 value: request.maxDistanceKm.map { String($0) }, error: errors["maxDistanceKm"]),
                Components.textarea("remarks", label: t("Opmerkingen", "Remarks"), value: request.remarks ?? "", error: errors["remarks"]),
                Components.submit(t("Verzoek indienen", "Submit request")),
            ]))), status: status)
    }

    @Sendable static func requests(_ req: Request) async throws -> some AsyncResponseEncodable {
        let loaded = try await DeskSupport.load(req)
        let status = req.query[String.self, at: "status"].flatMap(RequestStatus.init(rawValue:))
        let visible = loaded.requests.filter { DeskSupport.involves(req, $0.schoolId) && (status == nil || $0.status == status) }
        let ctx = PageSupport.context(req, title: Localized("Verzoeken", "Requests"), section: .desk)
        return PageSupport.html(DeskPages.requests(ctx, requests: visible.reversed(), loaded: loaded, status: status, today: DeskSupport.today(req),
                                                   coordinator: req.actor?.role == .beheerder))
    }

    @Sendable static func newRequest(_ req: Request) async throws -> some AsyncResponseEncodable {
        let loaded = try await DeskSupport.load(req, choice: req.actor?.role == .beheerder)
        let today = DeskSupport.today(req)
        let blank = NetworkRequest(id: "", schoolId: req.actor?.organizationId ?? "", type: .gastles, sectors: [], level: .vmboT, pupils: 25,
                                   windowStart: today, windowEnd: Matching.day(today, plus: 60), createdOn: today, respondBy: today)
        return Self.form(req, request: blank, loaded: loaded, errors: [:])
    }

    @Sendable static func postNewRequest(_ req: Request) async throws -> some AsyncResponseEncodable {
        let today = DeskSupport.today(req)
        var reader = FormReader(req)
        // The coordinator names the school (an id, or a name that finds one school); a school asks for itself.
        let (schoolId, chosen) = try await OrganizationChoice.posted(req, field: "schoolId", allowed: { $0.kind.isEducation })
        let loaded = try await DeskSupport.load(req, including: [schoolId], choice: req.actor?.role == .beheerder)
        let request = NetworkRequest(id: DeskSupport.newId("verzoek"), schoolId: schoolId, type: reader.choice("type", ActivityType.self) ?? .gastles,
                                     sectors: reader.choices("sectors", Sector.self), level: reader.choice("level", EducationLevel.self) ?? .vmboT,
                                     pupils: reader.int("pupils") ?? 0, windowStart: reader.day("windowStart") ?? today,
                                     windowEnd: reader.day("windowEnd") ?? today, maxDistanceKm: reader.double("maxDistanceKm"),
                                     remarks: reader.text("remarks"), createdOn: today,
                                     respondBy: Matching.day(today, plus: DeskSupport.settings(req).responseDays))
        reader.merge(request.violations(knownSchool: { loaded.organizations[$0]?.kind.isEducation ?? false }))
        if let chosen { reader.errors["schoolId"] = chosen(req.lang) }
        guard reader.errors.isEmpty else { return Self.form(req, request: request, loaded: loaded, errors: reader.errors, status: .badRequest) }
        try await req.desk.insert(request, actor: DeskSupport.actorId(req))
        return req.redirect(to: SiteRoute.request(request.id).path)
    }

    @Sendable static func allocate(_ req: Request) async throws -> some AsyncResponseEncodable {
        let loaded = try await DeskSupport.load(req)
        return Self.allocationPage(req, loaded: loaded, proposal: Self.proposal(req, loaded), error: nil)
    }

    @Sendable static func postAllocate(_ req: Request) async throws -> some AsyncResponseEncodable {
        let loaded = try await DeskSupport.load(req)
        let chosen = FormReader(req).strings("pair").compactMap { pair -> (String, String)? in
            let parts = pair.split(separator: "|").map(String.init)
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
        return try await Self.propose(req, loaded: loaded, pairs: chosen) { error in
            Self.allocationPage(req, loaded: loaded, proposal: Self.proposal(req, loaded), error: error)
        }
    }

    @Sendable static func request(_ req: Request) async throws -> some AsyncResponseEncodable {
        let loaded = try await DeskSupport.load(req)
        guard let request = loaded.requests.first(where: { $0.id == req.parameters.get("id") }) else { throw Abort(.notFound) }
        guard DeskSupport.involves(req, request.schoolId) else { throw PageError(.forbidden, "dit is niet het verzoek van uw school", "not your school's request") }
        return try await Self.detail(req, request: request, loaded: loaded, error: nil)
    }

    @Sendable static func postProposeOffer(_ req: Request) async throws -> some AsyncResponseEncodable {
        let loaded = try await DeskSupport.load(req)
        guard let request = loaded.requests.first(where: { $0.id == req.parameters.get("id") }) else { throw Abort(.notFound) }
        return try await Self.propose(req, loaded: loaded, pairs: [(request.id, FormReader(req).string("offerId"))]) { error in
            try await Self.detail(req, request: request, loaded: loaded, error: error)
        }
    }

    @Sendable static func postRequestStatus(_ req: Request) async throws -> some AsyncResponseEncodable {
        let loaded = try await DeskSupport.load(req)
        guard let request = loaded.requests.first(where: { $0.id == req.parameters.get("id") }) else { throw Abort(.notFound) }
        guard DeskSupport.involves(req, request.schoolId) else { throw PageError(.forbidden, "dit is niet het verzoek van uw school", "not your school's request") }
        switch request.changingStatus(to: RequestStatus(rawValue: FormReader(req).string("status")), byCoordinator: req.actor?.role == .beheerder) {
        case .notPossible:
            return try await Self.detail(req, request: request, loaded: loaded, error: req.lang == .nl ? "Deze statuswijziging kan niet." : "This status change is not possible.")
        case .onlyWithdraw:
            throw PageError(.forbidden, "een school kan haar verzoek alleen intrekken", "a school may only withdraw its request")
        case .changed(let changed):
            try await req.desk.update(changed, expected: request, actor: DeskSupport.actorId(req))
            return req.redirect(to: SiteRoute.request(request.id).path)
        }
    }
}

extension Response {
    func withStatus(_ status: HTTPStatus) -> Response { self.status = status; return self }
}
