import Domain
import Foundation
import Persistence
import Plot
import Reports
import Vapor

/// The transport pages: the coordinator's week (trips, plan per vehicle, per school and company, costs, what-if,
/// vehicles, settings, travel times) and an organisation's trip sheet.
enum TransportPages {
    typealias Body = Node<HTML.BodyContext>

    struct WhatIf {
        var type: TransportVehicleType
        var served: [String]
        var extraCost: Double
    }

    static func hidden(_ name: String, _ value: String) -> Body {
        .selfClosedElement(named: "input", attributes: [.attribute(named: "type", value: "hidden"), .attribute(named: "name", value: name),
                                                        .attribute(named: "value", value: value)] as [Attribute<HTML.BodyContext>])
    }

    static func dayLabel(_ d: PartialDate, _ lang: Lang) -> String {
        let names = lang == .nl ? ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
                                : ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        guard let z = CivilDays.days(d) else { return d.label(lang) }
        return names[((z % 7) + 7 + 3) % 7] + " " + d.label(lang)
    }

    static func week(_ ctx: PageContext, _ w: TransportRoutes.Week, csrf: String?, whatIf: WhatIf?, errors: [String: String], changed: Int?) -> String {
        let t = ctx.t, lang = ctx.lang
        let weekId = w.monday.description
        let split = TransportPlanning.split(w.input)
        let pt = Set(split.publicTransport), missing = Set(split.missing)
        let waiting = Set(w.plan?.waiting.map(\.tripId) ?? [])
        let example = w.trips.contains(where: \.example) || w.vehicles.contains(where: \.example)
        let byId = Dictionary(uniqueKeysWithValues: w.trips.map { ($0.id, $0) })
        let costs = w.plan?.costPerTrip(byId, travel: w.travel) ?? [:]
        let approximate = Set(w.trips.flatMap { [$0.schoolId, $0.sitePlace] }.filter { w.travel.coordinates[$0]?.approximate == true })
        func mode(_ trip: TransportTrip) -> String {
            if trip.status == .geannuleerd { return t("—", "—") }
            if missing.contains(trip.id) { return t("Geen locatie bekend: vul de coördinaten in op de organisatiepagina", "No location known: fill in the coordinates on the organisation's page") }
            if pt.contains(trip.id) { return t("Openbaar vervoer", "Public transport") }
            if waiting.contains(trip.id) { return t("Wacht op een voertuig", "Waiting for a vehicle") }
            return t("Bus", "Bus")
        }
        let body: Body = .group(
            .p(.text(t("Een aantal scholen doet alleen mee aan de techniekprojecten als het vervoer van school naar bedrijf geregeld is (§5.4). Hier wordt elke activiteit die vervoer nodig heeft een rit heen en terug; het plan zet de klassen in zo weinig mogelijk voertuigen en daarna tegen de laagste kosten, met elke klas bij elkaar.",
                       "Several schools join the technology projects only if transport from school to company is arranged (§5.4). Here every activity that needs transport becomes a trip there and back; the plan puts the classes in as few vehicles as possible and then at the least cost, each class together."))),
            .if(example, .p(.class("note example"), .text(t("Voorbeeldgegevens: de klassen, tijden, de vervoerder en de coördinaten in deze week zijn verzonnen rond de scholen en plaatsen die het rapport noemt (§4.4); ze komen niet uit het rapport.",
                                                         "Example data: the classes, times, carrier and coordinates in this week are invented around the schools and places the report names (§4.4); they are not from the report.")))),
            .unwrap(changed) { n in .p(.class("note"), .attribute(named: "role", value: "status"),
                                       .text(t("Opnieuw gepland. Ritten van anderen die van tijd of voertuig veranderden: \(n).", "Re-planned. Other trips whose time or vehicle changed: \(n)."))) },
            Components.errorSummary(errors, t),
            .element(named: "form", nodes: [.attribute(named: "method", value: "get"), .attribute(named: "action", value: SiteRoute.transport().path), .class("inline"),
                Components.field("week", label: t("Week (een dag erin, jjjj-mm-dd)", "Week (a day in it, yyyy-mm-dd)"), value: weekId, type: "date"),
                Components.submit(t("Toon week", "Show week"))]),
            .if(!w.weeks.isEmpty, .nav(.attribute(named: "aria-label", value: t("Weken met ritten", "Weeks with trips")),
                .p(.text(t("Weken met ritten: ", "Weeks with trips: ")), .forEach(w.weeks.enumerated()) { i, m in
                    .group(.if(i > 0, .text(", ")), .a(.href(SiteRoute.transport(week: m.description).path), .text(m.label(lang))))
                }))),
            .h2(.text(t("Ritten in de week van ", "Trips in the week of ") + w.monday.label(lang))),
            w.trips.isEmpty ? .p(.text(t("Geen ritten in deze week.", "No trips in this week.")))
            : Components.table(caption: t("Ritten", "Trips"), headers: [t("Dag en start", "Day and start"), t("School", "School"), t("Naar", "To"),
                                                                      t("Leerlingen + begeleiders", "Pupils + teachers"), t("Rolstoel", "Wheelchair"),
                                                                      t("Vervoer", "Transport"), t("Kosten", "Cost"), t("Actie", "Action")],
                               rows: w.trips.map { trip in [
                                   .text(dayLabel(trip.date, lang) + " " + trip.startTime + (trip.example ? t(" (voorbeeld)", " (example)") : "")),
                                   .text(w.name(trip.schoolId) + (approximate.contains(trip.schoolId) ? t(" (locatie bij benadering)", " (location approximate)") : "")),
                                   .text(w.name(trip.sitePlace) + (approximate.contains(trip.sitePlace) ? t(" (locatie bij benadering)", " (location approximate)") : "")),
                                   .text("\(trip.pupils) + \(trip.teachers)"), .text(String(trip.wheelchairs)),
                                   .text(trip.status == .geannuleerd ? trip.status.label(lang) : mode(trip)),
                                   .text(costs[trip.id].map { NumberFormat.euro($0.rounded(), lang) } ?? "—"),
                                   trip.status == .gepland
                                       ? .group(.a(.href(SiteRoute.transportTrip(trip.id).path),
                                                   .attribute(named: "aria-label", value: t("Wijzig de rit van ", "Change the trip of ") + w.name(trip.schoolId) + " " + trip.date.label(lang) + " " + trip.startTime),
                                                   .text(t("Wijzigen", "Change"))), .text(" "), Components.postForm(action: SiteRoute.transportCancelTrip(trip.id).path, csrf: csrf, class: "inline", [
                                           .element(named: "button", nodes: [.attribute(named: "type", value: "submit"),
                                                                            .attribute(named: "aria-label", value: t("Annuleer de rit van ", "Cancel the trip of ") + w.name(trip.schoolId) + " " + trip.date.label(lang) + " " + trip.startTime),
                                                                            .text(t("Annuleren", "Cancel"))])]))
                                       : .text(""),
                               ] }, numericFrom: 3),
            .div(.class("actions"),
                Components.postForm(action: SiteRoute.transportAction("ritten-uit-afspraken").path, csrf: csrf, class: "inline", [
                    hidden("week", weekId), Components.submit(t("Ritten uit afspraken met vervoer overnemen", "Take trips from agreements that need transport"))]),
                .if(w.plan?.mayPlanFromScratch ?? true, Components.postForm(action: SiteRoute.transportAction("plannen").path, csrf: csrf, class: "inline", [
                    hidden("week", weekId), hidden("revision", w.record.map { String($0.revision) } ?? ""),
                    Components.submit(w.plan == nil ? t("Vervoer plannen", "Plan transport") : t("Opnieuw plannen vanaf nul", "Plan again from scratch"))])),
                .if(w.plan != nil && w.plan?.publishedOn == nil, Components.postForm(action: SiteRoute.transportAction("publiceren").path, csrf: csrf, class: "inline", [
                    hidden("week", weekId), hidden("revision", w.record.map { String($0.revision) } ?? ""),
                    Components.submit(t("Publiceren: scholen en bedrijven krijgen hun ritbrief", "Publish: schools and companies get their trip sheet"))])),
                .if(w.plan != nil, Components.postForm(action: SiteRoute.transportAction("herplannen").path, csrf: csrf, class: "inline", [
                    hidden("week", weekId), hidden("revision", w.record.map { String($0.revision) } ?? ""),
                    Components.submit(t("Bijwerken met de minste wijzigingen", "Update with the fewest changes"))]))),
            .unwrap(w.plan) { plan in planSection(ctx, w, plan, csrf: csrf, whatIf: whatIf, errors: errors, costs: costs) },
            vehiclesSection(ctx, w, csrf: csrf, errors: errors),
            settingsSection(ctx, w, csrf: csrf, errors: errors)
        )
        return Layout.render(ctx, body)
    }

