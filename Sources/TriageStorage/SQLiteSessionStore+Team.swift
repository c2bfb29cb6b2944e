import Foundation
import GRDB
import TriageCore

/// What the team store needs of the local database: this host's id, the outbox and how much of it was pushed,
/// and taking over (`adopt`) or redacting a session pulled from the team.
extension SQLiteSessionStore {
    /// The outbox's state, for `triage sync --status`.
    public struct OutboxStatus: Codable, Hashable, Sendable {
        /// Events not pushed yet.
        public var queued: Int
        /// Events whose payload had a secret masked before it was kept.
        public var masked: Int
        /// When a sync last reached the server.
        public var lastSync: Date?
        /// The last push's failure, when the last attempt failed.
        public var lastError: String?
    }

    /// This host's id in the team store (UUIDv7), made on first use and kept in the database.
    public func teamHostID() throws -> String {
        if let id = try meta("host_id") { return id }
        return try write { db in
            if let id = try String.fetchOne(db, sql: "SELECT value FROM team_meta WHERE key = 'host_id'") { return id }
            let id = UUIDv7.make()
            try db.execute(sql: "INSERT INTO team_meta (key, value) VALUES ('host_id', ?)", arguments: [id])
            return id
        }
    }

    /// The last `seq` the server acknowledged.
    public func pushedSeq() throws -> Int64 { Int64(try meta("pushed_seq") ?? "0") ?? 0 }

