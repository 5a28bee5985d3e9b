/// One e-mail's words in the recipient's language. The HTML part is made from the text (`MailHTML`), so both
/// parts always say the same; a link stands on its own or at the end of a sentence and becomes a link in HTML.
public struct MailContent: Sendable, Hashable {
    public var subject: String
    public var text: String
    public var lang: Lang
    public init(subject: String, text: String, lang: Lang) { self.subject = subject; self.text = text; self.lang = lang }
}

/// Every message the platform sends, in Dutch and English. Names and titles arrive as data and are never
/// translated (proper names stay Dutch); labels of the programme's vocabulary come in the recipient's language.
public enum Messages {
    static func letter(_ lang: Lang, name: String, _ body: String) -> String {
        lang == .nl
            ? "Beste \(name),\n\n\(body)\n\nMet vriendelijke groet,\nde coördinator van het Masterplan"
            : "Dear \(name),\n\n\(body)\n\nKind regards,\nthe Masterplan coordinator"
    }

    /// A one-time link to choose a password: on invitation (`welcome`) or on request.
    public static func passwordLink(name: String, link: String, hours: Int, welcome: Bool, lang: Lang) -> MailContent {
        switch lang {
        case .nl:
            MailContent(subject: welcome ? "Welkom bij Masterplan: kies je wachtwoord" : "Masterplan: nieuw wachtwoord",
                        text: "Beste \(name),\n\nKies je wachtwoord via deze link (één keer te gebruiken, \(hours) uur geldig):\n\(link)\n\nHeb je dit niet aangevraagd? Dan hoef je niets te doen.", lang: lang)
        case .en:
            MailContent(subject: welcome ? "Welcome to Masterplan: choose your password" : "Masterplan: new password",
                        text: "Dear \(name),\n\nChoose your password with this link (works once, valid for \(hours) hours):\n\(link)\n\nDid you not ask for this? Then there is nothing to do.", lang: lang)
        }
    }

    /// The organisation registered for a Matchingday, or joined its waiting list.
    public static func registered(name: String, organization: String, waiting: Bool, event: String, date: PartialDate, link: String, lang: Lang) -> MailContent {
        switch lang {
        case .nl:
            MailContent(subject: "Aanmelding \(event)", text: letter(lang, name: name,
                "\(organization) \(waiting ? "staat op de wachtlijst voor" : "is aangemeld voor") \(event) op \(date.label(lang)). Geef door wie er komen en wie u wilt spreken: \(link)"), lang: lang)
        case .en:
            MailContent(subject: "Registration \(event)", text: letter(lang, name: name,
                "\(organization) \(waiting ? "is on the waiting list for" : "is registered for") \(event) on \(date.label(lang)). Tell us who will come and whom you want to meet: \(link)"), lang: lang)
        }
    }

    /// A place came free: the organisation moved up from the waiting list.
    public static func placeFreed(name: String, event: String, date: PartialDate, link: String, lang: Lang) -> MailContent {
        switch lang {
        case .nl:
            MailContent(subject: "U heeft een plaats op de \(event)", text: letter(lang, name: name,
                "Er is een plaats vrijgekomen: uw organisatie staat niet meer op de wachtlijst maar is aangemeld voor \(event) op \(date.label(lang)). Geef door wie er komen en wie u wilt spreken: \(link)"), lang: lang)
        case .en:
            MailContent(subject: "You have a place at \(event)", text: letter(lang, name: name,
                "A place came free: your organisation is no longer on the waiting list but registered for \(event) on \(date.label(lang)). Tell us who will come and whom you want to meet: \(link)"), lang: lang)
        }
    }

    /// Six months after a Matchingday agreement: did it happen?
    public static func followUp(name: String, type: ActivityType, school: String, company: String, link: String, lang: Lang) -> MailContent {
        let title = "\(type.label(lang)): \(school) × \(company)"
        switch lang {
        case .nl:
            return MailContent(subject: "Is uw afspraak van de Matchingdag doorgegaan?", text: letter(lang, name: name,
                "Op de Matchingdag maakten uw organisatie en uw partner een afspraak: \(title). Is die doorgegaan? Plan de activiteit of geef de uitvoering door op: \(link)"), lang: lang)
        case .en:
            return MailContent(subject: "Did your Matchingday agreement take place?", text: letter(lang, name: name,
                "At the Matchingday your organisation and your partner made an agreement: \(title). Did it take place? Plan the activity or record its delivery at: \(link)"), lang: lang)
        }
    }

