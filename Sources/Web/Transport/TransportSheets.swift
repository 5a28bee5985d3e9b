import Domain
import Persistence
import Plot
import Reports
import Vapor

/// An organisation's trip sheet for a week: the page, the printable fragment (A4 PDF) and the lines both show.
extension TransportPages {
    // MARK: Trip sheets

    struct SheetLine {
        var tripId: String
        var leg: TransportPlan.Leg
        var date: PartialDate
        var pickup: Int
        var arrival: Int
        var from: String
        var to: String
        var vehicle: String
        var travellers: Int
    }

    /// The legs of the week's trips that concern `organization` (its classes, or visits to it), from the plan.
    static func sheetLines(_ w: TransportRoutes.Week, organization org: String) -> [SheetLine] {
        guard let plan = w.plan else { return [] }
        let byId = Dictionary(uniqueKeysWithValues: w.trips.map { ($0.id, $0) })
        let typeName = Dictionary(uniqueKeysWithValues: w.vehicles.map { ($0.id, $0.name) })
        var out: [SheetLine] = []
        for day in plan.days {
            for v in day.vehicles {
                for (s, drop) in v.rides {
                    guard let trip = byId[s.tripId], trip.status == .gepland, trip.schoolId == org || trip.siteId == org else { continue }
                    out.append(SheetLine(tripId: s.tripId, leg: s.leg, date: day.date, pickup: s.minute, arrival: drop.minute,
                                         from: w.name(s.placeId), to: w.name(drop.placeId),
                                         vehicle: "\(typeName[v.typeId] ?? v.typeId) \(v.number)", travellers: s.travellers))
                }
            }
        }
        return out.sorted { ($0.date, $0.pickup) < ($1.date, $1.pickup) }
    }

    static func sheetTable(_ lines: [SheetLine], lang: Lang) -> Body {
        let t = { (nl: String, en: String) in lang == .nl ? nl : en }
        return Components.table(caption: t("Ritten", "Trips"),
                                headers: [t("Dag", "Day"), t("Rit", "Trip"), t("Instappen", "Board"), t("Van", "From"), t("Aankomst", "Arrival"), t("Naar", "To"),
                                          t("Voertuig", "Vehicle"), t("Reizigers", "Travellers")],
                                rows: lines.map { l in [
                                    .text(dayLabel(l.date, lang)), .text(l.leg.label(lang)), .text(TransportTrip.clock(l.pickup)), .text(l.from),
                                    .text(TransportTrip.clock(l.arrival)), .text(l.to), .text(l.vehicle), .text(String(l.travellers)),
                                ] }, numericFrom: 7)
    }

    static func sheet(_ ctx: PageContext, _ w: TransportRoutes.Week, organization org: String, lines: [SheetLine]) -> String {
        let t = ctx.t
        let week = w.monday.description
        return Layout.render(ctx, .group(
            .p(.text(t("Week van ", "Week of ") + w.monday.label(ctx.lang) + ". " + t("Wees op tijd bij de instaptijd; de bus wacht niet langer dan nodig.", "Be ready at the boarding time; the bus waits no longer than needed."))),
            .if(w.trips.contains(where: \.example), .p(.class("note example"), .text(t("Voorbeeldgegevens: deze ritten zijn verzonnen.", "Example data: these trips are invented.")))),
            lines.isEmpty ? .p(.text(t("Geen geplande ritten deze week.", "No planned trips this week."))) : sheetTable(lines, lang: ctx.lang),
            .p(.a(.href(SiteRoute.transportSheet(week: week, organization: org, file: "ritten.pdf").path), .text(t("Ritbrief als PDF (A4)", "Trip sheet as PDF (A4)"))),
               .text(" · "),
               .a(.href(SiteRoute.transportSheet(week: week, organization: org, file: "ritten.ics").path), .text(t("In de agenda (.ics)", "Into the calendar (.ics)"))))
        ))
    }

    /// The printable sheet (A4, through Chromium).
    static func sheetFragment(_ w: TransportRoutes.Week, organization org: String, lines: [SheetLine], lang: Lang) -> String {
        let t = { (nl: String, en: String) in lang == .nl ? nl : en }
        let node: Body = .div(.class("sheet"),
            .h1(.text(t("Ritbrief ", "Trip sheet ") + w.name(org))),
            .p(.text(t("Week van ", "Week of ") + w.monday.label(lang))),
            .if(w.trips.contains(where: \.example), .p(.class("example"), .text(t("Voorbeeldgegevens: deze ritten zijn verzonnen.", "Example data: these trips are invented.")))),
            lines.isEmpty ? .p(.text(t("Geen geplande ritten deze week.", "No planned trips this week."))) : sheetTable(lines, lang: lang))
        return node.render()
    }
}
