import Domain
import Foundation
import Persistence
import Plot
import Vapor

/// The forms for one trip and one vehicle type, and the version they were filled in on.
extension TransportPages {
    // MARK: One trip

    /// The stored version a form was filled in on: FNV-1a over the record's JSON with sorted keys, the same on every
    /// instance (a hash of Swift's `Hasher` is not: it is seeded per process).
    static func fingerprint<R: Encodable>(_ record: R) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in (try? encoder.encode(record)) ?? Data() { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return String(hash, radix: 16)
    }

    static func tripForm(_ ctx: PageContext, _ w: TransportRoutes.Week, stored: TransportTrip, draft: TransportTrip, errors: [String: String], csrf: String?) -> String {
        let t = ctx.t, lang = ctx.lang
        let funders = Array(Set(w.data.funding.compactMap(\.funderId))).sorted().map { ($0, w.name($0)) }
        return Layout.render(ctx, .group(
            Components.facts([
                (t("Dag", "Day"), .text(dayLabel(stored.date, lang))),
                (t("School", "School"), .text(w.name(stored.schoolId))),
                (t("Naar", "To"), .text(w.name(stored.siteId))),
                (t("Status", "Status"), .text(stored.status.label(lang))),
                (t("Uit afspraak", "From agreement"), stored.agreementId.map { .a(.href(SiteRoute.agreement($0).path), .text($0)) }),
            ]),
            .if(stored.example, .p(.class("note example"), .text(t("Voorbeeldgegevens: deze rit is verzonnen.", "Example data: this trip is invented.")))),
            Components.errorSummary(errors, t),
            Components.postForm(action: SiteRoute.transportTrip(stored.id).path, csrf: csrf, class: "edit", [
                hidden("expected", fingerprint(stored)),
                Components.field("startTime", label: t("Start van de activiteit (uu:mm)", "Start of the activity (hh:mm)"), value: draft.startTime, type: "time", error: errors["startTime"], required: true),
                Components.field("durationMinutes", label: t("Duur (minuten)", "Duration (minutes)"), value: String(draft.durationMinutes), type: "number", error: errors["durationMinutes"], required: true),
                Components.field("pupils", label: t("Leerlingen", "Pupils"), value: String(draft.pupils), type: "number", error: errors["pupils"], required: true),
                Components.field("teachers", label: t("Begeleiders", "Teachers"), value: String(draft.teachers), type: "number", error: errors["teachers"]),
                Components.field("wheelchairs", label: t("Rolstoelen", "Wheelchairs"), value: String(draft.wheelchairs), type: "number", error: errors["wheelchairs"]),
                Components.select(name: "publicTransport", label: t("Vervoer", "Transport"),
                                  options: [("", t("Volgens de instelling (openbaar vervoer binnen de grens)", "By the setting (public transport within the limit)")),
                                            ("bus", t("Altijd met de bus", "Always by bus")), ("ov", t("Met het openbaar vervoer", "By public transport"))],
                                  selected: draft.publicTransport.map { $0 ? "ov" : "bus" } ?? "", error: errors["publicTransport"]),
                Components.select(name: "funderId", label: t("Wie betaalt het vervoer", "Who pays for the transport"),
                                  options: [("", t("Nog niet toegewezen", "Not assigned yet"))] + funders, selected: draft.funderId ?? "", error: errors["funderId"]),
                .h2(.text(t("Eigen locatie van de activiteit (optioneel)", "The activity's own site (optional)"))),
                .p(.class("hint"), .text(t("Alleen als de activiteit niet op het adres van het bedrijf is, bijvoorbeeld in een werkplaats of op een bouwplaats.",
                                           "Only when the activity is not at the company's address, for instance in a workshop or on a building site."))),
                Components.field("siteName", label: t("Naam of adres van de locatie", "Name or address of the site"), value: draft.siteName, error: errors["siteName"]),
                Components.field("siteLatitude", label: t("Breedtegraad", "Latitude"), value: draft.siteLatitude.map { "\($0)" }, error: errors["siteLatitude"]),
                Components.field("siteLongitude", label: t("Lengtegraad", "Longitude"), value: draft.siteLongitude.map { "\($0)" }, error: errors["siteLongitude"]),
                Components.submit(t("Opslaan en het plan bijwerken", "Save and update the plan")),
            ])
        ))
    }

    static func vehicleForm(_ ctx: PageContext, stored: TransportVehicleType, draft: TransportVehicleType, errors: [String: String], csrf: String?) -> String {
        let t = ctx.t
        return Layout.render(ctx, .group(
            .if(stored.example, .p(.class("note example"), .text(t("Voorbeeldgegevens: deze vervoerder is verzonnen.", "Example data: this carrier is invented.")))),
            .p(.class("hint"), .text(t("Plannen die al bestaan, veranderen pas bij ‘Bijwerken met de minste wijzigingen’; een voertuig dat er niet meer is, geeft zijn klassen dan door.",
                                       "Existing plans change only at ‘Update with the fewest changes’; a vehicle that is gone then hands its classes on."))),
            Components.errorSummary(errors, t),
            Components.postForm(action: SiteRoute.transportVehicle(stored.id).path, csrf: csrf, class: "edit", [
                hidden("expected", fingerprint(stored)), vehicleFields(t, draft, errors: errors), Components.submit(t("Opslaan", "Save"))]),
            Components.postForm(action: SiteRoute.transportVehicle(stored.id).path + "/verwijderen", csrf: csrf, class: "inline", [
                Components.submit(t("Dit voertuigtype verwijderen", "Remove this vehicle type"))])
        ))
    }
}
