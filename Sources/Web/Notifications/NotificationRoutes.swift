import Domain
import Fluent
import Foundation
import Persistence
import Plot
import Vapor

/// "Meldingen": the signed-in person's notices, newest first (the last 100), marked read once seen; and the choice
/// between a mail per notice and one overview a day.
struct NotificationRoutes {
    func register(_ app: Application) {
        app.get(.notifications, access: .signedIn) { req in
            let account = try req.requireSignedIn().account
            guard let id = UUID(uuidString: account.id) else { throw Abort(.unauthorized) }
            let rows = try await NotificationModel.query(on: req.db).filter(\.$accountId == id).sort(\.$createdAt, .descending).limit(100).all()
            let unread = Set(rows.filter { $0.readAt == nil }.compactMap(\.id))
            if !unread.isEmpty {
                try await NotificationModel.query(on: req.db).filter(\.$id ~~ Array(unread)).set(\.$readAt, to: Date()).update()
            }
            let ctx = PageSupport.context(req, title: Localized("Meldingen", "Notifications"), section: nil)
            let t = ctx.t, lang = ctx.lang
            return PageSupport.html(Layout.render(ctx, .group(
                .p(.text(t("Wat de netwerkbalie en de Matchingday u lieten weten. Per e-mail: ", "What the network desk and the Matchingday told you. By e-mail: ")
                         + account.notifyMode.label(lang).lowercased() + " "),
                   .a(.href(SiteRoute.account.path + "#meldingen"), .text(t("(wijzigen)", "(change)")))),
                rows.isEmpty ? .p(.text(t("Nog geen meldingen.", "No notifications yet."))) :
                .ul(.class("notifications"), .forEach(rows) { n in
                    .li(.if(n.id.map(unread.contains) ?? false, .strong(.text(t("Nieuw: ", "New: ")))),
                        .a(.href(Self.localPath(n.link)), .text(lang == .nl ? n.subjectNl : n.subjectEn)),
                        .text(" – " + AuditTime.label(n.createdAt ?? Date())),
                        .p(.text(lang == .nl ? n.textNl : n.textEn)))
                })
            )))
        }
        app.post(.notifyMode, access: .signedIn) { req in
            let account = try req.requireSignedIn().account
            guard let mode = NotifyMode(rawValue: FormReader(req).string("mode")) else { throw PageError(.badRequest, "mode: direct of dagelijks", "mode: immediate or daily") }
            try await req.accounts.setNotifyMode(mode, of: account.id)
            return req.redirect(to: SiteRoute.account.path + "?meldingen=1#meldingen")
        }
    }

    /// A notice's link is absolute (it also goes by mail); in the app the path on this site is enough.
    static func localPath(_ link: String) -> String {
        guard let url = URL(string: link), url.scheme != nil else { return link }
        return url.path + (url.query.map { "?" + $0 } ?? "")
    }
}
