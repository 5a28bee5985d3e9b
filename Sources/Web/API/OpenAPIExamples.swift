import Foundation
import NIOConcurrencyHelpers
import Persistence
import Vapor

/// Examples in the OpenAPI document are real answers of this platform, never made up: each public read operation
/// is asked in-process for its first item (a list with `per=1`; a single record by the first id of its list), and
/// the answer is embedded. Operations behind sign-in get no example (they hold personal data). Kept per dataset
/// version, so the document costs one round of reads per change of the data, not per request.
enum OpenAPIExamples {
    static func examples(_ req: Request, endpoints: [APIEndpoint]) async throws -> [String: JSONValue] {
        let version = try await RecordStore(req.db).version()
        if let cached = cache.withLockedValue({ $0?.version == version ? $0?.examples : nil }) { return cached }
        var examples: [String: JSONValue] = [:], firstIds: [String: String] = [:]
        let reads = endpoints.filter { $0.method == .GET && $0.access == .public }
        // Lists first: their first item gives the id of the single-record examples.
        for e in reads.sorted(by: { !$0.path.contains("{") && $1.path.contains("{") }) {
            let parameter = e.path.split(separator: "/").first { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
            var path = "/api/v1" + e.path
            if let parameter {
                let list = String(e.path[..<e.path.range(of: "/{")!.lowerBound])
                guard let id = firstIds[list] else { continue }
                path = path.replacingOccurrences(of: "{\(parameter)}", with: id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? id)
            } else if e.parameters.contains("per") {
                path += "?per=1"
            }
            let sub = Request(application: req.application, method: .GET, url: URI(string: path), on: req.eventLoop)
            if let parameter, let id = firstIds[String(e.path[..<e.path.range(of: "/{")!.lowerBound])] {
                sub.parameters.set(parameter, to: id)
                sub.parameters.set("id", to: id)
            }
            guard let response = try? await e.handler(sub), response.status == .ok, let body = response.body.data,
                  let json = try? JSONDecoder().decode(JSONValue.self, from: body) else { continue }
            examples["GET " + e.path] = json
            // The id of the first item, wherever its type keeps it (a DTO wraps the record: project.id, route.id).
            if let first = json["items"]?.first,
               let id = ["id", "key"].lazy.compactMap({ first[$0]?.stringValue }).first
                ?? ["project", "route", "opleidingshuis", "indicator"].lazy.compactMap({ first[$0]?["id"]?.stringValue ?? first[$0]?["key"]?.stringValue }).first {
                firstIds[e.path] = id
            }
        }
        // A change answers with the record as it is then: the same shape as reading it.
        examples["PATCH /organizations/{id}"] = examples["GET /organizations/{id}"]
        examples.merge(signedIn) { a, _ in a }
        cache.withLockedValue { $0 = (version, examples) }
        return examples
    }

    /// Operations behind sign-in answer with personal data, so their examples are written here, with the reserved
    /// example.org domain and the ids of the example Matchingday, never a real person.
    static let signedIn: [String: JSONValue] = [
        "GET /me": .object([("email", .string("kim@example.org")), ("id", .string("6F1C2E84-8A1B-4C3D-9E2F-0123456789AB")), ("name", .string("Kim de Vries")),
                            ("organizationId", .string("montessori-college-oost")), ("projectIds", .array([])), ("role", .string("contactpersoon")), ("via", .string("token:read"))]),
        "GET /organizations/{id}/contacts": .array([.object([("email", .string("kim@example.org")), ("function", .string("docent techniek")),
                                                             ("name", .string("Kim de Vries")), ("phone", .string("+31 20 555 0100"))])]),
        "GET /matchingdays/{id}/meetings": .object([("meetings", .array([.object([("companyId", .string("infento")), ("round", .int(1)),
                                                                                  ("schoolId", .string("montessori-college-oost")), ("table", .int(1))])])),
                                                     ("objective", .int(4)), ("upperBound", .int(4))]),
        "GET /requests": .object([("items", .array([.object([
            ("createdOn", .string("2026-09-20")), ("id", .string("verzoek-voorbeeld")), ("level", .string("vmbo-bk")), ("pupils", .int(24)),
            ("respondBy", .string("2026-10-04")), ("schoolId", .string("montessori-college-oost")), ("sectors", .array([.string("metaal")])),
            ("status", .string("nieuw")), ("type", .string("excursie")), ("windowEnd", .string("2026-12-31")), ("windowStart", .string("2026-10-01"))])])),
            ("page", .int(1)), ("per", .int(1)), ("total", .int(1))]),
        "GET /activity-agreements": .object([("items", .array([.object([
            ("companyId", .string("infento")), ("createdOn", .string("2026-09-21")), ("durationMinutes", .int(120)), ("id", .string("afspraak-voorbeeld")),
            ("pupils", .int(24)), ("schoolId", .string("montessori-college-oost")), ("sectors", .array([])), ("status", .string("voorgesteld")),
            ("transportNeeded", .bool(false)), ("type", .string("excursie"))])])),
            ("page", .int(1)), ("per", .int(1)), ("total", .int(1))]),
        "POST /requests/{id}/proposals": agreementExample(status: "voorgesteld"),
        "POST /activity-agreements/{id}/steps/{step}": agreementExample(status: "afgesproken"),
        "GET /transport/trips": .object([("items", .array([tripExample(status: "gepland")])), ("page", .int(1)), ("per", .int(1)), ("total", .int(1))]),
        "GET /transport/legs": .object([("items", .array([.object([
            ("alightAt", .string("GGD")), ("alightTime", .string("09:20")), ("boardAt", .string("Berlage Lyceum")), ("boardTime", .string("08:58")),
            ("date", .string("2015-03-09")), ("leg", .string("heen")), ("published", .bool(true)), ("schoolId", .string("berlage-lyceum")),
            ("siteId", .string("ggd-amsterdam")), ("travellers", .int(26)), ("tripId", .string("voorbeeldrit-01")), ("vehicle", .int(1)),
            ("vehicleTypeId", .string("voorbeeld-touringcar-50"))])])),
            ("page", .int(1)), ("per", .int(1)), ("total", .int(1))]),
        "POST /transport/trips/{id}/cancel": tripExample(status: "geannuleerd"),
        "POST /observations/import": .object([("replaced", .int(1)), ("series", .array([.object([("dimensions", .array([.string("sector")])),
                                                                                                   ("indicator", .string("roc.students.sector")), ("period", .string("2015-2016"))])])),
                                               ("stored", .int(1))]),
    ]

    /// A trip of the example Technologieroute week (data/examples; invented, and labelled so).
    static func tripExample(status: String) -> JSONValue {
        .object([("date", .string("2015-03-09")), ("durationMinutes", .int(150)), ("example", .bool(true)), ("id", .string("voorbeeldrit-01")),
                 ("projectId", .string("technologieroute")), ("pupils", .int(24)), ("schoolId", .string("berlage-lyceum")), ("siteId", .string("ggd-amsterdam")),
                 ("startTime", .string("09:30")), ("status", .string(status)), ("teachers", .int(2)), ("wheelchairs", .int(0))])
    }

    static func agreementExample(status: String) -> JSONValue {
        .object([("companyId", .string("infento")), ("createdOn", .string("2026-09-21")), ("durationMinutes", .int(120)), ("id", .string("afspraak-voorbeeld")),
                 ("offerId", .string("aanbod-voorbeeld")), ("pupils", .int(24)), ("requestId", .string("verzoek-voorbeeld")),
                 ("schoolId", .string("montessori-college-oost")), ("sectors", .array([])), ("status", .string(status)),
                 ("transportNeeded", .bool(false)), ("type", .string("excursie"))])
    }

    private static let cache = NIOLockedValueBox<(version: Int, examples: [String: JSONValue])?>(nil)
}

extension JSONValue: Decodable {
    /// Any JSON; object keys sorted, so the document is the same every time.
    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            self = .object(try object.allKeys.sorted { $0.stringValue < $1.stringValue }.map { ($0.stringValue, try object.decode(JSONValue.self, forKey: $0)) })
        } else if var array = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !array.isAtEnd { items.append(try array.decode(JSONValue.self)) }
            self = .array(items)
        } else {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let i = try? c.decode(Int.self) { self = .int(i) }
            else if let d = try? c.decode(Double.self) { self = .double(d) }
            else { self = .string(try c.decode(String.self)) }
        }
    }

    subscript(_ key: String) -> JSONValue? {
        if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    var first: JSONValue? { if case .array(let a) = self { a.first } else { nil } }
}