    /// After delivery: both sides are asked for a rating and remarks.
    public static func evaluationRequest(name: String, type: ActivityType, company: String, school: String, link: String, lang: Lang) -> MailContent {
        switch lang {
        case .nl:
            MailContent(subject: "Masterplan Techniek: hoe ging de activiteit?", text: letter(lang, name: name,
                "De activiteit ‘\(type.label(lang))’ van \(company) met \(school) is uitgevoerd. Geef uw waardering (1–5) en opmerkingen op de pagina van de afspraak: \(link)"), lang: lang)
        case .en:
            MailContent(subject: "Masterplan Techniek: how did the activity go?", text: letter(lang, name: name,
                "The activity ‘\(type.label(lang))’ of \(company) with \(school) has taken place. Give your rating (1–5) and remarks on the agreement's page: \(link)"), lang: lang)
        }
    }

    /// A member behind on the activities it owes this school year.
    public static func obligationReminder(name: String, organization: String, delivered: Int, required: Int, link: String, lang: Lang) -> MailContent {
        switch lang {
        case .nl:
            MailContent(subject: "Masterplan Techniek: uw bijdrage dit schooljaar", text: letter(lang, name: name,
                "Volgens de netwerkbalie heeft \(organization) dit schooljaar \(delivered) van de \(required) afgesproken activiteiten uitgevoerd. Bekijk het aanbod en de verzoeken van scholen op de netwerkbalie: \(link)"), lang: lang)
        case .en:
            MailContent(subject: "Masterplan Techniek: your contribution this school year", text: letter(lang, name: name,
                "According to the network desk, \(organization) has delivered \(delivered) of the \(required) agreed activities this school year. See the offers and the schools' requests at the network desk: \(link)"), lang: lang)
        }
    }

    /// Double opt-in: the link that confirms a newsletter subscription.
    public static func confirmSubscription(name: String?, lists: [String], link: String, days: Int, lang: Lang) -> MailContent {
        let names = lists.joined(separator: ", ")
        switch lang {
        case .nl:
            return MailContent(subject: "Bevestig uw aanmelding voor de nieuwsbrief", text: letter(lang, name: name ?? "lezer",
                "U (of iemand met uw adres) meldde zich aan voor: \(names). Bevestig dat met deze link (\(days) dagen geldig):\n\(link)\n\nDeed u dat niet? Dan hoeft u niets te doen: zonder bevestiging krijgt u niets."), lang: lang)
        case .en:
            return MailContent(subject: "Confirm your newsletter subscription", text: letter(lang, name: name ?? "reader",
                "You (or someone with your address) subscribed to: \(names). Confirm with this link (valid for \(days) days):\n\(link)\n\nWas it not you? Then there is nothing to do: without confirmation you receive nothing."), lang: lang)
        }
    }

    /// A notice, on its own (sent immediately).
    public static func notice(name: String, _ notice: Notice, lang: Lang) -> MailContent {
        MailContent(subject: notice.subject(lang), text: letter(lang, name: name, notice.text(lang) + "\n\n" + notice.link), lang: lang)
    }

    /// The daily overview: every notice since the last one, newest last.
    public static func digest(name: String, _ notices: [Notice], lang: Lang) -> MailContent {
        let items = notices.map { "- " + $0.subject(lang) + "\n  " + $0.text(lang) + "\n  " + $0.link }.joined(separator: "\n\n")
        return lang == .nl
            ? MailContent(subject: "Masterplan: \(notices.count) melding(en) van vandaag", text: letter(lang, name: name, "Dit gebeurde er sinds het vorige overzicht:\n\n" + items), lang: lang)
            : MailContent(subject: "Masterplan: \(notices.count) notification(s) today", text: letter(lang, name: name, "This happened since the last overview:\n\n" + items), lang: lang)
    }
}
