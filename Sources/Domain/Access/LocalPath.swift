import Foundation

/// The one check for every redirect target and every "back to" link taken from a request (`?terug=`, a hidden
/// form field): it must be a path on this site. Browsers forgive a lot — they drop tabs and newlines, read `\`
/// as `/`, and `//host` or `/\host` is another site — so anything that could be read as another origin is
/// refused, in the raw form and in every percent-decoded form of it.
public enum LocalPath {
    /// `target` when it is a same-origin path, else nil.
    public static func validated(_ target: String?) -> String? {
        guard let target, !target.isEmpty, target.utf8.count <= 2048 else { return nil }
        var form = target
        for _ in 0..<4 {
            guard isPlainPath(form) else { return nil }
            guard let decoded = form.removingPercentEncoding else { return nil } // broken escapes: refuse
            if decoded == form { return target }
            form = decoded
        }
        return nil // still changing after four decodings: nobody needs that
    }

    /// `target` when it is a same-origin path, else the home page.
    public static func safe(_ target: String?, fallback: String = "/") -> String { validated(target) ?? fallback }

    static func isPlainPath(_ s: String) -> Bool {
        guard s.hasPrefix("/"), !s.contains("//") else { return false }
        for scalar in s.unicodeScalars {
            if scalar == "\\" || scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
                || scalar.properties.generalCategory == .format { return false }
        }
        return true
    }
}
