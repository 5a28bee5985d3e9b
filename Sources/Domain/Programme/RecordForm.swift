/// Editing the programme's records through a form (issue 15, part 4): a record's columns as text (the data file's
/// format, so every rule of the import applies to the form too), its revision, and what differs between two
/// versions. Pure; the web layer renders and the store writes.
public enum RecordForm {
    /// The record's columns and their text as in a data file (lists joined with ";", empty for no value).
    public static func fields<R: Record>(_ record: R) -> [(column: String, text: String)] {
        ((try? RowCodec.encode(record)) ?? []).map { ($0.column, $0.cell.text ?? "") }
    }

    /// A short fingerprint of the version a form was filled in on (FNV-1a over the columns): a form whose revision
    /// is not the stored record's was made on an older version. The store's conditional write is the real guard.
    public static func revision<R: Record>(_ record: R) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for (column, text) in fields(record) {
            for byte in (column + "=" + text + "\n").utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        }
        return String(hash, radix: 16)
    }

    /// The record a form describes, or an error per field (the import's messages, in both languages).
    public static func parse<R: Record>(_ type: R.Type, values: [String: String]) -> (record: R?, errors: [String: Localized]) {
        do {
            return (try RowCodec.decode(R.self, from: TextCells(values.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) })), [:])
        } catch let e as CellError {
            return (nil, [e.column: localized(e.message)])
        } catch {
            return (nil, ["": Localized("Dit formulier klopt niet.", "This form is not valid.")])
        }
    }

    /// The columns whose text differs between two versions: (column, first, second).
    public static func differences<R: Record>(_ a: R, _ b: R) -> [(column: String, first: String, second: String)] {
        let second = Dictionary(fields(b).map { ($0.column, $0.text) }, uniquingKeysWith: { x, _ in x })
        return fields(a).compactMap { f in
            let other = second[f.column] ?? ""
            return f.text == other ? nil : (f.column, f.text, other)
        }
    }

    /// The import's and the dataset check's English messages, with a Dutch version for Dutch pages.
    public static func localized(_ message: String) -> Localized {
        let rules: [(String, String)] = [
            ("is not a whole number", "is geen geheel getal"), ("is not a number", "is geen getal"), ("is not a date", "is geen datum"),
            ("unknown reference", "onbekende verwijzing"), ("duplicate key", "deze sleutel bestaat al"), ("missing column", "ontbrekende kolom"),
            ("is not one of", "is niet een van"), ("must not be empty", "mag niet leeg zijn"), ("is empty", "is leeg"),
            ("a value is required", "vul een waarde in"), ("is not true or false", "is niet waar of onwaar"),
            ("Cannot initialize", "Onbekende waarde voor"), ("from invalid String value", ":"), ("may not be empty or contain", "mag niet leeg zijn of bevatten"),
        ]
        var nl = message
        for (en, dutch) in rules { nl = nl.replacingOccurrences(of: en, with: dutch) }
        return Localized(nl, message)
    }
}
