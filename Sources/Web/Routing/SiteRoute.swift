import Domain

/// Every page of the site, so links are built from one place and never typed by hand.
public enum SiteRoute: Hashable, Sendable {
    case dashboard
    case organizations(OrganizationFilter = OrganizationFilter(), page: Int = 1)
    case organization(String)
    /// The network page; registered members on `day` (today when nil), a page of them.
    case network(day: String? = nil, page: Int = 1)
    case projects
    case project(String)
    case routes
    case opleidingshuizen
    case opleidingshuis(String)
    case indicators
    case indicator(String)
    case timeline(year: Int? = nil, page: Int = 1)
    case funding
    case events
    case event(String)
    case projectOrganisation
    case ambitions
    case stylesheet
    case login(back: String? = nil)
    case logout
    case forgotPassword
    case resetPassword(token: String)
    case account
    /// POST: a new API token; POST …/{id}/intrekken: revoke one.
    case accountTokens
    case revokeToken(String)
    case editOrganization(String)
    case editProject(String)
    case adminAccounts
    case audit
    case auditCSV
    case outbox
    case outboxResend(String)
    case language(Lang, back: String)
    /// GET /taal/{lang}: the route `language` links to.
    case chooseLanguage(String)
    /// Operations: liveness, readiness (the database answers) and Prometheus metrics.
    case health
    case ready
    case metrics
    /// The API's OpenAPI 3.1 document.
    case openAPI
    case newsletter
    case newsletterConfirm(token: String)
    case newsletterUnsubscribe(token: String)
    case newsletterArchive
    case newsletterIssue(String)
    case newsletterFeed
    case newsletterImage(String)
    case newsletterAdmin
    case newsletterEdit(String)
    case newsletterPreview(String, Lang)
    case newsletterTest(String)
    case newsletterSend(String)
    case newsletterImport
    case newsletterImageUpload
    case accountNewsletter
    case notifications
    case notifyMode
    case report(from: String? = nil, to: String? = nil)
    case reportDownload(format: String, from: String, to: String)
    case importObservations
    case observationTemplate
    case desk
    case offers
    case newOffer
    case copyOffers
    case editOffer(String)
    case requests
    case newRequest
    case request(String)
    case requestStatus(String)
    case proposeOffer(String)
    case allocate
    case agreements
    case agreement(String)
    case agreementStep(String, AgreementStep)
    /// POST /afspraken/{id}/{step}: the route every step's form posts to.
    case agreementAction(String, String)
    case agreementsExport(String)
    case organizationCalendar(String)
    case calendarSubscription(String)
    case calendarFeed(String)
    case compliance
    case remind
    case reach
    case membershipApply
    case join
    case programme
    /// One editable collection of the programme (`ProgrammeCollections`): its list, a record's form (by key), a new one.
    case programmeCollection(String)
    case programmeRecord(String, key: String?)
    case programmeNewRecord(String)
    /// GET/POST /{segment}/{id}/bewerken: a project's, route's or Opleidingshuis's status and text.
    case editStatusText(String, String)
    case joinDecision(String, String)
    case membershipApplications
    case membershipDecision(String, String)
    case schoolPlan
    case schoolPlans
    case schoolPlanDecision(String)
    case schoolPlanPDF(String)
    case matchingdays
    case newMatchingday
    case matchingday(String)
    case editMatchingday(String)
    /// POST /matchingdagen/{id}/{action}: aanmelden, plannen, vrijgeven, herplannen, tafels, moet-ontmoeten, opvolging.
    case matchingdayAction(String, String)
    case matchingdayWishes(String, participant: String? = nil)
    case matchingdayParticipant(String, String)
    /// POST /matchingdagen/{id}/deelnemers/{pid}/{action}: inchecken, afmelden.
    case matchingdayParticipantAction(String, String, String)
    case matchingdayGrid(String)
    case matchingdayExport(String, String)
    case matchingdayAgenda(String, organization: String)
    /// agenda.ics or agenda.pdf of one participant.
    case matchingdayAgendaFile(String, organization: String, String)
    case matchingdayAgendas(String, pdf: Bool)
    case matchingdayTableCards(String, pdf: Bool)
    case matchingdayCheckIn(String)
    case matchingdayAgreement(String, school: String? = nil, company: String? = nil)
    /// Student transport (issue 16): the week's trips and plan; `week` is its Monday (YYYY-MM-DD).
    case transport(week: String? = nil)
    /// POST /vervoer/{action}: plannen, herplannen, ritten-uit-afspraken, voertuigen, extra-voertuig, instellingen, reistijden.
    case transportAction(String)
    /// POST /vervoer/ritten/{id}/annuleren: a class cancels; the plan is re-planned with the least change.
    case transportCancelTrip(String)
    /// GET/POST /vervoer/ritten/{id}: one class's trip, to change.
    case transportTrip(String)
    /// GET/POST /vervoer/voertuigtypen/{id} (and …/verwijderen): a vehicle type, to change or remove.
    case transportVehicle(String)
    /// POST /vervoer/voertuigtypen/{id}/verwijderen.
    case transportVehicleRemove(String)
    /// An organisation's trip sheet for a week (page, ritten.pdf, ritten.ics).
    case transportSheet(week: String, organization: String, file: String? = nil)

