import Domain
import Fluent
import Persistence
import Plot
import Vapor

/// Changing the programme's records: an organisation's profile (its contact person or the coordinator) and
/// a project's status and description (its project leader or the coordinator). Every change is audited;
/// a form with a bad field changes nothing and says what is wrong next to the field.
struct EditRoutes {
    struct OrganizationForm: Content {
        var name: String?
        var sectors: [String]?
        var levels: [String]?
        var district: String?
        var latitude: String?
        var longitude: String?
    }

    /// Applies a form (HTML or JSON) to an organisation; returns the errors per field.
    static func apply(_ form: OrganizationForm, to org: inout Organization, lang: Lang) -> [String: String] {
        var errors: [String: String] = [:]
        let t = { (nl: String, en: String) in lang == .nl ? nl : en }
        if let name = form.name?.trimmingCharacters(in: .whitespaces) { org.name = name }
        if let raw = form.sectors {
            let parsed = raw.map { Sector(rawValue: $0) }
            if parsed.contains(where: { $0 == nil }) { errors["sectors"] = t("Onbekende sector.", "Unknown sector.") }
            else { org.sectors = parsed.compactMap { $0 } }
        }
        if let raw = form.levels {
            let parsed = raw.map { EducationLevel(rawValue: $0) }
            if parsed.contains(where: { $0 == nil }) { errors["levels"] = t("Onbekend onderwijsniveau.", "Unknown education level.") }
            else { org.levels = parsed.compactMap { $0 } }
        }
        if let district = form.district?.trimmingCharacters(in: .whitespaces) { org.district = district.isEmpty ? nil : district }
        for (key, value) in [("latitude", form.latitude), ("longitude", form.longitude)] {
            guard let value = value?.trimmingCharacters(in: .whitespaces) else { continue }
            if value.isEmpty { if key == "latitude" { org.latitude = nil } else { org.longitude = nil }; continue }
            guard let number = Double(value.replacingOccurrences(of: ",", with: ".")), number.isFinite else {
                errors[key] = t("'\(value)' is geen getal.", "'\(value)' is not a number.")
                continue
            }
            if key == "latitude" { org.latitude = number } else { org.longitude = number }
        }
        // The field rules themselves are the domain's, shared with the import.
        for v in org.fieldViolations() where errors[v.field] == nil && !(v.field == "longitude" && errors["latitude"] != nil) {
            errors[v.field] = v.message(lang)
        }
        return errors
    }

    func register(_ app: Application) {
        let editors = Access.roles([.beheerder, .contactpersoon])
        app.get(.editOrganization(":id"), access: editors) { req in
            guard let org = try await req.network.organization(try req.parameters.require("id")) else { throw Abort(.notFound) }
            guard Permissions.canEditOrganization(req.actor, org.id) else { throw PageError(.forbidden, "u mag alleen uw eigen organisatie bewerken", "you may edit only your own organisation") }
            return Self.organizationPage(req, org: org, errors: [:])
        }
        app.post(.editOrganization(":id"), access: editors) { req in
            guard let original = try await req.network.organization(try req.parameters.require("id")) else { throw Abort(.notFound) }
            guard Permissions.canEditOrganization(req.actor, original.id) else { throw PageError(.forbidden, "u mag alleen uw eigen organisatie bewerken", "you may edit only your own organisation") }
            var form = try req.content.decode(OrganizationForm.self)
            // Unticked checkboxes send nothing: on the HTML form, absence means "none".
            form.sectors = form.sectors ?? []
            form.levels = form.levels ?? []
            var org = original
            let errors = Self.apply(form, to: &org, lang: req.lang)
            let posted = (try? req.content.get(String.self, at: "revision")) ?? RecordForm.revision(original)
            guard errors.isEmpty else {
                return Self.organizationPage(req, org: org, errors: errors, status: .badRequest,
                                             raw: ["latitude": form.latitude ?? "", "longitude": form.longitude ?? ""], revision: posted)
            }
            // A form filled in on an older version never overwrites: 409 with both versions (issue 13's guard).
            do {
                guard posted == RecordForm.revision(original) else { throw ChangedMeanwhile(current: original) }
                _ = try await RecordStore(req.db).update(org, expected: original, actor: req.actor?.accountId ?? "?")
            } catch let stale as ChangedMeanwhile {
                let current = stale.current as? Organization
                return Self.organizationPage(req, org: org, errors: [:], status: .conflict,
                                             revision: current.map(RecordForm.revision) ?? posted, stale: (current, org))
            }
            return req.redirect(to: SiteRoute.organization(org.id).path + "?opgeslagen=1")
        }
    }

