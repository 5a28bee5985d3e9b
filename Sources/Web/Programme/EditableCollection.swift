import Domain
import Persistence
import Vapor

/// One kind of programme record that can be edited in the browser (issue 15, part 4): where it lives in the
/// dataset, its columns with labels and choices, what a new one starts as, and who may change which record.
struct EditableCollection<R: Record>: Sendable {
    let segment: String
    let title: Localized
    let items: KeyPath<Dataset, [R]> & Sendable
    /// The tables its list and form read (with what they refer to, `Dataset.slice`), never the whole dataset.
    let reads: Set<String>
    /// Columns in form order.
    let columns: [String]
    let labels: [String: Localized]
    /// Columns with a fixed set of values (enums, references): value → label.
    let choices: @Sendable (Dataset, Lang, Actor?) -> [String: [(String, String)]]
    /// The text of each column of a new record.
    let defaults: @Sendable (PartialDate) -> [String: String]
    let summary: @Sendable (R, Lang) -> String
    /// Roles that reach the collection at all; `allowed` decides per record (a project leader: own projects).
    let roles: Set<Role>
    let allowed: @Sendable (Actor?, R) -> Bool

    var access: Access { .roles(roles) }
    var path: String { SiteRoute.programmeCollection(segment).path }
    func editPath(_ key: String) -> String { SiteRoute.programmeRecord(segment, key: key).path }
}

/// What the index page and the router need of any collection, whatever its record type.
protocol ProgrammeCollection: Sendable {
    var path: String { get }
    var title: Localized { get }
    var roles: Set<Role> { get }
    func register(_ app: Application)
}

extension EditableCollection: ProgrammeCollection {
    func register(_ app: Application) { ProgrammeEditor(c: self).register(app) }
}

/// The programme's editable collections: funding sources and budgets, grant applications and their status,
/// timeline milestones, project targets and results, indicator definitions and national targets.
enum ProgrammeCollections {
    /// Every collection, in the index's order: registered and listed from this one array.
    static let all: [any ProgrammeCollection] = [funding, applications, milestones, projectTargets, indicators, targets]

    static func qualifiers(_ lang: Lang) -> [(String, String)] { [("", "—")] + Qualifier.allCases.map { ($0.rawValue, $0.label(lang)) } }
    static func units(_ lang: Lang) -> [(String, String)] {
        [("count", lang == .nl ? "Aantal" : "Count"), ("percentage", lang == .nl ? "Percentage" : "Percentage"), ("euro", "Euro")]
    }
    /// A select of the organisations the form was given (`OrganizationChoice`: all when few), or nil: a text field
    /// for the id, checked on save like every reference.
    static func organizations(_ data: Dataset) -> [(String, String)]? {
        data.organizations.isEmpty ? nil : [("", "—")] + data.organizations.sorted { $0.name < $1.name }.map { ($0.id, $0.name) }
    }

    static let funding = EditableCollection<Funding>(
        segment: "financiering", title: Localized("Financiering en begroting", "Funding and budgets"), items: \.funding, reads: [Funding.entity],
        columns: ["id", "funderId", "programme", "kind", "amount", "amountQualifier", "periodFrom", "periodTo", "purpose", "section"],
        labels: ["id": Localized("Sleutel", "Key"), "funderId": Localized("Financier", "Funder"), "programme": Localized("Programma", "Programme"),
                 "kind": Localized("Soort", "Kind"), "amount": Localized("Bedrag (euro)", "Amount (euro)"), "amountQualifier": Localized("Bij benadering", "Approximation"),
                 "periodFrom": Localized("Periode vanaf (jjjj of jjjj-mm-dd)", "Period from (yyyy or yyyy-mm-dd)"), "periodTo": Localized("Periode tot en met", "Period up to"),
                 "purpose": Localized("Doel", "Purpose"), "section": Localized("Bron (paragraaf of document)", "Source (section or document)")],
        choices: { data, lang, _ in
            var choices = ["kind": FundingKind.allCases.map { ($0.rawValue, $0.label(lang)) }, "amountQualifier": qualifiers(lang)]
            choices["funderId"] = organizations(data)
            return choices
        },
        defaults: { today in ["id": DeskSupport.newId("financiering"), "kind": FundingKind.budget.rawValue, "amount": "0",
                              "periodFrom": String(today.year), "periodTo": String(today.year), "section": "platform"] },
        summary: { f, lang in f.programme + " — " + NumberFormat.euro(f.amount, lang) + " (" + f.periodFrom.label(lang) + " – " + f.periodTo.label(lang) + ")" },
        roles: [.beheerder], allowed: { actor, _ in actor?.role == .beheerder })

