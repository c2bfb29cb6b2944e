import Foundation
import GRDB
import TriageCore

/// The per-tree and per-conclusion counts behind `triage sessions stats`, computed by SQLite.
enum SessionStatsQuery {
    private static let counts = """
        COUNT(*) AS count,
        COALESCE(SUM(outcome = 'solved'), 0) AS solved,
        COALESCE(SUM(outcome = 'not_solved'), 0) AS not_solved,
        COALESCE(SUM(outcome = 'escalated'), 0) AS escalated,
        COALESCE(SUM(status = 'abandoned'), 0) AS abandoned,
        COALESCE(SUM(conclusion_undetermined), 0) AS undetermined
        """

    static func run(_ db: Database, since: Date?) throws -> SessionStats {
        let condition = since == nil ? "" : "WHERE created_at >= ?"
        let arguments: StatementArguments = since.map { [$0] } ?? []
        let trees = try Row.fetchAll(db, sql: """
            SELECT tree, \(counts) FROM session \(condition)
            GROUP BY tree ORDER BY count DESC, tree
            """, arguments: arguments).map { row in
            stats(row, tree: row["tree"])
        }
        let conclusions = try Row.fetchAll(db, sql: """
            SELECT conclusion_tree, conclusion_node, MAX(conclusion_title) AS title, \(counts) FROM session
            \(condition.isEmpty ? "WHERE" : condition + " AND") conclusion_node IS NOT NULL
            GROUP BY conclusion_tree, conclusion_node
            ORDER BY (not_solved + escalated) DESC, count DESC, conclusion_tree, conclusion_node
            """, arguments: arguments).map { row in
            var result = stats(row, tree: row["conclusion_tree"])
            result.node = (row["conclusion_node"] as String?).map { NodeID($0) }
            result.title = row["title"]
            return result
        }
        return SessionStats(trees: trees, conclusions: conclusions)
    }

    private static func stats(_ row: Row, tree: String) -> SessionStats.Row {
        SessionStats.Row(tree: TreeID(tree), count: row["count"], solved: row["solved"], notSolved: row["not_solved"],
                         escalated: row["escalated"], abandoned: row["abandoned"], undetermined: row["undetermined"])
    }
}
