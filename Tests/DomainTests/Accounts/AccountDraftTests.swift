import Testing
@testable import Domain

/// The one set of rules for a new account (issue 13: the coordinator's form and `masterplan user add` differed).
@Suite struct AccountDraftTests {
    static func errors(_ draft: AccountDraft) -> [String] {
        switch draft.account(id: "id", organizationExists: { $0 == "otib" }, projectExists: { $0 == "p1" || $0 == "p2" }) {
        case .success: []
        case .failure(let e): e.fields.map(\.0).sorted()
        }
    }

    @Test(arguments: [
        (AccountDraft(email: "Kim@Example.org", name: "Kim", role: "analist"), [String]()),
        (AccountDraft(email: "kim", name: "Kim", role: "analist"), ["email"]),
        (AccountDraft(email: "kim@example.org", name: "  ", role: "analist"), ["name"]),
        (AccountDraft(email: "kim@example.org", name: String(repeating: "k", count: 121), role: "analist"), ["name"]),
        (AccountDraft(email: "kim@example.org", name: "Kim", role: "koning"), ["role"]),
        (AccountDraft(email: "kim@example.org", name: "Kim", role: "contactpersoon"), ["organizationId"]),
        (AccountDraft(email: "kim@example.org", name: "Kim", role: "contactpersoon", organizationId: "onbekend"), ["organizationId"]),
        (AccountDraft(email: "kim@example.org", name: "Kim", role: "contactpersoon", organizationId: " otib "), []),
        (AccountDraft(email: "kim@example.org", name: "Kim", role: "projectleider"), ["projectIds"]),
        (AccountDraft(email: "kim@example.org", name: "Kim", role: "projectleider", projectIds: "p1, p2"), []),
        (AccountDraft(email: "kim@example.org", name: "Kim", role: "analist", projectIds: "p1;p9"), ["projectIds"]),
        (AccountDraft(email: "kim@example.org", name: "Kim", role: "analist", phone: "12"), ["phone"]),
        (AccountDraft(email: "kim@example.org", name: "Kim", role: "analist", phone: "+31 (20) 123-4567"), []),
        (AccountDraft(email: "kim@example.org", name: "Kim", role: "analist", language: "de"), ["language"]),
        (AccountDraft(email: "", name: "", role: ""), ["email", "name", "role"]),
    ])
    func rules(draft: AccountDraft, expected: [String]) {
        #expect(Self.errors(draft) == expected)
    }

    @Test func theAccountItMakes() throws {
        let draft = AccountDraft(email: " Kim@Example.ORG ", name: " Kim ", role: "projectleider", function: " ", organizationId: "", projectIds: "p1;p2", phone: "", language: "en")
        let account = try draft.account(id: "id-1", organizationExists: { _ in false }, projectExists: { _ in true }).get()
        #expect(account == Account(id: "id-1", email: "kim@example.org", name: "Kim", role: .projectleider, projectIds: ["p1", "p2"], language: .en))
        #expect(account.actor == Actor(accountId: "id-1", role: .projectleider, organizationId: nil, projectIds: ["p1", "p2"]))
        #expect(TokenScope.read.allows(method: "GET") && TokenScope.read.allows(method: "HEAD") && !TokenScope.read.allows(method: "POST") && TokenScope.write.allows(method: "DELETE"))
    }
}
