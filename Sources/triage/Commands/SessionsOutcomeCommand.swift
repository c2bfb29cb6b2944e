import ArgumentParser
import Foundation
import TriageCore

/// `triage sessions outcome ID|--ticket T solved|not-solved|escalated|none`: sets, changes or clears whether a
/// diagnosis solved the ticket.
struct SessionsOutcomeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outcome", abstract: "Set whether a diagnosis solved the ticket: solved, not-solved, escalated, or none to clear it.",
        discussion: "Give the session id and the outcome, or --ticket T and the outcome alone (the ticket's open session).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The session id, then the outcome: solved, not-solved, escalated, or none (or clear) to clear it.",
                                 valueName: "id|outcome"))
    var first: String
    @Argument(help: ArgumentHelp("The outcome, after an id.", valueName: "outcome")) var second: String?

    func run() throws {
        let (idText, outcome) = second.map { (Optional(first), $0) } ?? (nil, first)
        var id: SessionID?
        if let idText {
            guard let parsed = SessionID(argument: idText) else {
                let shown = TerminalSafe.sanitize(idText, keepNewlines: false)
                throw TriageError("'\(shown)' is not a session id (a number such as 12)", exitCode: 2)
            }
            id = parsed
        }
        let clears = ["none", "clear"].contains(outcome.trimmingCharacters(in: .whitespaces).lowercased())
        let value = SessionOutcome(argument: outcome)
        guard clears || value != nil else {
            let shown = TerminalSafe.sanitize(outcome, keepNewlines: false)
            throw TriageError("unknown outcome '\(shown)'; use solved, not-solved, escalated or none", exitCode: 2)
        }
        let store = try SessionDatabase.require(global)
        let stored = try SessionHandle.require(id, global: global, store: store)
        _ = try SessionDatabase.attempt { try store.setOutcome(value, id: stored.id, at: Date()) }
        Console.out("Session #\(stored.id): \(value?.label ?? "outcome cleared").")
    }
}