    static let applications = EditableCollection<FundingApplication>(
        segment: "subsidieaanvragen", title: Localized("Subsidieaanvragen", "Grant applications"), items: \.fundingApplications, reads: [FundingApplication.entity],
        columns: ["id", "fund", "applicantIds", "subject", "status", "date", "section"],
        labels: ["id": Localized("Sleutel", "Key"), "fund": Localized("Fonds", "Fund"), "applicantIds": Localized("Aanvragers (sleutels, gescheiden door ;)", "Applicants (keys, separated by ;)"),
                 "subject": Localized("Onderwerp", "Subject"), "status": Localized("Status", "Status"), "date": Localized("Datum", "Date"),
                 "section": Localized("Bron (paragraaf of document)", "Source (section or document)")],
        choices: { _, lang, _ in ["status": ApplicationStatus.allCases.map { ($0.rawValue, $0.label(lang)) }] },
        defaults: { today in ["id": DeskSupport.newId("aanvraag"), "status": ApplicationStatus.planned.rawValue, "date": today.description, "section": "platform"] },
        summary: { a, lang in a.fund + ": " + a.subject + " — " + a.status.label(lang) },
        roles: [.beheerder], allowed: { actor, _ in actor?.role == .beheerder })

    static let milestones = EditableCollection<TimelineEntry>(
        segment: "mijlpalen", title: Localized("Mijlpalen en tijdlijn", "Milestones and timeline"), items: \.timeline, reads: [TimelineEntry.entity],
        columns: ["id", "date", "kind", "title", "attendance", "attendanceQualifier", "attendanceUnit", "organizationIds", "section"],
        labels: ["id": Localized("Sleutel", "Key"), "date": Localized("Datum (jjjj, jjjj-mm of jjjj-mm-dd)", "Date (yyyy, yyyy-mm or yyyy-mm-dd)"),
                 "kind": Localized("Soort", "Kind"), "title": Localized("Titel", "Title"), "attendance": Localized("Aantal deelnemers", "Attendance"),
                 "attendanceQualifier": Localized("Bij benadering", "Approximation"), "attendanceUnit": Localized("Eenheid (bijvoorbeeld leerlingen)", "Unit (for example pupils)"),
                 "organizationIds": Localized("Organisaties (sleutels, gescheiden door ;)", "Organisations (keys, separated by ;)"),
                 "section": Localized("Bron (paragraaf of document)", "Source (section or document)")],
        choices: { _, lang, _ in ["kind": TimelineKind.allCases.map { ($0.rawValue, $0.label(lang)) }, "attendanceQualifier": qualifiers(lang)] },
        defaults: { today in ["id": DeskSupport.newId("mijlpaal"), "date": today.description, "kind": TimelineKind.milestone.rawValue, "section": "platform"] },
        summary: { e, lang in e.date.label(lang) + " — " + e.title },
        roles: [.beheerder], allowed: { actor, _ in actor?.role == .beheerder })

