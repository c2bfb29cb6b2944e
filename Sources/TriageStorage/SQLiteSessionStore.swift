import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GRDB
import TriageCore

/// Diagnosis sessions in one SQLite file (GRDB on the system libsqlite3).
///
/// WAL with a generous busy timeout, and every write one short `BEGIN IMMEDIATE` transaction, so several
/// processes (and engineers sharing a group-writable file) never lose a write or fail with "database is
/// locked". The schema is versioned by GRDB migrations and `PRAGMA user_version`; a database from a newer
/// Triage, a damaged file or another program's database is refused before anything is written to it. A new file
/// is created private (0600, in folders created 0700); an existing file keeps its permissions.
public final class SQLiteSessionStore: SessionStore, @unchecked Sendable {
    /// The schema version this build writes (`PRAGMA user_version`).
    public static let schemaVersion = 5

    /// Settings for tests and special cases.
    public struct Options: Sendable {
        /// How long a write waits for another process's write before failing.
        public var busyTimeout: TimeInterval
        /// `PRAGMA max_page_count` on every connection: makes "the disk is full" testable without a small disk.
        public var maxPageCount: Int?

        public init(busyTimeout: TimeInterval = 30, maxPageCount: Int? = nil) {
            self.busyTimeout = busyTimeout
            self.maxPageCount = maxPageCount
        }
    }

    public let path: String
    /// Nil when the database is opened read-only (`readOnlyReason` says why): every write is refused.
    let pool: DatabasePool?
    private let reader: any DatabaseReader
    /// Why the database is only read: another program's database, or a file this user cannot write.
    public let readOnlyReason: String?
    /// True for a database Triage did not create: it is never written, and has no sessions to list.
    let foreign: Bool

    /// Opens (creating when missing) the database at `path`; throws `SessionStoreError` with the reason.
    /// A database Triage did not create, or one this user cannot write, is opened read-only and never altered
    /// (not even switched to WAL).
    public init(path: String, options: Options = Options()) throws {
        self.path = path
        try StoreFiles.prepare(path)
        let access = try Self.checkCompatible(path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(options.busyTimeout)
        configuration.label = "triage.sessions"
        configuration.maximumReaderCount = 2
        if let pages = options.maxPageCount {
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA max_page_count = \(pages)") }
        }
        do {
            switch access {
            case .write:
                let pool = try SessionSchema.openMigrated(path: path, configuration: configuration)
                self.pool = pool
                reader = pool
                readOnlyReason = nil
                foreign = false
            case let .read(reason, foreign):
                configuration.readonly = true
                pool = nil
                reader = try Self.openReadOnly(path, configuration: configuration)
                readOnlyReason = reason
                self.foreign = foreign
            }
        } catch let error as SessionStoreError {
            throw error
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    // MARK: SessionStore

    public func create(_ snapshot: SessionSnapshot, user: String, ticket: String?, at date: Date) throws -> StoredSession {
        try write { db in
            var row = try SessionRow(snapshot: snapshot, user: user, ticket: ticket, date: date)
            try row.insert(db)
            let id = row.id ?? db.lastInsertedRowID
            let steps = try SessionSteps.replace(db, session: id, with: snapshot.diagnosis, from: 0, stored: 0)
            try SessionOutbox.append(db, SessionEvent(
                session: row.uuid ?? "", kind: .opened, at: date, actor: snapshot.actor ?? user, catalog: snapshot.catalogVersion,
                payload: .init(tree: row.tree, startCode: row.startCode, user: user, ticket: ticket, host: row.host, from: 0,
                               steps: steps, head: row.state, status: snapshot.status, conclusion: snapshot.conclusion)))
            return row.stored(steps: steps)
        }
    }

    public func save(_ snapshot: SessionSnapshot, id: Int64, at date: Date) throws {
        try write { db in
            guard var row = try SessionRow.fetchOne(db, key: id) else { throw SessionStoreError.notFound(id) }
            let stored = row.steps
            let wasConcluded = row.conclusionNode != nil
            try row.apply(snapshot, date: date)
            try row.update(db)
            let from = max(0, min(snapshot.unchangedSteps, stored, snapshot.diagnosis.stepCount))
            let steps = try SessionSteps.replace(db, session: id, with: snapshot.diagnosis, from: from, stored: stored)
            let kind: SessionEvent.Kind
            if snapshot.conclusion != nil, !wasConcluded || !steps.isEmpty { kind = .concluded }
            else if from < stored { kind = .jumped }
            else if !steps.isEmpty { kind = .answered }
            else { kind = .noted }
            try SessionOutbox.append(db, SessionEvent(
                session: try Self.uuid(of: &row, in: db), kind: kind, at: date, actor: snapshot.actor ?? row.user,
                catalog: snapshot.catalogVersion,
                payload: .init(from: from, steps: steps, head: row.state, status: snapshot.status, conclusion: snapshot.conclusion)))
        }
    }

    public func list(_ filter: SessionFilter) throws -> [StoredSession] {
        try read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let ticket = filter.ticket { conditions.append("ticket = ?"); arguments.append(ticket) }
            if let user = filter.user { conditions.append("user = ?"); arguments.append(user) }
            if let status = filter.status { conditions.append("status = ?"); arguments.append(status.rawValue) }
            if let since = filter.since { conditions.append("created_at >= ?"); arguments.append(since) }
            var sql = "SELECT * FROM session"
            if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
            sql += " ORDER BY updated_at DESC, id DESC"
            if let limit = filter.limit { sql += " LIMIT \(limit)" }
            let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
            let ids = rows.map { Int64.fromDatabaseValue($0["id"] as DatabaseValue) ?? 0 }
            let steps = try SessionSteps.load(db, sessions: ids)
            return zip(rows, ids).map { row, id in Self.stored(row, steps: steps[id] ?? []) }
        }
    }

    public func load(id: Int64) throws -> StoredSession? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM session WHERE id = ?", arguments: [id]) else { return nil }
            let stored = Self.stored(row, steps: try SessionSteps.load(db, session: id))
            if stored.problem != nil { throw SessionStoreError.unreadable(id) }
            return stored
        }
    }

