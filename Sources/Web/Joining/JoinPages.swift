import Domain
import Persistence
import Plot
import Vapor

/// The public application form and the coordinator's part of `/netwerk/aanmeldingen` for new organisations.
enum JoinPages {
    typealias Body = Node<HTML.BodyContext>

    static func form(_ req: Request, draft: JoinApplication?, errors: [String: String], received: Bool, status: HTTPStatus = .ok) -> Response {
        let ctx = PageSupport.context(req, title: Localized("Aansluiten bij het netwerk", "Join the network"), section: .network)
        let t = ctx.t, lang = ctx.lang
        let f = { (name: String) in (try? req.content.get(String.self, at: name)) }
        func field(_ name: String, _ label: String, _ value: String?, type: String = "text", required: Bool = true, hint: String? = nil, autocomplete: String? = nil) -> Body {
            Components.field(name, label: label, value: f(name) ?? value, type: type, error: errors[name], hint: hint, required: required, autocomplete: autocomplete)
        }
        let kinds = OrganizationKind.allCases.filter { $0 != .partnership }
        return PageSupport.html(Layout.render(ctx, .group(
            .if(received, .p(.class("note"), .attribute(named: "role", value: "status"),
                .text(t("Dank u. De aanmelding is ontvangen en u krijgt een bevestiging per e-mail. Na goedkeuring door de coördinator volgt een uitnodiging om uw account te openen.",
                        "Thank you. The application has arrived and you will receive a confirmation by e-mail. Once the coordinator approves it, an invitation to open your account follows.")))),
            .p(.text(t("Bedrijven, scholen en andere organisaties die technisch onderwijs in de regio willen versterken, melden zich hier aan als Vriend van het Masterplan. Een bedrijf organiseert minstens twee technische activiteiten per schooljaar met scholen; een school presenteert een plan voor techniekonderwijs.",
                       "Companies, schools and other organisations that want to strengthen technical education in the region apply here as a Friend of the Masterplan. A company organises at least two technical activities per school year with schools; a school presents a plan for technology education."))),
            .p(.class("hint"), .text(t("Wij gebruiken de gegevens van de contactpersoon alleen voor het netwerk: om de aanmelding te behandelen en, na goedkeuring, voor uw account. Heeft uw organisatie al een account? Meld u dan aan via ",
                                       "We use the contact person's details only for the network: to handle the application and, once approved, for your account. Does your organisation have an account already? Then apply through ")),
               .a(.href(SiteRoute.membershipApply.path), .text(t("Vriend worden", "Become a Vriend"))), .text(".")),
            Components.errorSummary(errors, t),
            // Anonymous visitors too: the double-submit token of `AnonymousCSRF`.
            Components.postForm(action: SiteRoute.join.path, csrf: req.csrfToken, class: "edit", [
                .h2(.text(t("Organisatie", "Organisation"))),
                field("name", t("Naam van de organisatie", "Name of the organisation"), draft?.name, autocomplete: "organization"),
                Components.select(name: "kind", label: t("Soort organisatie", "Kind of organisation"), options: kinds.map { ($0.rawValue, $0.label(lang)) },
                                  selected: f("kind") ?? draft?.kind.rawValue, error: errors["kind"]),
                field("registrationNumber", t("KvK-nummer (bedrijven en organisaties) of BRIN-code (scholen)", "KvK number (companies and organisations) or BRIN code (schools)"),
                      draft?.registrationNumber, hint: t("KvK: 8 cijfers. BRIN: twee cijfers en twee letters, zoals 27KN.", "KvK: 8 digits. BRIN: two digits and two letters, such as 27KN.")),
                field("address", t("Straat en huisnummer", "Street and number"), draft?.address, autocomplete: "street-address"),
                field("postcode", t("Postcode", "Postcode"), draft?.postcode, autocomplete: "postal-code"),
                field("city", t("Plaats", "Town or city"), draft?.city, autocomplete: "address-level2"),
                Components.checkboxes("sectors", legend: t("Sectoren", "Sectors"), options: Sector.allCases.map { ($0.rawValue, $0.label(lang)) },
                                      checked: Set(draft?.sectors.map(\.rawValue) ?? []), error: errors["sectors"]),
                Components.checkboxes("levels", legend: t("Onderwijsniveaus (scholen: waarin u lesgeeft; bedrijven: met wie u werkt)", "Education levels (schools: what you teach; companies: whom you work with)"),
                                      options: EducationLevel.allCases.map { ($0.rawValue, $0.label(lang)) },
                                      checked: Set(draft?.levels.map(\.rawValue) ?? []), error: errors["levels"]),
                .h2(.text(t("Contactpersoon", "Contact person"))),
                field("contactName", t("Naam", "Name"), draft?.contactName, autocomplete: "name"),
                field("contactEmail", t("E-mailadres", "E-mail address"), draft?.contactEmail, type: "email", autocomplete: "email"),
                field("contactPhone", t("Telefoon (optioneel)", "Phone (optional)"), draft?.contactPhone, type: "tel", required: false, autocomplete: "tel"),
                field("contactFunction", t("Functie (optioneel)", "Position (optional)"), draft?.contactFunction, required: false, autocomplete: "organization-title"),
                Components.select(name: "language", label: t("Taal voor e-mail en account", "Language for e-mail and account"),
                                  options: [("nl", "Nederlands"), ("en", "English")], selected: f("language") ?? draft?.language.rawValue ?? lang.rawValue, error: errors["language"]),
                Components.textarea("motivation", label: t("Motivatie: wat wilt u bijdragen of vragen?", "Motivation: what would you like to contribute or ask?"),
                                    value: f("motivation") ?? draft?.motivation ?? "", error: errors["motivation"]),
                Components.submit(t("Aanmelding versturen", "Send the application")),
            ])
        )), status: status)
    }

