extension Organization {
    /// The rules an organisation's own fields follow, wherever it comes from: the edit form and the API
    /// (`EditRoutes.apply`) and the data files of `import` (`Dataset.violations`). One list, so the CLI can no
    /// longer store a latitude of 95 that the form refuses.
    public func fieldViolations() -> [(field: String, message: Localized)] {
        var out: [(String, Localized)] = []
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        // Counted in code points, as the API's schema (JSON Schema maxLength) counts them: "K🏻" is one
        // character to Swift but two to every JSON client.
        if trimmed.isEmpty || name.unicodeScalars.count > 200 {
            out.append(("name", Localized("Vul een naam in van hoogstens 200 tekens.", "Enter a name of at most 200 characters.")))
        }
        if let district, district.unicodeScalars.count > 80 || district.contains(";") {
            out.append(("district", Localized("Hoogstens 80 tekens, zonder ;.", "At most 80 characters, without ;.")))
        }
        for (field, text) in [("name", name), ("district", district ?? "")] where text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            out.append((field, Localized("Bevat een stuurteken.", "Contains a control character.")))
        }
        if let latitude, !(-90.0...90.0).contains(latitude) {
            out.append(("latitude", Localized("Een getal tussen -90 en 90.", "A number from -90 to 90.")))
        }
        if let longitude, !(-180.0...180.0).contains(longitude) {
            out.append(("longitude", Localized("Een getal tussen -180 en 180.", "A number from -180 to 180.")))
        }
        if (latitude == nil) != (longitude == nil) {
            out.append(("longitude", Localized("Vul breedte- en lengtegraad allebei in, of geen van beide.", "Give both latitude and longitude, or neither.")))
        }
        return out
    }
}
