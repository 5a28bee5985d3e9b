import Crypto
import Foundation
import Reports
import Vapor

/// How PDFs are printed on this instance: `MASTERPLAN_PRINT_SLOTS` Chromiums at once (default 2; each takes about
/// 200 MiB), `MASTERPLAN_PRINT_QUEUE` more waiting (default 4), `MASTERPLAN_PRINT_TIMEOUT` seconds per print
/// (default 60), Chromium from `PDFPrinter.chromium()`.
struct PrintSettings: Sendable {
    var chromium: String?
    var slots = 2
    var queue = 4
    var timeout: Double = 60
    /// Printed documents kept, by the digest of their HTML, up to this many bytes (default 64 MiB).
    var cacheBytes = 64 << 20

    static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> PrintSettings {
        var s = PrintSettings(chromium: PDFPrinter.chromium(environment: env))
        if let v = env["MASTERPLAN_PRINT_SLOTS"].flatMap(Int.init), v >= 1 { s.slots = v }
        if let v = env["MASTERPLAN_PRINT_QUEUE"].flatMap(Int.init), v >= 0 { s.queue = v }
        if let v = env["MASTERPLAN_PRINT_TIMEOUT"].flatMap(Double.init), v > 0 { s.timeout = v }
        return s
    }
}

/// PDF downloads. A print is keyed by the SHA-256 of the HTML it prints: the document is a pure function of the data
/// it shows, so the digest is its data version, and an unchanged agenda or report is served from memory without a
/// Chromium. Access is checked before the HTML is made, so the cache never hands a private document to anyone who
/// could not have printed it. When every slot is busy and the queue is full the answer is 503 with `Retry-After`.
final class Printing: Sendable {
    let settings: PrintSettings
    let gate: PrintGate
    let cache: PrintCache

    init(settings: PrintSettings) {
        self.settings = settings
        gate = PrintGate(slots: settings.slots, queue: settings.queue)
        cache = PrintCache(limit: settings.cacheBytes)
    }

    static let retryAfterSeconds = 10

    static func pdfResponse(_ req: Request, html: String, filename: String) async throws -> Response {
        let printing = req.application.printing
        let key = SHA256.hash(data: Data(html.utf8)).map { String(format: "%02x", $0) }.joined()
        var headers = HTTPHeaders()
        headers.contentDisposition = .init(.attachment, filename: filename)
        headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
        headers.replaceOrAdd(name: .eTag, value: "\"" + key.prefix(32) + "\"")
        if let pdf = await printing.cache.get(key) {
            req.application.metrics.print(cached: true)
            return Response(status: .ok, headers: headers, body: .init(data: pdf))
        }
        guard await printing.gate.enter() else {
            var busy = HTTPHeaders()
            busy.replaceOrAdd(name: .retryAfter, value: String(retryAfterSeconds))
            throw Abort(.serviceUnavailable, headers: busy, reason: req.lang == .nl
                        ? "Alle afdrukplaatsen zijn bezet; probeer het over \(retryAfterSeconds) seconden opnieuw."
                        : "Every print slot is busy; try again in \(retryAfterSeconds) seconds.")
        }
        let settings = printing.settings
        let printed: Result<Data, any Error>
        do { printed = .success(try await req.application.threadPool.runIfActive { try PDFPrinter.pdf(html: html, chromium: settings.chromium, timeout: settings.timeout) }) }
        catch { printed = .failure(error) }
        await printing.gate.leave()
        let pdf: Data
        do { pdf = try printed.get() }
        catch let failure as PDFPrinter.Failure { throw Abort(.serviceUnavailable, reason: failure.description) }
        await printing.cache.put(key, pdf)
        req.application.metrics.print(cached: false)
        return Response(status: .ok, headers: headers, body: .init(data: pdf))
    }
}

/// At most `slots` prints at once and `queue` waiting in order; `enter()` is false when both are full.
actor PrintGate {
    let slots: Int, queue: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(slots: Int, queue: Int) { self.slots = slots; self.queue = queue }

    func enter() async -> Bool {
        if running < slots { running += 1; return true }
        guard waiting.count < queue else { return false }
        await withCheckedContinuation { waiting.append($0) }
        return true
    }

    /// Hands the place to the next waiting print, if any.
    func leave() {
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
    }
}

/// Printed PDFs by key, the least recently used dropped first once the total passes `limit` bytes.
actor PrintCache {
    let limit: Int
    private var entries: [String: Data] = [:]
    private var order: [String] = []
    private var bytes = 0

    init(limit: Int) { self.limit = limit }

    func get(_ key: String) -> Data? {
        guard let data = entries[key] else { return nil }
        order.removeAll { $0 == key }; order.append(key)
        return data
    }

    func put(_ key: String, _ data: Data) {
        guard data.count <= limit, entries[key] == nil else { return }
        entries[key] = data; order.append(key); bytes += data.count
        while bytes > limit, let oldest = order.first {
            order.removeFirst(); bytes -= entries.removeValue(forKey: oldest)?.count ?? 0
        }
    }
}

struct PrintingKey: StorageKey { typealias Value = Printing }

extension Application {
    var printing: Printing {
        get { storage[PrintingKey.self] ?? Printing(settings: .fromEnvironment()) }
        set { storage[PrintingKey.self] = newValue }
    }
}
