import Foundation

/// The editor's form, read into an issue: a page without JavaScript, so the blocks are numbered rows (`b0_kind`,
/// `b0_nl`, `b0_en`, `b0_since`, `b0_image`, `b0_order`, `b0_remove`), a row to add one block (`add`), the subject in
/// both languages and a checkbox per list (`list_nieuwsbrief`). Problems are named by field; the blocks as typed are
/// kept, so nothing the editor wrote is lost.
public enum NewsletterEditor {
    public static let maxBlocks = 30
    public static let maxText = 20_000

    public static func apply(_ form: [String: String], to issue: NewsletterIssue) -> (issue: NewsletterIssue, errors: FieldErrors) {
        var issue = issue, errors = FieldErrors()
        issue.subject = Localized(form["subject_nl", default: ""].trimmingCharacters(in: .whitespacesAndNewlines),
                                  form["subject_en", default: ""].trimmingCharacters(in: .whitespacesAndNewlines))
        if issue.subject.nl.count > 200 || issue.subject.en.count > 200 || (issue.subject.nl + issue.subject.en).contains(where: \.isNewline) {
            errors["subject"] = Localized("Een onderwerp van één regel, hoogstens 200 tekens.", "A subject of one line, at most 200 characters.")
        }
        issue.lists = NewsletterList.allCases.filter { form["list_" + $0.rawValue] != nil }
        var rows: [(order: Double, block: NewsletterBlock)] = []
        for i in 0..<maxBlocks {
            let p = "b\(i)_"
            guard let kind = form[p + "kind"] else { continue }
            if form[p + "remove"] != nil { continue }
            let order = Double(form[p + "order", default: ""]) ?? Double(i)
            switch block(kind: kind, form, prefix: p) {
            case .success(let b): rows.append((order, b))
            case .failure(let problem):
                // Kept as typed (as far as a block can hold it), with its message beside it.
                errors["b\(rows.count)"] = problem.message
                if let kept = lenient(kind: kind, form, prefix: p) { rows.append((order, kept)) }
            }
        }
        if let kind = form["add"], !kind.isEmpty {
            if rows.count >= maxBlocks { errors["add"] = Localized("Hoogstens \(maxBlocks) blokken.", "At most \(maxBlocks) blocks.") }
            else if let empty = emptyBlock(kind) { rows.append((Double(maxBlocks + 1), empty)) }
            else { errors["add"] = Localized("Onbekend soort blok.", "Unknown kind of block.") }
        }
        issue.blocks = rows.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }.map(\.element.block)
        return (issue, errors)
    }

    /// What a refused row still shows: the image and the alt texts typed so far; a date that could not be read
    /// falls back to the start of the year.
    static func lenient(kind: String, _ form: [String: String], prefix p: String) -> NewsletterBlock? {
        switch kind {
        case "image": .image(id: form[p + "image", default: ""], alt: Localized(form[p + "altnl", default: ""], form[p + "alten", default: ""]))
        case "text": .text(Localized(String(form[p + "nl", default: ""].prefix(maxText)), String(form[p + "en", default: ""].prefix(maxText))))
        default: emptyBlock(kind)
        }
    }

    static func emptyBlock(_ kind: String) -> NewsletterBlock? {
        switch kind {
        case "text": .text(Localized("", ""))
        case "image": .image(id: "", alt: Localized("", ""))
        case "timeline": .timeline(since: PartialDate(day: Date()).startOfYear)
        case "events": .upcomingEvents
        case "matchingday": .nextMatchingday
        case "figures": .keyFigures
        case "vrienden": .newVrienden(since: PartialDate(day: Date()).startOfYear)
        default: nil
        }
    }

    static func block(kind: String, _ form: [String: String], prefix p: String) -> Result<NewsletterBlock, BlockProblem> {
        func text(_ key: String) -> String { form[p + key, default: ""] }
        switch kind {
        case "text":
            guard text("nl").count <= maxText, text("en").count <= maxText else { return .failure(BlockProblem("Hoogstens \(maxText) tekens per taal.", "At most \(maxText) characters per language.")) }
            return .success(.text(Localized(text("nl"), text("en"))))
        case "image":
            let id = text("image")
            guard UUID(uuidString: id) != nil || id.isEmpty else { return .failure(BlockProblem("Kies een geüploade afbeelding.", "Choose an uploaded image.")) }
            let alt = Localized(text("altnl").trimmingCharacters(in: .whitespaces), text("alten").trimmingCharacters(in: .whitespaces))
            if id.isEmpty { return .failure(BlockProblem("Kies een afbeelding.", "Choose an image.")) }
            if alt.nl.isEmpty || alt.en.isEmpty { return .failure(BlockProblem("Beschrijf de afbeelding in beide talen (alt-tekst).", "Describe the image in both languages (alt text).")) }
            return .success(.image(id: id, alt: alt))
        case "timeline", "vrienden":
            guard let since = PartialDate(text("since")), since.day != nil else { return .failure(BlockProblem("Een datum als 2014-09-01.", "A date such as 2014-09-01.")) }
            return .success(kind == "timeline" ? .timeline(since: since) : .newVrienden(since: since))
        case "events": return .success(.upcomingEvents)
        case "matchingday": return .success(.nextMatchingday)
        case "figures": return .success(.keyFigures)
        default: return .failure(BlockProblem("Onbekend soort blok.", "Unknown kind of block."))
        }
    }

    /// "2026-12-01T09:00" as typed in a datetime-local field, in Amsterdam time.
    public static func scheduledTime(_ text: String) -> Date? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        for format in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"] {
            f.dateFormat = format
            if let d = f.date(from: text) { return d }
        }
        return nil
    }
}

/// Why one block of the form could not be read.
public struct BlockProblem: Error, Sendable, Hashable {
    public var message: Localized
    init(_ nl: String, _ en: String) { message = Localized(nl, en) }
}

extension PartialDate {
    /// 1 January of the same year.
    public var startOfYear: PartialDate { PartialDate(year: year, month: 1, day: 1) }
}
