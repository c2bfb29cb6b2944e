import Foundation
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
    public static let schemaVersion = 4

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
    private let pool: DatabasePool

    /// Opens (creating when missing) the database at `path`; throws `SessionStoreError` with the reason.
    public init(path: String, options: Options = Options()) throws {
        self.path = path
        try StoreFiles.prepare(path)
        try Self.checkCompatible(path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(options.busyTimeout)
        configuration.label = "triage.sessions"
        configuration.maximumReaderCount = 2
        if let pages = options.maxPageCount {
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA max_page_count = \(pages)") }
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try SessionSchema.migrate(pool)
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
            return try row.stored()
        }
    }

    public func save(_ snapshot: SessionSnapshot, id: Int64, at date: Date) throws {
        try write { db in
            guard var row = try SessionRow.fetchOne(db, key: id) else { throw SessionStoreError.notFound(id) }
            try row.apply(snapshot, date: date)
            try row.update(db)
        }
    }

    public func list(_ filter: SessionFilter) throws -> [StoredSession] {
        try read { db in
            var request = SessionRow.all()
            if let ticket = filter.ticket { request = request.filter(Column("ticket") == ticket) }
            if let user = filter.user { request = request.filter(Column("user") == user) }
            if let status = filter.status { request = request.filter(Column("status") == status.rawValue) }
            if let since = filter.since { request = request.filter(Column("created_at") >= since) }
            request = request.order(Column("updated_at").desc, Column("id").desc)
            if let limit = filter.limit { request = request.limit(limit) }
            return try request.fetchAll(db).map { try $0.stored() }
        }
    }

    public func load(id: Int64) throws -> StoredSession? {
        try read { db in try SessionRow.fetchOne(db, key: id)?.stored() }
    }

    public func delete(id: Int64) throws -> Bool {
        try write { db in try SessionRow.deleteOne(db, key: id) }
    }

    public func setOutcome(_ outcome: SessionOutcome?, id: Int64, at date: Date) throws -> Bool {
        try write { db in
            guard var row = try SessionRow.fetchOne(db, key: id) else { return false }
            row.outcome = outcome?.rawValue
            row.outcomeAt = outcome == nil ? nil : date
            try row.update(db)
            return true
        }
    }

    public func pause(id: Int64, reason: String?, at date: Date) throws -> Bool {
        try write { db in
            guard var row = try SessionRow.fetchOne(db, key: id) else { return false }
            row.pausedReason = reason
            row.updatedAt = date
            try row.update(db)
            return true
        }
    }

    public func setTicket(_ ticket: String?, id: Int64, at date: Date) throws -> Bool {
        try write { db in
            guard var row = try SessionRow.fetchOne(db, key: id) else { return false }
            row.ticket = ticket
            row.updatedAt = date
            try row.update(db)
            return true
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
            return true
        }
    }

    public func stats(since: Date?) throws -> SessionStats {
        try read { db in try SessionStatsQuery.run(db, since: since) }
    }

    // MARK: Errors

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.write(body)
        } catch let error as SessionStoreError {
            throw error
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
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
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .damaged(path: path, detail: detail)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
            return .unavailable(path: path, detail: "it cannot be written (\(detail))")
        default: return .unavailable(path: path, detail: detail)
        }
    }

    /// Refuses, before anything is written, a damaged file, another program's database and one from a newer
    /// Triage (a `user_version` above ours or a migration this build does not know).
    private static func checkCompatible(_ path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            try queue.read { db in
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
                let own: Set<String> = ["session", "grdb_migrations", "sqlite_sequence"]
                if !tables.isEmpty, !tables.contains("grdb_migrations"), !tables.isSubset(of: own) {
                    throw SessionStoreError.unavailable(path: path, detail: "it is not a Triage sessions database (it has tables \(tables.sorted().prefix(3).joined(separator: ", ")))")
                }
            }
        } catch let error as SessionStoreError {
            throw error
        } catch {
            throw storeError(error, path: path)
        }
    }
}
