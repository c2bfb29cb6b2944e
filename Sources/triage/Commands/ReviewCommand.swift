import ArgumentParser
import Foundation
import TerminalKit
import TriageCore
import TriageTeam

/// `triage review [--team] [--since DATE] [--json]`: for catalog authors, what the field says about each code and each
/// conclusion (reached, solved, not solved, escalated, flagged, with the flags' notes), worst first.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "For catalog authors: per code and per conclusion, outcomes and flags from the field, worst first.",
        discussion: """
            Reads the sessions database: how often diagnoses started from each code and reached each conclusion,
            how they ended (solved, not solved, escalated), and the flags engineers raised ('!' in the browser or
            a diagnosis, '+' and '-' at a conclusion) with their notes. Rows with the most trouble come first;
            codes no diagnosis started from and conclusions that never solved one are listed after them. With
            --team the counts and notes are every host's, read from the team store (see 'triage sync --help').
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Only sessions and flags on or after this day (YYYY-MM-DD) or time (ISO 8601).",
                               valueName: "date"))
    var since: String?
    @Flag(help: "Print JSON instead of text.") var json = false
    @Flag(help: "Every host's sessions and flags, from the team store.") var team = false

    struct RowJSON: Encodable {
        let name: String
        @NullIfAbsent var title: String?
        let reached, solved, notSolved, escalated, flagged, thumbsUp, thumbsDown: Int
        let notes: [String]

        init(_ row: CatalogReview.Row) {
            name = row.name
            title = row.title
            reached = row.reached
            solved = row.solved
            notSolved = row.notSolved
            escalated = row.escalated
            flagged = row.flagged
            thumbsUp = row.thumbsUp
            thumbsDown = row.thumbsDown
            notes = row.notes
        }
    }

    struct ReviewJSON: Encodable {
        let codes: [RowJSON]
        let conclusions: [RowJSON]
        let neverReached: [String]
        let neverSolved: [String]
    }

    func run() throws {
        let start = try SessionTime.since(since)
        let catalog = try global.loadCatalog()
        let review: CatalogReview
        if team {
            let config = try TeamCommands.requireConfig()
            let (sessions, flags) = try TeamCommands.withServer(config) { server in
                (try await server.reviewSessions(since: start), try await server.flags(since: start))
            }
            review = CatalogReview(reviewing: sessions, flags: flags, catalog: catalog)
        } else {
            let store = try SessionDatabase.require(global)
            let sessions = try SessionDatabase.attempt { try store.list(SessionFilter(since: start)) }
            let flags = try SessionDatabase.attempt { try (store as? any FeedbackStore)?.flags(since: start) ?? [] }
            review = CatalogReview(sessions: sessions, flags: flags, catalog: catalog)
        }
        if json {
            return try JSONOutput.print(ReviewJSON(codes: review.codes.map(RowJSON.init), conclusions: review.conclusions.map(RowJSON.init),
                                                   neverReached: review.neverReached, neverSolved: review.neverSolved))
        }
        let header = ["REACHED", "SOLVED", "NOT SOLVED", "ESCALATED", "FLAGGED", "+", "-"]
        func counts(_ row: CatalogReview.Row) -> [String] {
            [row.reached, row.solved, row.notSolved, row.escalated, row.flagged, row.thumbsUp, row.thumbsDown].map(String.init)
        }
        var lines: [String] = []
        func section(_ title: String, _ first: String, _ rows: [CatalogReview.Row]) {
            lines.append(title)
            guard !rows.isEmpty else {
                lines.append("  none" + (since == nil ? "" : " since \(since!)"))
                return
            }
            let table = SessionTable.lines(header: [first] + header + (first == "CONCLUSION" ? ["DIAGNOSIS"] : []),
                                           rows: rows.map { [$0.name] + counts($0) + ($0.title.map { [TextLayout.oneLine($0)] } ?? (first == "CONCLUSION" ? [""] : [])) })
            for (index, line) in table.enumerated() {
                lines.append("  " + line)
                // Each row's notes under it (the first table line is the header).
                guard index > 0 else { continue }
                for note in rows[index - 1].notes { lines.append("      ! " + TextLayout.oneLine(note)) }
            }
        }
        section("By code (worst first):", "CODE", review.codes)
        lines.append("")
        section("By conclusion (worst first):", "CONCLUSION", review.conclusions)
        lines.append("")
        // The long lists wrapped to the terminal (piped: one name per line, for grep).
        let terminal = OutputTerminal.current(environment: ProcessEnvironment.current)
        for (title, names) in [("Codes never reached", review.neverReached), ("Conclusions never solved", review.neverSolved)] {
            lines.append("\(title) (\(names.count)):")
            if terminal.isTerminal {
                lines += WordWrap.lines(names.joined(separator: "  "), width: max(20, terminal.width - 2)).map { "  " + $0 }
            } else {
                lines += names.map { "  " + $0 }
            }
        }
        Console.out(TerminalSafe.sanitize(lines.joined(separator: "\n")))
    }
}
