import Foundation
import TerminalKit
import TriageCore

/// The cold build's progress on stderr when it is a terminal: one line, "triage: compiling the catalog
/// (435 files: a file changed): 1,234 of 4,000 files", rewritten in place at most ten times a second and
/// cleared when the build is done. Nothing at all when stderr is not a terminal.
final class BuildProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let throttle = ProgressThrottle()
    private let lock = NSLock()
    private var heading = "triage: compiling the catalog"
    private var shown = false

    init(enabled: Bool = isatty(STDERR_FILENO) == 1) { self.enabled = enabled }

    func note(_ event: CatalogBuildEvent) {
        guard enabled else { return }
        switch event {
        case let .started(files, reason):
            lock.withLock { heading = "triage: compiling the catalog (\(files) file\(files == 1 ? "" : "s"): \(reason))" }
            show(nil)
        case let .parsed(progress):
            if throttle.admit(progress) { show(progress) }
        }
    }

    /// Removes the line (after the build, before anything else is printed).
    func clear() {
        let wasShown = lock.withLock { () -> Bool in
            defer { shown = false }
            return shown
        }
        if wasShown { write("\r\u{1B}[K") }
    }

    private func show(_ progress: CatalogBuildProgress?) {
        lock.withLock {
            let counts = progress.map { ": \(CatalogBuildProgress.grouped($0.done)) of \(CatalogBuildProgress.grouped($0.total)) files" } ?? "..."
            // Only the text is sanitized; the carriage return and "erase to the end of the line" are ours.
            write("\r" + TerminalSafe.output(heading + counts) + "\u{1B}[K")
            shown = true
        }
    }

    private func write(_ text: String) {
        try? FileWriter.writeAll(Data(text.utf8), to: STDERR_FILENO)
    }
}
