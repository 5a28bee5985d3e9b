import Foundation

/// An address of the form local@domain.tld: enough to catch typing errors; delivery proves the rest.
public func isPlausibleEmail(_ text: String) -> Bool {
    text.range(of: #"^[^@\s]+@[^@\s]+\.[^@\s]+$"#, options: .regularExpression) != nil
}

/// Rules for a new password: long enough, not a common password, not the e-mail address.
public enum PasswordPolicy {
    public static let minimumLength = 12

    /// The problems with `password`, in Dutch and English; empty when it is acceptable.
    public static func problems(_ password: String, email: String) -> [Localized] {
        var found: [Localized] = []
        if password.count < minimumLength {
            found.append(Localized("Gebruik minstens \(minimumLength) tekens.", "Use at least \(minimumLength) characters."))
        }
        let lowered = password.lowercased()
        let local = email.lowercased().split(separator: "@").first.map(String.init) ?? ""
        if commonPasswords.contains(lowered) || commonPasswords.contains(where: { lowered.hasPrefix($0) && lowered.count <= $0.count + 4 }) {
            found.append(Localized("Dit wachtwoord staat op de lijst van veelgebruikte wachtwoorden.", "This password is on the list of common passwords."))
        }
        if !local.isEmpty, local.count >= 4, lowered.contains(local) {
            found.append(Localized("Het wachtwoord mag je e-mailadres niet bevatten.", "The password may not contain your e-mail address."))
        }
        if Set(password).count < 4 {
            found.append(Localized("Gebruik meer verschillende tekens.", "Use more different characters."))
        }
        return found
    }

    /// Frequently used passwords (and their stems) from public breach lists, Dutch favourites included.
    static let commonPasswords: Set<String> = [
        "123456", "123456789", "12345678", "1234567890", "12345", "1234567", "password", "password1", "password123",
        "qwerty", "qwerty123", "qwertyuiop", "abc123", "111111", "123123", "000000", "iloveyou", "1q2w3e4r", "1q2w3e4r5t",
        "admin", "admin123", "administrator", "welcome", "welcome1", "letmein", "monkey", "dragon", "football", "baseball",
        "sunshine", "princess", "master", "shadow", "superman", "trustno1", "passw0rd", "p@ssw0rd", "p@ssword", "zaq12wsx",
        "starwars", "whatever", "freedom", "computer", "michael", "jennifer", "hunter2", "secret", "changeme", "default",
        "wachtwoord", "wachtwoord1", "wachtwoord123", "welkom", "welkom01", "welkom123", "geheim", "amsterdam", "ajax",
        "feyenoord", "psv", "nederland", "holland", "voetbal", "masterplan", "techniek", "masterplantechniek", "zomer",
        "winter", "lente", "herfst", "hallo", "hallo123", "test", "test123", "testtest", "azerty", "azerty123",
        "asdfghjkl", "asdf1234", "zxcvbnm", "1qaz2wsx", "aa123456", "qwe123", "123qwe", "987654321", "11111111",
        "123321", "654321", "666666", "7777777", "888888", "121212", "abcdef", "abcd1234", "letmein123", "summer2024",
        "winter2024", "spring2024", "autumn2024", "januari", "februari", "maandag", "vrijdag",
    ]
}
