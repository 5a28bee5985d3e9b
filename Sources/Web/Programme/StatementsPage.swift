import Domain
import Plot

/// Where the programme is going in its own words (§2, §3, §4.7, §5), and the voices the report quotes.
struct StatementsPage {
    let lang: Lang
    let data: Dataset

    func render(_ ctx: PageContext) -> String {
        let t = ctx.t
        return Layout.render(ctx, .group(
            .if(lang == .en, .p(.class("source"), .text("The programme's statements are kept in Dutch, the language of the report."))),
            .forEach(StatementKind.allCases) { kind in
                let items = data.statements.filter { $0.kind == kind }
                return .if(!items.isEmpty, .section(.id(kind.rawValue), .h2(.text(kind.label(lang))),
                    .ul(.class("plain"), .forEach(items) { s in
                        .li(.class(kind == .bottleneck ? "note" : ""), .strong(.text(s.title)), .text(" " + s.text + " "), Components.source(s.section, lang: lang))
                    })))
            },
            .if(!data.quotes.isEmpty, .section(.id("stemmen"), .h2(.text(t("Stemmen uit het programma", "Voices from the programme"))),
                .forEach(data.quotes) { Components.quote($0, data, lang: lang) }))
        ))
    }
}
