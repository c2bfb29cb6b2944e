import Foundation
import TriageCore

/// The session a `sessions` command acts on: the id typed, or `--ticket T` for the ticket's open session.
enum SessionHandle {
    /// Session `id`, else the one open session of `--ticket`; nil when neither was given. A ticket with several
    /// open sessions exits 2 listing them; one with none exits 1 (with "did you mean" for a close ticket name).
    /// With both, the session must be the ticket's (exit 2 otherwise).
    static func find(_ id: SessionID?, global: GlobalOptions, store: any SessionStore) throws -> StoredSession? {
        let ticket = global.ticket.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        if let id {
            let stored = try SessionDatabase.load(id.value, from: store)
            if let ticket, stored.ticket != ticket {
                let its = stored.ticket.map { "for ticket \($0)" } ?? "not for a ticket"
                let message = "session #\(stored.id) is \(its), not for ticket \(ticket); pass the id or the ticket, not both"
                throw TriageError(TerminalSafe.sanitize(message, keepNewlines: false), exitCode: 2)
            }
            return stored
        }
        guard let ticket else { return nil }
        let open = try SessionDatabase.attempt { try store.list(SessionFilter(ticket: ticket, status: .open)) }
            .filter { $0.problem == nil }
        if open.count == 1 { return open[0] }
        if open.count > 1 { throw several(open, ticket: ticket, catalog: try? global.loadCatalog()) }
        throw try none(ticket: ticket, store: store)
    }

    /// `find`, or exit 2 saying to give the id or `--ticket` (for the commands that need one).
    static func require(_ id: SessionID?, global: GlobalOptions, store: any SessionStore) throws -> StoredSession {
        guard let stored = try find(id, global: global, store: store) else {
            throw TriageError("give the session id or --ticket T; see 'triage sessions list'", exitCode: 2)
        }
        return stored
    }

    /// Several open sessions for one ticket: each with its tree, current question and last update (exit 2).
    static func several(_ open: [StoredSession], ticket: String, catalog: Catalog?) -> TriageError {
        let rows = open.map { ["#\($0.id)", $0.tree.rawValue, SessionHeadline.text($0, catalog: catalog),
                               "updated " + UTCTime.short($0.updatedAt)] }
        let table = SessionTable.lines(header: nil, rows: rows).map { "  " + $0 }.joined(separator: "\n")
        return TriageError("""
            ticket \(TerminalSafe.sanitize(ticket, keepNewlines: false)) has \(open.count) open sessions; pass the id instead of --ticket:
            \(table)
            """, exitCode: 2)
    }

    /// No open session for the ticket: its other sessions, or the close ticket names (exit 1).
    private static func none(ticket: String, store: any SessionStore) throws -> TriageError {
        let shown = TerminalSafe.sanitize(ticket, keepNewlines: false)
        let all = try SessionDatabase.attempt { try store.list(SessionFilter(ticket: ticket, limit: 5)) }
        if !all.isEmpty {
            let ids = all.map { "#\($0.id) (\($0.status.rawValue))" }.joined(separator: ", ")
            return TriageError("ticket \(shown) has no open session; its sessions: \(ids); pass the id", exitCode: 1)
        }
        let tickets = try SessionDatabase.attempt { try store.list(SessionFilter()) }.compactMap(\.ticket)
        let close = Suggestions.closest(to: ticket, among: Array(Set(tickets)).sorted())
        let names = close.map { TerminalSafe.sanitize($0, keepNewlines: false) }.joined(separator: ", ")
        let hint = close.isEmpty ? "" : " (did you mean \(names)?)"
        return TriageError("no session for ticket \(shown)\(hint); see 'triage sessions list'", exitCode: 1)
    }
}

/// What a session is at: the conclusion's title when finished, else the current question.
enum SessionHeadline {
    static func text(_ stored: StoredSession, catalog: Catalog?) -> String {
        if let conclusion = stored.conclusion { return conclusion.title }
        return question(stored, catalog: catalog) ?? stored.diagnosis.currentNode.rawValue
    }

    /// The question (or ask) now shown, placeholders filled; nil at a conclusion or when the catalog lacks it.
    static func question(_ stored: StoredSession, catalog: Catalog?) -> String? {
        guard stored.conclusion == nil, let step = catalog.flatMap({ stored.diagnosis.current(in: $0) }),
              step.conclusion == nil else { return nil }
        return step.prompt
    }
}
