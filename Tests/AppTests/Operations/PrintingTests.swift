import Domain
import Foundation
import Reports
import Testing
import Vapor
import VaporTesting
@testable import Web

/// Issue 14, PDFs: bounded print slots (503 + Retry-After when full), a time limit on Chromium, and a cache keyed
/// by the printed document, proven with a stand-in Chromium that counts its runs and takes its time.
@Suite(.serialized) struct PrintingTests {
    /// A shell script that behaves like `chromium --print-to-pdf=OUT`: appends a line to `runs`, sleeps, writes a PDF.
    static func fakeChromium(sleep seconds: Double) throws -> (path: String, runs: URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fake-chromium-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let runs = dir.appendingPathComponent("runs")
        let script = dir.appendingPathComponent("chromium")
        try """
        #!/bin/sh
        for a in "$@"; do case "$a" in --print-to-pdf=*) out="${a#--print-to-pdf=}";; esac; done
        echo run >> '\(runs.path)'
        sleep \(seconds)
        printf '%%PDF-1.4 stand-in' > "$out"
        """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return (script.path, runs)
    }

    static func runs(_ url: URL) -> Int { ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n").count }

    static let report = "/rapportage/download?format=pdf&from=2014-01-01&to=2014-12-31"

    @Test func fullSlotsAnswer503WithRetryAfterAndTheCacheSkipsChromium() async throws {
        try await withMasterplan { app in
            let fake = try Self.fakeChromium(sleep: 1.5)
            app.printing = Printing(settings: PrintSettings(chromium: fake.path, slots: 1, queue: 0, timeout: 30))
            // One print takes the only slot; a second document asked for meanwhile finds no slot and no queue.
            async let first = app.testing().sendRequest(.GET, Self.report)
            try await Task.sleep(for: .milliseconds(400))
            let busy = try await app.testing().sendRequest(.GET, "/rapportage/download?format=pdf&from=2013-01-01&to=2013-12-31")
            #expect(busy.status == .serviceUnavailable)
            #expect(busy.headers.first(name: .retryAfter) == String(Printing.retryAfterSeconds))
            let printed = try await first
            #expect(printed.status == .ok && printed.body.string.hasPrefix("%PDF"))
            #expect(Self.runs(fake.runs) == 1)
            // The same document again: from the cache, no Chromium; the ETag names the printed version.
            let again = try await app.testing().sendRequest(.GET, Self.report)
            #expect(again.status == .ok && again.body.string == printed.body.string)
            #expect(again.headers.first(name: .eTag) == printed.headers.first(name: .eTag))
            #expect(Self.runs(fake.runs) == 1)
            // Another language is another document, printed anew.
            #expect(try await app.testing().sendRequest(.GET, Self.report + "&lang=en").status == .ok)
            #expect(Self.runs(fake.runs) == 2)
            let metrics = try await app.testing().sendRequest(.GET, "/metrics").body.string
            #expect(metrics.contains("masterplan_pdf_prints_total{source=\"cache\"} 1"), "\(metrics)")
        }
    }

    @Test func aWaitingPrintGetsTheSlotInTurn() async throws {
        try await withMasterplan { app in
            let fake = try Self.fakeChromium(sleep: 0.8)
            app.printing = Printing(settings: PrintSettings(chromium: fake.path, slots: 1, queue: 1, timeout: 30))
            async let a = app.testing().sendRequest(.GET, Self.report)
            async let b = app.testing().sendRequest(.GET, "/rapportage/download?format=pdf&from=2013-01-01&to=2013-12-31")
            let (ra, rb) = try await (a, b)
            #expect(ra.status == .ok && rb.status == .ok)
            #expect(Self.runs(fake.runs) == 2)
        }
    }

    @Test func aStuckChromiumIsStoppedAtTheTimeLimit() async throws {
        try await withMasterplan { app in
            let fake = try Self.fakeChromium(sleep: 30)
            app.printing = Printing(settings: PrintSettings(chromium: fake.path, slots: 1, queue: 0, timeout: 1))
            let start = ContinuousClock.now
            let res = try await app.testing().sendRequest(.GET, Self.report)
            #expect(res.status == .serviceUnavailable)
            #expect(res.body.string.contains("within 1 seconds"), "\(res.body.string)")
            #expect(ContinuousClock.now - start < .seconds(10))
            // The slot is free again.
            app.printing = Printing(settings: PrintSettings(chromium: try Self.fakeChromium(sleep: 0).path, slots: 1, queue: 0, timeout: 5))
            #expect(try await app.testing().sendRequest(.GET, Self.report).status == .ok)
        }
    }

    @Test func printTitlesCannotLeaveTheirCSSString() {
        let css = PrintPage.css(title: "A\"}</style><script>x</script>\n\\", lang: .nl)
        #expect(!css.contains("</style>") && !css.contains("<script>") && !css.contains("\n\\"))
        #expect(css.contains("size:A4") && css.contains("\"Pagina \" counter(page) \" van \" counter(pages)"))
        #expect(PrintPage.cssString("a\"b") == "\"a\\22 b\"")
    }
}
