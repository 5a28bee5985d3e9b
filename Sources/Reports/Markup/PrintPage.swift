import Domain

/// The page rule every printed document shares: A4 whatever the printer's default (Chromium prints US Letter
/// otherwise), the document's title at the foot of each page on the left and "Pagina 2 van 7" on the right.
/// Chromium draws CSS page-margin boxes since version 131; Debian's is newer.
public enum PrintPage {
    public static func css(title: String, lang: Lang) -> String {
        let page = lang == .nl ? "\"Pagina \" counter(page) \" van \" counter(pages)" : "\"Page \" counter(page) \" of \" counter(pages)"
        return """
        @page{size:A4;margin:16mm 14mm 18mm 14mm;\
        @bottom-left{content:\(cssString(title));font:8pt sans-serif;color:#444}\
        @bottom-right{content:\(page);font:8pt sans-serif;color:#444}}
        """
    }

    /// A CSS string literal that no title can end early: quotes, backslashes, line breaks and `<` (which could
    /// close the surrounding `<style>`) become hexadecimal escapes.
    public static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&": out += "\\" + String(scalar.value, radix: 16) + " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\" + String(scalar.value, radix: 16) + " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
