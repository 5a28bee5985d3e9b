/// Something that happened which concerns a person: what the "Meldingen" list shows and, immediately or in the
/// daily overview, what the mail says. Names arrive as data; the wording is in both languages.
public struct Notice: Sendable, Hashable {
    public var subject: Localized
    public var text: Localized
    /// The page where the person acts on it (absolute).
    public var link: String
    public init(subject: Localized, text: Localized, link: String) { self.subject = subject; self.text = text; self.link = link }
}

/// Every event of the desk and the Matchingday that concerns a contact person.
public enum Notices {
    static func activity(_ type: ActivityType, school: String, company: String) -> Localized {
        Localized(type.label(.nl) + ": " + school + " × " + company, type.label(.en) + ": " + school + " × " + company)
    }

    /// The desk proposes an offer for a school's request: both sides hear it.
    public static func proposal(type: ActivityType, school: String, company: String, link: String) -> Notice {
        let what = activity(type, school: school, company: company)
        return Notice(subject: Localized("Voorstel van de netwerkbalie: " + what.nl, "Proposal from the network desk: " + what.en),
                      text: Localized("De netwerkbalie stelt een activiteit voor: \(what.nl). Het bedrijf bevestigt, daarna plannen jullie samen de datum.",
                                      "The network desk proposes an activity: \(what.en). The company confirms, then you plan the date together."),
                      link: link)
    }

    /// A step on an agreement, told to the other side (and to colleagues of the side that took it).
    public static func agreementStep(_ step: AgreementStep, type: ActivityType, school: String, company: String, by: String, date: PartialDate?, link: String) -> Notice {
        let what = activity(type, school: school, company: company)
        let (nl, en): (String, String)
        switch step {
        case .confirm: (nl, en) = ("bevestigd", "confirmed")
        case .plan: (nl, en) = ("gepland" + (date.map { " op " + $0.label(.nl) } ?? ""), "planned" + (date.map { " for " + $0.label(.en) } ?? ""))
        case .deliver: (nl, en) = ("uitgevoerd", "delivered")
        case .evaluate: (nl, en) = ("geëvalueerd", "evaluated")
        case .cancel: (nl, en) = ("geannuleerd", "cancelled")
        }
        return Notice(subject: Localized("Afspraak \(nl): \(what.nl)", "Agreement \(en): \(what.en)"),
                      text: Localized("\(by) heeft de afspraak \(nl): \(what.nl).", "\(by) has \(en) the agreement: \(what.en)."), link: link)
    }

    public enum MembershipDecision: Sendable { case approved, declined(String?), ended(String) }

    public static func membership(_ decision: MembershipDecision, organization: String, link: String) -> Notice {
        switch decision {
        case .approved:
            Notice(subject: Localized("Welkom als Vriend van het Masterplan", "Welcome as a Friend of the Masterplan"),
                   text: Localized("De aanmelding van \(organization) als Vriend van het Masterplan is goedgekeurd. U kunt nu aanbod plaatsen op de netwerkbalie.",
                                   "The application of \(organization) as a Friend of the Masterplan is approved. You can now publish offers at the network desk."), link: link)
        case .declined(let remarks):
            Notice(subject: Localized("Uw aanmelding als Vriend", "Your application as a Friend"),
                   text: Localized("De aanmelding van \(organization) is niet goedgekeurd." + (remarks.map { " Toelichting: " + $0 } ?? ""),
                                   "The application of \(organization) was not approved." + (remarks.map { " Remarks: " + $0 } ?? "")), link: link)
        case .ended(let reason):
            Notice(subject: Localized("Lidmaatschap beëindigd", "Membership ended"),
                   text: Localized("Het lidmaatschap van \(organization) als Vriend is beëindigd. Reden: \(reason)",
                                   "The membership of \(organization) as a Friend has ended. Reason: \(reason)"), link: link)
        }
    }

