import Foundation
import TerminalKit
import TriageCore
import TriageStorage
import TriageTeam
import TriageUI

/// Performs the switcher's team work (`BrowserEffect.team`) off the UI thread: answers `.pending` at once, then
/// posts the result to the runner's mailbox when the team store answered (or could not be reached). Without a
/// team store the answer says so at once.
struct TeamSwitcherEffects {
    let store: (any SessionStore)?
    let user: String
    let environment: [String: String]
    let mailbox: Mailbox<BrowserMessage>?

    func perform(_ request: SwitcherTeamRequest) -> BrowserAnswer {
        guard let mailbox else { return .team(.unavailable("no team store is configured (TRIAGE_TEAM_DB)")) }
        let config: TeamConfig
        do {
            guard let found = try TeamConfig.from(environment: environment) else {
                return .team(.unavailable("no team store is configured (TRIAGE_TEAM_DB)"))
            }
            config = found
        } catch {
            return .team(.unavailable(Self.line(error)))
        }
        let store = self.store
        let user = self.user
        let thread = Thread {
            mailbox.post(.team(Self.result(of: request, config: config, store: store, user: user)))
        }
        thread.name = "triage.team-switcher"
        thread.start()
        return .team(.pending)
    }

    /// The work itself (blocking; run off the UI thread).
    static func result(of request: SwitcherTeamRequest, config: TeamConfig, store: (any SessionStore)?, user: String)
        -> SwitcherTeamResult {
        switch request {
        case .list:
            do {
                let summaries = try TeamCommands.withServer(config) { try await $0.sessions(limit: 500) }
                return .listed(summaries.filter { $0.status == SessionStatus.open.rawValue && !$0.redacted }.map { summary in
                    Switcher.TeamRow(session: summary.session, ticket: summary.ticket, tree: summary.tree ?? "?",
                                     engineer: summary.lastActor ?? "?", host: TeamSessions.hosts(summary),
                                     updatedAt: summary.updatedAt ?? Date(timeIntervalSince1970: 0),
                                     pausedReason: summary.pausedReason)
                })
            } catch {
                return .unavailable(line(error))
            }
        case let .takeOver(session, _):
            guard let store else { return .notTakenOver("no sessions database to keep it in") }
            do {
                return .takenOver(try TeamSessions.takeOver(session: session, store: store, user: user, config: config))
            } catch {
                return .notTakenOver(line(error))
            }
        }
    }

    /// An error in one line, terminal-safe.
    static func line(_ error: any Error) -> String {
        TerminalSafe.sanitize((error as? TriageError)?.message ?? "\(error)", keepNewlines: false)
    }
}
