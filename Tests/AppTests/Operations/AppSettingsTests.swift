import Domain
import Testing
@testable import Web

/// Settings are parsed once at start, and a mistyped one names itself (issue 13).
@Suite struct AppSettingsTests {
    @Test func defaultsWithoutVariablesAndValuesWhenGiven() throws {
        #expect(try AppSettings.parse([:]) == AppSettings())
        let s = try AppSettings.parse(["MASTERPLAN_ACTIVITIES_PER_COMPANY": "3", "MASTERPLAN_RESPONSE_DAYS": " 10 ", "MASTERPLAN_SCHOOL_YEAR_START_MONTH": "9",
                                       "MASTERPLAN_NEWSLETTER_RATE": "60", "MASTERPLAN_SECURE_COOKIES": "TRUE", "MASTERPLAN_LOG_FORMAT": "json",
                                       "UNRELATED": "x"])
        #expect(s.desk.activitiesPerCompany == 3 && s.desk.responseDays == 10 && s.desk.schoolYearStartMonth == 9)
        #expect(s.newsletterPerMinute == 60 && s.secureCookies == true && s.jsonLog)
        #expect(try AppSettings.parse(["MASTERPLAN_SECURE_COOKIES": "0"]).secureCookies == false)
    }

    @Test(arguments: [
        ("MASTERPLAN_ACTIVITIES_PER_COMPANY", "twee"), ("MASTERPLAN_ACTIVITIES_PER_COMPANY", "-1"),
        ("MASTERPLAN_RESPONSE_DAYS", "0"), ("MASTERPLAN_RESPONSE_DAYS", "14d"),
        ("MASTERPLAN_SCHOOL_YEAR_START_MONTH", "13"), ("MASTERPLAN_NEWSLETTER_RATE", ""),
        ("MASTERPLAN_SECURE_COOKIES", "yes"), ("MASTERPLAN_LOG_FORMAT", "jsn"),
    ])
    func aBadValueNamesTheVariable(variable: String, value: String) {
        do {
            _ = try AppSettings.parse([variable: value])
            Issue.record("\(variable)=\(value) was accepted")
        } catch {
            #expect(error.variable == variable && error.value == value)
            #expect(error.description.hasPrefix("\(variable)=\(value) is not valid: expected "))
        }
    }
}
