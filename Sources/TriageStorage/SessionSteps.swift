import Foundation
import GRDB
import TriageCore

/// The `session_step` table: a session's path, one JSON text per step. A step appends its rows; a jump back
/// drops the rows after it. Loading reads them in order.
enum SessionSteps {
    /// Makes the stored path `session`'s: keeps the first `from` of the `stored` rows, drops the rest and appends
    /// `session`'s steps from `from` on. Returns the texts written.
    @discardableResult
    static func replace(_ db: Database, session id: Int64, with session: DiagnosisSession, from: Int, stored: Int) throws
        -> [String] {
        let start = max(0, min(from, stored, session.stepCount))
        if start < stored {
            try db.execute(sql: "DELETE FROM session_step WHERE session_id = ? AND idx >= ?", arguments: [id, start])
        }
        let texts = try session.encodedSteps(from: start)
        let insert = try db.cachedStatement(sql: "INSERT INTO session_step (session_id, idx, record) VALUES (?, ?, ?)")
        for (offset, text) in texts.enumerated() {
            try insert.execute(arguments: [id, start + offset, text])
        }
        return texts
    }

    /// The stored steps of session `id`, in order.
    static func load(_ db: Database, session id: Int64) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT record FROM session_step WHERE session_id = ? ORDER BY idx", arguments: [id])
    }

    /// The stored steps of each of `ids`, in order.
    static func load(_ db: Database, sessions ids: [Int64]) throws -> [Int64: [String]] {
        var result: [Int64: [String]] = [:]
        guard !ids.isEmpty else { return result }
        if ids.count > 500 {
            let rows = try Row.fetchCursor(db, sql: "SELECT session_id, record FROM session_step ORDER BY session_id, idx")
            let wanted = Set(ids)
            while let row = try rows.next() {
                let id: Int64 = row[0]
                if wanted.contains(id) { result[id, default: []].append(row[1]) }
            }
            return result
        }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
        let rows = try Row.fetchCursor(db, sql: "SELECT session_id, record FROM session_step WHERE session_id IN (\(marks)) ORDER BY session_id, idx",
                                       arguments: StatementArguments(ids))
        while let row = try rows.next() {
            result[row[0], default: []].append(row[1])
        }
        return result
    }
}
