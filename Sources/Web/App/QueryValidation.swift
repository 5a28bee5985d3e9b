import Domain
import Vapor

/// A query parameter that does not fit, with a message for the person or program that sent it.
struct FieldError: Error, Sendable, Codable, Hashable {
    var name: String
    var reason: String
}

struct InvalidInput: Error {
    var errors: [FieldError]
}

/// Reads and checks query parameters by name, collecting every problem instead of stopping at the first.
struct QueryReader {
    let req: Request
    let allowed: Set<String>
    var errors: [FieldError] = []

    init(_ req: Request, allowed: [String]) {
        self.req = req
        self.allowed = Set(allowed + ["lang"])
        for name in req.url.query.map(Self.names) ?? [] where !self.allowed.contains(name) {
            errors.append(FieldError(name: name, reason: "unknown parameter; allowed: \(allowed.sorted().joined(separator: ", "))"))
        }
        // A page's form sends an unused filter as `kind=`; a program sends a parameter with a value or not at all,
        // as the OpenAPI document says (minLength 1), so the API names an empty one instead of ignoring it.
        if req.isAPI {
            for name in self.allowed.sorted() where req.url.query.map(Self.names)?.contains(name) == true
                && (req.query[String.self, at: name] ?? "").isEmpty {
                errors.append(FieldError(name: name, reason: "empty; give a value or leave the parameter out"))
            }
        }
    }

    static func names(_ query: String) -> [String] {
        query.split(separator: "&").map { pair in
            let name = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            return name.removingPercentEncoding ?? name
        }
    }

    /// The parameter's value. A person's form is forgiving (spaces around a value are dropped); a program gets
    /// exactly what the OpenAPI document says, so " school" is not "school" and " 2" is not a page number.
    func string(_ name: String) -> String? {
        guard let raw = req.query[String.self, at: name] else { return nil }
        let v = req.isAPI ? raw : raw.trimmingCharacters(in: .whitespaces)
        return v.isEmpty ? nil : v
    }

    mutating func choice<E: RawRepresentable & CaseIterable>(_ name: String, _ type: E.Type) -> E? where E.RawValue == String {
        guard let raw = string(name) else { return nil }
        if let v = E(rawValue: raw) { return v }
        errors.append(FieldError(name: name, reason: "'\(raw)' is not one of: \(E.allCases.map(\.rawValue).joined(separator: ", "))"))
        return nil
    }

    mutating func integer(_ name: String, default value: Int, range: ClosedRange<Int>) -> Int {
        guard let raw = string(name) else { return value }
        guard let v = Int(raw), range.contains(v) else {
            errors.append(FieldError(name: name, reason: "'\(raw)' must be a whole number from \(range.lowerBound) to \(range.upperBound)"))
            return value
        }
        return v
    }

    static let maxPage = 1_000_000

    mutating func page() -> PageRequest {
        PageRequest(page: integer("page", default: 1, range: 1...Self.maxPage),
                    per: integer("per", default: PageRequest.defaultPer, range: 1...PageRequest.maxPer))
    }

    func error(for name: String) -> String? { errors.first { $0.name == name }?.reason }
}

extension QueryReader {
    /// The organisation filters, shared by the page and the API.
    mutating func organizationFilter() -> OrganizationFilter {
        OrganizationFilter(query: string("q"), kind: choice("kind", OrganizationKind.self),
                           sector: choice("sector", Sector.self), level: choice("level", EducationLevel.self),
                           district: string("district"))
    }
    static let organizationParameters = ["q", "kind", "sector", "level", "district", "page", "per"]
}
