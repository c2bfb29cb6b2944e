import ArgumentParser
import Foundation
import TriageCore

/// `triage sessions stats`: per tree and per conclusion, how many diagnoses solved, did not solve, were escalated
/// or abandoned, so catalog authors see which trees need work.
struct SessionsStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Count sessions and outcomes per tree and per conclusion.",
        discussion: """
            Per tree (where the diagnosis started) and per conclusion reached: sessions, solved, not solved,
            escalated, abandoned, and undetermined (ended at a "not determined" conclusion). Conclusions that
            least often solve come first.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Only sessions created on or after this day (YYYY-MM-DD) or time (ISO 8601).",
                               valueName: "date"))
    var since: String?
    @Flag(help: "Print JSON instead of text.") var json = false
    @Flag(help: "The team store's counts (every host), per tree, conclusion and catalog version.") var team = false

    struct StatsJSON: Encodable {
        struct RowJSON: Encodable {
            let tree: TreeID
            @NullIfAbsent var node: NodeID?
            @NullIfAbsent var title: String?
            let count, solved, notSolved, escalated, abandoned, undetermined: Int

            enum CodingKeys: String, CodingKey {
                case tree, node, title, count, solved, notSolved = "not_solved", escalated, abandoned, undetermined
            }
        }

        let trees: [RowJSON]
        let conclusions: [RowJSON]
    }

    func run() throws {
        if team { return try TeamSessions.stats(json: json) }
        let start = try SessionTime.since(since)
        let catalog = try global.loadCatalog()
        let store = try SessionDatabase.require(global)
        var stats = try SessionDatabase.attempt { try store.stats(since: start) }
        // A conclusion's own title, placeholders unfilled, rather than one session's filled text.
        for index in stats.conclusions.indices {
            let row = stats.conclusions[index]
            if let node = row.node, case let .conclusion(conclusion)? = catalog.tree(id: row.tree)?[node: node]?.kind {
                stats.conclusions[index].title = conclusion.diagnosis
            }
        }
        if json {
            let rows = { (rows: [SessionStats.Row]) in
                rows.map { StatsJSON.RowJSON(tree: $0.tree, node: $0.node, title: $0.title, count: $0.count,
                                             solved: $0.solved, notSolved: $0.notSolved, escalated: $0.escalated,
                                             abandoned: $0.abandoned, undetermined: $0.undetermined) }
            }
            return try JSONOutput.print(StatsJSON(trees: rows(stats.trees), conclusions: rows(stats.conclusions)))
        }
        guard !stats.trees.isEmpty else {
            Console.out("No sessions\(since == nil ? " yet" : " since \(TerminalSafe.sanitize(since!))").")
            return
        }
        let header = ["SESSIONS", "SOLVED", "NOT SOLVED", "ESCALATED", "ABANDONED", "UNDETERMINED"]
        func counts(_ row: SessionStats.Row) -> [String] {
            [row.count, row.solved, row.notSolved, row.escalated, row.abandoned, row.undetermined].map(String.init)
        }
        Console.out("By tree:")
        for line in SessionTable.lines(header: ["TREE"] + header, rows: stats.trees.map { [$0.tree.rawValue] + counts($0) }) {
            Console.out("  " + line)
        }
        if !stats.conclusions.isEmpty {
            Console.out("\nBy conclusion (least often solved first):")
            let rows = stats.conclusions.map { ["\($0.tree)/\($0.node ?? "")"] + counts($0) + [($0.title ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")] }
            for line in SessionTable.lines(header: ["CONCLUSION"] + header + ["DIAGNOSIS"], rows: rows) {
                Console.out("  " + line)
            }
        }
    }
}
