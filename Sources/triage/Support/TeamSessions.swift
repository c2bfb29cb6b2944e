import ArgumentParser
import Foundation
import TriageCore
import TriageStorage
import TriageTeam

/// The `--team` forms of `sessions list`, `sessions stats` and `sessions resume`: read from the team store.
enum TeamSessions {
    /// `sessions list --team [--host H] [--user U] [--ticket T]`.
    static func list(host: String?, user: String?, ticket: String?, limit: Int?, json: Bool) throws {
        let config = try TeamCommands.requireConfig()
        let limit = limit ?? 1000
        let summaries = try TeamCommands.withServer(config) { try await $0.sessions(host: host, user: user, ticket: ticket, limit: limit) }
        if json {
            try JSONOutput.print(summaries.map(SummaryJSON.init))
        } else if summaries.isEmpty {
            Console.error("No team sessions match.")
        } else {
            let now = Date()
            let rows = summaries.map { summary in
                [(summary.ticket ?? "-") + (summary.ticketDisputed ? " (disputed)" : ""), summary.redacted ? "deleted" : summary.status ?? "-",
                 (summary.outcome.flatMap(SessionOutcome.init(rawValue:))?.label ?? "-") + (summary.outcomeDisputed ? " (disputed)" : ""),
                 summary.updatedAt.map { SessionAge.short(from: $0, to: now) } ?? "-", summary.lastActor ?? "-",
                 TeamSessions.hosts(summary),
                 summary.tree ?? "-", summary.conclusion ?? "-", summary.pausedReason ?? "-"]
            }
            let header = ["TICKET", "STATUS", "OUTCOME", "UPDATED", "LAST BY", "HOST", "TREE", "CONCLUSION", "PAUSED"]
            let terminal = OutputTerminal.current(environment: ProcessEnvironment.current)
            for line in SessionTable.lines(header: header, rows: rows, width: terminal.limited ? terminal.width : nil,
                                           flexible: [6, 7, 8]) {
                Console.out(line)
            }
        }
        if summaries.isEmpty { throw ExitCode(1) }
    }

    /// The HOST column: the last host, or every host's name when several appended to the session (both streams
    /// are kept): `hosts: web-3, web-7`.
    static func hosts(_ summary: TeamServer.Summary) -> String {
        guard summary.hosts > 1 else { return summary.lastHost ?? "-" }
        return "hosts: " + (summary.hostNames.isEmpty ? "\(summary.hosts)" : summary.hostNames.joined(separator: ", "))
    }

    /// `sessions stats --team`: per tree, conclusion and catalog version.
    static func stats(json: Bool) throws {
        let config = try TeamCommands.requireConfig()
        let rows = try TeamCommands.withServer(config) { try await $0.stats() }
        if json {
            try JSONOutput.print(rows.map(StatsJSON.init))
            return
        }
        let table = rows.map { row in
            [row.tree, row.conclusion ?? "(open)", row.catalog ?? "-", "\(row.count)", "\(row.solved)", "\(row.notSolved)",
             "\(row.escalated)"]
        }
        for line in SessionTable.lines(header: ["TREE", "CONCLUSION", "CATALOG", "SESSIONS", "SOLVED", "NOT SOLVED", "ESCALATED"],
                                       rows: table) {
            Console.out(line)
        }
    }

    /// `sessions resume --ticket T --team`: pulls the ticket's latest session from the team store, keeps it here
    /// (a `claimed` event says who took it over) and returns it to continue.
    static func takeOver(ticket: String, store: any SessionStore, user: String) throws -> StoredSession {
        guard let local = store as? SQLiteSessionStore else {
            throw TriageError("the team store needs the SQLite sessions database", exitCode: 2)
        }
        let config = try TeamCommands.requireConfig()
        let events = try TeamCommands.withServer(config) { server -> [SessionEvent] in
            guard let session = try await server.latestSession(ticket: ticket) else { return [] }
            return try await server.events(session: session)
        }
        guard !events.isEmpty else { throw TriageError("the team store has no session for ticket \(TerminalSafe.sanitize(ticket))", exitCode: 1) }
        return try adopt(events, into: local, user: user, naming: "ticket \(TerminalSafe.sanitize(ticket))")
    }

    /// The switcher's team tab: the session with shared id `session`, taken over the same way.
    static func takeOver(session: String, store: any SessionStore, user: String, config: TeamConfig) throws -> StoredSession {
        guard let local = store as? SQLiteSessionStore else {
            throw TriageError("the team store needs the SQLite sessions database", exitCode: 2)
        }
        let events = try TeamCommands.withServer(config) { try await $0.events(session: session) }
        guard !events.isEmpty else { throw TriageError("the team store no longer has this session", exitCode: 1) }
        return try adopt(events, into: local, user: user, naming: "this session")
    }

    /// Keeps the pulled session here (a `claimed` event says who took it over) and loads it to continue.
    private static func adopt(_ events: [SessionEvent], into local: SQLiteSessionStore, user: String, naming: String) throws
        -> StoredSession {
        do {
            // This host's own copy with steps not pushed yet is newer than the team's: it is continued as it is.
            if let uuid = events.first?.session, let id = try local.sessionID(uuid: uuid), try local.hasQueuedEvents(session: uuid) {
                return try SessionDatabase.load(id, from: local)
            }
            let id = try local.adopt(events, user: user, at: Date())
            return try SessionDatabase.load(id, from: local)
        } catch let problem as SessionReplay.Problem {
            throw TriageError("cannot take over \(naming): \(problem)", exitCode: 2)
        }
    }

    struct SummaryJSON: Encodable {
        let session: String
        let ticket, tree, status, conclusion, outcome, lastActor, lastHost, pausedReason, catalog: String?
        let outcomeDisputed, ticketDisputed: Bool
        let hosts: Int
        let hostNames: [String]
        let deleted: Bool
        let updatedAt: String?

        init(_ summary: TeamServer.Summary) {
            session = summary.session
            ticket = summary.ticket
            tree = summary.tree
            status = summary.status
            conclusion = summary.conclusion
            outcome = summary.outcome
            lastActor = summary.lastActor
            lastHost = summary.lastHost
            pausedReason = summary.pausedReason
            catalog = summary.catalog
            outcomeDisputed = summary.outcomeDisputed
            ticketDisputed = summary.ticketDisputed
            hosts = summary.hosts
            hostNames = summary.hostNames
            deleted = summary.redacted
            updatedAt = summary.updatedAt.map(SessionTime.iso)
        }

        enum CodingKeys: String, CodingKey {
            case session, ticket, tree, status, conclusion, outcome, lastActor = "last_actor", lastHost = "last_host"
            case pausedReason = "paused_reason", catalog, outcomeDisputed = "outcome_disputed", hosts, deleted
            case ticketDisputed = "ticket_disputed", hostNames = "host_names"
            case updatedAt = "updated_at"
        }
    }

    struct StatsJSON: Encodable {
        let tree: String
        let conclusion, catalog: String?
        let count, solved, notSolved, escalated: Int

        init(_ row: TeamServer.StatsRow) {
            tree = row.tree
            conclusion = row.conclusion
            catalog = row.catalog
            count = row.count
            solved = row.solved
            notSolved = row.notSolved
            escalated = row.escalated
        }

        enum CodingKeys: String, CodingKey {
            case tree, conclusion, catalog, count, solved, notSolved = "not_solved", escalated
        }
    }
}
