/// The one escaping path for markup: every text node and every attribute value of every page, SVG chart,
/// report and sheet goes through here (the pages through the Plot shadows in `Web/Views/Escaping.swift`).
/// All five characters with a meaning in HTML or XML become references, so a value can neither end its
/// attribute (`"`, `'`), open an element (`<`) nor be read as a reference (`&`).
public func escapeXML(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for ch in text.unicodeScalars {
        switch ch {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(ch)
        }
    }
    return out
}
