import ArgumentParser
import Foundation
import TriageCore

/// `triage sessions ...`: the stored diagnoses: list, show, resume, export, pause, stats, outcome, delete.
struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions", abstract: "List, resume, export and count the saved diagnoses.",
        discussion: """
            Every diagnosis is saved after each step in one SQLite file: --db PATH, else TRIAGE_DB, else \
            $XDG_STATE_HOME/triage/sessions.sqlite (else ~/.local/state/triage/sessions.sqlite). Several \
            processes and engineers can share one file. Secret values are stored masked. \
            show, export, resume, pause, outcome and delete take a session id, or --ticket T for the ticket's open \
            session.
            """,
        subcommands: [
            SessionsListCommand.self, SessionsShowCommand.self, SessionsResumeCommand.self, SessionsExportCommand.self,
            SessionsPauseCommand.self, SessionsStatsCommand.self, SessionsOutcomeCommand.self, SessionsDeleteCommand.self,
        ],
        defaultSubcommand: SessionsListCommand.self)
}

/// A session id as typed: `12` or `#12`.
struct SessionID: ExpressibleByArgument {
    var value: Int64

    init?(argument: String) {
        let digits = argument.hasPrefix("#") ? String(argument.dropFirst()) : argument
        guard let value = Int64(digits), value > 0 else { return nil }
        self.value = value
    }
}
