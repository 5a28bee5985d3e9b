import Foundation
import Vapor

/// A NUL byte in any text a request carries (query parameter, form field, JSON string) is refused here with a
/// field error (RFC 9457 `invalid-params` under /api, the error page elsewhere), in one place for every route:
/// PostgreSQL cannot store it in text and answered 500. Files (multipart uploads, XLSX/CSV bodies) are binary and
/// pass; their parsers judge them.
struct TextInputMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // No record has a NUL in its id: such a path names nothing.
        if Self.hasNUL(request.url.path.removingPercentEncoding ?? request.url.path) { throw Abort(.notFound) }
        var errors: [FieldError] = []
        for item in URLComponents(string: request.url.string)?.queryItems ?? [] where Self.hasNUL(item.name) || Self.hasNUL(item.value ?? "") {
            errors.append(Self.error(item.name))
        }
        if ![.GET, .HEAD].contains(request.method), let type = request.headers.contentType,
           type == .urlEncodedForm || type == .json || (type.type == "application" && type.subType.hasSuffix("+json")) {
            if let body = try await request.collectBody() {
                let bytes = Data(buffer: body)
                if type == .urlEncodedForm {
                    for pair in String(decoding: bytes, as: UTF8.self).split(separator: "&") {
                        let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0) }
                        if kv.contains(where: Self.hasNUL) { errors.append(Self.error(kv.first ?? "body")) }
                    }
                } else if let json = try? JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed]) {
                    Self.walk(json, path: "", into: &errors)
                }
            }
        }
        if !errors.isEmpty { throw InvalidInput(errors: errors) }
        return try await next.respond(to: request)
    }

    static func hasNUL(_ s: String) -> Bool { s.unicodeScalars.contains { $0.value == 0 } }

    static func error(_ field: String) -> FieldError {
        FieldError(name: field.isEmpty ? "body" : String(field.filter { $0 != "\0" }.prefix(80)),
                   reason: "contains a NUL character (U+0000), which no text field may hold")
    }

    static func walk(_ value: Any, path: String, into errors: inout [FieldError]) {
        switch value {
        case let s as String: if hasNUL(s) { errors.append(error(path)) }
        case let a as [Any]: for (i, v) in a.enumerated() { walk(v, path: path + "[\(i)]", into: &errors) }
        case let d as [String: Any]:
            for (k, v) in d {
                if hasNUL(k) { errors.append(error(path)) }
                walk(v, path: path.isEmpty ? k : path + "." + k, into: &errors)
            }
        default: break
        }
    }
}
