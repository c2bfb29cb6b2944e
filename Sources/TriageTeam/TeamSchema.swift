import Foundation
import Logging
import PostgresNIO

/// The team store's schema on the server: forward-only numbered migrations, each with a checksum of its SQL,
/// run under an advisory lock, each in one transaction with its bookkeeping row (as sqlx does). An applied
/// migration is never edited; a server with a migration this Triage does not know is read, never written.
public enum TeamSchema {
    public struct Migration: Sendable {
        public let version: Int
        public let description: String
        /// One statement each (the extended query protocol runs one at a time).
        public let statements: [String]
        public var checksum: String { ContentChecksum.hex(statements.joined(separator: ";\n")) }
    }

    /// The advisory lock every migrating client takes (any fixed number; "triage" in ASCII).
    static let lockKey: Int64 = 0x7472_6961_6765

    public static let migrations: [Migration] = [
        Migration(version: 1, description: "events, hosts, redaction, summary", statements: [
            """
            CREATE TABLE triage_host (
                id uuid PRIMARY KEY,
                name text NOT NULL,
                first_seen timestamptz NOT NULL DEFAULT now()
            )
            """,
            """
            CREATE TABLE session_event (
                host_id uuid NOT NULL REFERENCES triage_host,
                seq bigint NOT NULL,
                id uuid NOT NULL UNIQUE,
                session_id uuid NOT NULL,
                kind text NOT NULL,
                at timestamptz NOT NULL,
                actor text NOT NULL,
                catalog text NOT NULL,
                payload jsonb,
                received bigserial NOT NULL,
                PRIMARY KEY (host_id, seq)
            )
            """,
            """
            CREATE INDEX session_event_on_session ON session_event (session_id)
            """,
            """
            CREATE INDEX session_event_on_received ON session_event (received)
            """,
            """
            -- A redaction empties every payload of its session, those already here and those pushed later. The
            -- functions run as their owner, so a team role needs only INSERT and SELECT.
            CREATE FUNCTION triage_redact() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
            BEGIN
                IF NEW.kind = 'redacted' THEN
                    UPDATE session_event SET payload = NULL WHERE session_id = NEW.session_id AND payload IS NOT NULL;
                ELSIF EXISTS (SELECT 1 FROM session_event WHERE session_id = NEW.session_id AND kind = 'redacted') THEN
                    NEW.payload := NULL;
                END IF;
                RETURN NEW;
            END $$
            """,
            """
            CREATE TRIGGER session_event_redact BEFORE INSERT ON session_event
                FOR EACH ROW EXECUTE FUNCTION triage_redact()
            """,
            """
            CREATE VIEW session_summary AS
            SELECT s.session_id,
                (SELECT e.payload->>'ticket' FROM session_event e WHERE e.session_id = s.session_id
                    AND e.kind IN ('opened', 'ticket') ORDER BY e.received DESC LIMIT 1) AS ticket,
                (SELECT e.payload->>'tree' FROM session_event e WHERE e.session_id = s.session_id
                    AND e.kind = 'opened' ORDER BY e.received LIMIT 1) AS tree,
                (SELECT e.payload->>'status' FROM session_event e WHERE e.session_id = s.session_id
                    AND e.payload ? 'status' ORDER BY e.received DESC LIMIT 1) AS status,
                (SELECT e.payload->'conclusion'->>'title' FROM session_event e WHERE e.session_id = s.session_id
                    AND e.kind IN ('opened', 'answered', 'noted', 'jumped', 'concluded')
                    ORDER BY e.received DESC LIMIT 1) AS conclusion,
                (SELECT e.payload->>'outcome' FROM session_event e WHERE e.session_id = s.session_id
                    AND e.kind = 'outcome' ORDER BY e.received DESC LIMIT 1) AS outcome,
                (SELECT count(DISTINCT e.payload->>'outcome') FROM session_event e WHERE e.session_id = s.session_id
                    AND e.kind = 'outcome') > 1 AS outcome_disputed,
                (SELECT e.actor FROM session_event e WHERE e.session_id = s.session_id ORDER BY e.received DESC LIMIT 1) AS last_actor,
                (SELECT h.name FROM session_event e JOIN triage_host h ON h.id = e.host_id WHERE e.session_id = s.session_id
                    ORDER BY e.received DESC LIMIT 1) AS last_host,
                (SELECT CASE WHEN e.kind = 'paused' THEN e.payload->>'reason' END FROM session_event e
                    WHERE e.session_id = s.session_id AND e.kind IN ('paused', 'answered', 'noted', 'jumped', 'concluded')
                    ORDER BY e.received DESC LIMIT 1) AS paused_reason,
                (SELECT e.catalog FROM session_event e WHERE e.session_id = s.session_id AND e.catalog <> ''
                    ORDER BY e.received DESC LIMIT 1) AS catalog,
                (SELECT count(DISTINCT e.host_id) FROM session_event e WHERE e.session_id = s.session_id) AS hosts,
                (SELECT bool_or(e.kind = 'redacted') FROM session_event e WHERE e.session_id = s.session_id) AS redacted,
                (SELECT max(e.at) FROM session_event e WHERE e.session_id = s.session_id) AS updated_at
            FROM (SELECT DISTINCT session_id FROM session_event) s
            """,
        ]),
        Migration(version: 2, description: "flags kept apart from sessions; per-host disagreement; review columns", statements: [
            """
            -- Flags ('flagged' events, each its own stream) are not sessions. A scalar (outcome, ticket) is disputed
            -- when the hosts' own latest values differ (one host changing its mind is not a dispute). New columns
            -- at the end: which hosts appended, the code the diagnosis started from, the conclusion's tree and node,
            -- and when it was opened (for review --since).
            CREATE OR REPLACE VIEW session_summary AS
            SELECT s.session_id,
                (SELECT e.payload->>'ticket' FROM session_event e WHERE e.session_id = s.session_id
                    AND e.kind IN ('opened', 'ticket') ORDER BY e.received DESC LIMIT 1) AS ticket,
                (SELECT e.payload->>'tree' FROM session_event e WHERE e.session_id = s.session_id
                    AND e.kind = 'opened' ORDER BY e.received LIMIT 1) AS tree,
                (SELECT e.payload->>'status' FROM session_event e WHERE e.session_id = s.session_id
                    AND e.payload ? 'status' ORDER BY e.received DESC LIMIT 1) AS status,
                (SELECT e.payload->'conclusion'->>'title' FROM session_event e WHERE e.session_id = s.session_id
                    AND e.kind IN ('opened', 'answered', 'noted', 'jumped', 'concluded')
                    ORDER BY e.received DESC LIMIT 1) AS conclusion,
                (SELECT e.payload->>'outcome' FROM session_event e WHERE e.session_id = s.session_id
                    AND e.kind = 'outcome' ORDER BY e.received DESC LIMIT 1) AS outcome,
                (SELECT count(DISTINCT COALESCE(v, '')) FROM (SELECT DISTINCT ON (e.host_id) e.payload->>'outcome' AS v
                    FROM session_event e WHERE e.session_id = s.session_id AND e.kind = 'outcome'
                    ORDER BY e.host_id, e.received DESC) latest) > 1 AS outcome_disputed,
                (SELECT e.actor FROM session_event e WHERE e.session_id = s.session_id ORDER BY e.received DESC LIMIT 1) AS last_actor,
                (SELECT h.name FROM session_event e JOIN triage_host h ON h.id = e.host_id WHERE e.session_id = s.session_id
                    ORDER BY e.received DESC LIMIT 1) AS last_host,
                (SELECT CASE WHEN e.kind = 'paused' THEN e.payload->>'reason' END FROM session_event e
                    WHERE e.session_id = s.session_id AND e.kind IN ('paused', 'answered', 'noted', 'jumped', 'concluded')
                    ORDER BY e.received DESC LIMIT 1) AS paused_reason,
                (SELECT e.catalog FROM session_event e WHERE e.session_id = s.session_id AND e.catalog <> ''
                    ORDER BY e.received DESC LIMIT 1) AS catalog,
                (SELECT count(DISTINCT e.host_id) FROM session_event e WHERE e.session_id = s.session_id) AS hosts,
                (SELECT bool_or(e.kind = 'redacted') FROM session_event e WHERE e.session_id = s.session_id) AS redacted,
                (SELECT max(e.at) FROM session_event e WHERE e.session_id = s.session_id) AS updated_at,
                (SELECT count(DISTINCT COALESCE(v, '')) FROM (SELECT DISTINCT ON (e.host_id) e.payload->>'ticket' AS v
                    FROM session_event e WHERE e.session_id = s.session_id AND e.kind IN ('opened', 'ticket')
                    ORDER BY e.host_id, e.received DESC) latest) > 1 AS ticket_disputed,
                (SELECT string_agg(DISTINCT h.name, ', ' ORDER BY h.name) FROM session_event e JOIN triage_host h
                    ON h.id = e.host_id WHERE e.session_id = s.session_id) AS host_names,
                (SELECT e.payload->>'startCode' FROM session_event e WHERE e.session_id = s.session_id
                    AND e.kind = 'opened' ORDER BY e.received LIMIT 1) AS start_code,
                (SELECT e.payload->'conclusion'->>'tree' FROM session_event e WHERE e.session_id = s.session_id
                    AND e.kind IN ('opened', 'answered', 'noted', 'jumped', 'concluded')
                    ORDER BY e.received DESC LIMIT 1) AS conclusion_tree,
                (SELECT e.payload->'conclusion'->>'node' FROM session_event e WHERE e.session_id = s.session_id
                    AND e.kind IN ('opened', 'answered', 'noted', 'jumped', 'concluded')
                    ORDER BY e.received DESC LIMIT 1) AS conclusion_node,
                (SELECT min(e.at) FROM session_event e WHERE e.session_id = s.session_id) AS created_at
            FROM (SELECT DISTINCT session_id FROM session_event WHERE kind <> 'flagged') s
            """,
            """
            CREATE INDEX session_event_on_kind ON session_event (kind, at)
            """,
        ]),
    ]

