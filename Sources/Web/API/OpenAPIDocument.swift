import Domain

/// A JSON value, for documents whose shape is built at run time.
indirect enum JSONValue: Encodable, Sendable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let pairs):
            var c = encoder.container(keyedBy: AnyKey.self)
            for (k, v) in pairs { try c.encode(v, forKey: AnyKey(k)) }
        case .array(let items):
            var c = encoder.unkeyedContainer()
            for v in items { try c.encode(v) }
        case .string(let s): var c = encoder.singleValueContainer(); try c.encode(s)
        case .int(let i): var c = encoder.singleValueContainer(); try c.encode(i)
        case .double(let d): var c = encoder.singleValueContainer(); try c.encode(d)
        case .bool(let b): var c = encoder.singleValueContainer(); try c.encode(b)
        case .null: var c = encoder.singleValueContainer(); try c.encodeNil()
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// What an operation answers with 200: a page of a type, or one value of it. The schema is read from the type
/// itself (`SchemaReader`).
struct APIResponseType: Sendable {
    let describe: @Sendable (inout SchemaReader) -> JSONValue

    static func list<T: Decodable>(_ type: T.Type) -> APIResponseType {
        APIResponseType { reader in OpenAPIDocument.list(reader.schema(of: T.self)) }
    }

    static func single<T: Decodable>(_ type: T.Type) -> APIResponseType {
        APIResponseType { reader in reader.schema(of: T.self) }
    }
}

/// The OpenAPI 3.1 description of /api/v1, built from the same endpoint list the routes are registered from.
enum OpenAPIDocument {
    static func build(endpoints: [APIEndpoint], examples: [String: JSONValue] = [:]) -> JSONValue {
        var reader = SchemaReader()
        let operations = Dictionary(grouping: endpoints, by: \.path).sorted { $0.key < $1.key }.map { path, ops in
            (path, JSONValue.object(ops.map { (String(describing: $0.method).lowercased(), operation($0, reader: &reader, example: examples[String(describing: $0.method) + " " + $0.path])) }))
        }
        var components = schemas
        if case .object(var pairs) = components {
            pairs += reader.components.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            components = .object(pairs)
        }
        return .object([
            ("openapi", .string("3.1.0")),
            ("info", .object([
                ("title", .string("Masterplan API")),
                ("version", .string("1.0.0")),
                ("description", .string("Read API of the Masterplan Techniek Amsterdam platform. Lists take page (from 1) and per (1–200) and return items with a total. Errors are RFC 9457 problem+json documents naming the offending parameter.")),
            ])),
            ("servers", .array([.object([("url", .string("/api/v1"))])])),
            ("paths", .object(operations)),
            ("components", .object([("schemas", components), ("securitySchemes", .object([
                ("bearer", .object([("type", .string("http")), ("scheme", .string("bearer")),
                                    ("description", .string("An API token from /account: read scope for GET, write scope for changes."))])),
            ]))])),
        ])
    }

