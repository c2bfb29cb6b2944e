import Foundation
import TerminalKit
import TriageCore
import TriageStorage
import TriageTeam
import TriageUI

/// Feeds the full screen's team field: a background thread reads what the background pushes recorded in the
/// local database (`outboxStatus`: queued events, the last sync, the last failure) every few seconds and posts
/// the status line's text when it changes. Only local reads, never the network, so the UI never waits; started
/// only when a team store is configured (no field otherwise).
final class TeamStatusWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false

    /// Starts watching the sessions database for `mailbox` when a team store is configured; nil otherwise. The
    /// database is opened on the watch's thread, so the first frame never waits for it.
    static func start(sessions: SessionAccess?, environment: [String: String], mailbox: Mailbox<BrowserMessage>,
                      every interval: TimeInterval = 2) -> TeamStatusWatch? {
        guard let sessions, ((try? TeamConfig.from(environment: environment)) ?? nil) != nil else { return nil }
        let watch = TeamStatusWatch()
        let thread = Thread {
            guard let store = sessions.store as? SQLiteSessionStore, store.readOnlyReason == nil else { return }
            var last: String?
            while !watch.isStopped {
                // A database that cannot be read leaves the field as it was (never an error on the screen).
                if let status = try? store.outboxStatus() {
                    let text = TeamStatusLine.text(status, now: Date())
                    if text != last { mailbox.post(.teamStatus(text)) }
                    last = text
                }
                Thread.sleep(forTimeInterval: interval)
            }
        }
        thread.name = "triage.team-status"
        thread.start()
        return watch
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    /// Ends the thread (after its current sleep).
    func stop() { lock.withLock { stopped = true } }
}