    public func delete(id: Int64) throws -> Bool {
        try write { db in
            // Raw columns: a damaged row (one that does not decode) can be deleted too.
            guard let row = try Row.fetchOne(db, sql: "SELECT uuid, user FROM session WHERE id = ?", arguments: [id]) else {
                return false
            }
            if let uuid = String.fromDatabaseValue(row["uuid"] as DatabaseValue) {
                try SessionOutbox.redact(db, session: uuid)
                try SessionOutbox.append(db, SessionEvent(session: uuid, kind: .redacted, at: Date(),
                                                          actor: String.fromDatabaseValue(row["user"] as DatabaseValue) ?? "?",
                                                          catalog: "", payload: nil))
            }
            try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    public func setOutcome(_ outcome: SessionOutcome?, id: Int64, at date: Date) throws -> Bool {
        try change(id, kind: .outcome, at: date, payload: .init(outcome: outcome)) { row in
            row.outcome = outcome?.rawValue
            row.outcomeAt = outcome == nil ? nil : date
        }
    }

    public func pause(id: Int64, reason: String?, at date: Date) throws -> Bool {
        try change(id, kind: .paused, at: date, payload: .init(reason: reason)) { row in
            row.pausedReason = reason
            row.updatedAt = date
        }
    }

    public func setTicket(_ ticket: String?, id: Int64, at date: Date) throws -> Bool {
        try change(id, kind: .ticket, at: date, payload: .init(ticket: ticket)) { row in
            row.ticket = ticket
            row.updatedAt = date
        }
    }

    public func abandon(id: Int64, at date: Date) throws -> Bool {
        try write { db in
            guard var row = try SessionRow.fetchOne(db, key: id), row.status == SessionStatus.open.rawValue else {
                return false
            }
            row.status = SessionStatus.abandoned.rawValue
            row.endedAt = date
            row.updatedAt = date
            try row.update(db)
            try SessionOutbox.append(db, SessionEvent(session: try Self.uuid(of: &row, in: db), kind: .abandoned, at: date,
                                                      actor: row.user, catalog: "", payload: .init(status: .abandoned)))
            return true
        }
    }

    public func stats(since: Date?) throws -> SessionStats {
        try read { db in
            if foreign { return SessionStats(trees: [], conclusions: []) }
            return try SessionStatsQuery.run(db, since: since)
        }
    }

    // MARK: Rows and events

    /// One change to a session's row and its event, in one transaction; false when there is no such session.
    private func change(_ id: Int64, kind: SessionEvent.Kind, at date: Date, payload: SessionEvent.Payload,
                        _ body: (inout SessionRow) -> Void) throws -> Bool {
        try write { db in
            guard var row = try SessionRow.fetchOne(db, key: id) else { return false }
            body(&row)
            try row.update(db)
            try SessionOutbox.append(db, SessionEvent(session: try Self.uuid(of: &row, in: db), kind: kind, at: date,
                                                      actor: row.user, catalog: "", payload: payload))
            return true
        }
    }

    /// The row's shared id, given one now if it has none.
    private static func uuid(of row: inout SessionRow, in db: Database) throws -> String {
        if let uuid = row.uuid { return uuid }
        let uuid = UUIDv7.make(at: row.createdAt)
        row.uuid = uuid
        try row.update(db)
        return uuid
    }

    /// A listed row: the session, or (its columns or state damaged) a stand-in marked "cannot be read".
    private static func stored(_ row: Row, steps: [String]) -> StoredSession {
        if let decoded = try? SessionRow(row: row) { return decoded.stored(steps: steps) }
        func value<T: DatabaseValueConvertible>(_ column: String, as type: T.Type) -> T? {
            T.fromDatabaseValue(row[column] as DatabaseValue)
        }
        let id = value("id", as: Int64.self) ?? 0
        let ticket = value("ticket", as: String.self)
        let user = value("user", as: String.self) ?? "?"
        let tree = value("tree", as: String.self) ?? "?"
        var damaged = StoredSession(id: id, user: user, ticket: ticket, tree: TreeID(tree), startCode: nil,
                                    status: .open, diagnosis: .unreadable(tree: TreeID(tree)),
                                    createdAt: Date(timeIntervalSince1970: 0), updatedAt: Date(timeIntervalSince1970: 0),
                                    endedAt: nil, conclusion: nil, outcome: nil)
        damaged.problem = "cannot be read"
        return damaged
    }

    /// How many events of the outbox had a secret masked before they were kept.
    public func maskedEventCount() throws -> Int {
        try read { db in foreign ? 0 : try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE masked > 0") ?? 0 }
    }

    /// Every event of the outbox after `seq`, oldest first (the team store pushes them).
    public func events(after seq: Int64, limit: Int = 1000) throws -> [(seq: Int64, event: SessionEvent)] {
        try read { db in
            if foreign { return [] }
            return try Row.fetchAll(db, sql: "SELECT * FROM event WHERE seq > ? ORDER BY seq LIMIT ?", arguments: [seq, limit])
                .map { (seq: $0["seq"] as Int64, event: try SessionOutbox.event($0)) }
        }
    }

    // MARK: Errors

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        guard let pool else { throw SessionStoreError.readOnly(path: path, detail: readOnlyReason ?? "read-only") }
        do {
            return try pool.write(body)
        } catch let error as SessionStoreError {
            throw error
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        if foreign {
            throw SessionStoreError.unavailable(path: path, detail: "it is not a Triage sessions database (\(readOnlyReason ?? "")); it is left untouched")
        }
        do {
            return try reader.read(body)
        } catch let error as SessionStoreError {
            throw error
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// An SQLite error in words.
    static func storeError(_ error: Error, path: String) -> SessionStoreError {
        guard let error = error as? DatabaseError else {
            return .unavailable(path: path, detail: "\(error)")
        }
        let detail = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_FULL: return .full(path: path)
        case .SQLITE_IOERR: return .unavailable(path: path, detail: StoreFiles.withFileSizeLimit(detail))
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .damaged(path: path, detail: detail)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
            return .unavailable(path: path, detail: "it cannot be written (\(detail))")
        default: return .unavailable(path: path, detail: detail)
        }
    }

    /// How the database may be used.
    enum Access {
        case write
        /// Read only, with why; `foreign`: Triage did not create it.
        case read(String, foreign: Bool)
    }

    /// Refuses, before anything is written, a damaged file and one from a newer Triage (a `user_version` above
    /// ours or a migration this build does not know). Another program's database (tables but no Triage
    /// migrations) and a file this user cannot write are only read.
    private static func checkCompatible(_ path: String) throws -> Access {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        let writable = access(path, W_OK) == 0 && access(URL(fileURLWithPath: path).deletingLastPathComponent().path, W_OK) == 0
        do {
            let queue = try openReadOnly(path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                let tables = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                let applied = tables.contains("grdb_migrations")
                    ? try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations") : []
                let unknown = applied.subtracting(SessionSchema.migrationIdentifiers)
                if version > schemaVersion {
                    throw SessionStoreError.newerVersion(path: path, detail: "schema version \(version), this Triage knows \(schemaVersion)")
                }
                if !unknown.isEmpty {
                    throw SessionStoreError.newerVersion(path: path, detail: "unknown migration \(unknown.sorted().joined(separator: ", "))")
                }
                if !tables.isEmpty, !tables.contains("grdb_migrations") {
                    return .read("it has tables \(tables.sorted().prefix(3).joined(separator: ", ")) and no Triage migrations", foreign: true)
                }
                if !writable { return .read("this user cannot write it", foreign: false) }
                return .write
            }
        } catch let error as SessionStoreError {
            throw error
        } catch {
            throw storeError(error, path: path)
        }
    }

    /// A read-only connection; a WAL database in a folder this user cannot write is read as immutable (no -shm
    /// can be made there).
    static func openReadOnly(_ path: String, configuration: Configuration) throws -> DatabaseQueue {
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            do {
                _ = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
                return queue
            } catch {
                try? queue.close()
                throw error
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CANTOPEN || error.resultCode == .SQLITE_READONLY {
            let escaped = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
            return try DatabaseQueue(path: "file:\(escaped)?immutable=1", configuration: configuration)
        }
    }
}
