import ArgumentParser
import Foundation
import TriageCore

/// `triage sessions list`: the saved diagnoses, newest first.
struct SessionsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the saved diagnoses, most recently updated first.",
        discussion: "Filter with --ticket T (a global option), --user U and --open. Exit status 1 when none match.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this engineer's sessions.") var user: String?
    @Flag(help: "Only open (unfinished) sessions.") var open = false
    @Option(help: "At most this many.") var limit: Int?
    @Flag(help: "Print JSON instead of text.") var json = false

    func run() throws {
        let store = try SessionDatabase.require(global)
        let filter = SessionFilter(ticket: global.ticket, user: user, status: open ? .open : nil, limit: limit)
        let sessions = try SessionDatabase.attempt { try store.list(filter) }
        if json {
            try JSONOutput.print(sessions.map(SessionJSON.init))
        } else if sessions.isEmpty {
            Console.error("No sessions\(filter == SessionFilter() ? " yet" : " match").")
        } else {
            let rows = sessions.map { stored in
                ["#\(stored.id)", stored.ticket ?? "-", stored.user, stored.tree.rawValue, stored.status.rawValue,
                 stored.outcome?.label ?? "-", "\(stored.diagnosis.path.count)", UTCTime.short(stored.updatedAt)]
            }
            let header = ["ID", "TICKET", "USER", "TREE", "STATUS", "OUTCOME", "STEPS", "UPDATED"]
            for line in SessionTable.lines(header: header, rows: rows) { Console.out(line) }
        }
        if sessions.isEmpty { throw ExitCode(1) }
    }
}

/// Left-aligned columns separated by two spaces; cells are made terminal-safe.
enum SessionTable {
    static func lines(header: [String], rows: [[String]]) -> [String] {
        let all = [header] + rows.map { $0.map { TerminalSafe.sanitize($0) } }
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
    }
}