    static let projectTargets = EditableCollection<ProjectTarget>(
        segment: "projectdoelen", title: Localized("Projectdoelen en resultaten", "Project targets and results"), items: \.projectTargets, reads: [ProjectTarget.entity, Project.entity],
        columns: ["id", "projectId", "description", "unit", "target", "targetMax", "targetQualifier", "targetDate", "actual", "actualQualifier", "actualDate", "source"],
        labels: ["id": Localized("Sleutel", "Key"), "projectId": Localized("Project", "Project"), "description": Localized("Omschrijving", "Description"),
                 "unit": Localized("Eenheid", "Unit"), "target": Localized("Doel", "Target"), "targetMax": Localized("Doel tot (bij een bandbreedte)", "Target up to (for a range)"),
                 "targetQualifier": Localized("Doel bij benadering", "Target approximation"), "targetDate": Localized("Doel te halen op", "Target date"),
                 "actual": Localized("Resultaat", "Result"), "actualQualifier": Localized("Resultaat bij benadering", "Result approximation"),
                 "actualDate": Localized("Resultaat gemeten op", "Result measured on"), "source": Localized("Bron", "Source")],
        choices: { data, lang, actor in
            ["unit": units(lang), "targetQualifier": qualifiers(lang), "actualQualifier": qualifiers(lang),
             "projectId": data.projects.filter { Permissions.canEditProject(actor, $0.id) }.map { ($0.id, lang == .nl ? $0.name : $0.nameEn) }] },
        defaults: { _ in ["id": DeskSupport.newId("projectdoel"), "unit": Unit.count.rawValue, "source": "platform"] },
        summary: { t, _ in t.projectId + ": " + t.description },
        roles: [.beheerder, .projectleider], allowed: { actor, t in Permissions.canEditProject(actor, t.projectId) })

    static let indicators = EditableCollection<Indicator>(
        segment: "indicatoren", title: Localized("Indicatoren", "Indicators"), items: \.indicators, reads: [Indicator.entity],
        columns: ["key", "nameNl", "nameEn", "unit", "dataSource", "dimensions", "section"],
        labels: ["key": Localized("Sleutel (bijvoorbeeld roc.students.sector)", "Key (for example roc.students.sector)"), "nameNl": Localized("Naam (Nederlands)", "Name (Dutch)"),
                 "nameEn": Localized("Naam (Engels)", "Name (English)"), "unit": Localized("Eenheid", "Unit"), "dataSource": Localized("Gegevensbron", "Data source"),
                 "dimensions": Localized("Dimensies (gescheiden door ;)", "Dimensions (separated by ;)"), "section": Localized("Bron (paragraaf of document)", "Source (section or document)")],
        choices: { _, lang, _ in ["unit": units(lang)] },
        defaults: { _ in ["unit": Unit.count.rawValue, "section": "platform"] },
        summary: { i, lang in i.key + " — " + (lang == .nl ? i.nameNl : i.nameEn) },
        roles: [.beheerder], allowed: { actor, _ in actor?.role == .beheerder })

    static let targets = EditableCollection<Target>(
        segment: "streefwaarden", title: Localized("Streefwaarden", "Targets"), items: \.targets, reads: [Target.entity, Indicator.entity],
        columns: ["indicatorKey", "value", "valueMax", "date", "scope", "source"],
        labels: ["indicatorKey": Localized("Indicator", "Indicator"), "value": Localized("Streefwaarde", "Target value"), "valueMax": Localized("Tot (bij een bandbreedte)", "Up to (for a range)"),
                 "date": Localized("Te halen op", "Due on"), "scope": Localized("Reikwijdte (bijvoorbeeld Amsterdam of landelijk)", "Scope (for example Amsterdam or national)"),
                 "source": Localized("Bron", "Source")],
        choices: { data, lang, _ in ["indicatorKey": data.indicators.map { ($0.key, lang == .nl ? $0.nameNl : $0.nameEn) }] },
        defaults: { today in ["date": String(today.year + 1), "scope": "Amsterdam", "source": "platform"] },
        summary: { t, lang in t.indicatorKey + " — " + NumberFormat.number(t.value, decimals: 1, lang) + " (" + t.date.label(lang) + ", " + t.scope + ")" },
        roles: [.beheerder], allowed: { actor, _ in actor?.role == .beheerder })
}
