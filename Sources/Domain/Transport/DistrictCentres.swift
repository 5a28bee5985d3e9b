/// Approximate centres of the districts the embedded data names (stadsdelen and neighbouring towns), for an
/// organisation that has no coordinates of its own: good to a few kilometres, so every use is marked approximate.
/// An organisation's own coordinates (its profile) or an imported travel time always win.
public enum DistrictCentres {
    public static let amsterdam: [String: Coordinate] = [
        "Centrum": .init(latitude: 52.3728, longitude: 4.8936, approximate: true),
        "Amsterdam": .init(latitude: 52.3728, longitude: 4.8936, approximate: true),
        "West": .init(latitude: 52.3792, longitude: 4.8590, approximate: true),
        "Nieuw-West": .init(latitude: 52.3620, longitude: 4.8000, approximate: true),
        "Zuid": .init(latitude: 52.3480, longitude: 4.8700, approximate: true),
        "Oost": .init(latitude: 52.3570, longitude: 4.9400, approximate: true),
        "Noord": .init(latitude: 52.4000, longitude: 4.9250, approximate: true),
        "Zuidoost": .init(latitude: 52.3100, longitude: 4.9750, approximate: true),
        "Westpoort": .init(latitude: 52.4050, longitude: 4.8300, approximate: true),
        "Diemen": .init(latitude: 52.3390, longitude: 4.9620, approximate: true),
        "Zaandam": .init(latitude: 52.4380, longitude: 4.8260, approximate: true),
    ]
}
