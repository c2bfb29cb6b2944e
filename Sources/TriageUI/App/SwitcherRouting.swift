import Foundation
import TriageCore

/// What the switcher asks of the shell: resume a stored diagnosis, or the team tab's work (list the team's open
/// sessions, take one over), performed by the runner off the UI thread; the results come back as
/// `SwitcherTeamResult` (an answer, or a message when the work finished later).
extension BrowserState {
    mutating func act(on request: SwitcherRequest) {
        switch request {
        case let .resume(stored): resume(stored)
        case .loadTeam: effects.append(.team(.list))
        case let .takeOver(row):
            updateSwitcher { $0.say("Taking over \(row.ticket ?? "the session") from \(row.engineer)@\(row.host)…") }
            effects.append(.team(.takeOver(session: row.session, ticket: row.ticket)))
        }
    }

    /// The team store's answer: the team tab's list, or the session taken over (resumed at once).
    mutating func receiveTeam(_ result: SwitcherTeamResult) {
        switch result {
        case .pending: break
        case let .listed(rows):
            let now = clock()
            updateSwitcher { $0.teamListed(rows, now: now) }
        case let .unavailable(reason): updateSwitcher { $0.teamFailed(reason) }
        case let .notTakenOver(reason): updateSwitcher { $0.say("Cannot take it over: \(reason)") }
        case let .takenOver(stored):
            // Only while the switcher is still open: the engineer may have moved on meanwhile.
            guard case .switcher = active else { return }
            resume(stored)
        }
    }

    private mutating func updateSwitcher(_ change: (inout Switcher) -> Void) {
        guard case var .switcher(switcher) = active else { return }
        change(&switcher)
        active = .switcher(switcher)
    }
}