    /// The newest version this Triage knows.
    public static var knownVersion: Int { migrations.map(\.version).max() ?? 0 }

    /// Brings the server's schema up to date. Returns the server's version; throws `newerSchema` (after taking
    /// nothing) when the server is ahead, `checksumMismatch` when an applied migration was edited.
    @discardableResult
    static func migrate(_ connection: PostgresConnection, logger: Logger) async throws -> Int {
        try await connection.query("SELECT pg_advisory_lock(\(lockKey))", logger: logger)
        do {
            let version = try await migrateLocked(connection, logger: logger)
            try await connection.query("SELECT pg_advisory_unlock(\(lockKey))", logger: logger)
            return version
        } catch {
            _ = try? await connection.query("SELECT pg_advisory_unlock(\(lockKey))", logger: logger)
            throw error
        }
    }

    private static func migrateLocked(_ connection: PostgresConnection, logger: Logger) async throws -> Int {
        // Checked first: a role that may only read and append has no CREATE, even for IF NOT EXISTS.
        if try await appliedVersions(connection, logger: logger) == [:] {
            try await createBookkeeping(connection, logger: logger)
        }
        let applied = try await appliedVersions(connection, logger: logger)
        if let newest = applied.keys.max(), newest > knownVersion {
            throw TeamError.newerSchema(server: newest, known: knownVersion)
        }
        return try await apply(applied, connection, logger: logger)
    }

