import Foundation
import PostgresNIO
import TriageCore

/// What `triage review --team` reads from the team store: every host's diagnoses (where each started, where it
/// ended, how it ended) and every host's flags, so `CatalogReview` counts them as it counts one host's.
extension TeamServer {
    /// The team's diagnoses opened at or after `since` (deleted ones left out).
    public func reviewSessions(since: Date?) async throws -> [CatalogReview.Session] {
        let since = since?.timeIntervalSince1970
        do {
            let rows = try await connection.query("""
                SELECT start_code, conclusion_tree, conclusion_node, outcome FROM session_summary
                WHERE NOT COALESCE(redacted, false)
                  AND (\(since)::float8 IS NULL OR created_at >= to_timestamp(\(since)::float8))
                """, logger: logger)
            var result: [CatalogReview.Session] = []
            for try await (code, tree, node, outcome) in rows.decode((String?, String?, String?, String?).self) {
                let conclusion = tree.flatMap { tree in node.map { (TreeID(tree), NodeID($0)) } }
                result.append(CatalogReview.Session(startCode: code, conclusion: conclusion,
                                                    outcome: outcome.flatMap(SessionOutcome.init(rawValue:))))
            }
            return result
        } catch {
            throw TeamError.server(Self.describe(error))
        }
    }

    /// Every host's flags and thumbs raised at or after `since`, oldest first (emptied ones left out).
    public func flags(since: Date?) async throws -> [CatalogFlag] {
        let since = since?.timeIntervalSince1970
        do {
            let rows = try await connection.query("""
                SELECT id::text, session_id::text, kind, extract(epoch FROM at)::float8, actor, catalog, payload::text
                FROM session_event
                WHERE kind = 'flagged' AND payload IS NOT NULL
                  AND (\(since)::float8 IS NULL OR at >= to_timestamp(\(since)::float8))
                ORDER BY at, received
                """, logger: logger)
            var result: [CatalogFlag] = []
            for try await row in rows.decode((String, String, String, Double, String, String, String?).self) {
                if let flag = try Self.event(row.0, row.1, row.2, row.3, row.4, row.5, row.6).flag { result.append(flag) }
            }
            return result
        } catch let error as TeamError {
            throw error
        } catch {
            throw TeamError.server(Self.describe(error))
        }
    }
}