    static func planSection(_ ctx: PageContext, _ w: TransportRoutes.Week, _ plan: TransportPlan, csrf: String?, whatIf: WhatIf?,
                            errors: [String: String], costs: [String: Double]) -> Body {
        let t = ctx.t, lang = ctx.lang
        let byId = Dictionary(uniqueKeysWithValues: w.trips.map { ($0.id, $0) })
        let typeName = Dictionary(uniqueKeysWithValues: w.vehicles.map { ($0.id, $0.name) })
        func group(_ key: (TransportTrip) -> String?) -> [(String, Double)] {
            var out: [String: Double] = [:]
            for (id, c) in costs { if let trip = byId[id] { out[key(trip) ?? "", default: 0] += c } }
            return out.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        let schools = Array(Set(w.trips.map(\.schoolId))).sorted { w.name($0) < w.name($1) }
        let sites = Array(Set(w.trips.map(\.siteId))).sorted { w.name($0) < w.name($1) }
        return .section(
            .h2(.text(t("Het plan", "The plan") + (w.record.map { t(" (versie \($0.revision))", " (version \($0.revision))") } ?? ""))),
            .p(.text(plan.publishedOn.map { t("Gepubliceerd op \($0.label(lang)); wijzigingen gaan met de minste verandering en de betrokkenen horen ervan.",
                                              "Published on \($0.label(lang)); changes go with the least change and those concerned are told.") }
                     ?? t("Concept: nog niet gepubliceerd.", "Draft: not published yet."))),
            Components.facts([
                (t("Voertuigdagen", "Vehicle days"), .text(String(plan.vehicleDays))),
                (t("Kosten", "Cost"), .text(NumberFormat.euro(plan.cost.rounded(), lang))),
                (t("Wachten op een voertuig", "Waiting for a vehicle"), .text(String(Set(plan.waiting.map(\.tripId)).count))),
                (t("Met openbaar vervoer", "By public transport"), .text(String(plan.publicTransport.count))),
                (t("Zonder locatie (niet gepland)", "Without location (not planned)"), plan.missingLocation.isEmpty ? nil : .text(plan.missingLocation.map { byId[$0].map { w.name($0.schoolId) } ?? $0 }.joined(separator: ", "))),
            ]),
            .forEach(plan.days) { day in daySection(ctx, w, day, byId: byId, typeName: typeName) },
            .h3(.text(t("Ritbrieven per school en per bedrijf", "Trip sheets per school and per company"))),
            .ul(.forEach(schools) { id in .li(.a(.href(SiteRoute.transportSheet(week: w.monday.description, organization: id).path), .text(w.name(id))), .text(t(" (school)", " (school)"))) }),
            .ul(.forEach(sites) { id in .li(.a(.href(SiteRoute.transportSheet(week: w.monday.description, organization: id).path), .text(w.name(id))), .text(t(" (bezocht)", " (visited)"))) }),
            .h3(.text(t("Kosten", "Cost"))),
            .p(.class("hint"), .text(t("De kosten van elk voertuig (dagprijs en kilometers) zijn verdeeld over de klassen die het vervoert, naar reizigers × kilometers van hun eigen rit.",
                                       "Each vehicle's cost (day price and kilometres) is shared over the classes it carries, by travellers × the kilometres of their own trip."))),
            Components.table(caption: t("Kosten per school", "Cost per school"), headers: [t("School", "School"), t("Kosten", "Cost")],
                             rows: group { $0.schoolId }.map { [.text(w.name($0.0)), .text(NumberFormat.euro($0.1.rounded(), lang))] }),
            Components.table(caption: t("Kosten per project", "Cost per project"), headers: [t("Project", "Project"), t("Kosten", "Cost")],
                             rows: group { $0.projectId }.map { id, c in [.text(id.isEmpty ? t("Geen project", "No project") : (w.data.projects.first { $0.id == id }?.name ?? id)),
                                                                          .text(NumberFormat.euro(c.rounded(), lang))] }),
            Components.table(caption: t("Kosten per financier", "Cost per funder"), headers: [t("Financier", "Funder"), t("Kosten", "Cost")],
                             rows: group { $0.funderId }.map { id, c in [.text(id.isEmpty ? t("Nog niet toegewezen", "Not assigned yet") : w.name(id)),
                                                                         .text(NumberFormat.euro(c.rounded(), lang))] }),
            .h3(.text(t("Wat als er één voertuig bij komt?", "What if one more vehicle is funded?"))),
            plan.waiting.isEmpty ? .p(.text(t("Er wacht geen klas op een voertuig.", "No class is waiting for a vehicle.")))
            : Components.postForm(action: SiteRoute.transportAction("extra-voertuig").path, csrf: csrf, class: "inline", [
                hidden("week", w.monday.description),
                Components.select(name: "typeId", label: t("Voertuigtype", "Vehicle type"), options: w.vehicles.map { ($0.id, $0.name) }, selected: nil, error: errors["typeId"]),
                Components.submit(t("Bereken", "Calculate"))]),
            .unwrap(whatIf) { r in
                .p(.class("note"), .attribute(named: "role", value: "status"),
                   .text(r.served.isEmpty
                         ? t("Met één \(r.type.name) extra kan geen wachtende klas mee.", "One more \(r.type.name) would not carry any waiting class.")
                         : t("Met één \(r.type.name) extra kunnen mee: ", "One more \(r.type.name) would carry: ")
                           + r.served.map { byId[$0].map { w.name($0.schoolId) + " (" + dayLabel($0.date, lang) + ")" } ?? $0 }.joined(separator: ", ")
                           + t(". Extra kosten: ", ". Extra cost: ") + NumberFormat.euro(r.extraCost.rounded(), lang) + "."))
            }
        )
    }

    static func daySection(_ ctx: PageContext, _ w: TransportRoutes.Week, _ day: TransportPlan.Day, byId: [String: TransportTrip],
                           typeName: [String: String]) -> Body {
        let t = ctx.t, lang = ctx.lang
        let label = t("Tijdlijn per voertuig, ", "Timeline per vehicle, ") + dayLabel(day.date, lang)
            + t(": balken zijn klassen aan boord (blauw heen, bruin terug); de tabellen hieronder geven dezelfde tijden.",
                ": bars are classes on board (blue outward, brown return); the tables below give the same times.")
        let drawing: Body = day.vehicles.isEmpty ? .text("") : .element(named: "figure", nodes: [.raw(TransportTimeline.svg(day, label: label, lang: lang))])
        let heading = dayLabel(day.date, lang).capitalized(lang) + ": " + t("\(day.vehicles.count) voertuig(en)", "\(day.vehicles.count) vehicle(s)")
        return .section(.h3(.text(heading)), drawing,
            .forEach(day.vehicles) { v in
                Components.table(
                    caption: t("Voertuig \(v.number)", "Vehicle \(v.number)") + " · " + (typeName[v.typeId] ?? v.typeId) + " · "
                        + t("vertrek \(TransportTrip.clock(v.depart)), terug \(TransportTrip.clock(v.back)), \(NumberFormat.number(v.km, decimals: 1, lang)) km, ",
                            "leaves \(TransportTrip.clock(v.depart)), back \(TransportTrip.clock(v.back)), \(NumberFormat.number(v.km, decimals: 1, lang)) km, ")
                        + NumberFormat.euro(v.cost.rounded(), lang),
                    headers: [t("Tijd", "Time"), t("Wat", "What"), t("Waar", "Where"), t("Klas van", "Class of"), t("Reizigers", "Travellers")],
                    rows: v.stops.map { s in [
                        .text(TransportTrip.clock(s.minute)),
                        .text((s.pickup ? t("Instappen", "Board") : t("Uitstappen", "Alight")) + " (" + s.leg.label(lang).lowercased() + ")"),
                        .text(w.name(s.placeId)), .text(byId[s.tripId].map { w.name($0.schoolId) } ?? s.tripId), .text(String(s.travellers)),
                    ] }, numericFrom: 4)
            },
            .if(!day.waiting.isEmpty, .p(.class("error"), .text(t("Wachten op een voertuig: ", "Waiting for a vehicle: ")
                + day.waiting.map { (byId[$0.tripId].map { w.name($0.schoolId) } ?? $0.tripId) + " (" + $0.leg.label(lang).lowercased() + ")" }.joined(separator: ", "))))
            )
    }

    static func vehiclesSection(_ ctx: PageContext, _ w: TransportRoutes.Week, csrf: String?, errors: [String: String]) -> Body {
        let t = ctx.t, lang = ctx.lang
        return .section(
            .h2(.text(t("Voertuigen van de vervoerders", "The carriers' vehicles"))),
            Components.table(caption: t("Voertuigtypen", "Vehicle types"),
                             headers: [t("Type", "Type"), t("Vervoerder", "Carrier"), t("Zitplaatsen", "Seats"), t("Rolstoelplaatsen", "Wheelchair places"),
                                       t("Per dag", "Per day"), t("Per km", "Per km"), t("Beschikbaar per dag", "Available per day"), t("Remise", "Depot")],
                             rows: w.vehicles.map { v in [
                                 .a(.href(SiteRoute.transportVehicle(v.id).path), .text(v.name + (v.example ? t(" (voorbeeld)", " (example)") : ""))), .text(v.carrier), .text(String(v.seats)), .text(String(v.wheelchairPlaces)),
                                 .text(NumberFormat.euro(Double(v.costPerDay), lang)), .text(NumberFormat.number(Double(v.centsPerKm) / 100, decimals: 2, lang)),
                                 .text(String(v.available)), .text(v.depotName),
                             ] }, numericFrom: 2),
            Components.postForm(action: SiteRoute.transportAction("voertuigen").path, csrf: csrf, class: "edit", [
                hidden("week", w.monday.description),
                .h3(.text(t("Voertuigtype toevoegen", "Add a vehicle type"))),
                vehicleFields(t, nil, errors: errors),
                Components.submit(t("Voertuigtype toevoegen", "Add the vehicle type")),
            ])
        )
    }

    static func vehicleFields(_ t: (String, String) -> String, _ v: TransportVehicleType?, errors: [String: String]) -> Body {
        .group(
            Components.field("name", label: t("Naam", "Name"), value: v?.name, error: errors["name"], required: true),
            Components.field("carrier", label: t("Vervoerder", "Carrier"), value: v?.carrier, error: errors["carrier"], required: true),
            Components.field("seats", label: t("Zitplaatsen", "Seats"), value: v.map { String($0.seats) }, type: "number", error: errors["seats"], required: true),
            Components.field("wheelchairPlaces", label: t("Rolstoelplaatsen", "Wheelchair places"), value: String(v?.wheelchairPlaces ?? 0), type: "number", error: errors["wheelchairPlaces"]),
            Components.field("costPerDay", label: t("Prijs per dag (euro)", "Price per day (euros)"), value: v.map { String($0.costPerDay) }, type: "number", error: errors["costPerDay"], required: true),
            Components.field("centsPerKm", label: t("Prijs per km (cent)", "Price per km (cents)"), value: v.map { String($0.centsPerKm) }, type: "number", error: errors["centsPerKm"], required: true),
            Components.field("available", label: t("Beschikbaar per dag", "Available per day"), value: v.map { String($0.available) }, type: "number", error: errors["available"], required: true),
            Components.field("depotName", label: t("Remise", "Depot"), value: v?.depotName, error: errors["depotName"], required: true),
            Components.field("depotLatitude", label: t("Remise: breedtegraad", "Depot: latitude"), value: v.map { "\($0.depotLatitude)" }, error: errors["depotLatitude"], required: true),
            Components.field("depotLongitude", label: t("Remise: lengtegraad", "Depot: longitude"), value: v.map { "\($0.depotLongitude)" }, error: errors["depotLongitude"], required: true))
    }

    static func settingsSection(_ ctx: PageContext, _ w: TransportRoutes.Week, csrf: String?, errors: [String: String]) -> Body {
        let t = ctx.t, lang = ctx.lang, s = w.travel.settings
        return .section(
            .h2(.text(t("Reistijden en instellingen", "Travel times and settings"))),
            .p(.text(t("Zonder ingelezen reistijden schat het plan afstand en tijd uit de coördinaten: hemelsbreed × omrijfactor, met een snelheid per vervoerwijze. Ingelezen reistijden (uit elke routeplanner) gaan voor.",
                       "Without imported travel times the plan estimates distance and time from the coordinates: straight line × detour factor, at a speed per mode. Imported times (from any routing engine) come first."))),
            Components.postForm(action: SiteRoute.transportAction("instellingen").path, csrf: csrf, class: "edit", [
                hidden("week", w.monday.description),
                Components.field("detourFactor", label: t("Omrijfactor", "Detour factor"), value: NumberFormat.number(s.detourFactor, decimals: 2, .en), error: errors["detourFactor"]),
                Components.field("busKmPerHour", label: t("Snelheid bus (km/u)", "Bus speed (km/h)"), value: NumberFormat.number(s.busKmPerHour, decimals: 0, .en), error: errors["busKmPerHour"]),
                Components.field("publicTransportKmPerHour", label: t("Snelheid openbaar vervoer (km/u)", "Public transport speed (km/h)"), value: NumberFormat.number(s.publicTransportKmPerHour, decimals: 0, .en), error: errors["publicTransportKmPerHour"]),
                Components.field("publicTransportWaitMinutes", label: t("Wachten en lopen bij openbaar vervoer (minuten)", "Waiting and walking with public transport (minutes)"), value: String(s.publicTransportWaitMinutes), type: "number", error: errors["publicTransportWaitMinutes"]),
                Components.field("publicTransportLimit", label: t("Openbaar vervoer als de reis hooguit zo lang duurt (minuten; 0 = nooit)", "Public transport when the journey takes at most (minutes; 0 = never)"), value: String(s.publicTransportLimit), type: "number", error: errors["publicTransportLimit"]),
                Components.field("arriveEarliest", label: t("Aankomst vanaf (minuten vóór de start)", "Arrive from (minutes before the start)"), value: String(s.arriveEarliest), type: "number", error: errors["arriveEarliest"]),
                Components.field("arriveLatest", label: t("Aankomst uiterlijk (minuten vóór de start)", "Arrive by (minutes before the start)"), value: String(s.arriveLatest), type: "number", error: errors["arriveLatest"]),
                Components.submit(t("Instellingen opslaan", "Save the settings")),
            ]),
            Components.postForm(action: SiteRoute.transportAction("reistijden").path, csrf: csrf, class: "edit", [
                hidden("week", w.monday.description),
                Components.textarea("csv", label: t("Reistijden inlezen (CSV: van,naar,minuten,km met organisatie-id's)", "Import travel times (CSV: from,to,minutes,km with organisation ids)"),
                                    value: "", error: errors["csv"]),
                Components.submit(t("Reistijden inlezen", "Import travel times")),
            ]),
            .p(.class("hint"), .text(t("Ingelezen reistijden: \(w.travel.legs.count). ", "Imported travel times: \(w.travel.legs.count). ")
                                     + t("Taal: ", "Language: ") + lang.rawValue))
        )
    }
}

extension String {
    /// First letter upper-case (Dutch day names are lower-case mid-sentence).
    func capitalized(_ lang: Lang) -> String { prefix(1).uppercased() + dropFirst() }
}