    static func operation(_ e: APIEndpoint, reader: inout SchemaReader, example: JSONValue?) -> JSONValue {
        let pathParams = e.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
        let parameters: [JSONValue] = pathParams.map { p in
            .object([("name", .string(p)), ("in", .string("path")), ("required", .bool(true)),
                     ("schema", p == "step" ? enumSchema(AgreementStep.allCases.map(\.rawValue)) : .object([("type", .string("string"))]))])
        } + e.parameters.map { p in
            .object([("name", .string(p)), ("in", .string("query")), ("required", .bool(false)), ("schema", parameterSchema(p, path: e.path))])
        } + (e.method == .PATCH || e.method == .PUT || e.method == .DELETE ? [
            // Issue 13: a change names the version it was made on (the ETag of the GET), or `*` for "whatever is stored".
            .object([("name", .string("If-Match")), ("in", .string("header")), ("required", .bool(true)),
                     ("description", .string("The ETag of the version the change was made on (from GET), or * to change whatever is stored")),
                     ("schema", .object([("type", .string("string")), ("minLength", .int(1)), ("pattern", .string("^[\\x21-\\x7E]([\\x20-\\x7E]*[\\x21-\\x7E])?$"))]))]),
        ] : [])
        var responses: [(String, JSONValue)] = [
            ("200", .object([("description", .string("OK")), ("content", .object([("application/json", .object(
                [("schema", e.response.describe(&reader))] + (example.map { [("example", $0)] } ?? [])))]))])),
            ("400", problemResponse("Invalid parameter")),
        ]
        if !pathParams.isEmpty { responses.append(("404", problemResponse("No such record"))) }
        if e.method != .GET {
            responses.append(("413", problemResponse("The body is larger than this operation accepts")))
            responses.append(("415", problemResponse("The body is not of a documented media type")))
        }
        var fields: [(String, JSONValue)] = []
        if e.access != .public {
            responses.append(("401", problemResponse("Not logged in and no API token")))
            responses.append(("403", problemResponse("Role, organisation or token scope does not allow this")))
            fields.append(("security", .array([.object([("bearer", .array([]))])])))
        }
        if let body = e.body {
            fields.append(("requestBody", .object([("required", .bool(true)), ("content", .object([("application/json", .object([("schema", ref(body))]))]))])))
            responses.append(("409", problemResponse("Not possible in the record's present state, or changed meanwhile")))
        } else if e.method == .POST {
            // A file upload: the body is the CSV or XLSX file itself.
            let binary: JSONValue = .object([("type", .string("string")), ("format", .string("binary"))])
            fields.append(("requestBody", .object([("required", .bool(true)), ("content", .object([
                ("text/csv", .object([("schema", .object([("type", .string("string")), ("minLength", .int(1))]))])),
                ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", .object([("schema", binary)])),
            ]))])))
        } else if e.method != .GET {
            fields.append(("requestBody", .object([("required", .bool(true)), ("content", .object([("application/json", .object([("schema", ref("OrganizationChange"))]))]))])))
            responses.append(("412", problemResponse("If-Match names another version than the stored one: nothing was changed")))
            responses.append(("428", problemResponse("No If-Match: a change must name the version it was made on")))
        }
        let operationId = e.path.split(separator: "/").map { $0.hasPrefix("{") ? "ById" : $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return .object([
            ("summary", .string(e.summary)),
            ("operationId", .string(String(describing: e.method).lowercased() + operationId)),
            ("parameters", .array(parameters)),
            ("responses", .object(responses)),
        ] + fields)
    }

    /// Exactly what `QueryReader` accepts, so a schema-valid request is never refused.
    static func parameterSchema(_ name: String, path: String = "") -> JSONValue {
        switch name {
        case "page": .object([("type", .string("integer")), ("minimum", .int(1)), ("maximum", .int(QueryReader.maxPage))])
        case "kind" where path == "/timeline": enumSchema(TimelineKind.allCases.map(\.rawValue))
        case "kind" where path == "/statements": enumSchema(StatementKind.allCases.map(\.rawValue))
        case "type" where path == "/offers": enumSchema(ActivityType.allCases.map(\.rawValue))
        case "status" where path == "/requests": enumSchema(RequestStatus.allCases.map(\.rawValue))
        case "status" where path == "/activity-agreements": enumSchema(AgreementStatus.allCases.map(\.rawValue))
        case "per": .object([("type", .string("integer")), ("minimum", .int(1)), ("maximum", .int(PageRequest.maxPer))])
        case "year": .object([("type", .string("integer")), ("minimum", .int(1900)), ("maximum", .int(2100))])
        case "week": .object([("type", .string("string")), ("format", .string("date")), ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))])
        case "kind": enumSchema(OrganizationKind.allCases.map(\.rawValue))
        case "sector": enumSchema(Sector.allCases.map(\.rawValue))
        case "level": enumSchema(EducationLevel.allCases.map(\.rawValue))
        default: .object([("type", .string("string")), ("minLength", .int(1)), ("pattern", .string("^[^\\u0000]*$"))])
        }
    }

    static func enumSchema(_ values: [String]) -> JSONValue {
        .object([("type", .string("string")), ("enum", .array(values.map { .string($0) }))])
    }

    static func ref(_ name: String) -> JSONValue { .object([("$ref", .string("#/components/schemas/" + name))]) }

    static func problemResponse(_ description: String) -> JSONValue {
        .object([("description", .string(description)), ("content", .object([("application/problem+json", .object([("schema", ref("Problem"))]))]))])
    }

    /// A page of items: `items`, and the `total`, `page` and `per` to page through them.
    static func list(_ item: JSONValue) -> JSONValue {
        let integer = JSONValue.object([("type", .string("integer"))])
        return .object([
            ("type", .string("object")),
            ("required", .array(["items", "total", "page", "per"].map { .string($0) })),
            ("properties", .object([("items", .object([("type", .string("array")), ("items", item)])),
                                    ("total", integer), ("page", integer), ("per", integer)])),
        ])
    }

    /// The hand-written schemas: the request body of a change, and the problem document of every error.
    static var schemas: JSONValue {
        let string = JSONValue.object([("type", .string("string"))])
        let integer = JSONValue.object([("type", .string("integer"))])
        return .object([
            // Absent or null: unchanged. The text rules are `Organization.fieldViolations` (no control characters; a
            // name with something besides spaces, at most 200 characters; a district of at most 80, without ;).
            ("OrganizationChange", .object([
                ("type", .string("object")), ("additionalProperties", .bool(false)),
                ("properties", .object([
                    ("name", .object([("type", .array([.string("string"), .string("null")])), ("maxLength", .int(200)),
                                      ("pattern", .string("^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"))])),
                    ("district", .object([("type", .array([.string("string"), .string("null")])), ("maxLength", .int(80)),
                                          ("pattern", .string("^[^;\\u0000-\\u001F\\u007F-\\u009F]*$"))])),
                    ("sectors", .object([("type", .array([.string("array"), .string("null")])), ("items", enumSchema(Sector.allCases.map(\.rawValue)))])),
                    ("levels", .object([("type", .array([.string("array"), .string("null")])), ("items", enumSchema(EducationLevel.allCases.map(\.rawValue)))])),
                    ("latitude", .object([("type", .array([.string("number"), .string("null")])), ("minimum", .int(-90)), ("maximum", .int(90))])),
                    ("longitude", .object([("type", .array([.string("number"), .string("null")])), ("minimum", .int(-180)), ("maximum", .int(180))])),
                ])),
                // Coordinates come in pairs: a latitude needs its longitude in the same change, and the other way round.
                ("allOf", .array(["latitude", "longitude"].map { given in
                    let other = given == "latitude" ? "longitude" : "latitude"
                    return .object([
                        ("if", .object([("properties", .object([(given, .object([("type", .string("number"))]))])), ("required", .array([.string(given)]))])),
                        ("then", .object([("properties", .object([(other, .object([("type", .string("number"))]))])), ("required", .array([.string(other)]))])),
                    ])
                })),
            ])),
            // The fields of an agreement's step; each step reads its own (see the operation), the rest is ignored.
            ("AgreementStepInput", .object([
                ("type", .string("object")), ("additionalProperties", .bool(false)),
                ("properties", .object([
                    ("date", .object([("type", .string("string")), ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))])),
                    ("startTime", .object([("type", .string("string")), ("pattern", .string("^[0-9]{2}:[0-9]{2}$"))])),
                    ("durationMinutes", .object([("type", .string("integer")), ("minimum", .int(15)), ("maximum", .int(1440))])),
                    ("place", .object([("type", .string("string")), ("maxLength", .int(200)), ("pattern", .string("^[^\\u0000]*$"))])),
                    ("pupils", .object([("type", .string("integer")), ("minimum", .int(1)), ("maximum", .int(2000))])),
                    ("transportNeeded", .object([("type", .string("boolean"))])),
                    ("pupilsReached", .object([("type", .string("integer")), ("minimum", .int(0)), ("maximum", .int(2000))])),
                    ("teachers", .object([("type", .string("integer")), ("minimum", .int(0)), ("maximum", .int(200))])),
                    ("rating", .object([("type", .string("integer")), ("minimum", .int(1)), ("maximum", .int(5))])),
                    ("side", enumSchema(["school", "company"])),
                    ("remarks", .object([("type", .string("string")), ("maxLength", .int(2000)), ("pattern", .string("^[^\\u0000]*$"))])),
                    ("reason", .object([("type", .string("string")), ("maxLength", .int(2000)), ("pattern", .string("^[^\\u0000]*$"))])),
                ])),
            ])),
            ("TripCancelInput", .object([
                ("type", .string("object")), ("additionalProperties", .bool(false)),
                ("properties", .object([("reason", .object([("type", .string("string")), ("maxLength", .int(2000)), ("pattern", .string("^[^\\u0000]*$"))]))])),
            ])),
            ("ProposalInput", .object([
                ("type", .string("object")), ("additionalProperties", .bool(false)), ("required", .array([.string("offerId")])),
                // Text fields never hold NUL (the body check refuses it for every operation).
                ("properties", .object([("offerId", .object([("type", .string("string")), ("minLength", .int(1)), ("pattern", .string("^[^\\u0000]*$"))]))])),
            ])),
            ("Problem", .object([
                ("type", .string("object")),
                ("required", .array(["type", "title", "status"].map { .string($0) })),
                ("properties", .object([
                    ("type", string), ("title", string), ("status", integer), ("detail", string), ("instance", string),
                    ("invalid-params", .object([("type", .string("array")), ("items", .object([
                        ("type", .string("object")), ("properties", .object([("name", string), ("reason", string)])),
                    ]))])),
                ])),
            ])),
        ])
    }
}
