import Testing
@testable import Domain

@Suite struct JoiningTests {
    func application(_ name: String = "Bouwbedrijf Van 't Hoog B.V.", kind: OrganizationKind = .company, number: String = "3412 3456",
                     postcode: String = "1092ab", email: String = " Jan@VanTHoog.example ") -> JoinApplication {
        JoinApplication(id: "a1", name: name, kind: kind, registrationNumber: number, address: "Wibautstraat 1", postcode: postcode, city: "Amsterdam",
                        sectors: [.bouw], levels: kind.isEducation ? [.vmboT] : [], contactName: "Jan de Vries", contactEmail: email,
                        motivation: "Wij willen leerlingen laten zien hoe een bouwplaats werkt.", language: .nl,
                        appliedOn: PartialDate(year: 2026, month: 11, day: 30)).normalized()
    }

    @Test func numbersPostcodesAndAddressesAreCheckedForForm() {
        let a = application()
        #expect(a.violations().isEmpty, "\(a.violations())")
        #expect(a.registrationNumber == "34123456" && a.postcode == "1092 AB" && a.contactEmail == "jan@vanthoog.example")
        #expect(application(number: "1234567").violations()["registrationNumber"] != nil, "KvK has 8 digits")
        #expect(application(kind: .secondarySchool, number: "27kn").violations().isEmpty, "a BRIN code, lower case accepted")
        #expect(application(kind: .secondarySchool, number: "27KN00").violations().isEmpty, "with a branch number")
        #expect(application(kind: .secondarySchool, number: "34123456").violations()["registrationNumber"]?.nl.contains("BRIN") == true, "a school needs BRIN")
        for bad in ["0123 AB", "1234 SS", "1234 SA", "12345 AB", "1234", "AB 1234"] { #expect(application(postcode: bad).violations()["postcode"] != nil, "\(bad)") }
        #expect(application(email: "geen-adres").violations()["contactEmail"] != nil)
        var school = application(kind: .primarySchool, number: "12AB")
        school.levels = []
        #expect(school.violations()["levels"] != nil, "a school names its levels")
        #expect(application(kind: .partnership).violations()["kind"] != nil)
    }

    @Test func districtsComeFromThePostcodeWhereTheTableKnowsIt() {
        let table = DistrictTable.amsterdam
        #expect(table.district(postcode: "1092 AB") == "Oost" && table.district(postcode: "1032ab") == "Noord" && table.district(postcode: "1102 CD") == "Zuidoost")
        #expect(table.district(postcode: "1012 AB") == "Centrum" && table.district(postcode: "1063 AB") == "Nieuw-West" && table.district(postcode: "1077 AB") == "Zuid")
        #expect(table.district(postcode: "1111 AB") == nil, "Diemen: not in Amsterdam's table, no guess")
        #expect(table.district(postcode: "onzin") == nil)
    }

    @Test func duplicatesByNameAliasNumberAndPostcode() {
        let orgs = [Organization(id: "van-t-hoog", name: "Van 't Hoog Bouw", kind: .company, aliases: ["Bouwbedrijf Van t Hoog"], source: "test"),
                    Organization(id: "anders", name: "Iets Anders", kind: .company, source: "test")]
        var other = application("Heel Andere Naam")
        other.id = "a2"
        var declined = application("Nog Een")
        declined.id = "a3"; declined.status = .afgewezen
        let hints = Joining.possibleDuplicates(of: application(), organizations: orgs, applications: [other, declined])
        #expect(hints.map(\.name) == ["Van 't Hoog Bouw", "Heel Andere Naam"])
        #expect(hints[0].organizationId == "van-t-hoog" && hints[0].reason.nl.contains("Bouwbedrijf Van t Hoog"))
        #expect(hints[1].reason.nl.contains("KvK-nummer") && hints[1].reason.nl.contains("postcode") && !hints[1].reason.nl.contains("naam"))
        #expect(Joining.possibleDuplicates(of: application("Totaal Nieuw", number: "99999999", postcode: "1011 AA"), organizations: orgs, applications: [other]).isEmpty)
    }

    @Test func approvalCreatesOrganisationMembershipAndApplicationWithAFreeId() {
        let today = PartialDate(year: 2026, month: 12, day: 1)
        let approval = Joining.approve(application(), takenIds: ["bouwbedrijf-van-t-hoog-b-v"], districts: .amsterdam, today: today, membershipApplicationId: "m1")
        #expect(approval.organization.id == "bouwbedrijf-van-t-hoog-b-v-2" && approval.organization.district == "Oost" && approval.organization.sectors == [.bouw])
        #expect(approval.membership.organizationId == approval.organization.id && approval.membership.isActive(on: today))
        #expect(approval.membershipApplication.status == .goedgekeurd && approval.membershipApplication.membershipId == approval.membership.id)
        #expect(approval.application.status == .goedgekeurd && approval.application.organizationId == approval.organization.id)
        #expect(Joining.slug("Daltonschool Neptunus É") == "daltonschool-neptunus-e")
        let declined = Joining.decline(application(), remarks: "Buiten de regio", today: today)
        #expect(declined.status == .afgewezen && declined.remarks == "Buiten de regio" && declined.organizationId == nil)
    }
}