    /// The server has every event up to `seq`; `at` the time of that sync.
    public func markPushed(through seq: Int64, at date: Date) throws {
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO team_meta (key, value) VALUES ('pushed_seq', ?)",
                           arguments: [String(max(seq, Int64(try String.fetchOne(db, sql: "SELECT value FROM team_meta WHERE key = 'pushed_seq'") ?? "0") ?? 0))])
            try db.execute(sql: "INSERT OR REPLACE INTO team_meta (key, value) VALUES ('last_sync', ?)",
                           arguments: [String(date.timeIntervalSince1970)])
            try db.execute(sql: "DELETE FROM team_meta WHERE key IN ('last_error', 'failures', 'retry_at')")
        }
    }

    /// A sync attempt failed (the status line says `team: offline`); background pushes back off: 5 s, 10 s,
    /// 20 s, ... up to 10 minutes.
    public func markSyncFailed(_ reason: String, at date: Date = Date()) throws {
        try write { db in
            let failures = (Int(try String.fetchOne(db, sql: "SELECT value FROM team_meta WHERE key = 'failures'") ?? "0") ?? 0) + 1
            let wait = min(600, 5 * (1 << min(failures - 1, 10)))
            try db.execute(sql: "INSERT OR REPLACE INTO team_meta (key, value) VALUES ('last_error', ?), ('failures', ?), ('retry_at', ?)",
                           arguments: [reason, String(failures), String(date.timeIntervalSince1970 + Double(wait))])
        }
    }

    /// Whether a background push may start now: not while one started in the last 30 s is still running, nor
    /// during the back-off after a failure. Claims the slot when it may.
    public func claimBackgroundSync(at date: Date = Date()) throws -> Bool {
        try write { db in
            let retry = try String.fetchOne(db, sql: "SELECT value FROM team_meta WHERE key = 'retry_at'").flatMap(Double.init) ?? 0
            guard date.timeIntervalSince1970 >= retry else { return false }
            // Cleared by the push's success (markPushed) or moved by its failure (markSyncFailed).
            try db.execute(sql: "INSERT OR REPLACE INTO team_meta (key, value) VALUES ('retry_at', ?)",
                           arguments: [String(date.timeIntervalSince1970 + 30)])
            return true
        }
    }

    public func outboxStatus() throws -> OutboxStatus {
        let pushed = try pushedSeq()
        return try read { db in
            let queued = try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE seq > ?", arguments: [pushed]) ?? 0
            let masked = try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE masked > 0") ?? 0
            let last = try String.fetchOne(db, sql: "SELECT value FROM team_meta WHERE key = 'last_sync'").flatMap(Double.init)
            let error = try String.fetchOne(db, sql: "SELECT value FROM team_meta WHERE key = 'last_error'")
            return OutboxStatus(queued: queued, masked: masked, lastSync: last.map { Date(timeIntervalSince1970: $0) },
                                lastError: error)
        }
    }

    /// The local id of the session with shared id `uuid`, if this host has it.
    public func sessionID(uuid: String) throws -> Int64? {
        try read { db in try Int64.fetchOne(db, sql: "SELECT id FROM session WHERE uuid = ?", arguments: [uuid]) }
    }

    /// True when this host has events of session `uuid` the server has not acknowledged yet (taking it over from
    /// the team then would replace steps only this host has).
    public func hasQueuedEvents(session uuid: String) throws -> Bool {
        let pushed = try pushedSeq()
        return try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM event WHERE seq > ? AND session_uuid = ?)",
                              arguments: [pushed, uuid]) ?? false
        }
    }

    /// The shared id of local session `id`.
    public func sessionUUID(id: Int64) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT uuid FROM session WHERE id = ?", arguments: [id]) }
    }

    /// Takes over a teammate's session from its events (a handoff): the session is rebuilt by replaying them,
    /// stored here under the same shared id (replacing an earlier copy), and a `claimed` event by `user` is
    /// queued. Returns the local id.
    public func adopt(_ events: [SessionEvent], user: String, at date: Date) throws -> Int64 {
        guard let first = events.first else { throw SessionStoreError.unavailable(path: path, detail: "no events to take over") }
        let replay = try SessionReplay(events)
        return try write { db in
            try db.execute(sql: "DELETE FROM session WHERE uuid = ?", arguments: [first.session])
            try db.execute(sql: """
                INSERT INTO session (user, ticket, tree, start_code, status, steps, current_tree, current_node, state,
                  created_at, updated_at, ended_at, conclusion_tree, conclusion_node, conclusion_title,
                  conclusion_undetermined, outcome, outcome_at, paused_reason, host, uuid)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    user, replay.ticket, replay.diagnosis.tree.rawValue, replay.startCode, replay.status.rawValue,
                    replay.diagnosis.stepCount, replay.diagnosis.currentTree.rawValue, replay.diagnosis.currentNode.rawValue,
                    try replay.diagnosis.encodedHead(), first.at, date,
                    replay.status == .open ? nil : date, replay.conclusion?.tree.rawValue, replay.conclusion?.node.rawValue,
                    replay.conclusion?.title, replay.conclusion?.undetermined ?? false, replay.outcome?.rawValue,
                    replay.outcome == nil ? nil : date, replay.pausedReason, replay.host, first.session,
                ])
            let id = db.lastInsertedRowID
            let texts = try replay.diagnosis.encodedSteps(from: 0)
            for (index, text) in texts.enumerated() {
                try db.execute(sql: "INSERT INTO session_step (session_id, idx, record) VALUES (?, ?, ?)", arguments: [id, index, text])
            }
            try SessionOutbox.append(db, SessionEvent(session: first.session, kind: .claimed, at: date, actor: user,
                                                      catalog: "", payload: .init(user: user, host: TranscriptContext.currentHost)))
            return id
        }
    }

    /// A redaction pulled from the team: the local copy of session `uuid` (if any) is deleted and its outbox
    /// payloads emptied. Returns true when there was a copy.
    @discardableResult
    public func applyRedaction(uuid: String) throws -> Bool {
        try write { db in
            try SessionOutbox.redact(db, session: uuid)
            try db.execute(sql: "DELETE FROM session WHERE uuid = ?", arguments: [uuid])
            return db.changesCount > 0
        }
    }

    private func meta(_ key: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM team_meta WHERE key = ?", arguments: [key]) }
    }
}

extension SQLiteSessionStore {
    /// Forgets what the server acknowledged (`triage sync --resend`): the next sync sends the whole outbox again,
    /// which is harmless (the server skips what it has) and repairs a server restored from an old backup.
    public func resendAll() throws {
        try write { db in try db.execute(sql: "DELETE FROM team_meta WHERE key = 'pushed_seq'") }
    }
}
