import Domain
import Foundation

/// The report as a workbook: a contents sheet, then one sheet per table with numbers as numbers.
public enum ReportXLSX {
    public static func workbook(_ report: ProgrammeReport) -> XLSXWorkbook {
        let lang = report.lang
        var book = XLSXWorkbook()
        var contents: [[XLSXWorkbook.Cell]] = [[.bold(report.title)], [.text(report.period.label(lang))], [],
                                               [.bold(lang == .nl ? "Hoofdstuk" : "Section"), .bold(lang == .nl ? "Tabel" : "Table")]]
        var tables: [(String, [[XLSXWorkbook.Cell]])] = []
        for section in report.sections {
            for table in section.tables {
                contents.append([.text(section.title), .text(table.caption)])
                var rows: [[XLSXWorkbook.Cell]] = [[.bold(table.caption)]]
                if let source = table.source { rows.append([.text((lang == .nl ? "Bron: " : "Source: ") + source)]) }
                rows.append(table.headers.map { .bold($0) })
                for row in table.rows {
                    rows.append([row.isTotal ? .bold(row.label) : .text(row.label)] + row.cells.map(cell))
                }
                if let note = table.note { rows.append([]); rows.append([.text(note)]) }
                tables.append((table.caption, rows))
            }
        }
        book.add(name: lang == .nl ? "Inhoud" : "Contents", rows: contents)
        for (name, rows) in tables { book.add(name: name, rows: rows) }
        return book
    }

    static func cell(_ c: ReportCell) -> XLSXWorkbook.Cell {
        switch c {
        case .empty: .empty
        case .text(let s): .text(s)
        case .value(let v, .count): .number(v, v == v.rounded() ? .integer : .decimal)
        case .value(let v, .percentage): .number(v / 100, .percent)
        case .value(let v, .euro): .number(v, .euro)
        case .difference(let v): .number(v, .signedInteger)
        case .growth(let v): .number(v / 100, .signedPercent)
        }
    }
}

/// Prints HTML to PDF with headless Chromium from the system's packages. Chromium is found on PATH
/// (chromium, chromium-browser, google-chrome) or at MASTERPLAN_CHROMIUM.
public enum PDFPrinter {
    public enum Failure: Error, CustomStringConvertible {
        case chromiumMissing
        case failed(String)
        case timedOut(seconds: Double)
        public var description: String {
            switch self {
            case .chromiumMissing:
                "PDF needs headless Chromium, which is not installed. Install it with: sudo apt-get install -y chromium (Debian/Ubuntu), or set MASTERPLAN_CHROMIUM to its path."
            case .failed(let why): "Chromium could not print the PDF: \(why)"
            case .timedOut(let seconds): "Chromium did not finish the PDF within \(Int(seconds)) seconds and was stopped; try again later."
            }
        }
    }

    /// coreutils, part of every Debian and Ubuntu installation.
    static let timeoutCommand = "/usr/bin/timeout"

    public static func chromium(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let fm = FileManager.default
        if let explicit = environment["MASTERPLAN_CHROMIUM"], !explicit.isEmpty { return fm.isExecutableFile(atPath: explicit) ? explicit : nil }
        let dirs = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for dir in dirs where fm.isExecutableFile(atPath: dir + "/" + name) { return dir + "/" + name }
        }
        return nil
    }

    /// Writes `html` to a temporary file, prints it and returns the PDF's bytes. Blocks; call it off the event loop.
    /// A Chromium still running after `timeout` seconds is stopped so a stuck print cannot hold a print slot for
    /// ever: coreutils' `timeout` runs it in a process group of its own and signals the whole group (SIGTERM, then
    /// SIGKILL), Chromium's helper processes included; stopping only the browser would leave them running.
    public static func pdf(html: String, chromium: String? = PDFPrinter.chromium(), timeout: Double = 120) throws -> Data {
        guard let chromium else { throw Failure.chromiumMissing }
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("masterplan-pdf-" + UUID().uuidString)
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        let input = dir.appendingPathComponent("report.html"), output = dir.appendingPathComponent("report.pdf")
        try Data(html.utf8).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.timeoutCommand)
        process.arguments = ["--kill-after=2", String(format: "%.1f", timeout), chromium,"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--user-data-dir=" + dir.appendingPathComponent("profile").path,
                             "--no-pdf-header-footer", "--print-to-pdf=" + output.path, input.absoluteString]
        // Chromium's errors go to a file, not a pipe: its helper processes inherit the handle, and a pipe would
        // keep the read waiting after a stopped Chromium until the last helper is gone.
        let errorFile = dir.appendingPathComponent("stderr.txt")
        _ = fm.createFile(atPath: errorFile.path, contents: nil)
        let errors = try FileHandle(forWritingTo: errorFile)
        defer { try? errors.close() }
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        // 124: stopped by SIGTERM at the limit; 137: it had to be killed.
        if process.terminationStatus == 124 || process.terminationStatus == 137 { throw Failure.timedOut(seconds: timeout) }
        let errorData = (try? Data(contentsOf: errorFile)) ?? Data()
        guard let pdf = try? Data(contentsOf: output), pdf.starts(with: Data("%PDF".utf8)) else {
            let tail = String(decoding: errorData.suffix(400), as: UTF8.self)
            throw Failure.failed("exit status \(process.terminationStatus). \(tail)")
        }
        return pdf
    }
}
