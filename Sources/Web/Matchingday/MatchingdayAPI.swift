import Domain
import Persistence
import Vapor

/// Matchingdays in the JSON API: the list and a day's public summary for anyone (organisations, never attendee
/// names), the schedule for the organiser (the same rule as the grid on the site).
enum MatchingdayAPI {
    struct DayDTO: Content {
        var id: String
        var name: String
        var date: String
        var place: String?
        var status: String
        var example: Bool
        var registrationDeadline: String
        var rounds: [RoundDTO]
        var tables: Int
        var maxMeetings: Int
        var schools: [ParticipantDTO]
        var companies: [ParticipantDTO]
        var objective: Int?
        var upperBound: Int?
    }

    struct RoundDTO: Content { var round: Int; var start: String; var end: String }
    struct ParticipantDTO: Content { var organizationId: String; var status: String; var firstRound: Int; var lastRound: Int }
    struct ScheduleDTO: Content { var objective: Int?; var upperBound: Int?; var meetings: [MeetingDTO] }
    struct MeetingDTO: Content {
        var round: Int
        var table: Int
        var schoolId: String
        var companyId: String
        var change: String?
        var previousRound: Int?
        var previousTable: Int?
    }

    static func day(_ d: MatchingdayDay) -> DayDTO {
        let e = d.event
        func side(_ s: ParticipantSide) -> [ParticipantDTO] {
            d.participants.filter { $0.side == s && $0.status != .cancelled }
                .map { ParticipantDTO(organizationId: $0.organizationId, status: $0.status.rawValue, firstRound: $0.firstRound, lastRound: $0.lastRound) }
        }
        return DayDTO(id: e.id, name: e.name, date: e.date.description, place: e.place, status: e.status.rawValue, example: e.example,
                      registrationDeadline: e.registrationDeadline.description,
                      rounds: e.roundTimes.enumerated().map { RoundDTO(round: $0 + 1, start: MatchingdayEvent.clock($1.start), end: MatchingdayEvent.clock($1.end)) },
                      tables: d.tables.count, maxMeetings: e.maxMeetings, schools: side(.school), companies: side(.company),
                      objective: e.objective, upperBound: e.upperBound)
    }

    static let endpoints: [APIEndpoint] = [
        APIEndpoint(path: "/matchingdays", summary: "Matchingdays planned on the platform (example days flagged)", parameters: APIRoutes.listParameters, response: .list(DayDTO.self)) { req in
            var reader = QueryReader(req, allowed: APIRoutes.listParameters)
            let page = reader.page()
            if !reader.errors.isEmpty { throw InvalidInput(errors: reader.errors) }
            let store = req.matchingday
            var days: [DayDTO] = []
            for e in try await store.events().sorted(by: { $0.date > $1.date }) { if let d = try await store.day(e.id) { days.append(day(d)) } }
            return try APIRoutes.json(ListDTO(days.paged(page)), req)
        },
        APIEndpoint(path: "/matchingdays/{id}", summary: "One Matchingday: rounds, tables and participating organisations", parameters: [], response: .single(DayDTO.self)) { req in
            let reader = QueryReader(req, allowed: [])
            if !reader.errors.isEmpty { throw InvalidInput(errors: reader.errors) }
            let id = try req.parameters.require("id")
            guard let d = try await req.matchingday.day(id) else { throw PageError(.notFound, "geen Matchingdag met id \'\(id)\'", "no Matchingday with id \'\(id)\'") }
            return try APIRoutes.json(day(d), req)
        },
        APIEndpoint(path: "/matchingdays/{id}/meetings", summary: "A Matchingday's schedule, with the changes since the agendas went out (the organiser)",
                    parameters: [], response: .single(ScheduleDTO.self), access: .beheerder) { req in
            let reader = QueryReader(req, allowed: [])
            if !reader.errors.isEmpty { throw InvalidInput(errors: reader.errors) }
            let id = try req.parameters.require("id")
            guard let d = try await req.matchingday.day(id) else { throw PageError(.notFound, "geen Matchingdag met id \'\(id)\'", "no Matchingday with id \'\(id)\'") }
            return try APIRoutes.json(ScheduleDTO(objective: d.event.objective, upperBound: d.event.upperBound,
                                                  meetings: d.meetings.sorted { ($0.round, $0.table) < ($1.round, $1.table) }.map {
                MeetingDTO(round: $0.round, table: $0.table, schoolId: $0.schoolId, companyId: $0.companyId, change: $0.change?.rawValue,
                           previousRound: $0.previousRound, previousTable: $0.previousTable)
            }), req)
        },
    ]
}
