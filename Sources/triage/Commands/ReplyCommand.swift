import ArgumentParser
import Foundation
import TriageCore

/// `triage reply ID|--ticket T [--format md|text|json]`: the customer reply and internal note of a finished
/// diagnosis, filled from its values (secrets never appear), for the ticket.
struct ReplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reply",
        abstract: "Print the reply for the customer and the internal note of a finished diagnosis.",
        discussion: """
            The reply is written in the catalog at each conclusion and filled with the values typed or read from
            the pasted response; a secret value never appears in it. With --ticket T, the ticket's latest finished
            session.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The session id (or give --ticket T for the ticket's latest finished session).") var id: SessionID?
    @Option(help: "md (Markdown), text or json.") var format: DiagnosisReply.Format = .md

    func run() throws {
        let catalog = try global.loadCatalog()
        let store = try SessionDatabase.require(global)
        let stored = try session(store: store)
        guard stored.diagnosis.isFinished else {
            throw TriageError("session #\(stored.id) has not reached a conclusion yet; continue it with 'triage sessions resume \(stored.id)'",
                              exitCode: 1)
        }
        guard let reply = DiagnosisReply(session: stored.diagnosis, catalog: catalog) else {
            throw TriageError("the conclusion of session #\(stored.id) has no reply in the catalog (see 'triage lint')", exitCode: 1)
        }
        switch format {
        case .json: try JSONOutput.print(reply, extra: ["session_id": stored.id])
        case .md, .text: Console.raw(TerminalSafe.sanitize(reply.rendered(format)), toStandardError: false)
        }
    }

    /// Session `id`, else the latest finished session of `--ticket` (exit 1 with what the ticket has otherwise).
    private func session(store: any SessionStore) throws -> StoredSession {
        if let id { return try SessionHandle.require(id, global: global, store: store) }
        guard let ticket = global.ticket?.trimmingCharacters(in: .whitespaces), !ticket.isEmpty else {
            throw TriageError("give the session id or --ticket T; see 'triage sessions list'", exitCode: 2)
        }
        let finished = try SessionDatabase.attempt { try store.list(SessionFilter(ticket: ticket, status: .finished)) }
        if let latest = finished.max(by: { ($0.updatedAt, $0.id) < ($1.updatedAt, $1.id) }) { return latest }
        if let open = try SessionHandle.find(nil, global: global, store: store) {
            throw TriageError("session #\(open.id) of ticket \(TerminalSafe.sanitize(ticket, keepNewlines: false)) has not reached a conclusion yet",
                              exitCode: 1)
        }
        throw TriageError("no session for ticket \(TerminalSafe.sanitize(ticket, keepNewlines: false)); see 'triage sessions list'", exitCode: 1)
    }
}

extension DiagnosisReply.Format: ExpressibleByArgument {}
