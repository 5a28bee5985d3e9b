import Domain
import Persistence
import Plot
import Vapor

/// The routes of one editable collection: its list, the form for a record (by key, in the query: keys hold "|"
/// and "/"), a new record. Forms carry the revision they were filled in on; a stale one gets 409 with both
/// versions and the fields that differ, and nothing is overwritten. Every write is audited.
struct ProgrammeEditor<R: Record> {
    let c: EditableCollection<R>

    func register(_ app: Application) {
        app.get(.programmeCollection(c.segment), access: c.access) { req in try await list(req) }
        app.get(.programmeRecord(c.segment, key: nil), access: c.access) { req in
            let (data, record) = try await find(req)
            return page(req, data: data, key: record.key, values: Dictionary(RecordForm.fields(record).map { ($0.column, $0.text) }, uniquingKeysWith: { a, _ in a }),
                        revision: RecordForm.revision(record), errors: [:])
        }
        app.post(.programmeRecord(c.segment, key: nil), access: c.access) { req in try await save(req) }
        app.get(.programmeNewRecord(c.segment), access: c.access) { req in
            let data = try await data(req)
            return page(req, data: data, key: nil, values: c.defaults(DeskSupport.today(req)), revision: nil, errors: [:])
        }
        app.post(.programmeNewRecord(c.segment), access: c.access) { req in try await create(req) }
    }

    /// What the list and the form read: the collection's tables and, for a form with an organisation (a funder), the
    /// organisations to choose from when they are few (`OrganizationChoice`); else none and the id is typed.
    func data(_ req: Request) async throws -> Dataset {
        var data = try await PageSupport.data(req, reads: c.reads)
        if c.columns.contains("funderId") { data.organizations = try await OrganizationChoice.load(req).options ?? [] }
        return data
    }

    func find(_ req: Request) async throws -> (Dataset, R) {
        guard let key = req.query[String.self, at: "sleutel"] else { throw PageError(.badRequest, "sleutel: welk record?", "sleutel: which record?") }
        let data = try await data(req)
        guard let record = data[keyPath: c.items].first(where: { $0.key == key }) else { throw Abort(.notFound) }
        guard c.allowed(req.actor, record) else { throw PageError(.forbidden, "u mag dit record niet wijzigen", "you may not change this record") }
        return (data, record)
    }

    func formValues(_ req: Request) -> [String: String] {
        var values: [String: String] = [:]
        for column in c.columns { values[column] = (try? req.content.get(String.self, at: column)) ?? "" }
        return values
    }

    /// Field errors for a parsed record: the codec's, then who may hold it (a project leader: own projects only).
    func check(_ req: Request, _ values: [String: String]) -> (R?, [String: String]) {
        let (record, errors) = RecordForm.parse(R.self, values: values)
        var messages = errors.mapValues { $0(req.lang) }
        if let record, !c.allowed(req.actor, record) {
            messages[c.columns.contains("projectId") ? "projectId" : c.columns[0]] = req.lang == .nl ? "Dit mag u niet vastleggen." : "You may not record this."
        }
        return (messages.isEmpty ? record : nil, messages)
    }

