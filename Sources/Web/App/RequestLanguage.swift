import Domain
import Vapor

extension Request {
    /// `?lang=` wins, then the cookie the language switch sets, then Dutch.
    var lang: Lang {
        if let q = query[String.self, at: "lang"], let l = Lang(rawValue: q) { return l }
        if let c = cookies["lang"]?.string, let l = Lang(rawValue: c) { return l }
        return .nl
    }

    /// The current path with its query, to come back to after switching language.
    var pathAndQuery: String {
        url.query.map { url.path + "?" + $0 } ?? url.path
    }
}