    struct StatusTextForm: Content { var status: String?; var text: String? }

    /// Projects, and their routes and Opleidingshuizen: status and description, by the leader of the project.
    func registerLedRecords(_ app: Application) {
        registerStatusText(app, segment: "projecten", \.projects, ProjectStatus.self, title: \.name, englishTitle: \.nameEn,
                           section: .projects, status: \.status, text: \.summary, textField: "summary",
                           done: { SiteRoute.project($0.id).path + "?opgeslagen=1" },
                           allowed: { Permissions.canEditProject($0, $1.id) }, refusal: "you may edit only the projects you lead")
        registerStatusText(app, segment: "leerroutes", \.routes, RouteStatus.self, title: \.name, englishTitle: \.name, section: .routes,
                           status: \.status, text: \.description, done: { SiteRoute.routes.path + "#" + $0.id },
                           allowed: { Permissions.canEditRoute($0, $1) }, refusal: "you may edit only routes of the projects you lead")
        registerStatusText(app, segment: "opleidingshuizen", \.opleidingshuizen, OpleidingshuisStatus.self, title: \.name,
                           englishTitle: \.name, section: .opleidingshuizen,
                           status: \.status, text: \.summary, done: { SiteRoute.opleidingshuis($0.id).path },
                           allowed: { actor, _ in Permissions.canEditOpleidingshuis(actor) }, refusal: "you do not lead the public–private partnerships")
    }

    /// GET and POST /<segment>/:id/bewerken for a record with a status and a description.
    private func registerStatusText<R: Record, S: RawRepresentable & CaseIterable & Sendable>(
        _ app: Application, segment: String, _ items: KeyPath<Dataset, [R]> & Sendable, _ statusType: S.Type,
        title: KeyPath<R, String> & Sendable, englishTitle: KeyPath<R, String> & Sendable, section: NavSection?,
        status: WritableKeyPath<R, S> & Sendable, text: WritableKeyPath<R, String> & Sendable, textField: String = "text",
        done: @escaping @Sendable (R) -> String, allowed: @escaping @Sendable (Actor?, R) -> Bool, refusal: String
    ) where S.RawValue == String, S: LocalizedLabel {
        let leaders = Access.roles([.beheerder, .projectleider])
        let path = SiteRoute.editStatusText(segment, ":id")
        @Sendable func page(_ req: Request, _ record: R, statusValue: String?, textValue: String, errors: [String: String], code: HTTPStatus) -> Response {
            Self.statusTextPage(req, title: Localized(record[keyPath: title] + " bewerken", "Edit " + record[keyPath: englishTitle]),
                                section: section, action: SiteRoute.editStatusText(segment, record.key).path,
                                statuses: S.allCases.map { ($0.rawValue, $0.label(req.lang)) }, status: statusValue,
                                textField: textField, text: textValue, errors: errors, status: code)
        }
        app.get(path, access: leaders) { req in
            let (_, record) = try await PageSupport.record(req, items, reads: [R.entity])
            guard allowed(req.actor, record) else { throw Abort(.forbidden, reason: refusal) }
            return page(req, record, statusValue: record[keyPath: status].rawValue, textValue: record[keyPath: text], errors: [:], code: .ok)
        }
        app.post(path, access: leaders) { req in
            let (_, original) = try await PageSupport.record(req, items, reads: [R.entity])
            guard allowed(req.actor, original) else { throw Abort(.forbidden, reason: refusal) }
            let form = StatusTextForm(status: try? req.content.get(String.self, at: "status"), text: try? req.content.get(String.self, at: textField))
            var record = original
            let (newStatus, newText, errors) = Self.validate(form, S.self, textField: textField, lang: req.lang)
            guard errors.isEmpty, let newStatus, let newText else {
                return page(req, original, statusValue: form.status, textValue: form.text ?? "", errors: errors, code: .badRequest)
            }
            record[keyPath: status] = newStatus
            record[keyPath: text] = newText
            // Guarded and checked in SQL (it validated the whole dataset): someone else's change meanwhile is not overwritten.
            do { try await req.programme.update(record, expected: original, actor: req.actor?.accountId ?? "?") }
            catch is ChangedMeanwhile {
                let stale = Localized("Iemand anders wijzigde dit intussen; laad de pagina opnieuw.", "Someone else changed this meanwhile; reload the page.")
                return page(req, original, statusValue: form.status, textValue: form.text ?? "", errors: [textField: stale(req.lang)], code: .conflict)
            }
            return req.redirect(to: done(record))
        }
    }