    func save(_ req: Request) async throws -> Response {
        let (data, original) = try await find(req)
        let values = formValues(req)
        let (parsed, errors) = check(req, values)
        let posted = (try? req.content.get(String.self, at: "revision")) ?? ""
        guard let record = parsed else {
            return page(req, data: data, key: original.key, values: values, revision: posted, errors: errors, status: .badRequest)
        }
        do {
            // The form's own version is what it expects, so a form made on an older version never overwrites.
            guard posted == RecordForm.revision(original) else { throw ChangedMeanwhile(current: original) }
            _ = try await req.programme.update(record, expected: original, actor: DeskSupport.actorId(req))
        } catch let stale as ChangedMeanwhile {
            let current = stale.current as? R
            return page(req, data: data, key: original.key, values: values, revision: current.map(RecordForm.revision) ?? posted, errors: [:],
                        status: .conflict, stale: (current, record))
        } catch StoreError.invalid(let v) {
            return page(req, data: data, key: original.key, values: values, revision: posted,
                        errors: [v.column: RecordForm.localized(v.message)(req.lang)], status: .badRequest)
        }
        return req.redirect(to: c.path + "?opgeslagen=" + record.key.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
    }

    func create(_ req: Request) async throws -> Response {
        let data = try await data(req)
        let values = formValues(req)
        let (parsed, errors) = check(req, values)
        guard let record = parsed else { return page(req, data: data, key: nil, values: values, revision: nil, errors: errors, status: .badRequest) }
        do {
            try await req.programme.add(record, actor: DeskSupport.actorId(req))
        } catch StoreError.invalid(let v) {
            return page(req, data: data, key: nil, values: values, revision: nil, errors: [v.column: RecordForm.localized(v.message)(req.lang)], status: .badRequest)
        }
        return req.redirect(to: c.path + "?opgeslagen=" + record.key.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
    }

    func list(_ req: Request) async throws -> Response {
        // The list shows the collection's records only, not the form's choice of organisations.
        let data = try await PageSupport.data(req, reads: c.reads)
        let ctx = PageSupport.context(req, title: c.title, section: nil)
        let t = ctx.t
        let records = data[keyPath: c.items].filter { c.allowed(req.actor, $0) }
        return PageSupport.html(Layout.render(ctx, .group(
            .if(req.query[String.self, at: "opgeslagen"] != nil, .p(.class("note"), .attribute(named: "role", value: "status"), .text(t("Opgeslagen.", "Saved.")))),
            .p(.a(.href(SiteRoute.programme.path), .text(t("← Programma bewerken", "← Edit the programme"))), .text(" · "),
               .a(.href(SiteRoute.programmeNewRecord(c.segment).path), .text(t("Nieuw record", "New record")))),
            Components.table(caption: c.title(ctx.lang) + " (\(records.count))", headers: [t("Record", "Record"), t("Bewerken", "Edit")],
                             rows: records.map { r in [.text(c.summary(r, ctx.lang)), .a(.href(c.editPath(r.key)), .text(t("Bewerken", "Edit")))] },
                             numericFrom: 9)
        )))
    }

    /// The form; with `stale`, the 409 page: what is stored now beside the person's version, field by field.
    func page(_ req: Request, data: Dataset, key: String?, values: [String: String], revision: String?, errors: [String: String],
              status: HTTPStatus = .ok, stale: (current: R?, mine: R)? = nil) -> Response {
        let ctx = PageSupport.context(req, title: Localized((key == nil ? "Nieuw: " : "Bewerken: ") + c.title.nl, (key == nil ? "New: " : "Edit: ") + c.title.en), section: nil)
        let t = ctx.t, lang = ctx.lang
        let choices = c.choices(data, lang, req.actor)
        let action = key.map(c.editPath) ?? SiteRoute.programmeNewRecord(c.segment).path
        var fields: [Node<HTML.BodyContext>] = []
        for column in c.columns {
            let label = c.labels[column]?(lang) ?? column
            if let options = choices[column] {
                fields.append(Components.select(name: column, label: label, options: options, selected: values[column], error: errors[column]))
            } else {
                fields.append(Components.field(column, label: label, value: values[column], error: errors[column]))
            }
        }
        if let revision { fields.append(.input(.type(.hidden), .name("revision"), .value(revision))) }
        fields.append(Components.submit(t("Opslaan", "Save")))
        var conflict: Node<HTML.BodyContext> = .empty
        if let stale {
            conflict = Components.staleNotice(t, current: stale.current, mine: stale.mine) { c.labels[$0]?(lang) ?? $0 }
        }
        return PageSupport.html(Layout.render(ctx, .group(
            conflict,
            Components.errorSummary(errors, t),
            .p(.class("hint"), .text(t("Lijsten scheidt u met een puntkomma; datums als 2026, 2026-09 of 2026-09-01. Elke wijziging komt in het auditlog.",
                                       "Separate lists with a semicolon; dates as 2026, 2026-09 or 2026-09-01. Every change goes into the audit log."))),
            Components.postForm(action: action, csrf: ctx.csrf, class: "edit", fields),
            .p(.a(.href(c.path), .text(t("← Terug naar de lijst", "← Back to the list"))))
        )), status: status)
    }
}

/// `/programma`: what the coordinator (and a project leader, for their projects' targets) can edit.
struct ProgrammeRoutes {
    func register(_ app: Application) {
        for collection in ProgrammeCollections.all { collection.register(app) }
        app.get(.programme, access: .roles([.beheerder, .projectleider])) { req in
            let ctx = PageSupport.context(req, title: Localized("Programma bewerken", "Edit the programme"), section: nil)
            let t = ctx.t
            let role = req.actor?.role
            let mine = ProgrammeCollections.all.filter { c in role.map { c.roles.contains($0) } ?? false }
            return PageSupport.html(Layout.render(ctx, .group(
                .p(.text(t("De gegevens van het programma, met dezelfde regels als de import. Elk formulier onthoudt de versie waarop het is ingevuld: wie intussen iets wijzigde, overschrijft u niet ongemerkt.",
                           "The programme's data, with the same rules as the import. Every form remembers the version it was filled in on: you never silently overwrite someone else's change."))),
                .ul(.forEach(mine) { .li(.a(.href($0.path), .text($0.title(ctx.lang)))) })
            )))
        }
    }
}
