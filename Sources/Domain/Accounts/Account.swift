import Foundation

/// A person who can log in, as the pages, the mail and the rules see it (issue 13: the pages held Fluent models).
/// The only personal data the platform keeps about a contact person: name, role, organisation, function, e-mail and
/// an optional phone number.
public struct Account: Sendable, Hashable {
    /// A UUID, as text (upper case, as the audit log and sessions write it).
    public var id: String
    /// Lower case: the login.
    public var email: String
    public var name: String
    public var role: Role
    /// Function within the organisation ("docent techniek"), shown with the contact details.
    public var function: String?
    public var organizationId: String?
    public var projectIds: [String]
    public var phone: String?
    /// Nil until the person chose a password (through the link in the invitation).
    public var passwordHash: String?
    public var isDemo: Bool
    /// Set when the person's data was erased; an erased account cannot log in or be reached.
    public var erasedAt: Date?
    /// The language of the mail this person receives.
    public var language: Lang
    public var notifyMode: NotifyMode

    public init(id: String, email: String, name: String, role: Role, function: String? = nil, organizationId: String? = nil, projectIds: [String] = [],
                phone: String? = nil, passwordHash: String? = nil, isDemo: Bool = false, erasedAt: Date? = nil, language: Lang = .nl,
                notifyMode: NotifyMode = .immediate) {
        self.id = id; self.email = email.lowercased(); self.name = name; self.role = role; self.function = function
        self.organizationId = organizationId; self.projectIds = projectIds; self.phone = phone; self.passwordHash = passwordHash
        self.isDemo = isDemo; self.erasedAt = erasedAt; self.language = language; self.notifyMode = notifyMode
    }

    public var isActive: Bool { erasedAt == nil }
    public var actor: Actor { Actor(accountId: id, role: role, organizationId: organizationId, projectIds: projectIds) }
}

/// How a person hears of notices: each at once (the default), or one overview a day.
public enum NotifyMode: String, Codable, CaseIterable, Sendable, LocalizedLabel {
    case immediate, daily
    public var label: Localized {
        switch self {
        case .immediate: Localized("Direct, per melding", "At once, one mail each")
        case .daily: Localized("Eén overzicht per dag", "One overview a day")
        }
    }
}

/// What an API token may do: read (GET, HEAD) or also write.
public enum TokenScope: String, Codable, CaseIterable, Sendable {
    case read, write

    /// The token rule (docs/security.md): a read token only for GET and HEAD.
    public func allows(method: String) -> Bool { self == .write || method == "GET" || method == "HEAD" }
}

/// An API token for integrations: shown once, stored hashed (the hash is not part of this value), revocable.
public struct APIToken: Sendable, Hashable {
    public var id: String
    public var accountId: String
    public var name: String
    public var scope: TokenScope
    /// The first characters, so a person recognises the token in the list.
    public var prefix: String
    public var createdAt: Date?
    public var lastUsedAt: Date?
    public var revokedAt: Date?
    public init(id: String, accountId: String, name: String, scope: TokenScope, prefix: String, createdAt: Date? = nil, lastUsedAt: Date? = nil, revokedAt: Date? = nil) {
        self.id = id; self.accountId = accountId; self.name = name; self.scope = scope; self.prefix = prefix
        self.createdAt = createdAt; self.lastUsedAt = lastUsedAt; self.revokedAt = revokedAt
    }
}

/// A new account as the coordinator's form or the command line gives it, before it is checked.
public struct AccountDraft: Sendable, Hashable {
    public var email: String, name: String, role: String, function: String, organizationId: String, projectIds: String, phone: String, language: String
    public init(email: String = "", name: String = "", role: String = "", function: String = "", organizationId: String = "", projectIds: String = "",
                phone: String = "", language: String = "nl") {
        self.email = email; self.name = name; self.role = role; self.function = function; self.organizationId = organizationId
        self.projectIds = projectIds; self.phone = phone; self.language = language
    }

    /// The account the draft describes, or what is wrong with it per field (issue 13: the form and the command line
    /// each had their own, different checks). Whether the address is taken is the repository's to say, atomically.
    public func account(id: String, organizationExists: (String) -> Bool, projectExists: (String) -> Bool) -> Result<Account, FieldErrors> {
        var errors = FieldErrors()
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        if email.count > 254 || !isPlausibleEmail(email) { errors["email"] = Localized("Vul een geldig e-mailadres in.", "Enter a valid e-mail address.") }
        let name = name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.count > 120 { errors["name"] = Localized("Vul een naam in (hoogstens 120 tekens).", "Enter a name (at most 120 characters).") }
        let role = Role(rawValue: role)
        if role == nil { errors["role"] = Localized("Kies een rol.", "Choose a role.") }
        let org = organizationId.trimmingCharacters(in: .whitespaces)
        if role == .contactpersoon && (org.isEmpty || !organizationExists(org)) {
            errors["organizationId"] = Localized("Een contactpersoon hoort bij een bestaande organisatie.", "A contact person belongs to an existing organisation.")
        }
        let projects = projectIds.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }).map(String.init)
        if let bad = projects.first(where: { !projectExists($0) }) { errors["projectIds"] = Localized("Onbekend project: " + bad, "Unknown project: " + bad) }
        else if role == .projectleider && projects.isEmpty { errors["projectIds"] = Localized("Een projectleider leidt minstens één project.", "A project leader leads at least one project.") }
        let phone = phone.trimmingCharacters(in: .whitespaces)
        if !phone.isEmpty, phone.range(of: #"^\+?[0-9 ()-]{8,20}$"#, options: .regularExpression) == nil {
            errors["phone"] = Localized("Een telefoonnummer van 8 tot 20 cijfers.", "A phone number of 8 to 20 digits.")
        }
        let language = Lang(rawValue: language)
        if language == nil { errors["language"] = Localized("Kies Nederlands of Engels.", "Choose Dutch or English.") }
        let function = function.trimmingCharacters(in: .whitespaces)
        if function.count > 120 { errors["function"] = Localized("Hoogstens 120 tekens.", "At most 120 characters.") }
        guard errors.isEmpty, let role, let language else { return .failure(errors) }
        return .success(Account(id: id, email: email, name: name, role: role, function: function.isEmpty ? nil : function,
                                organizationId: org.isEmpty ? nil : org, projectIds: projects, phone: phone.isEmpty ? nil : phone, language: language))
    }
}

/// Why an account command is refused.
public enum AccountError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Another account has this address (the login is unique).
    case emailTaken(String)
    /// The reset link was used or ran out meanwhile.
    case resetInvalid

    public var description: String {
        switch self {
        case .emailTaken(let email): "an account with the address \(email) exists"
        case .resetInvalid: "the reset link has expired or was used"
        }
    }
}
