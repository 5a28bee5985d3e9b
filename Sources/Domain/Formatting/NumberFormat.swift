/// Dutch-first number formatting without Foundation locales, so output is the same on every machine:
/// 1.793 and 53,3 % in Dutch; 1,793 and 53.3 % in English.
public enum NumberFormat {
    public static func integer(_ value: Double, _ language: Lang = .nl) -> String {
        grouped(Int(value.rounded()), separator: language == .nl ? "." : ",")
    }

    /// Up to `decimals` decimals, trailing zeros dropped: 39,1 / 58 / 1.500.
    public static func number(_ value: Double, decimals: Int = 1, _ language: Lang = .nl) -> String {
        let scale = pow10(decimals)
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        var fraction = Int(scaled.truncatingRemainder(dividingBy: scale))
        var digits = decimals
        while digits > 0, fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        var out = (value < 0 && scaled != 0 ? "-" : "") + grouped(whole, separator: language == .nl ? "." : ",")
        if digits > 0 {
            var f = String(fraction)
            while f.count < digits { f = "0" + f }
            out += (language == .nl ? "," : ".") + f
        }
        return out
    }

    public static func percent(_ value: Double, decimals: Int = 1, _ language: Lang = .nl) -> String {
        number(value, decimals: decimals, language) + " %"
    }

    /// "+133", "−176", "+53,3 %".
    public static func signed(_ value: Double, decimals: Int = 0, percent: Bool = false, _ language: Lang = .nl) -> String {
        let body = number(abs(value), decimals: decimals, language) + (percent ? " %" : "")
        if value > 0 { return "+" + body }
        if value < 0 { return "−" + body }
        return body
    }

    public static func euro(_ value: Double, _ language: Lang = .nl) -> String {
        "€ " + integer(value, language)
    }

    private static func grouped(_ value: Int, separator: String) -> String {
        let digits = String(abs(value))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += separator }
            out.append(ch)
        }
        return (value < 0 ? "-" : "") + out
    }

    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 10 } }
}
