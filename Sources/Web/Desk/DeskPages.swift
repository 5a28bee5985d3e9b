import Foundation
import Domain
import Persistence
import Plot

/// The desk's pages. Contact details never appear here: the public catalogue shows organisations by name only.
enum DeskPages {
    typealias N = Node<HTML.BodyContext>

    static func checkbox(_ name: String, label: String, checked: Bool) -> N {
        .div(.class("field check"),
             .selfClosedElement(named: "input", attributes: [
                .attribute(named: "type", value: "checkbox"), .attribute(named: "name", value: name), .attribute(named: "id", value: name),
                .attribute(named: "value", value: "on"), checked ? .attribute(named: "checked", value: "checked") : .attribute(named: "data-unchecked", value: ""),
             ] as [Attribute<HTML.BodyContext>]),
             .element(named: "label", nodes: [.attribute(named: "for", value: name), .text(label)]))
    }

    static func home(_ ctx: PageContext, loaded: DeskSupport.Loaded, actor: Actor?, today: PartialDate) -> String {
        let t = ctx.t
        let open = DeskSupport.openRequests(loaded)
        let overdue = open.filter { $0.isOverdue(today: today) }.count
        let links: [(String, String)] = [
            (SiteRoute.offers.path, t("Aanbod van de Vrienden", "Offers by the Vrienden")),
            (SiteRoute.reach.path, t("Bereik: leerlingen en activiteiten", "Reach: pupils and activities")),
        ] + (actor.map { a -> [(String, String)] in
            switch a.role {
            case .beheerder: [(SiteRoute.requests.path, t("Verzoeken (wachtrij)", "Requests (queue)")), (SiteRoute.allocate.path, t("Alle open verzoeken toewijzen", "Allocate all open requests")),
                              (SiteRoute.agreements.path, t("Afspraken", "Agreements")), (SiteRoute.compliance.path, t("Naleving", "Obligations")),
                              (SiteRoute.transport().path, t("Leerlingenvervoer", "Student transport"))]
            case .contactpersoon: [(SiteRoute.newRequest.path, t("Verzoek indienen", "Submit a request")), (SiteRoute.newOffer.path, t("Aanbod toevoegen", "Add an offer")),
                                   (SiteRoute.requests.path, t("Onze verzoeken", "Our requests")), (SiteRoute.agreements.path, t("Onze afspraken", "Our agreements"))]
                + (a.organizationId.map { [(SiteRoute.calendarSubscription($0).path, t("Agenda (abonnement of .ics)", "Calendar (subscription or .ics)")),
                                           (SiteRoute.transportSheet(week: (CivilDays.monday(of: today) ?? today).description, organization: $0).path,
                                            t("Onze busritten deze week", "Our bus trips this week"))] } ?? [])
            case .analist: [(SiteRoute.agreementsExport("xlsx").path, t("Afspraken als XLSX", "Agreements as XLSX"))]
            case .projectleider, .communicatie: []
            }
        } ?? [])
        return Layout.render(ctx, .group(
            .p(.text(t("De netwerkbalie brengt vragen van scholen en het aanbod van de Vrienden van het Masterplan bij elkaar (§4.7): gastlessen, excursies, projecten, stages en meer.",
                       "The network desk brings schools' requests and the Vrienden's offers together (§4.7): guest lessons, excursions, projects, internships and more."))),
            Components.facts([
                (t("Actief aanbod", "Active offers"), .text(String(loaded.offers.filter(\.active).count))),
                (t("Open verzoeken", "Open requests"), .text(String(open.count))),
                (t("Over de antwoordtermijn", "Past the response deadline"), .text(String(overdue))),
                (t("Uitgevoerde activiteiten", "Activities delivered"), .text(String(loaded.agreements.filter(\.isDelivered).count))),
            ]),
            .ul(.forEach(links) { href, text in .li(.a(.href(href), .text(text))) })
        ))
    }

