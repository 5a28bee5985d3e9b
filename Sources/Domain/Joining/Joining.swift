import Foundation

/// The coordinator's decisions on a join application, as pure functions: which existing records it may duplicate,
/// and what approving it creates.
public enum Joining {
    /// Something on record that looks like the applicant: an organisation (by name or alias) or another
    /// application (by name, registration number or postcode).
    public struct DuplicateHint: Sendable, Hashable {
        public var name: String
        /// The organisation's id, when the hint is an organisation.
        public var organizationId: String?
        public var reason: Localized
    }

    /// A name reduced to what identifies it: lower case, no accents, no legal form, letters and digits only.
    public static func comparable(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "nl_NL")).lowercased()
        let words = folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        let legalForms: Set<String> = ["bv", "b", "v", "nv", "n", "vof", "stichting", "holding", "the", "de", "het"]
        return words.filter { !legalForms.contains($0) }.joined()
    }

    public static func possibleDuplicates(of application: JoinApplication, organizations: [Organization], applications: [JoinApplication]) -> [DuplicateHint] {
        let mine = comparable(application.name)
        func similar(_ other: String) -> Bool {
            let theirs = comparable(other)
            guard !mine.isEmpty, !theirs.isEmpty else { return false }
            return mine == theirs || (min(mine.count, theirs.count) >= 5 && (mine.contains(theirs) || theirs.contains(mine)))
        }
        var hints: [DuplicateHint] = []
        for o in organizations where o.id != application.organizationId {
            if let match = ([o.name] + o.aliases).first(where: similar) {
                hints.append(DuplicateHint(name: o.name, organizationId: o.id, reason: Localized("naam lijkt op \"\(match)\"", "name resembles \"\(match)\"")))
            }
        }
        for other in applications where other.id != application.id && other.status != .afgewezen {
            var reasons: [Localized] = []
            if similar(other.name) { reasons.append(Localized("naam", "name")) }
            if other.registrationNumber == application.registrationNumber {
                reasons.append(application.registrationKind == .kvk ? Localized("KvK-nummer", "KvK number") : Localized("BRIN-code", "BRIN code"))
            }
            if other.postcode == application.postcode { reasons.append(Localized("postcode", "postcode")) }
            guard !reasons.isEmpty else { continue }
            hints.append(DuplicateHint(name: other.name, organizationId: other.organizationId,
                                       reason: Localized("andere aanmelding (\(other.status.label.nl.lowercased())), zelfde " + reasons.map(\.nl).joined(separator: ", "),
                                                         "another application (\(other.status.label.en.lowercased())), same " + reasons.map(\.en).joined(separator: ", "))))
        }
        return hints
    }

    /// What approval creates, all in one transaction: the organisation, its membership and the approved membership
    /// application (so ending the membership later works as for any Vriend).
    public struct Approval: Sendable {
        public var application: JoinApplication
        public var organization: Organization
        public var membership: Membership
        public var membershipApplication: MembershipApplication
    }

    public static func approve(_ application: JoinApplication, takenIds: Set<String>, districts: DistrictTable?, today: PartialDate,
                               membershipApplicationId: String) -> Approval {
        let base = idBase(of: application)
        var id = base, n = 2
        while takenIds.contains(id) { id = base + "-\(n)"; n += 1 }
        let organization = Organization(id: id, name: application.name, kind: application.kind, sectors: application.sectors, levels: application.levels,
                                        district: districts?.district(postcode: application.postcode),
                                        source: "Aangemeld via de website op \(application.appliedOn.description)")
        let membership = Membership(id: "vriend-" + id + "-" + today.description, organizationId: id, startDate: today,
                                    evidence: "Aangemeld via de website; goedgekeurd op \(today.label(.nl))", source: "Netwerkbalie")
        var membershipApplication = MembershipApplication(id: membershipApplicationId, organizationId: id, motivation: application.motivation,
                                                          status: .goedgekeurd, appliedOn: application.appliedOn)
        membershipApplication.decidedOn = today
        membershipApplication.membershipId = membership.id
        var approved = application
        approved.status = .goedgekeurd
        approved.decidedOn = today
        approved.organizationId = id
        return Approval(application: approved, organization: organization, membership: membership, membershipApplication: membershipApplication)
    }

    public static func decline(_ application: JoinApplication, remarks: String?, today: PartialDate) -> JoinApplication {
        var declined = application
        declined.status = .afgewezen
        declined.decidedOn = today
        declined.remarks = remarks
        return declined
    }

    /// The id an approved organisation gets when it is free; otherwise `base-2`, `base-3`, …: the ids that can be
    /// taken are this one and those starting with it and a dash, all a caller needs to read.
    public static func idBase(of application: JoinApplication) -> String {
        slug(application.name).isEmpty ? "organisatie" : slug(application.name)
    }

    /// "Bouwbedrijf Van 't Hoog B.V." → "bouwbedrijf-van-t-hoog-b-v".
    public static func slug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "nl_NL")).lowercased()
        return folded.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.joined(separator: "-")
    }
}