    /// The pending applications with their possible duplicates and the two decisions; decided ones below.
    static func coordinatorSection(_ ctx: PageContext, pending: [JoinApplication], decided: [JoinApplication], duplicates: [String: [Joining.DuplicateHint]]) -> Body {
        let t = ctx.t
        let list: Body = pending.isEmpty ? .p(.text(t("Geen aanmeldingen van nieuwe organisaties.", "No applications of new organisations.")))
            : .div(.forEach(pending) { panel(ctx, $0, duplicates: duplicates[$0.id] ?? []) })
        return .section(.h2(.text(t("Nieuwe organisaties", "New organisations"))), list, .if(!decided.isEmpty, decidedTable(ctx, decided)))
    }

    static func panel(_ ctx: PageContext, _ a: JoinApplication, duplicates: [Joining.DuplicateHint]) -> Body {
        let t = ctx.t, lang = ctx.lang
        let number = (a.registrationKind == .kvk ? "KvK " : "BRIN ") + a.registrationNumber
        let district = DistrictTable.amsterdam.district(postcode: a.postcode).map { t(" · stadsdeel ", " · district ") + $0 } ?? ""
        let sectors = a.sectors.isEmpty ? "—" : a.sectors.map { $0.label(lang) }.joined(separator: ", ")
        let levels = a.levels.isEmpty ? "—" : a.levels.map { $0.label(lang) }.joined(separator: ", ")
        let contact = a.contactName + (a.contactFunction.map { ", " + $0 } ?? "") + " · " + a.contactEmail + (a.contactPhone.map { " · " + $0 } ?? "")
        var hintItems: [Body] = []
        for d in duplicates {
            let name: Body = d.organizationId.map { Body.a(.href(SiteRoute.organization($0).path), .text(d.name)) } ?? .text(d.name)
            hintItems.append(.group(name, .text(" — " + d.reason(lang))))
        }
        let hints: Body = duplicates.isEmpty ? .p(.text(t("Geen mogelijke dubbelingen gevonden.", "No possible duplicates found.")))
            : .div(.class("note"), .p(.strong(.text(t("Mogelijke dubbelingen:", "Possible duplicates:")))), .ul(.forEach(hintItems) { .li($0) }))
        var nodes: [Body] = []
        nodes.append(.h3(.text(a.name + " (" + a.kind.label(lang) + ")")))
        nodes.append(.p(.text(number + " · " + a.address + ", " + a.postcode + " " + a.city + district)))
        nodes.append(.p(.text(t("Sectoren: ", "Sectors: ") + sectors + t(" · niveaus: ", " · levels: ") + levels)))
        nodes.append(.p(.text(t("Contactpersoon: ", "Contact person: ") + contact + t(" · ingediend ", " · applied ") + a.appliedOn.label(lang))))
        nodes.append(.p(.text(a.motivation)))
        nodes.append(hints)
        nodes.append(Components.postForm(action: SiteRoute.joinDecision(a.id, "goedkeuren").path, csrf: ctx.csrf, class: "inline", [
            Components.submit(t("Goedkeuren: organisatie, lidmaatschap en account aanmaken", "Approve: create organisation, membership and account"))]))
        nodes.append(Components.postForm(action: SiteRoute.joinDecision(a.id, "afwijzen").path, csrf: ctx.csrf, class: "inline", [
            Components.field("remarks-" + a.id, label: t("Reden van afwijzing (gaat naar de aanvrager)", "Reason for declining (sent to the applicant)"), value: nil),
            Components.submit(t("Afwijzen", "Decline"))]))
        return .div(.class("panel"), .group(nodes))
    }

    static func decidedTable(_ ctx: PageContext, _ decided: [JoinApplication]) -> Body {
        let t = ctx.t, lang = ctx.lang
        return Components.table(caption: t("Besliste aanmeldingen van nieuwe organisaties", "Decided applications of new organisations"),
            headers: [t("Organisatie", "Organisation"), t("Ingediend", "Applied"), t("Besluit", "Decision"), t("Op", "On")],
            rows: decided.map { a in [
                a.organizationId.map { Body.a(.href(SiteRoute.organization($0).path), .text(a.name)) } ?? .text(a.name),
                .text(a.appliedOn.label(lang)), Components.badge(a.status.label(lang)), .text((a.decidedOn?.label(lang) ?? "") + (a.remarks.map { " — " + $0 } ?? "")),
            ] }, numericFrom: 9)
    }
}
