import Foundation
import Testing
import VaporTesting
@testable import Web

@Suite struct PagesTests {
    /// Every page answers and shows what it is for, from the stored data.
    @Test(arguments: [
        ("/", ["Kerncijfers", "Knelpunt leerlingenvervoer", "143", "Vrienden van het Masterplan", "+53,3 %", "−176", "<svg", "<desc"]),
        ("/organisaties", ["organisaties gevonden", "Alliander", "rel=\"next\""]),
        ("/organisaties/roc-van-amsterdam", ["Mbo-instelling", "Vakmanschapsroute", "Opleidingshuis Mobiliteitstechniek", "Florus Roelofsen"]),
        ("/organisaties/nextechnician", ["Leden van dit samenwerkingsverband", "Stern Mercedes", "Berlage Lyceum"]),
        ("/netwerk", ["1 januari 2014", "30 november 2014", "Totaal", "<td class=\"num\">143</td>", "Ted Schulten Architecten", "36"]),
        ("/projecten", ["Entreeopleiding", "Koers bijgesteld", "Maarten Albersen"]),
        ("/projecten/entreeopleiding", ["60", "90", "februari 2015", "Achter"]),
        ("/projecten/technologieroute", ["200 tot 250", "ruim 160"]),
        ("/leerroutes", ["Montessori College Oost", "Bredero Beroepscollege", "Logistiek", "IJburg College 2", "Keuzedelen: 10", "Leerlijn mbo-hbo Bouwkunde"]),
        ("/opleidingshuizen", ["House of Logistics", "Nog geen besluit", "Zij-instroom"]),
        ("/opleidingshuizen/mobiliteitstechniek", ["BOVAG", "december 2013", "Techniek Teams"]),
        ("/indicatoren", ["Studenten Techniek en Logistiek per sector", "Servicepunt Techniek Noord Holland"]),
        ("/indicatoren/roc.students.sector", ["3.224", "3.141", "3.181", "+53,3 %", "Totaal (berekend)"]),
        ("/indicatoren/labour.vacancies", ["+119,1 %", "1.325", "+70,3 %"]),
        ("/indicatoren/havo-vwo.n-profile", ["39,1 %", "58 %", "55 %", "2015"]),
        ("/tijdlijn", ["Kick-off", "circa 60", "2012"]),
        ("/tijdlijn?year=2014", ["TEday 2014", "ruim 800"]),
        ("/financiering", ["€ 1.800.000", "ruim € 600.000", "€ 2.000.000", "House of Logistics"]),
        ("/evenementen", ["Matchingday 2014", "25", "24"]),
        ("/evenementen/matchingday-2014", ["Goflex BV", "DIVV - Marcanti College", "LPI Amsterdam", "somt er 24 met naam op"]),
        ("/projectorganisatie", ["Stuurgroep", "Maurits Derksen", "Projectleider Technologieroute"]),
        ("/ambities", ["Knelpunt leerlingenvervoer", "Kiezen voor techniek", "Stemmen uit het programma", "Stefan Epema"]),
        ("/projecten/leerlijnen-mbo-hbo", ["José Dohle", "aansluiting mbo-hbo"]),
        ("/organisaties/gvb", ["De metro bestaat in 2014 35 jaar"]),
    ])
    func pageShowsItsContent(path: String, expected: [String]) async throws {
        try await withMasterplan { app in
            let res = try await get(app, path)
            #expect(res.status == .ok, "\(path)")
            #expect(res.headers.contentType == .html)
            for snippet in expected {
                #expect(res.text.contains(snippet), "\(path) should show \(snippet)")
            }
            #expect(res.text.contains("<html lang=\"nl\">"))
        }
    }

