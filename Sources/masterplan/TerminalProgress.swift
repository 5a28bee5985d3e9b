import Foundation

/// Progress of long work (import, export, report, PDF) on one line of the terminal, rewritten in place; silent
/// when standard error is not a terminal, so scripts and cron mail see only the result.
struct TerminalProgress: Sendable {
    let enabled: Bool

    init(enabled: Bool = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb") { self.enabled = enabled }

    /// "Exporting 3/27: organizations"; the line is replaced by the next call.
    func show(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
    }

    func step(_ n: Int, of total: Int, _ what: String) { show("\(what) \(n)/\(total)") }

    /// Clears the line before the result is printed.
    func done() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
