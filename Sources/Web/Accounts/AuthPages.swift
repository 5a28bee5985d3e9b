import Domain
import Plot

/// Log in, forgotten password, new password. Errors stand next to their field.
enum AuthPages {
    static func login(_ ctx: PageContext, csrf: String, email: String?, back: String?, error: String?, notice: String?) -> String {
        let t = ctx.t
        return Layout.render(ctx, .group(
            .unwrap(notice) { .p(.class("note"), .attribute(named: "role", value: "status"), .text($0)) },
            Components.postForm(action: SiteRoute.login().path, csrf: csrf, class: "edit", [
                .selfClosedElement(named: "input", attributes: [.attribute(named: "type", value: "hidden"), .attribute(named: "name", value: "terug"),
                                                                 .attribute(named: "value", value: LocalPath.validated(back) ?? "")] as [Attribute<HTML.BodyContext>]),
                Components.field("email", label: t("E-mailadres", "E-mail address"), value: email, type: "email", required: true, autocomplete: "username"),
                Components.field("password", label: t("Wachtwoord", "Password"), value: nil, type: "password", error: error, required: true, autocomplete: "current-password"),
                .element(named: "button", nodes: [.attribute(named: "type", value: "submit"), .text(t("Inloggen", "Log in"))]),
            ]),
            .p(.a(.href(SiteRoute.forgotPassword.path), .text(t("Wachtwoord vergeten?", "Forgot your password?"))))
        ))
    }

    static func forgot(_ ctx: PageContext, csrf: String, sent: Bool, error: String?) -> String {
        let t = ctx.t
        return Layout.render(ctx, sent
            ? .p(.class("note"), .attribute(named: "role", value: "status"), .text(t(
                "Als dit adres bij ons bekend is, staat er nu een bericht met een link klaar. De link werkt één keer en een uur lang.",
                "If we know this address, a message with a link is on its way. The link works once, for one hour.")))
            : Components.postForm(action: SiteRoute.forgotPassword.path, csrf: csrf, class: "edit", [
                Components.field("email", label: t("E-mailadres", "E-mail address"), value: nil, type: "email", error: error, required: true, autocomplete: "username"),
                .element(named: "button", nodes: [.attribute(named: "type", value: "submit"), .text(t("Stuur een herstellink", "Send a reset link"))]),
            ]))
    }

    static func reset(_ ctx: PageContext, csrf: String, token: String, errors: [String: String]) -> String {
        let t = ctx.t
        return Layout.render(ctx, .group(
            .unwrap(errors["token"]) { .p(.class("error"), .text($0)) },
            Components.postForm(action: SiteRoute.resetPassword(token: token).path, csrf: csrf, class: "edit", [
                .selfClosedElement(named: "input", attributes: [.attribute(named: "type", value: "hidden"), .attribute(named: "name", value: "token"),
                                                                 .attribute(named: "value", value: token)] as [Attribute<HTML.BodyContext>]),
                Components.field("password", label: t("Nieuw wachtwoord", "New password"), value: nil, type: "password", error: errors["password"],
                                 hint: t("Minstens \(PasswordPolicy.minimumLength) tekens; geen veelgebruikt wachtwoord.", "At least \(PasswordPolicy.minimumLength) characters; not a common password."),
                                 required: true, autocomplete: "new-password"),
                Components.field("password2", label: t("Herhaal het wachtwoord", "Repeat the password"), value: nil, type: "password",
                                 error: errors["password2"], required: true, autocomplete: "new-password"),
                .element(named: "button", nodes: [.attribute(named: "type", value: "submit"), .text(t("Wachtwoord opslaan", "Save password"))]),
            ])
        ))
    }
}