    @Test func organisationFiltersAndSearch() async throws {
        try await withMasterplan { app in
            let vmboT = try await get(app, "/organisaties?kind=secondary-school&level=vmbo-t")
            #expect(vmboT.text.contains("9 organisaties gevonden"))
            // "All" must submit an empty value, not its label (found by the browser test).
            #expect(vmboT.text.contains("<option value>Alle</option>"))
            let search = try await get(app, "/organisaties?q=osb")
            #expect(search.text.contains("1 organisaties gevonden"))
            #expect(search.text.contains("/organisaties/open-schoolgemeenschap-bijlmer"))
            let page2 = try await get(app, "/organisaties?page=2")
            #expect(page2.text.contains("rel=\"prev\""))
            #expect(page2.text.contains("Pagina 2 van"))
        }
    }

    @Test func everyListPaginates() async throws {
        try await withMasterplan { app in
            for path in ["/projecten?per=3&page=2", "/opleidingshuizen?per=2&page=2", "/evenementen?per=1&page=2", "/indicatoren?per=5&page=2"] {
                let res = try await get(app, path)
                #expect(res.status == .ok, "\(path)")
                #expect(res.text.contains("Pagina 2 van"), "\(path)")
                #expect(res.text.contains("rel=\"prev\""), "\(path)")
            }
            #expect(try await get(app, "/projecten?page=0").status == .badRequest)
        }
    }

    @Test func badFilterIsShownNextToTheField() async throws {
        try await withMasterplan { app in
            let res = try await get(app, "/organisaties?kind=castle")
            #expect(res.status == .badRequest)
            #expect(res.text.contains("id=\"kind-error\""))
            #expect(res.text.contains("aria-invalid=\"true\""))
            #expect(res.text.contains("&#39;castle&#39; is not one of") || res.text.contains("'castle' is not one of"))
        }
    }

    @Test func unknownRecordsAre404() async throws {
        try await withMasterplan { app in
            for path in ["/organisaties/nope", "/projecten/nope", "/opleidingshuizen/nope", "/indicatoren/nope", "/evenementen/nope", "/nope"] {
                let res = try await get(app, path)
                #expect(res.status == .notFound, "\(path)")
                #expect(res.text.contains("Pagina niet gevonden"))
            }
        }
    }

    @Test func languageSwitchSetsACookieAndStaysOnSite() async throws {
        try await withMasterplan { app in
            let res = try await get(app, "/taal/en?terug=/projecten")
            #expect(res.status == .seeOther)
            #expect(res.headers.first(name: .location) == "/projecten")
            let cookie = try #require(res.headers.first(name: .setCookie))
            #expect(cookie.contains("lang=en"))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.lowercased().contains("samesite=lax"))
            let evil = try await get(app, "/taal/en?terug=//evil.example")
            #expect(evil.headers.first(name: .location) == "/")
            var headers = HTTPHeaders()
            headers.add(name: .cookie, value: "lang=en")
            let english = try await get(app, "/", headers: headers)
            #expect(english.text.contains("<html lang=\"en\">"))
            #expect(english.text.contains("Key figures"))
            #expect(english.text.contains("1,793") || english.text.contains("3,181"))
            let query = try await get(app, "/projecten?lang=en")
            #expect(query.text.contains("Targeted projects") || query.text.contains("Seven targeted projects"))
        }
    }

    @Test func everyChartHasATitleADescriptionAndADataTable() async throws {
        try await withMasterplan { app in
            let res = try await get(app, "/")
            let charts = res.text.components(separatedBy: "<figure class=\"chart\">").count - 1
            #expect(charts == 3)
            #expect(res.text.components(separatedBy: "<title id=").count - 1 == charts)
            #expect(res.text.components(separatedBy: "<desc id=").count - 1 == charts)
            #expect(res.text.components(separatedBy: "<details>").count - 1 == charts)
        }
    }

    @Test func stylesheetIsServed() async throws {
        try await withMasterplan { app in
            let res = try await get(app, "/static/site.css")
            #expect(res.status == .ok)
            #expect(res.headers.contentType?.subType == "css")
            #expect(res.text.contains("@media print"))
        }
    }
}