    /// To the applicant (no account yet): the application arrived and what happens next.
    public static func joinReceived(organization: String, link: String) -> Notice {
        Notice(subject: Localized("Aanmelding ontvangen: \(organization)", "Application received: \(organization)"),
               text: Localized("Wij hebben de aanmelding van \(organization) bij het netwerk van het Masterplan ontvangen. De coördinator beoordeelt haar; na goedkeuring krijgt u een uitnodiging om uw account te openen.",
                               "We received the application of \(organization) to join the Masterplan's network. The coordinator will review it; once approved you receive an invitation to open your account."), link: link)
    }

    /// To the coordinators: a new organisation applied.
    public static func joinApplied(organization: String, kind: OrganizationKind, link: String) -> Notice {
        Notice(subject: Localized("Nieuwe aanmelding: \(organization)", "New application: \(organization)"),
               text: Localized("\(organization) (\(kind.label(.nl).lowercased())) meldde zich aan bij het netwerk. Controleer mogelijke dubbelingen en beslis.",
                               "\(organization) (\(kind.label(.en).lowercased())) applied to join the network. Check possible duplicates and decide."), link: link)
    }

    public static func schoolPlan(approved: Bool, remarks: String?, school: String, link: String) -> Notice {
        approved
            ? Notice(subject: Localized("Techniekplan goedgekeurd", "Technology plan approved"),
                     text: Localized("Het techniekplan van \(school) is goedgekeurd.", "The technology plan of \(school) is approved."), link: link)
            : Notice(subject: Localized("Techniekplan teruggestuurd", "Technology plan returned"),
                     text: Localized("Het techniekplan van \(school) is teruggestuurd. Wat er moet veranderen: \(remarks ?? "–")",
                                     "The technology plan of \(school) was returned. What should change: \(remarks ?? "–")"), link: link)
    }

    public static func agendasPublished(event: String, date: PartialDate, link: String) -> Notice {
        Notice(subject: Localized("Uw agenda voor de \(event)", "Your agenda for the \(event)"),
               text: Localized("De agenda's voor de \(event) op \(date.label(.nl)) staan klaar: met wie u spreekt, in welke ronde en aan welke tafel.",
                               "The agendas for the \(event) on \(date.label(.en)) are ready: whom you meet, in which round and at which table."), link: link)
    }

    /// After a reschedule: only the participants whose meetings changed.
    public static func rescheduled(event: String, changes: Int, link: String) -> Notice {
        Notice(subject: Localized("Uw agenda voor de \(event) is gewijzigd", "Your agenda for the \(event) has changed"),
               text: Localized("Er is opnieuw ingedeeld; \(changes) van uw gesprekken veranderde (verplaatst, nieuw of vervallen). Bekijk uw agenda.",
                               "The schedule was remade; \(changes) of your meetings changed (moved, new or cancelled). Look at your agenda."), link: link)
    }

    /// The week's transport plan is published: every school and company with a trip hears when the bus comes.
    public static func transportPublished(week: PartialDate, link: String) -> Notice {
        Notice(subject: Localized("Busvervoer in de week van \(week.label(.nl))", "Bus transport in the week of \(week.label(.en))"),
               text: Localized("Het vervoer voor de week van \(week.label(.nl)) is gepland: de ritbrief zegt per rit hoe laat de bus komt en waar hij heen gaat.",
                               "Transport for the week of \(week.label(.en)) is planned: the trip sheet says for every trip when the bus comes and where it goes."),
               link: link)
    }

    /// After a published plan changed (a class cancelled, a start time moved): only those whose trips changed.
    public static func transportChanged(week: PartialDate, changes: Int, link: String) -> Notice {
        Notice(subject: Localized("Uw busvervoer in de week van \(week.label(.nl)) is gewijzigd", "Your bus transport in the week of \(week.label(.en)) has changed"),
               text: Localized("Het vervoersplan is bijgewerkt; \(changes) van uw ritten veranderde (tijd, voertuig of vervallen). Bekijk uw ritbrief.",
                               "The transport plan was updated; \(changes) of your trips changed (time, vehicle or cancelled). Look at your trip sheet."),
               link: link)
    }
}
