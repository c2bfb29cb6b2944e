import ArgumentParser
import Foundation
import TriageCore

/// `triage sessions outcome ID solved|not-solved|escalated`: sets or changes whether a diagnosis solved the ticket.
struct SessionsOutcomeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outcome", abstract: "Set whether a diagnosis solved the ticket: solved, not-solved or escalated.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The session id.") var id: SessionID
    @Argument(help: "solved, not-solved or escalated.") var outcome: String

    func run() throws {
        guard let value = SessionOutcome(argument: outcome) else {
            throw TriageError("unknown outcome '\(TerminalSafe.sanitize(outcome))'; use solved, not-solved or escalated", exitCode: 2)
        }
        let store = try SessionDatabase.require(global)
        let stored = try SessionDatabase.load(id.value, from: store)
        _ = try SessionDatabase.attempt { try store.setOutcome(value, id: stored.id, at: Date()) }
        Console.out("Session #\(stored.id): \(value.label).")
    }
}
