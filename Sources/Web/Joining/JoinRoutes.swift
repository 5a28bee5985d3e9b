import Domain
import Fluent
import Persistence
import Vapor

extension Request {
    /// Joining's records for this request (issue 13): SQL behind the `JoiningRepository` seam.
    var joining: any JoiningRepository { SQLJoiningRepository(db) }
}

/// Joining as a new organisation (issue 15, part 1): anyone applies on `/netwerk/aansluiten`; the coordinators
/// hear of it, see possible duplicates on `/netwerk/aanmeldingen` and approve (organisation, membership and
/// contact account in one step; the contact gets an invitation) or decline (the applicant hears why).
struct JoinRoutes {
    /// Applications per client and per contact address in the throttle's window.
    static let perClient = 5, perAddress = 3

    func register(_ app: Application) {
        app.get(.join, access: .public) { req in
            JoinPages.form(req, draft: nil, errors: [:], received: req.query[String.self, at: "ontvangen"] != nil)
        }
        app.post(.join, access: .public) { req in try await Self.apply(req) }
        app.post(.joinDecision(":id", ":decision"), access: .beheerder) { req in try await Self.decide(req) }
    }

    static func read(_ req: Request) -> (JoinApplication, [String: String]) {
        var reader = FormReader(req)
        let kind = reader.choice("kind", OrganizationKind.self)
        let language = Lang(rawValue: reader.string("language")) ?? req.lang
        let draft = JoinApplication(id: DeskSupport.newId("aansluiting"), name: reader.string("name"), kind: kind ?? .company,
                                    registrationNumber: reader.string("registrationNumber"), address: reader.string("address"),
                                    postcode: reader.string("postcode"), city: reader.string("city"),
                                    sectors: reader.choices("sectors", Sector.self), levels: reader.choices("levels", EducationLevel.self),
                                    contactName: reader.string("contactName"), contactEmail: reader.string("contactEmail"),
                                    contactPhone: reader.text("contactPhone"), contactFunction: reader.text("contactFunction"),
                                    motivation: reader.string("motivation"), language: language, appliedOn: DeskSupport.today(req)).normalized()
        reader.merge(draft.violations())
        return (draft, reader.errors)
    }

    static func apply(_ req: Request) async throws -> Response {
        let (application, errors) = read(req)
        guard errors.isEmpty else { return JoinPages.form(req, draft: application, errors: errors, received: false, status: .badRequest) }
        guard try await FormThrottle.allow([("join-ip:" + (req.clientAddress ?? "unknown"), perClient), ("join-email:" + application.contactEmail, perAddress)],
                                           on: req.db) else { throw FormThrottle.tooMany() }
        try await req.joining.submit(application, actor: "publiek")
        let received = Notices.joinReceived(organization: application.name, link: req.application.absoluteURL(SiteRoute.join.path))
        try await Outbox.send(to: application.contactEmail, language: application.language, on: req) { lang in
            Messages.notice(name: application.contactName, received, lang: lang)
        }
        try await Notify.coordinators(except: nil, notice: Notices.joinApplied(organization: application.name, kind: application.kind,
                                                                               link: req.application.absoluteURL(SiteRoute.membershipApplications.path)), on: req)
        return req.redirect(to: SiteRoute.join.path + "?ontvangen=1")
    }

    static func decide(_ req: Request) async throws -> Response {
        guard let application = try await req.joining.application(try req.parameters.require("id")) else { throw Abort(.notFound) }
        guard application.status == .aangevraagd else {
            throw PageError(.conflict, "over deze aanmelding is al beslist (\(application.status.label.nl.lowercased()))",
                            "this application was decided already (\(application.status.label.en.lowercased()))")
        }
        let today = DeskSupport.today(req), actor = DeskSupport.actorId(req)
        switch req.parameters.get("decision") {
        case "goedkeuren":
            let taken = try await req.joining.organizationIds(startingWith: Joining.idBase(of: application))
            let approval = Joining.approve(application, takenIds: taken, districts: .amsterdam, today: today,
                                           membershipApplicationId: DeskSupport.newId("aanmelding"))
            let account: Account
            do {
                account = try await req.joining.approve(approval, expected: application, actor: actor, accountId: UUID().uuidString)
            } catch JoinError.emailTaken(let email) {
                throw PageError(.conflict, "er is al een account met \(email); vraag de aanvrager om een ander adres of koppel het bestaande account zelf",
                                "an account with \(email) exists already; ask the applicant for another address or link the existing account yourself")
            } catch DeskError.changedMeanwhile {
                throw PageError(.conflict, "een andere coördinator besliste intussen over deze aanmelding", "another coordinator decided on this application meanwhile")
            }
            try await AuthRoutes.sendResetLink(to: account, on: req, lifetime: 7 * 24 * 3600, welcome: true)
            return req.redirect(to: SiteRoute.organization(approval.organization.id).path)
        case "afwijzen":
            let declined = Joining.decline(application, remarks: FormReader(req).text("remarks-" + application.id), today: today)
            do {
                try await req.joining.decline(declined, expected: application, actor: actor)
            } catch DeskError.changedMeanwhile {
                throw PageError(.conflict, "een andere coördinator besliste intussen over deze aanmelding", "another coordinator decided on this application meanwhile")
            }
            let notice = Notices.membership(.declined(declined.remarks), organization: application.name, link: req.application.absoluteURL(SiteRoute.join.path))
            try await Outbox.send(to: application.contactEmail, language: application.language, on: req) { lang in
                Messages.notice(name: application.contactName, notice, lang: lang)
            }
            return req.redirect(to: SiteRoute.membershipApplications.path)
        default:
            throw Abort(.notFound)
        }
    }
}
