import ArgumentParser
import Foundation
import TriageCore

/// `triage sessions list`: the saved diagnoses, newest first.
struct SessionsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the saved diagnoses, most recently updated first.",
        discussion: """
            Filter with --ticket T (a global option), --user U and --open. Exit status 1 when none match. Columns: \
            id, ticket, start code, status, outcome, steps, age (since it was started), last update, user, tree, \
            where it is (the current question, or the conclusion when finished) and why it is paused. On a terminal \
            the last columns give way; the ticket and the code are never cut, and piped output never is.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this engineer's sessions.") var user: String?
    @Flag(help: "Only open (unfinished) sessions.") var open = false
    @Option(help: "At most this many (1 to 1000000).") var limit: Int?
    @Flag(help: "The team store's sessions, from every host (with --host, --user and --ticket).") var team = false
    @Option(help: "With --team: only sessions this host took part in.") var host: String?

    func validate() throws {
        if let limit, !(1...SearchCommand.maximumLimit).contains(limit) {
            throw ValidationError("--limit must be from 1 to \(SearchCommand.maximumLimit), but got \(limit)")
        }
    }
    @Flag(help: "Print JSON instead of text.") var json = false

    func run() throws {
        if team { return try TeamSessions.list(host: host, user: user, ticket: global.ticket, limit: limit, json: json) }
        if host != nil { throw TriageError("--host needs --team", exitCode: 2) }
        let store = try SessionDatabase.require(global)
        let filter = SessionFilter(ticket: global.ticket, user: user, status: open ? .open : nil, limit: limit)
        let sessions = try SessionDatabase.attempt { try store.list(filter) }
        let catalog = sessions.isEmpty ? nil : try? global.loadCatalog()
        let now = Date()
        if json {
            try JSONOutput.print(sessions.map { SessionJSON($0, catalog: catalog, now: now) })
        } else if sessions.isEmpty {
            Console.error("No sessions\(filter == SessionFilter() ? " yet" : " match").")
        } else {
            let rows = sessions.map { stored in
                if let problem = stored.problem {
                    return ["#\(stored.id)", stored.ticket ?? "-", "-", "damaged", "-", "-", "-", "-", stored.user,
                            stored.tree.rawValue, problem, "-"]
                }
                return ["#\(stored.id)", stored.ticket ?? "-", stored.startCode ?? "-", stored.status.rawValue,
                 stored.outcome?.label ?? "-", "\(stored.diagnosis.stepCount)", SessionAge.short(from: stored.createdAt, to: now),
                 UTCTime.short(stored.updatedAt), stored.user, stored.tree.rawValue,
                 SessionHeadline.text(stored, catalog: catalog), stored.pausedReason ?? "-"]
            }
            let header = ["ID", "TICKET", "CODE", "STATUS", "OUTCOME", "STEPS", "AGE", "UPDATED", "USER", "TREE", "AT",
                          "PAUSED"]
            let terminal = OutputTerminal.current(environment: ProcessEnvironment.current)
            let lines = SessionTable.lines(header: header, rows: rows, width: terminal.limited ? terminal.width : nil,
                                           flexible: [8, 9, 10, 11])
            for line in lines { Console.out(line) }
        }
        if sessions.isEmpty { throw ExitCode(1) }
    }
}

/// How long ago: "45s", "12m", "3h", "2d".
enum SessionAge {
    static func short(from start: Date, to now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(start)))
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m" }
        if seconds < 86400 { return "\(seconds / 3600)h" }
        return "\(seconds / 86400)d"
    }
}

/// Left-aligned columns separated by two spaces; cells are made terminal-safe and one line. With a `width`,
/// the `flexible` columns (by index) give way, the last first, down to an ellipsis; the others are never cut.
enum SessionTable {
    static func lines(header: [String]?, rows: [[String]], width: Int? = nil, flexible: Set<Int> = []) -> [String] {
        let all = (header.map { [$0] } ?? []) + rows.map { $0.map { TextLayout.oneLine(TextLayout.cell($0)) } }
        guard let columns = all.first?.count else { return [] }
        var widths = (0..<columns).map { column in all.map { TextLayout.width($0[column]) }.max() ?? 0 }
        if let width {
            var excess = widths.reduce(0, +) + 2 * (columns - 1) - width
            for column in flexible.sorted().reversed() where excess > 0 {
                let floor = min(widths[column], 6)
                let cut = min(excess, widths[column] - floor)
                widths[column] -= cut
                excess -= cut
            }
        }
        return all.map { row in
            row.enumerated().map { column, cell in
                TextLayout.fit(cell, widths[column], pad: column != columns - 1)
            }.joined(separator: "  ")
        }
    }
}
