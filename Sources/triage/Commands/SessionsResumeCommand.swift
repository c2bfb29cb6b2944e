import ArgumentParser
import Foundation
import TriageCore

/// `triage sessions resume [ID | --ticket T]`: continues a saved diagnosis at the question it stopped at.
struct SessionsResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "Continue a saved diagnosis where it stopped.",
        discussion: """
            Give the session id, or --ticket T for the ticket's open session; with neither, your most recent open
            session. Opens full screen on a terminal; --plain (or --answer, or no terminal) continues in line mode.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The session id.") var id: SessionID?
    @Flag(help: "Line mode: plain questions on stdin/stdout.") var plain = false
    @Option(name: .customLong("answer"), help: ArgumentHelp("Answer the next question in advance (repeatable).", valueName: "N|value"))
    var answers: [String] = []
    @Flag(help: "Full screen: report mouse clicks and the wheel.") var mouse = false
    @Flag(help: "Take over the ticket's session from the team store (another host's): pulled, kept here, continued.")
    var team = false

    func run() throws {
        let catalog = try global.loadCatalog()
        let environment = ProcessEnvironment.current
        let store = try SessionDatabase.require(global, environment: environment)
        let stored: StoredSession
        if team {
            guard let ticket = global.ticket else { throw TriageError("--team needs --ticket T", exitCode: 2) }
            stored = try TeamSessions.takeOver(ticket: ticket, store: store,
                                               user: SessionDatabaseLocation.user(environment: environment))
        } else {
            stored = try find(in: store, environment: environment)
        }
        let recorder = SessionDatabase.recorder(global, catalog: catalog, store: store, reason: nil,
                                                continuing: stored.id, ticket: stored.ticket, environment: environment)
        Console.error("Continuing session #\(stored.id)" + (stored.ticket.map { " for ticket \(TerminalSafe.sanitize($0))" } ?? "") + ".")
        let session = stored.diagnosis
        if !plain, answers.isEmpty, FullScreen.unavailableReason(environment: environment) == nil {
            let program = try FullScreen.run(catalog: catalog, diagnosis: session, mouse: mouse,
                                             environment: environment, recorder: recorder,
                                             searchIndexStore: global.searchIndexStore())
            if program.state.diagnosis?.session.reachedDetermined != true { throw ExitCode(1) }
            return
        }
        let write = LineModeRun.writer(toStandardError: false)
        let dialogue = LineModeRun.dialogue(catalog: catalog, session: session, answers: answers, json: false,
                                            input: .standardInput, recorder: recorder, environment: environment)
        let finished = dialogue.run()
        recorder.record(finished)
        if finished.isFinished {
            DiagnosisSessions.askOutcome(recorder, write: write, readLine: AnswerInput.standardInput.readLine)
        }
        DiagnosisSessions.leave(finished, recorder: recorder, catalog: catalog, started: stored.createdAt, transcriptGiven: false,
                                environment: environment)
        if !finished.reachedDetermined { throw ExitCode(1) }
    }

    /// The session asked for: by id, else the ticket's open one (exit 2 when it has several), else the user's most
    /// recent open one.
    private func find(in store: any SessionStore, environment: [String: String]) throws -> StoredSession {
        if let stored = try SessionHandle.find(id, global: global, store: store) { return stored }
        let filter = SessionFilter(user: SessionDatabaseLocation.user(environment: environment), status: .open)
        if let latest = try SessionDatabase.attempt({ try store.list(filter) }).first(where: { $0.problem == nil }) {
            return latest
        }
        throw TriageError("you have no open session; see 'triage sessions list'", exitCode: 1)
    }
}