    private static func createBookkeeping(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            CREATE TABLE IF NOT EXISTS triage_migrations (
                version bigint PRIMARY KEY,
                description text NOT NULL,
                checksum text NOT NULL,
                installed_on timestamptz NOT NULL DEFAULT now()
            )
            """, logger: logger)
    }

    private static func apply(_ applied: [Int: String], _ connection: PostgresConnection, logger: Logger) async throws -> Int {
        for migration in migrations.sorted(by: { $0.version < $1.version }) {
            if let checksum = applied[migration.version] {
                guard checksum == migration.checksum else { throw TeamError.checksumMismatch(migration.version) }
                continue
            }
            try await connection.query("BEGIN", logger: logger)
            do {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                let version = Int64(migration.version)
                try await connection.query("""
                    INSERT INTO triage_migrations (version, description, checksum)
                    VALUES (\(version), \(migration.description), \(migration.checksum))
                    """, logger: logger)
                try await connection.query("COMMIT", logger: logger)
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
        return knownVersion
    }

    /// version -> checksum of every applied migration (empty when the table is missing).
    static func appliedVersions(_ connection: PostgresConnection, logger: Logger) async throws -> [Int: String] {
        let exists = try await connection.query("SELECT to_regclass('triage_migrations') IS NOT NULL", logger: logger)
        var present = false
        for try await value in exists.decode(Bool.self) { present = value }
        guard present else { return [:] }
        var result: [Int: String] = [:]
        let rows = try await connection.query("SELECT version, checksum FROM triage_migrations", logger: logger)
        for try await (version, checksum) in rows.decode((Int64, String).self) { result[Int(version)] = checksum }
        return result
    }
}

/// The migrations' checksums: two FNV-1a 64 hashes of the SQL, hex. Not cryptographic: it only tells that an
/// applied migration was edited.
enum ContentChecksum {
    static func hex(_ text: String) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in text.utf8 {
            first = (first ^ UInt64(byte)) &* 0x100_0000_01b3
            second = (second ^ UInt64(byte)) &* 0x100_0000_01b3 &+ 1
        }
        return String(format: "%016llx%016llx", first, second)
    }
}