    static func validate<S: RawRepresentable>(_ form: StatusTextForm, _ type: S.Type, textField: String, lang: Lang) -> (S?, String?, [String: String]) where S.RawValue == String {
        var errors: [String: String] = [:]
        let status = S(rawValue: form.status ?? "")
        if status == nil { errors["status"] = lang == .nl ? "Kies een status." : "Choose a status." }
        let text = (form.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty || text.count > 5000 { errors[textField] = lang == .nl ? "Vul een beschrijving in (hoogstens 5000 tekens)." : "Enter a description (at most 5000 characters)." }
        return (status, errors[textField] == nil ? text : nil, errors)
    }

    static func statusTextPage(_ req: Request, title: Localized, section: NavSection?, action: String, statuses: [(String, String)],
                               status: String?, textField: String, text: String, errors: [String: String],
                               status httpStatus: HTTPStatus = .ok) -> Response {
        let ctx = PageSupport.context(req, title: title, section: section)
        let t = ctx.t
        return PageSupport.html(Layout.render(ctx, Components.postForm(action: action, csrf: ctx.csrf, class: "edit", [
            Components.select(name: "status", label: t("Status", "Status"), options: statuses, selected: status, error: errors["status"]),
            Components.textarea(textField, label: t("Beschrijving", "Description"), value: text, error: errors[textField], rows: 8),
            Components.submit(t("Opslaan", "Save")),
        ])), status: httpStatus)
    }

    /// `raw`: what the person typed in fields that did not parse, shown back so they can correct it.
    static func organizationPage(_ req: Request, org: Organization, errors: [String: String], status: HTTPStatus = .ok,
                                 raw: [String: String] = [:], revision: String? = nil, stale: (current: Organization?, mine: Organization)? = nil) -> Response {
        let ctx = PageSupport.context(req, title: Localized(org.name + " bewerken", "Edit " + org.name), section: .organizations)
        let t = ctx.t, lang = ctx.lang
        let conflict: Node<HTML.BodyContext> = stale.map { Components.staleNotice(t, current: $0.current, mine: $0.mine) } ?? .empty
        let body = Layout.render(ctx, .group(
            conflict,
            Components.errorSummary(errors, t, namingFields: false),
            Components.postForm(action: SiteRoute.editOrganization(org.id).path, csrf: ctx.csrf, class: "edit", [
                Components.field("name", label: t("Naam", "Name"), value: org.name, error: errors["name"], required: true),
                Components.checkboxes("sectors", legend: t("Sectoren", "Sectors"), options: Sector.allCases.map { ($0.rawValue, $0.label(lang)) },
                                      checked: Set(org.sectors.map(\.rawValue)), error: errors["sectors"]),
                Components.checkboxes("levels", legend: t("Onderwijsniveaus", "Education levels"), options: EducationLevel.allCases.map { ($0.rawValue, $0.label(lang)) },
                                      checked: Set(org.levels.map(\.rawValue)), error: errors["levels"]),
                Components.field("district", label: t("Stadsdeel of gemeente", "District or municipality"), value: org.district, error: errors["district"]),
                Components.field("latitude", label: t("Breedtegraad", "Latitude"), value: errors["latitude"] != nil ? raw["latitude"] : org.latitude.map { String($0) }, error: errors["latitude"], hint: "52.37"),
                Components.field("longitude", label: t("Lengtegraad", "Longitude"), value: errors["longitude"] != nil ? raw["longitude"] : org.longitude.map { String($0) }, error: errors["longitude"], hint: "4.89"),
                .input(.type(.hidden), .name("revision"), .value(revision ?? RecordForm.revision(org))),
                .element(named: "button", nodes: [.attribute(named: "type", value: "submit"), .text(t("Opslaan", "Save"))]),
            ]),
            .p(.a(.href(SiteRoute.organization(org.id).path), .text(t("Terug zonder opslaan", "Back without saving"))))
        ))
        return PageSupport.html(body, status: status)
    }
}