    public var path: String {
        switch self {
        case .dashboard: return "/"
        case .organizations(let f, let page):
            return "/organisaties" + query([
                ("q", f.query), ("kind", f.kind?.rawValue), ("sector", f.sector?.rawValue), ("level", f.level?.rawValue),
                ("district", f.district), ("page", page > 1 ? String(page) : nil),
            ])
        case .organization(let id): return "/organisaties/" + escapePath(id)
        case .network(let day, let page): return "/netwerk" + query([("datum", day), ("page", page > 1 ? String(page) : nil)])
        case .projects: return "/projecten"
        case .project(let id): return "/projecten/" + escapePath(id)
        case .routes: return "/leerroutes"
        case .opleidingshuizen: return "/opleidingshuizen"
        case .opleidingshuis(let id): return "/opleidingshuizen/" + escapePath(id)
        case .indicators: return "/indicatoren"
        case .indicator(let key): return "/indicatoren/" + escapePath(key)
        case .timeline(let year, let page):
            return "/tijdlijn" + query([("year", year.map(String.init)), ("page", page > 1 ? String(page) : nil)])
        case .funding: return "/financiering"
        case .events: return "/evenementen"
        case .event(let id): return "/evenementen/" + escapePath(id)
        case .projectOrganisation: return "/projectorganisatie"
        case .ambitions: return "/ambities"
        case .stylesheet: return "/static/site.css"
        case .login(let back): return "/inloggen" + query([("terug", back)])
        case .logout: return "/uitloggen"
        case .forgotPassword: return "/wachtwoord-vergeten"
        case .resetPassword(let token): return "/wachtwoord-herstellen" + query([("token", token)])
        case .account: return "/account"
        case .accountTokens: return "/account/tokens"
        case .revokeToken(let id): return "/account/tokens/" + escapePath(id) + "/intrekken"
        case .editOrganization(let id): return "/organisaties/" + escapePath(id) + "/bewerken"
        case .editProject(let id): return "/projecten/" + escapePath(id) + "/bewerken"
        case .adminAccounts: return "/beheer/accounts"
        case .audit: return "/beheer/audit"
        case .auditCSV: return "/beheer/audit.csv"
        case .outbox: return "/beheer/outbox"
        case .outboxResend(let id): return "/beheer/outbox/" + escapePath(id) + "/opnieuw"
        case .language(let lang, let back): return SiteRoute.chooseLanguage(lang.rawValue).path + query([("terug", back)])
        case .chooseLanguage(let lang): return "/taal/" + escapePath(lang)
        case .health: return "/health"
        case .ready: return "/ready"
        case .metrics: return "/metrics"
        case .openAPI: return "/api/v1/openapi.json"
        case .newsletter: return "/nieuwsbrief"
        case .newsletterConfirm(let token): return "/nieuwsbrief/bevestigen" + query([("token", token)])
        case .newsletterUnsubscribe(let token): return "/nieuwsbrief/afmelden/" + escapePath(token)
        case .newsletterArchive: return "/nieuwsbrief/archief"
        case .newsletterIssue(let id): return "/nieuwsbrief/archief/" + escapePath(id)
        case .newsletterFeed: return "/nieuwsbrief/archief.atom"
        case .newsletterImage(let id): return "/nieuwsbrief/afbeeldingen/" + escapePath(id)
        case .newsletterAdmin: return "/beheer/nieuwsbrief"
        case .newsletterEdit(let id): return "/beheer/nieuwsbrief/" + escapePath(id)
        case .newsletterPreview(let id, let lang): return "/beheer/nieuwsbrief/" + escapePath(id) + "/voorbeeld" + query([("lang", lang.rawValue)])
        case .newsletterTest(let id): return "/beheer/nieuwsbrief/" + escapePath(id) + "/test"
        case .newsletterSend(let id): return "/beheer/nieuwsbrief/" + escapePath(id) + "/versturen"
        case .newsletterImport: return "/beheer/nieuwsbrief-import"
        case .newsletterImageUpload: return "/beheer/nieuwsbrief-afbeeldingen"
        case .accountNewsletter: return "/account/nieuwsbrief"
        case .copyOffers: return "/aanbod/volgend-schooljaar"
        case .notifications: return "/meldingen"
        case .notifyMode: return "/account/meldingen"
        case .report(let from, let to): return "/rapportage" + query([("from", from), ("to", to)])
        case .reportDownload(let format, let from, let to): return "/rapportage/download" + query([("format", format), ("from", from), ("to", to)])
        case .importObservations: return "/indicatoren/import"
        case .observationTemplate: return "/indicatoren/import/sjabloon.csv"
        case .desk: return "/netwerkbalie"
        case .offers: return "/aanbod"
        case .newOffer: return "/aanbod/nieuw"
        case .editOffer(let id): return "/aanbod/" + escapePath(id) + "/bewerken"
        case .requests: return "/verzoeken"
        case .newRequest: return "/verzoeken/nieuw"
        case .request(let id): return "/verzoeken/" + escapePath(id)
        case .requestStatus(let id): return "/verzoeken/" + escapePath(id) + "/status"
        case .proposeOffer(let id): return "/verzoeken/" + escapePath(id) + "/voorstellen"
        case .allocate: return "/verzoeken/toewijzen"
        case .agreements: return "/afspraken"
        case .agreement(let id): return "/afspraken/" + escapePath(id)
        case .agreementStep(let id, let step): return SiteRoute.agreementAction(id, step.rawValue).path
        case .agreementAction(let id, let step): return "/afspraken/" + escapePath(id) + "/" + escapePath(step)
        case .agreementsExport(let format): return "/afspraken." + format
        case .organizationCalendar(let id): return "/organisaties/" + escapePath(id) + "/activiteiten.ics"
        case .calendarSubscription(let id): return "/organisaties/" + escapePath(id) + "/agenda"
        case .calendarFeed(let token): return "/agenda/" + escapePath(token) + "/activiteiten.ics"
        case .compliance: return "/naleving"
        case .remind: return "/naleving/herinneren"
        case .reach: return "/bereik"
        case .membershipApply: return "/netwerk/aanmelden"
        case .join: return "/netwerk/aansluiten"
        case .programme: return "/programma"
        case .programmeCollection(let segment): return "/programma/" + escapePath(segment)
        case .programmeRecord(let segment, let key): return "/programma/" + escapePath(segment) + "/bewerken" + query([("sleutel", key)])
        case .programmeNewRecord(let segment): return "/programma/" + escapePath(segment) + "/nieuw"
        case .editStatusText(let segment, let id): return "/" + escapePath(segment) + "/" + escapePath(id) + "/bewerken"
        case .joinDecision(let id, let decision): return "/netwerk/aansluitingen/" + escapePath(id) + "/" + decision
        case .membershipApplications: return "/netwerk/aanmeldingen"
        case .membershipDecision(let id, let decision): return "/netwerk/aanmeldingen/" + escapePath(id) + "/" + decision
        case .schoolPlan: return "/netwerk/schoolplan"
        case .schoolPlans: return "/netwerk/schoolplannen"
        case .schoolPlanDecision(let id): return "/netwerk/schoolplannen/" + escapePath(id)
        case .schoolPlanPDF(let id): return "/netwerk/schoolplannen/" + escapePath(id) + "/plan.pdf"
        case .matchingdays: return "/matchingdagen"
        case .newMatchingday: return "/matchingdagen/nieuw"
        case .matchingday(let id): return "/matchingdagen/" + escapePath(id)
        case .editMatchingday(let id): return "/matchingdagen/" + escapePath(id) + "/bewerken"
        case .matchingdayAction(let id, let action): return "/matchingdagen/" + escapePath(id) + "/" + action
        case .matchingdayWishes(let id, let p): return "/matchingdagen/" + escapePath(id) + "/wensen" + query([("deelnemer", p)])
        case .matchingdayParticipant(let id, let p): return "/matchingdagen/" + escapePath(id) + "/deelnemers/" + escapePath(p)
        case .matchingdayParticipantAction(let id, let p, let action): return "/matchingdagen/" + escapePath(id) + "/deelnemers/" + escapePath(p) + "/" + action
        case .matchingdayGrid(let id): return "/matchingdagen/" + escapePath(id) + "/rooster"
        case .matchingdayExport(let id, let format): return "/matchingdagen/" + escapePath(id) + "/rooster." + format
        case .matchingdayAgenda(let id, let org): return "/matchingdagen/" + escapePath(id) + "/agenda/" + escapePath(org)
        case .matchingdayAgendaFile(let id, let org, let file): return "/matchingdagen/" + escapePath(id) + "/agenda/" + escapePath(org) + "/" + file
        case .matchingdayAgendas(let id, let pdf): return "/matchingdagen/" + escapePath(id) + (pdf ? "/agendas.pdf" : "/agendas")
        case .matchingdayTableCards(let id, let pdf): return "/matchingdagen/" + escapePath(id) + (pdf ? "/tafelkaarten.pdf" : "/tafelkaarten")
        case .matchingdayCheckIn(let id): return "/matchingdagen/" + escapePath(id) + "/aanwezigheid"
        case .matchingdayAgreement(let id, let school, let company): return "/matchingdagen/" + escapePath(id) + "/afspraak" + query([("school", school), ("bedrijf", company)])
        case .transport(let week): return "/vervoer" + query([("week", week)])
        case .transportAction(let action): return "/vervoer/" + action
        case .transportCancelTrip(let id): return "/vervoer/ritten/" + escapePath(id) + "/annuleren"
        case .transportTrip(let id): return "/vervoer/ritten/" + escapePath(id)
        case .transportVehicle(let id): return "/vervoer/voertuigtypen/" + escapePath(id)
        case .transportVehicleRemove(let id): return "/vervoer/voertuigtypen/" + escapePath(id) + "/verwijderen"
        case .transportSheet(let week, let org, let file): return "/vervoer/" + escapePath(week) + "/ritbrief/" + escapePath(org) + (file.map { "/" + $0 } ?? "")
        }
    }
}

func query(_ pairs: [(String, String?)]) -> String {
    let parts = pairs.compactMap { k, v in v.flatMap { $0.isEmpty ? nil : "\(k)=\(escapeQuery($0))" } }
    return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
}

private let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".unicodeScalars)

func escapeQuery(_ s: String) -> String { percentEncode(s, keep: unreserved.union("/".unicodeScalars)) }
func escapePath(_ s: String) -> String { percentEncode(s, keep: unreserved) }

private func percentEncode(_ s: String, keep: Set<Unicode.Scalar>) -> String {
    var out = ""
    for byte in s.utf8 {
        let scalar = Unicode.Scalar(byte)
        if byte < 128, keep.contains(scalar) { out.unicodeScalars.append(scalar) }
        else { out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2) }
    }
    return out
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
