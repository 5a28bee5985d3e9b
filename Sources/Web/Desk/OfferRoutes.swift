import Domain
import Persistence
import Plot
import Vapor

/// The catalogue of activity offers: public to read (without contact details), written by an organisation's
/// contact person for their own organisation, or by the coordinator for any.
struct OfferRoutes {
    func register(_ app: Application) {
        app.get(.offers, access: .public, use: Self.offers)
        let writers = Access.roles([.beheerder, .contactpersoon])
        app.get(.newOffer, access: writers, use: Self.newOffer)
        app.post(.newOffer, access: writers, use: Self.postNewOffer)
        // A contact person copies the organisation's offers of this school year to the next, in one step.
        app.post(.copyOffers, access: .roles([.contactpersoon]), use: Self.postCopyOffers)
        // Contact persons manage their own organisation's offers (edit, withdraw); the coordinator any.
        app.get(.editOffer(":id"), access: writers, use: Self.editOffer)
        app.post(.editOffer(":id"), access: writers, use: Self.postEditOffer)
    }

    static func own(_ req: Request, _ loaded: DeskSupport.Loaded) throws -> Offer {
        guard let offer = loaded.offers.first(where: { $0.id == req.parameters.get("id") }) else { throw Abort(.notFound) }
        guard DeskSupport.involves(req, offer.organizationId) else { throw PageError(.forbidden, "alleen het aanbod van uw eigen organisatie", "only your own organisation's offers") }
        return offer
    }

    /// The offer as the form describes it, with the errors per field.
    static func read(_ req: Request, id: String, organizationId: String, booked: Int, loaded: DeskSupport.Loaded) -> (Offer, [String: String]) {
        var reader = FormReader(req)
        var offer = Offer(id: id, organizationId: organizationId, type: reader.choice("type", ActivityType.self) ?? .gastles,
                          title: reader.string("title"), description: reader.text("description"),
                          sectors: reader.choices("sectors", Sector.self), levels: reader.choices("levels", EducationLevel.self),
                          groupMin: reader.int("groupMin", default: 1) ?? 1, groupMax: reader.int("groupMax") ?? 0,
                          capacity: reader.int("capacity") ?? 0, availableFrom: reader.day("availableFrom") ?? DeskSupport.today(req),
                          availableTo: reader.day("availableTo") ?? DeskSupport.today(req),
                          weekdays: reader.strings("weekdays").compactMap(Int.init), location: reader.text("location"),
                          latitude: reader.double("latitude"), longitude: reader.double("longitude"),
                          pupilsTravel: reader.flag("pupilsTravel"), accessibility: reader.text("accessibility"))
        offer.booked = booked
        reader.merge(offer.violations(knownOrganization: { loaded.organizations[$0] != nil }))
        return (offer, reader.errors)
    }

