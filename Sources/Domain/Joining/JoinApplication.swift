import Foundation

/// A new organisation applying to join the network (issue 15, part 1): filled in by anyone on the public form,
/// decided by the coordinator. On approval one step creates the organisation, its membership (Vriend) and the
/// contact person's account, who then gets an invitation. Registration number, address and postcode stay here
/// (not on `Organization`, whose columns are the report's data files).
public struct JoinApplication: Record {
    public static let entity = "join_applications"
    public var id: String
    public var name: String
    public var kind: OrganizationKind
    /// KvK number (8 digits) for companies and other organisations, BRIN code (e.g. 27KN) for schools.
    public var registrationNumber: String
    public var address: String
    /// "1234 AB".
    public var postcode: String
    public var city: String
    public var sectors: [Sector]
    public var levels: [EducationLevel]
    public var contactName: String
    public var contactEmail: String
    public var contactPhone: String?
    public var contactFunction: String?
    public var motivation: String
    /// The contact person's language, for every mail about the application and the account.
    public var language: Lang
    public var status: JoinStatus
    public var appliedOn: PartialDate
    public var decidedOn: PartialDate?
    /// The coordinator's reason when declining (sent to the applicant).
    public var remarks: String?
    /// The organisation created on approval.
    public var organizationId: String?
    public var key: String { id }

    public init(id: String, name: String, kind: OrganizationKind, registrationNumber: String, address: String, postcode: String, city: String,
                sectors: [Sector], levels: [EducationLevel], contactName: String, contactEmail: String, contactPhone: String? = nil,
                contactFunction: String? = nil, motivation: String, language: Lang, status: JoinStatus = .aangevraagd, appliedOn: PartialDate) {
        self.id = id; self.name = name; self.kind = kind; self.registrationNumber = registrationNumber; self.address = address
        self.postcode = postcode; self.city = city; self.sectors = sectors; self.levels = levels; self.contactName = contactName
        self.contactEmail = contactEmail; self.contactPhone = contactPhone; self.contactFunction = contactFunction
        self.motivation = motivation; self.language = language; self.status = status; self.appliedOn = appliedOn
    }

    /// Which number the kind needs: schools a BRIN code, everyone else a KvK number.
    public var registrationKind: RegistrationKind { kind.isEducation ? .brin : .kvk }

    /// The fields in their stored form (trimmed, postcode "1234 AB", numbers without spaces, e-mail lower case).
    public func normalized() -> JoinApplication {
        var a = self
        func trim(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines) }
        a.name = trim(name); a.address = trim(address); a.city = trim(city); a.contactName = trim(contactName)
        a.contactEmail = trim(contactEmail).lowercased(); a.motivation = trim(motivation)
        a.contactPhone = contactPhone.map(trim).flatMap { $0.isEmpty ? nil : $0 }
        a.contactFunction = contactFunction.map(trim).flatMap { $0.isEmpty ? nil : $0 }
        a.registrationNumber = registrationNumber.uppercased().filter { !$0.isWhitespace && $0 != "." && $0 != "-" }
        a.postcode = Postcode.normalized(postcode) ?? trim(postcode)
        return a
    }

    /// Field errors of a normalised application (field → message).
    public func violations() -> [String: Localized] {
        var errors: [String: Localized] = [:]
        if name.count < 2 || name.count > 200 { errors["name"] = Localized("Vul de naam van de organisatie in (2 tot 200 tekens).", "Enter the organisation's name (2 to 200 characters).") }
        if kind == .partnership { errors["kind"] = Localized("Een samenwerkingsverband meldt zich aan via de coördinator.", "A partnership joins through the coordinator.") }
        switch registrationKind {
        case .kvk where registrationNumber.range(of: #"^[0-9]{8}$"#, options: .regularExpression) == nil:
            errors["registrationNumber"] = Localized("Een KvK-nummer heeft 8 cijfers.", "A KvK number has 8 digits.")
        case .brin where registrationNumber.range(of: #"^[0-9]{2}[A-Z]{2}([0-9]{2})?$"#, options: .regularExpression) == nil:
            errors["registrationNumber"] = Localized("Een BRIN-code is twee cijfers en twee letters, zoals 27KN (eventueel met een vestigingsnummer: 27KN00).",
                                                     "A BRIN code is two digits and two letters, such as 27KN (optionally with a branch number: 27KN00).")
        default: break
        }
        if address.count < 3 || address.count > 200 { errors["address"] = Localized("Vul straat en huisnummer in.", "Enter street and number.") }
        if Postcode.normalized(postcode) == nil { errors["postcode"] = Localized("Een postcode als 1011 AB.", "A postcode such as 1011 AB.") }
        if city.count < 2 || city.count > 100 { errors["city"] = Localized("Vul de plaats in.", "Enter the town or city.") }
        if kind.isEducation && levels.isEmpty { errors["levels"] = Localized("Kies ten minste één onderwijsniveau.", "Choose at least one education level.") }
        if contactName.count < 2 || contactName.count > 120 { errors["contactName"] = Localized("Vul de naam van de contactpersoon in.", "Enter the contact person's name.") }
        if contactEmail.count > 254 || !isPlausibleEmail(contactEmail) { errors["contactEmail"] = Localized("Vul een geldig e-mailadres in.", "Enter a valid e-mail address.") }
        if let phone = contactPhone, phone.range(of: #"^\+?[0-9 ()-]{8,20}$"#, options: .regularExpression) == nil {
            errors["contactPhone"] = Localized("Een telefoonnummer van 8 tot 20 cijfers.", "A phone number of 8 to 20 digits.")
        }
        if (contactFunction ?? "").count > 120 { errors["contactFunction"] = Localized("Hoogstens 120 tekens.", "At most 120 characters.") }
        if motivation.count < 20 || motivation.count > 2000 {
            errors["motivation"] = Localized("Schrijf een motivatie van 20 tot 2000 tekens.", "Write a motivation of 20 to 2000 characters.")
        }
        return errors
    }
}

public enum RegistrationKind: Sendable { case kvk, brin }

/// aangevraagd → goedgekeurd (organisation, membership and account exist) or afgewezen.
public enum JoinStatus: String, Codable, CaseIterable, Sendable, Hashable, LocalizedLabel {
    case aangevraagd, goedgekeurd, afgewezen

    public var label: Localized {
        switch self {
        case .aangevraagd: Localized("Aangevraagd", "Applied")
        case .goedgekeurd: Localized("Goedgekeurd", "Approved")
        case .afgewezen: Localized("Afgewezen", "Declined")
        }
    }
}

/// Dutch postcodes: four digits (not starting with 0) and two letters, never SA, SD or SS.
public enum Postcode {
    public static func normalized(_ text: String) -> String? {
        let compact = text.uppercased().filter { !$0.isWhitespace }
        guard compact.range(of: #"^[1-9][0-9]{3}[A-Z]{2}$"#, options: .regularExpression) != nil else { return nil }
        let letters = String(compact.suffix(2))
        guard !["SA", "SD", "SS"].contains(letters) else { return nil }
        return String(compact.prefix(4)) + " " + letters
    }

    /// The four digits, or nil.
    public static func area(_ text: String) -> Int? { normalized(text).flatMap { Int($0.prefix(4)) } }
}
