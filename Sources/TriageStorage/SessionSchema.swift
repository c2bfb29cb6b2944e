import Foundation
import GRDB

/// The versioned schema: one GRDB migration per version, each also setting `PRAGMA user_version`, so an older
/// Triage recognises a newer database without knowing its migrations.
enum SessionSchema {
    static var migrationIdentifiers: Set<String> { Set(migrator.migrations) }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-sessions") { db in
            try db.create(table: "session") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("user", .text).notNull()
                table.column("ticket", .text)
                table.column("tree", .text).notNull()
                table.column("start_code", .text)
                table.column("status", .text).notNull().check(sql: "status IN ('open', 'finished', 'abandoned')")
                table.column("steps", .integer).notNull()
                table.column("current_tree", .text).notNull()
                table.column("current_node", .text).notNull()
                // The engine's Codable DiagnosisSession, secrets masked: path, values, notes.
                table.column("state", .text).notNull()
                table.column("created_at", .datetime).notNull()
                table.column("updated_at", .datetime).notNull()
                table.column("ended_at", .datetime)
                table.column("conclusion_tree", .text)
                table.column("conclusion_node", .text)
                table.column("conclusion_title", .text)
                table.column("conclusion_undetermined", .boolean).notNull().defaults(to: false)
                table.column("outcome", .text).check(sql: "outcome IS NULL OR outcome IN ('solved', 'not_solved', 'escalated')")
                table.column("outcome_at", .datetime)
            }
            try db.create(index: "session_on_ticket", on: "session", columns: ["ticket", "status"])
            try db.create(index: "session_on_user", on: "session", columns: ["user"])
            try db.create(index: "session_on_updated", on: "session", columns: ["updated_at"])
            try db.create(index: "session_on_created", on: "session", columns: ["created_at"])
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        // Why an open diagnosis waits ("waiting for the customer's logs"), cleared by its next step; and the host
        // the diagnosis was started on, for the transcript's header.
        migrator.registerMigration("v2-paused") { db in
            try db.alter(table: "session") { table in
                table.add(column: "paused_reason", .text)
                table.add(column: "host", .text)
            }
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        // Steps stored one by one (a step costs its own size, not the path's), the session's shared id, and the
        // outbox: every change also an immutable event, written in the same transaction (issue 21).
        migrator.registerMigration("v3-events") { db in
            try SessionSchemaV3.migrate(db)
            try db.execute(sql: "PRAGMA user_version = 3")
        }
        // What search learned from use (SQLiteSearchMemory.swift): query words paired with the code chosen after
        // them, and whether learning is on.
        migrator.registerMigration("v4-search-memory") { db in
            try db.create(table: "search_memory") { table in
                table.column("words", .text).notNull()
                table.column("vendor", .text).notNull()
                table.column("code", .text).notNull()
                table.column("count", .integer).notNull()
                table.column("last_used", .datetime).notNull()
                table.primaryKey(["words", "vendor", "code"])
            }
            try db.create(table: "search_setting") { table in
                table.column("name", .text).primaryKey()
                table.column("value", .text).notNull()
            }
            try db.execute(sql: "PRAGMA user_version = 4")
        }
        FeedbackRow.registerMigration(in: &migrator)
        return migrator
    }

    /// Runs the missing migrations (a race with another process is retried by `openMigrated`).
    static func migrate(_ writer: some DatabaseWriter) throws {
        let migrator = migrator
        if try writer.read({ try migrator.hasCompletedMigrations($0) }) { return }
        try migrator.migrate(writer)
    }

    /// Opens a writable pool and brings its schema up to date, retrying what a race between processes creating
    /// the same new file causes. GRDB commits each migration with its bookkeeping row but reads what is applied
    /// once, before the first, so the loser of a race fails on a migration the winner committed meanwhile
    /// ("table already exists", "duplicate column"); and switching a new file to WAL is refused at once
    /// ("database is locked", no busy wait) while another connection holds it. A failure is retried when the file
    /// was busy or another connection applied a migration during the attempt; anything else is thrown.
    static func openMigrated(path: String, configuration: Configuration, attempts: Int = 10) throws -> DatabasePool {
        let migrator = migrator
        var attempt = 0
        while true {
            attempt += 1
            var pool: DatabasePool?
            var appliedBefore: Set<String>?
            do {
                let opened = try DatabasePool(path: path, configuration: configuration)
                pool = opened
                appliedBefore = try opened.read { try migrator.appliedIdentifiers($0) }
                try migrate(opened)
                return opened
            } catch let error as DatabaseError where attempt < attempts {
                let busy = error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
                let appliedAfter = try? pool?.read { try migrator.appliedIdentifiers($0) }
                let raced = appliedBefore != nil && appliedAfter != nil && appliedAfter != appliedBefore
                guard busy || raced else { throw error }
                usleep(useconds_t(5_000 * attempt))
            }
        }
    }
}
