/// A region's table from postcode area to district, so a joining organisation gets its district without typing it
/// (reach by district needs it; 167 of the report's 188 organisations have none). Amsterdam's stadsdelen by the
/// four digits of the postcode; an area a table does not know gives no district rather than a guess.
public struct DistrictTable: Sendable {
    public var region: String
    /// Inclusive postcode-area ranges and their district.
    public var ranges: [(ClosedRange<Int>, String)]

    public func district(postcode: String) -> String? {
        guard let area = Postcode.area(postcode) else { return nil }
        return ranges.first { $0.0.contains(area) }?.1
    }

    /// Amsterdam's stadsdelen. Areas on a border (1013–1014 reach into Westpoort, 1019 and 1086–1087 are the
    /// eastern islands and IJburg) go to the district most of their addresses are in.
    public static let amsterdam = DistrictTable(region: "Amsterdam", ranges: [
        (1011...1018, "Centrum"),
        (1019...1019, "Oost"),
        (1020...1039, "Noord"),
        (1040...1047, "Westpoort"),
        (1051...1058, "West"),
        (1059...1069, "Nieuw-West"),
        (1071...1083, "Zuid"),
        (1086...1099, "Oost"),
        (1100...1108, "Zuidoost"),
    ])
}