    static func catalogue(_ ctx: PageContext, offers: [Offer], loaded: DeskSupport.Loaded, type: ActivityType?, actor: Actor?, copied: Int? = nil) -> String {
        let t = ctx.t, lang = ctx.lang
        let canAdd = actor.map { [.beheerder, .contactpersoon].contains($0.role) } ?? false
        return Layout.render(ctx, .group(
            .unwrap(copied) { n in
                .p(.class("note"), .attribute(named: "role", value: "status"), .text(t("\(n) aanbod gekopieerd naar het volgende schooljaar.", "\(n) offer(s) copied to the next school year.")))
            },
            .if(canAdd, .p(.a(.href(SiteRoute.newOffer.path), .text(t("Aanbod toevoegen", "Add an offer"))))),
            .if(actor?.role == .contactpersoon, Components.postForm(action: SiteRoute.copyOffers.path, csrf: ctx.csrf, class: "inline", [
                Components.submit(t("Ons aanbod van dit schooljaar kopiëren naar het volgende", "Copy our offers of this school year to the next")),
            ])),
            .element(named: "form", nodes: [.class("filters"), .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.offers.path),
                Components.select(name: "type", label: t("Soort", "Kind"), options: [("", t("Alle", "All"))] + ActivityType.allCases.map { ($0.rawValue, $0.label(lang)) },
                                  selected: type?.rawValue ?? "", error: nil),
                Components.submit(t("Filter", "Filter"))]),
            offers.isEmpty ? .p(.text(t("Er is (nog) geen aanbod.", "There are no offers (yet)."))) :
            Components.table(caption: t("Aanbod", "Offers"),
                             headers: [t("Titel", "Title"), t("Soort", "Kind"), t("Organisatie", "Organisation"), t("Sectoren", "Sectors"), t("Niveaus", "Levels"),
                                       t("Groep", "Group"), t("Beschikbaar", "Available"), t("Nog te geven", "Times left")],
                             rows: offers.map { o in [
                                .group(.text(o.title), .if(Permissions.canEditOrganization(actor, o.organizationId), .group(.text(" · "), .a(.href(SiteRoute.editOffer(o.id).path), .text(t("bewerken", "edit")))))),
                                .text(o.type.label(lang)), Components.orgLink(o.organizationId, loaded.data),
                                .text(o.sectors.map { $0.label(lang) }.joined(separator: ", ")), .text(o.levels.map { $0.label(lang) }.joined(separator: ", ")),
                                .text("\(o.groupMin)–\(o.groupMax)"), .text(o.availableFrom.label(lang) + " – " + o.availableTo.label(lang)),
                                .text("\(o.remaining) / \(o.capacity)"),
                             ] }, numericFrom: 7)
        ))
    }

    static func requests(_ ctx: PageContext, requests: [NetworkRequest], loaded: DeskSupport.Loaded, status: RequestStatus?, today: PartialDate, coordinator: Bool) -> String {
        let t = ctx.t, lang = ctx.lang
        return Layout.render(ctx, .group(
            .p(.a(.href(SiteRoute.newRequest.path), .text(t("Nieuw verzoek", "New request"))),
               .if(coordinator, .group(.text(" · "), .a(.href(SiteRoute.allocate.path), .text(t("Alle open verzoeken toewijzen", "Allocate all open requests")))))),
            .element(named: "form", nodes: [.class("filters"), .attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.requests.path),
                Components.select(name: "status", label: t("Status", "Status"), options: [("", t("Alle", "All"))] + RequestStatus.allCases.map { ($0.rawValue, $0.label(lang)) },
                                  selected: status?.rawValue ?? "", error: nil),
                Components.submit(t("Filter", "Filter"))]),
            requests.isEmpty ? .p(.text(t("Geen verzoeken.", "No requests."))) :
            Components.table(caption: t("Verzoeken", "Requests"),
                             headers: [t("School", "School"), t("Soort", "Kind"), t("Niveau", "Level"), t("Leerlingen", "Pupils"), t("Periode", "Period"),
                                       t("Status", "Status"), t("Antwoord uiterlijk", "Answer by")],
                             rows: requests.map { r in [
                                .a(.href(SiteRoute.request(r.id).path), .text(DeskSupport.name(r.schoolId, loaded))), .text(r.type.label(lang)), .text(r.level.label(lang)),
                                .text(String(r.pupils)), .text(r.windowStart.label(lang) + " – " + r.windowEnd.label(lang)),
                                Components.badge(r.status.label(lang)),
                                r.isOverdue(today: today) ? Components.badge(t("Te laat: ", "Overdue: ") + r.respondBy.label(lang), "behind") : .text(r.respondBy.label(lang)),
                             ] }, numericFrom: 3)
        ))
    }

    static func request(_ ctx: PageContext, request r: NetworkRequest, loaded: DeskSupport.Loaded, candidates: [Candidate], excluded: [(String, Int)], history: [AuditEntryModel],
                        actorNames: [String: String] = [:],
                        coordinator: Bool, today: PartialDate, error: String?) -> String {
        let t = ctx.t, lang = ctx.lang
        let agreements = loaded.agreements.filter { $0.requestId == r.id }
        let nextStatuses = RequestStatus.allCases.filter { r.status.canMove(to: $0) && (coordinator ? $0 != .gematcht && $0 != .afgerond : $0 == .ingetrokken) }
        return Layout.render(ctx, .group(
            .unwrap(error) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) },
            Components.facts([
                (t("School", "School"), Components.orgLink(r.schoolId, loaded.data)),
                (t("Soort", "Kind"), .text(r.type.label(lang))),
                (t("Sectoren", "Sectors"), .text(r.sectors.map { $0.label(lang) }.joined(separator: ", "))),
                (t("Niveau", "Level"), .text(r.level.label(lang))),
                (t("Leerlingen", "Pupils"), .text(String(r.pupils))),
                (t("Periode", "Period"), .text(r.windowStart.label(lang) + " – " + r.windowEnd.label(lang))),
                (t("Hoogstens", "At most"), r.maxDistanceKm.map { .text(NumberFormat.number($0, decimals: 1, lang) + " km") }),
                (t("Opmerkingen", "Remarks"), r.remarks.map { .text($0) }),
                (t("Status", "Status"), Components.badge(r.status.label(lang))),
                (t("Antwoord uiterlijk", "Answer by"), r.isOverdue(today: today) ? Components.badge(t("Te laat: ", "Overdue: ") + r.respondBy.label(lang), "behind") : .text(r.respondBy.label(lang))),
            ]),
            .if(!nextStatuses.isEmpty, Components.postForm(action: SiteRoute.requestStatus(r.id).path, csrf: ctx.csrf, class: "inline", [
                Components.select(name: "status", label: t("Status wijzigen", "Change status"), options: nextStatuses.map { ($0.rawValue, $0.label(lang)) }, selected: nil, error: nil),
                Components.submit(t("Wijzigen", "Change")),
            ])),
            .if(!agreements.isEmpty, .section(.h2(.text(t("Afspraken", "Agreements"))), .ul(.forEach(agreements) { a in
                .li(.a(.href(SiteRoute.agreement(a.id).path), .text(DeskSupport.name(a.companyId, loaded) + " – " + a.status.label(lang))))
            }))),
            .if(coordinator && r.isOpen, .section(.h2(.text(t("Kandidaten", "Candidates"))),
                candidates.isEmpty ? .p(.text(t("Geen aanbod past (soort, niveau, groepsgrootte, datum, capaciteit of afstand).", "No offer fits (kind, level, group size, dates, capacity or distance)."))) :
                .ol(.class("candidates"), .forEach(candidates) { c in
                    .li(.h3(.text(c.offer.title + " – " + DeskSupport.name(c.offer.organizationId, loaded) + " (" + t("score ", "score ") + String(c.score) + ")")),
                        .ul(.forEach(c.reasons) { reason in .li(.text(reason.label(lang) + ": " + (reason.points >= 0 ? "+" : "") + String(reason.points))) }),
                        Components.postForm(action: SiteRoute.proposeOffer(r.id).path, csrf: ctx.csrf, class: "inline", [
                            .input(.type(.hidden), .name("offerId"), .value(c.offer.id)),
                            Components.submit(t("Voorstellen: ", "Propose: ") + c.offer.title),
                        ]))
                }),
                .if(!excluded.isEmpty, .p(.class("note"), .text(t("Niet passend: ", "Not fitting: ") + excluded.map { "\($0.0) (\($0.1))" }.joined(separator: "; ")))))),
            .section(.h2(.text(t("Geschiedenis", "History"))), .ul(.forEach(history) { e in
                .li(.text(AuditTime.label(e.at) + " – " + (e.action == "create" ? t("ingediend", "submitted") : t("gewijzigd", "changed"))
                          + (coordinator ? " (" + (actorNames[e.actor] ?? e.actor) + ")" : "") + ": " + AuditTime.summary(e.changes)))
            }))
        ))
    }

    static func allocation(_ ctx: PageContext, proposal: BatchAllocation, loaded: DeskSupport.Loaded, error: String?) -> String {
        let t = ctx.t, lang = ctx.lang
        let assignments = proposal.assignments
        return Layout.render(ctx, .group(
            .unwrap(error) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .p(.text(t("Het voorstel kent elk open verzoek hoogstens één aanbod toe en overboekt geen aanbod. Eerst komt de school die het minst kreeg (dit schooljaar plus deze ronde), dan de volgende; pas daarna telt de totaalscore. Er wordt niets verstuurd voordat u bevestigt; vink uit wat u niet wilt.",
                       "The proposal gives each open request at most one offer and overbooks no offer. The school that received least (this school year plus this round) comes first, then the next; only then the total score counts. Nothing is sent before you confirm; untick what you do not want."))),
            assignments.isEmpty ? .p(.text(t("Er valt niets toe te wijzen.", "There is nothing to allocate."))) :
            Components.postForm(action: SiteRoute.allocate.path, csrf: ctx.csrf, [
                Components.table(caption: t("Voorstel (totaalscore \(proposal.totalScore))", "Proposal (total score \(proposal.totalScore))"),
                                 headers: [t("Verzoek", "Request"), t("Aanbod", "Offer"), t("Organisatie", "Organisation"), t("Score", "Score"), t("Voorstellen", "Propose")],
                                 rows: assignments.map { a in
                                    let r = a.request, c = a.candidate
                                    return [
                                    .a(.href(SiteRoute.request(r.id).path), .text(DeskSupport.name(r.schoolId, loaded) + " – " + r.type.label(lang) + ", " + String(r.pupils))),
                                    .text(c.offer.title), .text(DeskSupport.name(c.offer.organizationId, loaded)), .text(String(c.score)),
                                    .element(named: "label", nodes: [
                                        .input(.type(.checkbox), .name("pair"), .value(r.id + "|" + c.offer.id), .attribute(named: "checked", value: "checked")),
                                        .span(.class("visually-hidden"), .text(t("Voorstellen", "Propose") + " " + r.id)),
                                    ]),
                                 ] }, numericFrom: 3),
                Components.submit(t("Voorstellen versturen", "Send the proposals")),
            ]),
            .if(!proposal.schools.isEmpty, .section(.h2(.text(t("Per school", "Per school"))),
                Components.table(caption: t("Wat elke school krijgt en waarom de volgorde zo is", "What each school gets, and why in this order"),
                                 headers: [t("School", "School"), t("Eerder dit schooljaar", "Earlier this school year"), t("Open verzoeken", "Open requests"),
                                           t("Nu voorgesteld", "Proposed now"), t("Totaal daarna", "Total after")],
                                 rows: proposal.schools.sorted { ($0.earlier + $0.proposed, $0.schoolId) < ($1.earlier + $1.proposed, $1.schoolId) }.map { line in [
                                    .text(DeskSupport.name(line.schoolId, loaded)), .text(String(line.earlier)), .text(String(line.asked)),
                                    .text(String(line.proposed)), .text(String(line.earlier + line.proposed)),
                                 ] }, numericFrom: 1))),
            .if(!proposal.unassigned.isEmpty, .section(.h2(.text(t("Zonder toewijzing", "Not allocated"))), .ul(.forEach(proposal.unassigned) { u in
                .li(.a(.href(SiteRoute.request(u.request.id).path), .text(DeskSupport.name(u.request.schoolId, loaded) + " – " + u.request.type.label(lang))),
                    .text(": " + u.reason(lang)))
            })))
        ))
    }
}

/// Audit timestamps and change summaries as the desk shows them.
enum AuditTime {
    static func label(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        f.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        return f.string(from: date)
    }

    static func summary(_ json: String) -> String {
        guard let changes = try? JSONDecoder().decode([FieldChange].self, from: Data(json.utf8)) else { return "" }
        return changes.filter { $0.field == "status" }.map { ($0.before ?? "–") + " → " + ($0.after ?? "–") }.joined(separator: ", ")
    }
}
