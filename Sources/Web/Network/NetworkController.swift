import Domain
import Persistence
import Vapor

extension Request {
    /// The network's reads for this request (issue 13): SQL, page by page; nothing is held per instance.
    var network: any NetworkRepository { SQLNetworkRepository(db, counts: application.countCache) }
}

/// Network & organisations: the organisation list, an organisation's page and the network page.
enum NetworkController {
    static func register(_ app: Application) {
        app.get(.organizations(), access: .public, use: organizations)
        app.get(.organization(":id"), access: .public, use: organization)
        app.get(.network(), access: .public, use: network)
    }

    /// GET /organisaties: search and filters (a wrong value is named, 400), one page in the list's order.
    @Sendable static func organizations(_ req: Request) async throws -> Response {
        var reader = QueryReader(req, allowed: QueryReader.organizationParameters)
        let filter = reader.organizationFilter()
        let pageRequest = reader.page()
        let page = try await OrganizationsPage.load(req.network, filter: filter, page: pageRequest, lang: req.lang, errors: reader)
        return PageSupport.html(page.render(PageSupport.context(req, title: Localized("Organisaties", "Organisations"), section: .organizations)),
                                status: reader.errors.isEmpty ? .ok : .badRequest)
    }

    /// GET /organisaties/{id}: everything the organisation takes part in; contact persons for those who may see them.
    @Sendable static func organization(_ req: Request) async throws -> Response {
        let id = try req.parameters.require("id")
        guard let slice = try await req.network.profile(of: id), let profile = OrganizationProfile(id: id, in: slice) else { throw Abort(.notFound) }
        let partners = try await req.desk.partnersInProgress(of: req.actor?.role == .contactpersoon ? req.actor?.organizationId : nil)
        // The slice holds every agreement and project participation of this organisation, all the rule reads.
        let contacts = Permissions.canSeeContacts(req.actor, of: id, in: slice, partners: partners) ? try await Contacts.of(id, on: req.db) : nil
        return PageSupport.html(OrganizationPage(lang: req.lang, profile: profile, data: slice, contacts: contacts,
                                                 canEdit: Permissions.canEditOrganization(req.actor, id), saved: req.query[String.self, at: "opgeslagen"] != nil)
            .render(PageSupport.context(req, title: Localized(profile.organization.name, profile.organization.name), section: .organizations)))
    }

    /// GET /netwerk: the reported counts and the members registered on a day (?datum=2014-06-01; today by default).
    @Sendable static func network(_ req: Request) async throws -> Response {
        var reader = QueryReader(req, allowed: ["datum", "page", "per"])
        let pageRequest = reader.page()
        if !reader.errors.isEmpty { throw InvalidInput(errors: reader.errors) }
        let day = (req.query[String.self, at: "datum"]).flatMap(PartialDate.init) ?? DeskSupport.today(req)
        let page = try await NetworkPage.load(req.network, on: day, page: pageRequest, lang: req.lang)
        return PageSupport.html(page.render(PageSupport.context(req, title: Localized("Vrienden van het Masterplan", "Friends of the Masterplan"), section: .network)))
    }
}
