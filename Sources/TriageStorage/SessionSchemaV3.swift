import Foundation
import GRDB
import TriageCore

/// Migration "v3-events": the `session_step` table (the path, one row per step), `session.uuid` (the id the team
/// store shares), the `event` outbox and `team_meta` (this host's id, what was pushed). Existing sessions are
/// split into steps; a row whose state cannot be read is left as it is (listed as damaged).
enum SessionSchemaV3 {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE session_step (
                session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                idx INTEGER NOT NULL,
                record TEXT NOT NULL,
                PRIMARY KEY (session_id, idx)
            ) WITHOUT ROWID;
            ALTER TABLE session ADD COLUMN uuid TEXT;
            CREATE TABLE event (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                session_uuid TEXT NOT NULL,
                kind TEXT NOT NULL,
                at DATETIME NOT NULL,
                actor TEXT NOT NULL,
                catalog TEXT NOT NULL,
                payload TEXT,
                masked INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX event_on_session ON event(session_uuid);
            CREATE TABLE team_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
            """)
        let rows = try Row.fetchAll(db, sql: "SELECT id, state, created_at FROM session")
        for row in rows {
            let id: Int64 = row["id"]
            let created: Date = row["created_at"]
            try db.execute(sql: "UPDATE session SET uuid = ? WHERE id = ?", arguments: [UUIDv7.make(at: created), id])
            guard let state: String = row["state"],
                  let session = try? JSONDecoder().decode(DiagnosisSession.self, from: Data(state.utf8)) else { continue }
            try SessionSteps.replace(db, session: id, with: session, from: 0, stored: 0)
            try db.execute(sql: "UPDATE session SET state = ?, steps = ? WHERE id = ?",
                           arguments: [try session.encodedHead(), session.stepCount, id])
        }
        try db.execute(sql: "CREATE UNIQUE INDEX session_on_uuid ON session(uuid)")
    }
}
