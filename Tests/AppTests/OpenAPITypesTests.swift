import Foundation
import Testing
import VaporTesting
@testable import Web

/// Issue 14: every API response is typed in the OpenAPI document, from the type the handler encodes, with an
/// example; the platform's real answers conform to their schemas (schemathesis checks the same while fuzzing).
@Suite struct OpenAPITypesTests {
    static let all = APIRoutes.all

    @Test func everyResponseTypeIsReadWithoutGuessing() {
        var reader = SchemaReader()
        for e in Self.all { _ = e.response.describe(&reader) }
        #expect(reader.problems.isEmpty, "\(reader.problems)")
        // Every component is an object with its properties named; none is a bare {"type": "object"}.
        for (name, schema) in reader.components {
            #expect(schema["properties"] != nil && schema["required"] != nil, "\(name)")
        }
        // Optional properties are optional and may be null; the others are required.
        let summary = reader.components["OrganizationSummaryDTO"]
        #expect(summary?["required"].map { "\($0)" }?.contains("district") == false)
        #expect(summary?["properties"]?["district"]?["anyOf"] != nil)
    }

    @Test func realAnswersConformAndEveryOperationHasAnExample() async throws {
        try await withMasterplan { app in
            let doc = try JSONDecoder().decode(JSONValue.self, from: Data(try await app.testing().sendRequest(.GET, "/api/v1/openapi.json").body.readableBytesView))
            let schemas = try #require(doc["components"]?["schemas"])
            var checked = 0
            for e in Self.all {
                let op = try #require(doc["paths"]?[e.path]?[String(describing: e.method).lowercased()])
                let ok = try #require(op["responses"]?["200"]?["content"]?["application/json"])
                let example = try #require(ok["example"], "\(e.method) \(e.path) has no example")
                let schema = try #require(ok["schema"])
                #expect(Self.violations(example, schema, schemas).isEmpty, "\(e.method) \(e.path): example \(Self.violations(example, schema, schemas))")
                // The real answer for public reads, page 2 too, conforms.
                guard e.method == .GET, e.access == .public, !e.path.contains("{") else { continue }
                for query in ["", "?page=2&per=7"] where query.isEmpty || e.parameters.contains("per") {
                    let res = try await app.testing().sendRequest(.GET, "/api/v1" + e.path + query)
                    #expect(res.status == .ok)
                    let body = try JSONDecoder().decode(JSONValue.self, from: Data(res.body.readableBytesView))
                    #expect(Self.violations(body, schema, schemas).isEmpty, "\(e.path)\(query): \(Self.violations(body, schema, schemas).prefix(3))")
                    checked += 1
                }
            }
            #expect(checked >= 20)
            // The check itself can fail: a wrong type, a missing field and an unknown enum value are each found.
            let wrong = JSONValue.object([("id", .int(1)), ("kind", .string("castle")), ("sectors", .array([])), ("levels", .array([]))])
            #expect(Self.violations(wrong, .object([("$ref", .string("#/components/schemas/OrganizationSummaryDTO"))]), schemas).count == 3)
        }
    }

    /// A JSON Schema check of the parts the document uses: $ref, type, properties, required, items, enum, anyOf, pattern.
    static func violations(_ value: JSONValue, _ schema: JSONValue, _ components: JSONValue, at path: String = "$") -> [String] {
        if case .string(let ref)? = schema["$ref"] {
            guard let target = components[String(ref.split(separator: "/").last!)] else { return ["\(path): unknown \(ref)"] }
            return violations(value, target, components, at: path)
        }
        if case .array(let options)? = schema["anyOf"] {
            return options.contains { violations(value, $0, components, at: path).isEmpty } ? [] : ["\(path): none of anyOf"]
        }
        var problems: [String] = []
        if case .string(let type)? = schema["type"] {
            let fits: Bool
            switch (type, value) {
            case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null), ("integer", .int): fits = true
            case ("number", .int), ("number", .double): fits = true
            default: fits = false
            }
            if !fits { return ["\(path): \(value) is not \(type)"] }
        }
        if case .array(let allowed)? = schema["enum"], case .string(let s) = value,
           !allowed.contains(where: { $0.stringValue == s }) { problems.append("\(path): '\(s)' not in enum") }
        if case .string(let pattern)? = schema["pattern"], case .string(let s) = value,
           s.range(of: pattern, options: .regularExpression) == nil { problems.append("\(path): '\(s)' does not match \(pattern)") }
        if case .object(let pairs) = value {
            if case .array(let required)? = schema["required"] {
                for r in required { if let name = r.stringValue, !pairs.contains(where: { $0.0 == name }) { problems.append("\(path): missing \(name)") } }
            }
            if let properties = schema["properties"] {
                for (k, v) in pairs { if let s = properties[k] { problems += violations(v, s, components, at: path + "." + k) } }
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (i, item) in items.enumerated() { problems += violations(item, itemSchema, components, at: path + "[\(i)]") }
        }
        return problems
    }
}