    static func form(_ req: Request, offer: Offer, loaded: DeskSupport.Loaded, errors: [String: String], status: HTTPStatus = .ok,
                     action: String = SiteRoute.newOffer.path, revision: String? = nil, stale: (current: Offer?, mine: Offer)? = nil) -> Response {
        let editing = action != SiteRoute.newOffer.path
        let ctx = PageSupport.context(req, title: editing ? Localized("Aanbod bewerken", "Edit offer") : Localized("Nieuw aanbod", "New offer"), section: .desk)
        let t = ctx.t, lang = ctx.lang
        // The organisation is chosen when the offer is made; an edit keeps it.
        let orgChoice: Node<HTML.BodyContext> = req.actor?.role == .beheerder && !editing
            ? Components.organizationField(loaded.choice, name: "organizationId", label: t("Organisatie", "Organisation"),
                                           selected: offer.organizationId, error: errors["organizationId"], t: t)
            : .group(.p(.text(t("Namens ", "On behalf of ") + DeskSupport.name(offer.organizationId, loaded))),
                     .unwrap(errors["organizationId"]) { .p(.class("error"), .id("organizationId-error"), .text($0)) })
        let conflict: Node<HTML.BodyContext> = stale.map { Components.staleNotice(t, current: $0.current, mine: $0.mine) } ?? .empty
        return PageSupport.html(Layout.render(ctx, .group(
            conflict,
            Components.errorSummary(errors, t),
            Components.postForm(action: action, csrf: ctx.csrf, class: "edit", [
                .unwrap(revision) { .input(.type(.hidden), .name("revision"), .value($0)) },
                editing ? .p(.text(t("Namens ", "On behalf of ") + DeskSupport.name(offer.organizationId, loaded))) : orgChoice,
                .if(editing, DeskPages.checkbox("active", label: t("Actief (uitvinken: uit de catalogus halen)", "Active (untick: withdraw from the catalogue)"), checked: offer.active)),
                Components.select(name: "type", label: t("Soort activiteit", "Kind of activity"), options: ActivityType.allCases.map { ($0.rawValue, $0.label(lang)) },
                                  selected: offer.type.rawValue, error: errors["type"]),
                Components.field("title", label: t("Titel", "Title"), value: offer.title, error: errors["title"], required: true),
                Components.textarea("description", label: t("Beschrijving", "Description"), value: offer.description ?? "", error: errors["description"]),
                Components.checkboxes("sectors", legend: t("Sectoren", "Sectors"), options: Sector.allCases.map { ($0.rawValue, $0.label(lang)) },
                                      checked: Set(offer.sectors.map(\.rawValue)), error: errors["sectors"]),
                Components.checkboxes("levels", legend: t("Onderwijsniveaus", "Education levels"), options: EducationLevel.allCases.map { ($0.rawValue, $0.label(lang)) },
                                      checked: Set(offer.levels.map(\.rawValue)), error: errors["levels"]),
                Components.field("groupMin", label: t("Kleinste groep (leerlingen)", "Smallest group (pupils)"), value: String(offer.groupMin), type: "number", error: errors["groupMin"]),
                Components.field("groupMax", label: t("Grootste groep (leerlingen)", "Largest group (pupils)"), value: String(offer.groupMax), type: "number", error: errors["groupMax"], required: true),
                Components.field("capacity", label: t("Aantal keer te geven", "Times it can be given"), value: String(offer.capacity), type: "number", error: errors["capacity"], required: true),
                Components.field("availableFrom", label: t("Beschikbaar vanaf", "Available from"), value: offer.availableFrom.description, type: "date", error: errors["availableFrom"], required: true),
                Components.field("availableTo", label: t("Beschikbaar tot en met", "Available until"), value: offer.availableTo.description, type: "date", error: errors["availableTo"], required: true),
                Components.checkboxes("weekdays", legend: t("Weekdagen (leeg: alle)", "Weekdays (none: any)"),
                                      options: zip(1...7, lang == .nl ? ["ma", "di", "wo", "do", "vr", "za", "zo"] : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]).map { (String($0), $1) },
                                      checked: Set(offer.weekdays.map(String.init)), error: errors["weekdays"]),
                Components.field("location", label: t("Locatie (leeg: het adres van de organisatie)", "Location (empty: the organisation's address)"), value: offer.location, error: errors["location"]),
                Components.field("latitude", label: t("Breedtegraad", "Latitude"), value: offer.latitude.map { String($0) }, error: errors["latitude"], hint: "52.37"),
                Components.field("longitude", label: t("Lengtegraad", "Longitude"), value: offer.longitude.map { String($0) }, error: errors["longitude"], hint: "4.89"),
                DeskPages.checkbox("pupilsTravel", label: t("Leerlingen reizen naar de locatie", "Pupils travel to the location"), checked: offer.pupilsTravel),
                Components.field("accessibility", label: t("Toegankelijkheid", "Accessibility"), value: offer.accessibility, error: errors["accessibility"]),
                Components.submit(t("Aanbod opslaan", "Save offer")),
            ]))), status: status)
    }

    @Sendable static func offers(_ req: Request) async throws -> some AsyncResponseEncodable {
        let loaded = try await DeskSupport.load(req)
        let type = req.query[String.self, at: "type"].flatMap(ActivityType.init(rawValue:))
        let offers = loaded.offers.filter { ($0.active || DeskSupport.involves(req, $0.organizationId)) && (type == nil || $0.type == type) }
        return PageSupport.html(DeskPages.catalogue(PageSupport.context(req, title: Localized("Aanbod", "Offers"), section: .desk),
                                                    offers: offers, loaded: loaded, type: type, actor: req.actor,
                                                    copied: req.query[Int.self, at: "gekopieerd"]))
    }

    @Sendable static func newOffer(_ req: Request) async throws -> some AsyncResponseEncodable {
        let loaded = try await DeskSupport.load(req, choice: req.actor?.role == .beheerder)
        let blank = Offer(id: "", organizationId: req.actor?.organizationId ?? "", type: .gastles, title: "", sectors: [], levels: [],
                          groupMax: 30, capacity: 1, availableFrom: DeskSupport.today(req), availableTo: Matching.day(DeskSupport.today(req), plus: 180))
        return Self.form(req, offer: blank, loaded: loaded, errors: [:])
    }

    @Sendable static func postNewOffer(_ req: Request) async throws -> some AsyncResponseEncodable {
        // The coordinator names the organisation (an id, or a name that finds one); a contact person offers for their own.
        let (organizationId, chosen) = try await OrganizationChoice.posted(req, field: "organizationId")
        let loaded = try await DeskSupport.load(req, including: [organizationId], choice: req.actor?.role == .beheerder)
        var (offer, errors) = Self.read(req, id: DeskSupport.newId("aanbod"), organizationId: organizationId, booked: 0, loaded: loaded)
        if let chosen { errors["organizationId"] = chosen(req.lang) }
        offer.active = true
        // Offers are what the Vrienden owe; an organisation that is not (or no longer) one applies first.
        if errors["organizationId"] == nil, !Membership.isCurrent(organizationId, in: loaded.data.memberships) {
            errors["organizationId"] = req.lang == .nl ? "Alleen Vrienden van het Masterplan plaatsen aanbod; meld uw organisatie aan via Netwerk → Aanmelden als Vriend."
                                                       : "Only Friends of the Masterplan publish offers; apply through Network → Apply as a Friend."
        }
        guard errors.isEmpty else { return Self.form(req, offer: offer, loaded: loaded, errors: errors, status: .badRequest) }
        try await req.desk.insert(offer, actor: DeskSupport.actorId(req))
        return req.redirect(to: SiteRoute.offers.path + "?toegevoegd=" + escapeQuery(offer.id))
    }

    @Sendable static func postCopyOffers(_ req: Request) async throws -> some AsyncResponseEncodable {
        guard let org = req.actor?.organizationId else { throw Abort(.forbidden) }
        let loaded = try await DeskSupport.load(req)
        guard Membership.isCurrent(org, in: loaded.data.memberships) else {
            throw PageError(.conflict, "alleen Vrienden van het Masterplan plaatsen aanbod", "only Friends of the Masterplan publish offers")
        }
        let start = DeskSupport.settings(req).schoolYearStartMonth
        let copies = Offer.copiesForNextYear(loaded.offers, organizationId: org, year: SchoolYear(containing: DeskSupport.today(req), startMonth: start),
                                             startMonth: start) { DeskSupport.newId("aanbod") }
        for copy in copies { try await req.desk.insert(copy, actor: DeskSupport.actorId(req)) }
        return req.redirect(to: SiteRoute.offers.path + "?gekopieerd=\(copies.count)")
    }

    @Sendable static func editOffer(_ req: Request) async throws -> some AsyncResponseEncodable {
        let loaded = try await DeskSupport.load(req)
        let offer = try Self.own(req, loaded)
        return Self.form(req, offer: offer, loaded: loaded, errors: [:], action: SiteRoute.editOffer(offer.id).path, revision: RecordForm.revision(offer))
    }

    @Sendable static func postEditOffer(_ req: Request) async throws -> some AsyncResponseEncodable {
        let loaded = try await DeskSupport.load(req)
        let original = try Self.own(req, loaded)
        var (offer, errors) = Self.read(req, id: original.id, organizationId: original.organizationId, booked: original.booked, loaded: loaded)
        offer.active = FormReader(req).flag("active")
        // Issue 13: the form names the version it was filled in on; a form without one (an old page) counts as made on
        // what is stored now.
        let posted = (try? req.content.get(String.self, at: "revision")) ?? RecordForm.revision(original)
        guard errors.isEmpty else {
            return Self.form(req, offer: offer, loaded: loaded, errors: errors, status: .badRequest, action: SiteRoute.editOffer(offer.id).path, revision: posted)
        }
        // Changed since the form was filled in (or between this read and the write): 409 with both versions, nothing written.
        func stale(_ current: Offer?) -> Response {
            Self.form(req, offer: offer, loaded: loaded, errors: [:], status: .conflict, action: SiteRoute.editOffer(offer.id).path,
                      revision: current.map(RecordForm.revision) ?? posted, stale: (current, offer))
        }
        guard posted == RecordForm.revision(original) else { return stale(original) }
        do { try await req.desk.update(offer, expected: original, actor: DeskSupport.actorId(req)) }
        catch DeskError.changedMeanwhile {
            return stale(try await req.desk.find(Offer.self, id: original.id))
        }
        return req.redirect(to: SiteRoute.offers.path)
    }
}
