import Domain
import Fluent
import Foundation
import Persistence
import Reports
import Vapor

/// The newsletter's part of `serve`'s 30-second loop.
public func sendNewsletters(_ app: Application) async throws -> Int { try await NewsletterSending.tick(app) }

/// Sends newsletters through the mail queue: each tick (every 30 seconds in `serve`, and right after "send now")
/// starts the issues whose time has come and queues at most `MASTERPLAN_NEWSLETTER_RATE / 2` messages per tick
/// (default 120 a minute), each in its reader's language with a personal unsubscribe link and the
/// List-Unsubscribe headers. No tracking pixel, no rewritten links. When nobody is left, the issue is sent and the
/// archive keeps the copy without a personal link. Safe on several instances at once.
enum NewsletterSending {
    static func perTick(_ app: Application) -> Int { max(1, app.settings.newsletterPerMinute / 2) }

    @discardableResult
    static func tick(_ app: Application, now: Date = Date()) async throws -> Int {
        let store = NewsletterStore(app.db)
        _ = try await store.startDue(now: now)
        _ = try await store.markBounces()
        var queued = 0
        let quota = perTick(app)
        let sending = try await store.sendingIssues()
        // The programme's data is read once per tick, and only when an issue is going out.
        guard !sending.isEmpty else { return 0 }
        let data = try await snapshot(app)
        for issue in sending {
            let recipients = try await store.recipients(of: issue, limit: quota - queued)
            for subscriber in recipients {
                let unsubscribe = app.absoluteURL(SiteRoute.newsletterUnsubscribe(token: subscriber.unsubscribeToken).path)
                let out = NewsletterRender.render(issue, data: data, lang: subscriber.lang, unsubscribeURL: unsubscribe,
                                                  archiveURL: app.absoluteURL(SiteRoute.newsletterIssue(issue.id).path))
                let message = OutboxMessageModel(recipient: subscriber.email, subject: out.subject, body: out.text, html: out.html,
                                                 language: subscriber.language)
                message.listUnsubscribe = unsubscribe
                if try await store.deliver(issueId: issue.id, to: subscriber, message: message), let id = message.id {
                    queued += 1
                    Outbox.tryInBackground(id, app: app, logger: app.logger)
                }
            }
            if recipients.isEmpty {
                let archive = app.absoluteURL(SiteRoute.newsletterIssue(issue.id).path)
                let nl = NewsletterRender.render(issue, data: data, lang: .nl, unsubscribeURL: nil, archiveURL: archive)
                let en = NewsletterRender.render(issue, data: data, lang: .en, unsubscribeURL: nil, archiveURL: archive)
                try await store.finish(issue.id, html: Localized(nl.html, en.html), text: Localized(nl.text, en.text), now: now)
            }
            if queued >= quota { break }
        }
        return queued
    }

    /// What the programme blocks show, read now.
    static func snapshot(_ app: Application) async throws -> NewsletterData {
        let records = RecordStore(app.db)
        let data = try await records.dataset(only: [TimelineEntry.entity, Event.entity, Membership.entity])
        // The members' names only, not every organisation's whole record.
        let names = try await records.organizationNames(data.memberships.map(\.organizationId))
        let today = PartialDate(day: Date())
        let year = SchoolYear(containing: today, startMonth: 8)
        // The next Matchingday open for registration (never an example day: those are made up).
        var next: NewsletterData.NextMatchingday?
        let matchingdays = try await SQLMatchingdayRepository(app.db).events().filter { $0.status == .open && !$0.example && $0.registrationDeadline >= today }
        if let m = matchingdays.min(by: { $0.date < $1.date }) {
            next = .init(name: m.name, date: m.date, place: m.place, registrationDeadline: m.registrationDeadline,
                         link: app.absoluteURL(SiteRoute.matchingday(m.id).path))
        }
        let agreements = try await AuditedRecords(app.db).all(ActivityAgreement.self).filter { a in
            a.date.map { year.contains($0) } ?? false
        }
        let delivered = agreements.filter { $0.status == .uitgevoerd || $0.status == .geevalueerd }
        let figures: [NewsletterData.Figure] = [
            .init(label: Localized("Activiteiten uitgevoerd", "Activities delivered"), value: delivered.count),
            .init(label: Localized("Leerlingen bereikt", "Pupils reached"), value: delivered.compactMap(\.pupilsReached).reduce(0, +)),
            .init(label: Localized("Activiteiten gepland", "Activities planned"), value: agreements.filter { $0.status == .gepland }.count),
            .init(label: Localized("Vrienden van het Masterplan", "Friends of the Masterplan"), value: Set(data.memberships.filter { $0.endDate == nil }.map(\.organizationId)).count),
        ]
        let vrienden = data.memberships.compactMap { m -> (name: String, since: PartialDate)? in
            guard let since = m.startDate ?? m.attestedOn else { return nil }
            return (names[m.organizationId] ?? m.organizationId, since)
        }.sorted { $0.since > $1.since }
        let base = app.absoluteURL("")
        return NewsletterData(today: today, timeline: data.timeline, events: data.events, nextMatchingday: next, schoolYear: year.description,
                              figures: figures, vrienden: vrienden, imageURL: { base + SiteRoute.newsletterImage($0).path })
    }
}
