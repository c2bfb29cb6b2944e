import ArgumentParser
import Foundation
import TriageCore

/// `triage sessions show ID|--ticket T`: one saved diagnosis with its transcript.
struct SessionsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a saved diagnosis: who, ticket, status, outcome and its transcript.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The session id (or give --ticket T for the ticket's open session).") var id: SessionID?
    @Flag(help: "Print JSON instead of text.") var json = false

    func run() throws {
        let (stored, transcript, catalog) = try SessionDatabase.transcript(id, global: global)
        if json {
            var object = SessionJSON(stored, catalog: catalog, now: Date())
            object.transcript = transcript.document
            return try JSONOutput.print(object)
        }
        var lines = ["Session #\(stored.id)" + (stored.ticket.map { " for ticket \($0)" } ?? "") + " by \(stored.user)"]
        lines.append("Status: \(stored.status.rawValue), \(stored.diagnosis.stepCount) steps"
            + (stored.outcome.map { ", outcome: \($0.label)" } ?? ""))
        lines.append("Created \(UTCTime.short(stored.createdAt)), updated \(UTCTime.short(stored.updatedAt))"
            + (stored.endedAt.map { ", ended \(UTCTime.short($0))" } ?? ""))
        if let reason = stored.pausedReason { lines.append("Paused: \(reason)") }
        if stored.status == .open { lines.append("Continue it with: triage sessions resume \(stored.id)") }
        Console.out(TerminalSafe.sanitize(lines.joined(separator: "\n")) + "\n")
        Console.out(transcript.markdown)
    }
}
