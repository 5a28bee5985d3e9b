import Plot
import Reports

// Plot escapes `<` and `>` in text but writes attribute values exactly as given, so a stored `"><meta …>` in an
// organisation's district became markup on every page that put it in an attribute. These declarations shadow
// Plot's own inside this module (Swift prefers a module's own declaration over an imported one with the same
// signature), so every attribute and text node a page builds goes through `escapeXML`, the one escaping path.
// Links get one more rule: only http(s), mailto and tel schemes, or a path on this site (`SafeURL`).
// `Tests/AppTests/EscapingTests.swift` and `tests/e2e/test_escaping.py` prove it with payloads in every field.

extension Node {
    static func text(_ text: String) -> Node { .raw(escapeXML(text)) }

    static func attribute(named name: String, value: String?, ignoreIfValueIsEmpty: Bool = true) -> Node {
        .attribute(Attribute(name: name, value: value.map(escapeXML), ignoreIfValueIsEmpty: ignoreIfValueIsEmpty))
    }
}

extension Attribute {
    static func attribute(named name: String, value: String?) -> Attribute {
        Attribute(name: name, value: value.map(escapeXML))
    }
}

extension Node where Context: HTMLContext {
    static func id(_ id: String) -> Node { .attribute(named: "id", value: id) }
    static func `class`(_ className: String) -> Node {
        .attribute(Attribute(name: "class", value: escapeXML(className), replaceExisting: false))
    }
}

extension Attribute where Context: HTMLContext {
    static func id(_ id: String) -> Attribute { .attribute(named: "id", value: id) }
    static func `class`(_ className: String) -> Attribute { Attribute(name: "class", value: escapeXML(className), replaceExisting: false) }
}

extension Node where Context: HTMLNamableContext {
    static func name(_ name: String) -> Node { .attribute(named: "name", value: name) }
}

extension Attribute where Context: HTMLNamableContext {
    static func name(_ name: String) -> Attribute { .attribute(named: "name", value: name) }
}

extension Node where Context: HTMLValueContext {
    static func value(_ value: String) -> Node { .attribute(named: "value", value: value) }
}

extension Attribute where Context: HTMLValueContext {
    static func value(_ value: String) -> Attribute { .attribute(named: "value", value: value) }
}

extension Node where Context: HTMLLinkableContext {
    static func href(_ url: String) -> Node { .attribute(named: "href", value: SafeURL.href(url)) }
}

extension Attribute where Context: HTMLLinkableContext {
    static func href(_ url: String) -> Attribute { .attribute(named: "href", value: SafeURL.href(url)) }
}

extension Attribute where Context == HTML.MetaContext {
    static func name(_ name: String) -> Attribute { .attribute(named: "name", value: name) }
    static func content(_ content: String) -> Attribute { .attribute(named: "content", value: content) }
}

extension Node where Context: HTML.BodyContext {
    static func ariaLabel(_ label: String) -> Node { .attribute(named: "aria-label", value: label) }
}

/// Which link targets a page may carry.
enum SafeURL {
    /// `webcal:` is the subscription link calendars open (the calendar feed page offers it).
    static let schemes = ["http:", "https:", "mailto:", "tel:", "webcal:"]

    /// The link, or `#` for anything that is neither a path on this site nor one of the allowed schemes
    /// (`javascript:`, `data:`, `//other.host`, and the same hidden behind case, spaces or control characters).
    static func href(_ url: String) -> String {
        let trimmed = String(url.unicodeScalars.filter { !($0.properties.isWhitespace || $0.properties.generalCategory == .control) }).lowercased()
        if trimmed.hasPrefix("#") || trimmed.hasPrefix("?") { return url }
        if trimmed.hasPrefix("/") { return trimmed.hasPrefix("//") || trimmed.hasPrefix("/\\") ? "#" : url }
        return schemes.contains(where: trimmed.hasPrefix) ? url : "#"
    }
}
