import Domain
import Foundation
import Vapor

/// The instance's settings from its environment, parsed once when the application is prepared (issue 13). A value
/// that does not parse stops `serve` (and every command) with the variable, the value and what it expects; before,
/// each request read the environment again and quietly fell back to the default on a typo.
struct AppSettings: Sendable, Equatable {
    /// MASTERPLAN_ACTIVITIES_PER_COMPANY, MASTERPLAN_RESPONSE_DAYS, MASTERPLAN_SCHOOL_YEAR_START_MONTH.
    var desk = DeskSettings()
    /// MASTERPLAN_NEWSLETTER_RATE: newsletter messages queued per minute.
    var newsletterPerMinute = 120
    /// MASTERPLAN_SECURE_COOKIES (1/true/0/false); nil: secure in production only.
    var secureCookies: Bool?
    /// MASTERPLAN_LOG_FORMAT: json or text.
    var jsonLog = false

    struct Invalid: Error, Equatable, CustomStringConvertible {
        var variable: String, value: String, expected: String
        var description: String { "\(variable)=\(value) is not valid: expected \(expected)" }
    }

    static func parse(_ environment: [String: String]) throws(Invalid) -> AppSettings {
        var settings = AppSettings()
        func int(_ name: String, _ range: ClosedRange<Int>, _ expected: String) throws(Invalid) -> Int? {
            guard let text = environment[name] else { return nil }
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
                throw Invalid(variable: name, value: text, expected: expected)
            }
            return value
        }
        if let v = try int("MASTERPLAN_ACTIVITIES_PER_COMPANY", 0...1_000, "a whole number from 0 to 1000") { settings.desk.activitiesPerCompany = v }
        if let v = try int("MASTERPLAN_RESPONSE_DAYS", 1...365, "a number of days from 1 to 365") { settings.desk.responseDays = v }
        if let v = try int("MASTERPLAN_SCHOOL_YEAR_START_MONTH", 1...12, "a month from 1 to 12") { settings.desk.schoolYearStartMonth = v }
        if let v = try int("MASTERPLAN_NEWSLETTER_RATE", 1...100_000, "messages per minute, from 1 to 100000") { settings.newsletterPerMinute = v }
        if let text = environment["MASTERPLAN_SECURE_COOKIES"] {
            switch text.lowercased() {
            case "1", "true": settings.secureCookies = true
            case "0", "false": settings.secureCookies = false
            default: throw Invalid(variable: "MASTERPLAN_SECURE_COOKIES", value: text, expected: "1, true, 0 or false")
            }
        }
        if let text = environment["MASTERPLAN_LOG_FORMAT"] {
            switch text.lowercased() {
            case "json": settings.jsonLog = true
            case "text", "": settings.jsonLog = false
            default: throw Invalid(variable: "MASTERPLAN_LOG_FORMAT", value: text, expected: "json or text")
            }
        }
        return settings
    }
}

extension Application {
    struct SettingsKey: StorageKey { typealias Value = AppSettings }
    /// Parsed in `prepare`; the defaults before that (and in code that runs without a prepared application).
    var settings: AppSettings {
        get { storage[SettingsKey.self] ?? AppSettings() }
        set { storage[SettingsKey.self] = newValue }
    }
}
