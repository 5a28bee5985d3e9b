import Domain
import Fluent
import Foundation
import Persistence
import Testing
import VaporTesting
@testable import Web

/// A tiny in-process browser: keeps cookies between requests and fills forms with their CSRF token.
struct Browser {
    let app: Application
    var cookies: [String: String] = [:]

    init(_ app: Application) { self.app = app }

    @discardableResult
    mutating func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await send(.GET, path, headers: headers)
    }

    /// POSTs a form; `csrf: true` first fetches `from` (or the path itself) for the token, as a browser would.
    @discardableResult
    mutating func post(_ path: String, _ fields: [(String, String)], csrfFrom: String? = nil, csrf: Bool = true) async throws -> TestingHTTPResponse {
        var fields = fields
        if csrf {
            let page = try await get(csrfFrom ?? path)
            fields.append(("_csrf", Self.csrf(in: page.text) ?? ""))
        }
        let body = fields.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        return try await send(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    /// POSTs multipart/form-data with one file, as a browser's file upload does, CSRF token included.
    @discardableResult
    mutating func upload(_ path: String, file: Data, filename: String, field: String = "file", fields: [(String, String)] = [],
                         csrfFrom: String? = nil) async throws -> TestingHTTPResponse {
        let page = try await get(csrfFrom ?? path)
        let boundary = "----masterplan-test-\(UUID().uuidString)"
        var body = Data()
        func text(_ s: String) { body.append(Data(s.utf8)) }
        text("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(Self.csrf(in: page.text) ?? "")\r\n")
        for (name, value) in fields { text("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n") }
        text("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        body.append(file)
        text("\r\n--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await send(.POST, path, headers: headers, body: ByteBuffer(data: body))
    }

    mutating func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: ByteBuffer? = nil) async throws -> TestingHTTPResponse {
        var headers = headers
        if !cookies.isEmpty { headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        let res = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        for header in res.headers[.setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2 { cookies[String(pair[0])] = String(pair[1]) }
            if header.contains("Max-Age=0") || header.contains("Expires=Thu, 01 Jan 1970") { cookies[String(pair[0])] = nil }
        }
        return res
    }

    static func csrf(in html: String) -> String? {
        guard let r = html.range(of: #"name="_csrf" value="([^"]+)""#, options: .regularExpression) else { return nil }
        return String(html[r]).components(separatedBy: "value=\"")[1].dropLast().description
    }

    /// Creates an API token on the account page, as its owner would, and returns the token shown once.
    mutating func createToken(name: String, scope: String) async throws -> String {
        let page = try await post("/account/tokens", [("name", name), ("scope", scope)], csrfFrom: "/account")
        let r = try #require(page.text.range(of: #"mp_[A-Za-z0-9]{40}"#, options: .regularExpression))
        return String(page.text[r])
    }

    mutating func login(_ email: String, _ password: String) async throws -> TestingHTTPResponse {
        try await post("/inloggen", [("email", email), ("password", password), ("terug", "/account")])
    }
}

private func encode(_ s: String) -> String {
    s.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? s
}

/// Creates an account with a known password.
@discardableResult
func makeAccount(_ app: Application, _ email: String, role: Role, org: String? = nil, projects: [String] = [],
                 password: String = "a-long-test-password-9", phone: String? = nil) async throws -> AccountModel {
    let account = AccountModel(email: email, name: "Test " + role.rawValue, role: role, function: "Tester", organizationId: org,
                               projectIds: projects, phone: phone, passwordHash: try await app.password.async.hash(password))
    try await account.create(on: app.db)
    return account
}

/// A new account with the test password, logged in.
func signedIn(_ app: Application, _ email: String, role: Role, org: String? = nil) async throws -> Browser {
    try await makeAccount(app, email, role: role, org: org)
    var browser = Browser(app)
    let res = try await browser.login(email, "a-long-test-password-9")
    #expect(res.status == .seeOther, "login as \(email)")
    return browser
}

/// One account of each role, logged in, plus an anonymous browser.
func browsers(_ app: Application) async throws -> [(String, Browser)] {
    var result: [(String, Browser)] = [("publiek", Browser(app))]
    for (role, org, projects) in [(Role.beheerder, nil as String?, [String]()), (.projectleider, nil, ["technologieroute", "vakmanschapsroute", "publiek-private-samenwerking"]),
                                  (.contactpersoon, "montessori-college-oost", []), (.analist, nil, []), (.communicatie, nil, [])] {
        if try await AccountModel.query(on: app.db).filter(\.$email == "\(role.rawValue)@test.invalid").first() == nil {
            try await makeAccount(app, "\(role.rawValue)@test.invalid", role: role, org: org, projects: projects)
        }
        var b = Browser(app)
        let res = try await b.login("\(role.rawValue)@test.invalid", "a-long-test-password-9")
        #expect(res.status == .seeOther, "login as \(role)")
        result.append((role.rawValue, b))
    }
    return result
}
