import Foundation
import TerminalKit
import TriageCore
import TriageUI

/// A user catalog compiled on a background thread while the browser already shows a stand-in (the built-in
/// catalog): progress, the catalog and a failure go to the browser through `mailbox`; the problems of a failed
/// build are kept for the command line to print once the screen is closed.
final class BackgroundCatalogBuild: @unchecked Sendable {
    /// What the first frame gets.
    enum Start {
        /// The cache was current (or the catalog was read without a cache): no build to wait for.
        case ready(catalog: Catalog, problems: [CatalogProblem])
        /// A build runs; the browser opens on the stand-in meanwhile.
        case building(BackgroundCatalogBuild)
    }

    let mailbox = Mailbox<BrowserMessage>()
    private let lock = NSLock()
    private let decided = DispatchSemaphore(value: 0)
    private let throttle = ProgressThrottle()
    private var started = false
    private var startedFiles = 0
    private var finished: (catalog: Catalog, problems: [CatalogProblem])?

    /// Files of the user catalog, as the build counted them at its start.
    var files: Int { lock.withLock { startedFiles } }

    /// The built catalog, once the build finished without problems.
    var catalog: Catalog? {
        lock.withLock { finished.flatMap { $0.problems.isEmpty ? $0.catalog : nil } }
    }

    /// The problems a finished build found (empty while it runs or when there were none).
    var problems: [CatalogProblem] { lock.withLock { finished?.problems ?? [] } }

    /// Starts loading on a background thread and waits until the load is either done (a cache hit: `.ready`)
    /// or has to compile (`.building`).
    static func start(_ load: @escaping @Sendable (_ progress: @escaping @Sendable (CatalogBuildEvent) -> Void)
        -> (catalog: Catalog, problems: [CatalogProblem])) -> Start {
        let build = BackgroundCatalogBuild()
        let thread = Thread {
            let result = load { event in build.note(event) }
            build.finish(result)
        }
        thread.stackSize = 8 << 20
        thread.start()
        build.decided.wait()
        return build.lock.withLock {
            if !build.started, let finished = build.finished { return .ready(catalog: finished.catalog, problems: finished.problems) }
            return .building(build)
        }
    }

    private func note(_ event: CatalogBuildEvent) {
        switch event {
        case let .started(files, _):
            let first = lock.withLock { () -> Bool in
                defer { started = true; startedFiles = files }
                return !started
            }
            if first { decided.signal() }
        case let .parsed(progress):
            if throttle.admit(progress) { mailbox.post(.catalogProgress(progress)) }
        }
    }

    private func finish(_ result: (catalog: Catalog, problems: [CatalogProblem])) {
        let wasStarted = lock.withLock { () -> Bool in
            finished = result
            return started
        }
        if wasStarted {
            mailbox.post(result.problems.isEmpty ? .catalogReady(result.catalog) : .catalogFailed(problems: result.problems.count))
        } else {
            decided.signal()
        }
    }
}
