import Domain
import Foundation
import Persistence
import Plot
import Vapor

/// A participant's own pages on a Matchingday: its details (attendees, the rounds it is present) and its wishes,
/// with suggestions whom to wish for.
extension MatchingdayPages {
    static func participant(_ req: Request, _ day: MatchingdayDay, _ p: MatchingdayParticipant, errors: [String: String], status: HTTPStatus = .ok) -> Response {
        let ctx = PageSupport.context(req, title: Localized("Deelname", "Participation"), section: .events)
        let t = ctx.t, e = day.event
        let rounds = (1...e.rounds).map { (String($0), "\($0) (\(e.roundLabel($0)))") }
        return PageSupport.html(Layout.render(ctx, .group(
            .p(.a(.href(SiteRoute.matchingday(e.id).path), .text(e.name))),
            Components.errorSummary(errors, t),
            Components.postForm(action: SiteRoute.matchingdayParticipant(e.id, p.id).path, csrf: ctx.csrf, class: "edit", [
                Components.textarea("attendees", label: p.side == .school ? t("Docenten en begeleiders (één naam per regel)", "Teachers and coaches (one name a line)")
                                                                           : t("Vertegenwoordigers (één naam per regel)", "Representatives (one name a line)"),
                                    value: p.attendees.joined(separator: "\n"), error: errors["attendees"]),
                Components.select(name: "firstRound", label: t("Aanwezig vanaf ronde", "Present from round"), options: rounds, selected: String(p.firstRound), error: errors["firstRound"]),
                Components.select(name: "lastRound", label: t("Aanwezig tot en met ronde", "Present until round"), options: rounds, selected: String(p.lastRound), error: errors["lastRound"]),
                Components.submit(t("Opslaan", "Save")),
            ])
        )), status: status)
    }

    static func wishes(_ req: Request, _ day: MatchingdayDay, _ wisher: MatchingdayParticipant, errors: [String: String] = [:], status: HTTPStatus = .ok) async throws -> Response {
        let data = try await organizations(req, day)
        let e = day.event
        let ctx = PageSupport.context(req, title: Localized("Wensen: " + (data.organization(wisher.organizationId)?.name ?? ""), "Wishes: " + (data.organization(wisher.organizationId)?.name ?? "")), section: .events)
        let t = ctx.t, lang = ctx.lang
        let others = day.participants.filter { $0.side != wisher.side && $0.status != .cancelled }
        let current = Dictionary(day.wishes.filter { $0.fromId == wisher.organizationId && !$0.byOrganiser }.map { ($0.toId, $0.priority.rawValue) }, uniquingKeysWith: { a, _ in a })
        // The pairs the ranking reads: the wisher's own agreements and those of the schools among the candidates
        // (whether a school has any company yet), read through the indexes rather than every agreement.
        let store = RecordStore(req.db)
        let reported = try await store.agreementPartners(of: wisher.organizationId)
            + (try await store.records(Agreement.self, where: "schoolId", in: others.map(\.organizationId)))
        var partners = Set(reported.flatMap { a in a.companyIds.map { [a.schoolId, $0] } })
        for a in try await req.desk.agreements(involving: [wisher.organizationId] + others.map(\.organizationId)) where a.status != .geannuleerd {
            partners.insert([a.schoolId, a.companyId])
        }
        let suggestions = data.organization(wisher.organizationId).map { me in
            WishSuggestions.rank(for: me, candidates: others.compactMap { data.organization($0.organizationId) }.filter { current[$0.id] == nil }, partners: partners)
        } ?? []
        let options = [("", "—")] + WishPriority.allCases.map { ($0.rawValue, $0.label(lang)) }
        return PageSupport.html(Layout.render(ctx, .group(
            .p(.a(.href(SiteRoute.matchingday(e.id).path), .text(e.name))),
            exampleNote(e, t),
            .if(req.query[String.self, at: "opgeslagen"] != nil, .p(.class("note"), .attribute(named: "role", value: "status"), .text(t("Uw wensen zijn opgeslagen.", "Your wishes were saved.")))),
            .p(.text(t("Moet en graag tellen mee in het rooster (wederzijdse wensen het zwaarst); liever niet en niet worden niet ingepland. Hoogstens \(e.maxMeetings) keer moet."
                       + (e.fillsFreePlaces ? " Blijft er een plaats vrij, dan kan de organisatie een passend gesprek voorstellen dat niemand wenste (nooit met wie u 'niet' of 'liever niet' gaf)." : ""),
                       "Must and would like count in the schedule (mutual wishes most); rather not and not are never scheduled. At most \(e.maxMeetings) times must."
                       + (e.fillsFreePlaces ? " Where a place stays free, the organiser may suggest a fitting meeting nobody wished (never with anyone you marked 'not' or 'rather not')." : "")))),
            .if(!suggestions.isEmpty, .section(.class("panel"), .h2(.text(t("Suggesties", "Suggestions"))),
                .ul(.forEach(suggestions) { s in .li(.strong(.text(data.organization(s.organizationId)?.name ?? s.organizationId)),
                                                       .text(": " + s.reasons.map { $0.label(lang) }.joined(separator: "; "))) }))),
            Components.errorSummary(errors, t),
            others.isEmpty ? .p(.text(t("Er zijn nog geen deelnemers aan de andere kant.", "No participants on the other side yet."))) :
            Components.postForm(action: SiteRoute.matchingdayWishes(e.id).path, csrf: ctx.csrf, class: "edit", [
                .if(ctx.user?.role == .beheerder, .input(.type(.hidden), .name("deelnemer"), .value(wisher.organizationId))),
                .unwrap(errors["wishes"]) { .p(.class("error"), .text($0)) },
                .forEach(others) { o in
                    Components.select(name: "wish-" + o.organizationId, label: data.organization(o.organizationId)?.name ?? o.organizationId, options: options,
                                      selected: (try? req.content.get(String.self, at: "wish-" + o.organizationId)) ?? current[o.organizationId], error: errors["wish-" + o.organizationId])
                },
                Components.submit(t("Wensen opslaan", "Save the wishes")),
            ])
        )), status: status)
    }
}
