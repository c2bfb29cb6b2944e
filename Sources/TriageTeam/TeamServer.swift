import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
import TriageCore

/// One connection to the team store: pushes a host's events (idempotent), reads the team's sessions and
/// stats, and pulls a session's events for a handoff. Every call has a short timeout; failures are `TeamError`.
public final class TeamServer: @unchecked Sendable {
    public let config: TeamConfig
    let connection: PostgresConnection
    let logger: Logger
    /// False when the server's schema is newer than this Triage's: reads work, writes are refused.
    public let writable: Bool

    private init(config: TeamConfig, connection: PostgresConnection, logger: Logger, writable: Bool) {
        self.config = config
        self.connection = connection
        self.logger = logger
        self.writable = writable
    }

    /// Connects (within `timeout`) and brings the schema up to date (unless the server's is newer).
    public static func connect(_ config: TeamConfig, timeout: Duration = .seconds(5)) async throws -> TeamServer {
        var logger = Logger(label: "triage.team")
        logger.logLevel = .critical
        var configuration = PostgresConnection.Configuration(
            host: config.host, port: config.port, username: config.user, password: config.password,
            database: config.database, tls: try tls(config))
        configuration.options.connectTimeout = .seconds(Int64(timeout.components.seconds))
        if config.tls == .verifyFull { configuration.options.tlsServerName = config.host }
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            throw TeamError.offline("cannot connect to \(config.display): \(describe(error))")
        }
        do {
            try await TeamSchema.migrate(connection, logger: logger)
            return TeamServer(config: config, connection: connection, logger: logger, writable: true)
        } catch TeamError.newerSchema {
            return TeamServer(config: config, connection: connection, logger: logger, writable: false)
        } catch {
            try? await connection.close()
            throw TeamError.server(describe(error))
        }
    }

    public func close() async {
        try? await connection.close()
    }

    static func tls(_ config: TeamConfig) throws -> PostgresConnection.Configuration.TLS {
        switch config.tls {
        case .disable: return .disable
        case .require:
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.certificateVerification = .none
            return .require(try NIOSSLContext(configuration: tls))
        case .verifyFull:
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.certificateVerification = .fullVerification
            if let root = config.rootCertificate {
                do {
                    tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(root))
                } catch {
                    throw TeamError.configuration("cannot read sslrootcert \(root): \(describe(error))")
                }
            }
            return .require(try NIOSSLContext(configuration: tls))
        }
    }

    /// A server error in one line: PostgreSQL's own message when there is one.
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            return "\(error.code)"
        }
        if let error = error as? PostgresTransactionError, let inner = error.closureError ?? error.commitError {
            return describe(inner)
        }
        return String(describing: error).split(separator: "\n").first.map(String.init) ?? "error"
    }

    // MARK: Push

    /// Sends `events` (this host's, in `seq` order). Events the server already has are skipped (`ON CONFLICT DO
    /// NOTHING`), so a replayed push is harmless. Returns how many were new.
    @discardableResult
    public func push(host: String, hostName: String, events: [(seq: Int64, event: SessionEvent)]) async throws -> Int {
        guard writable else {
            let known = TeamSchema.knownVersion
            throw TeamError.newerSchema(server: known + 1, known: known)
        }
        guard !events.isEmpty else { return 0 }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let seqs = events.map(\.seq)
        let ids = events.map(\.event.id)
        let sessions = events.map(\.event.session)
        let kinds = events.map(\.event.kind.rawValue)
        let times = events.map(\.event.at.timeIntervalSince1970)
        let actors = events.map(\.event.actor)
        let catalogs = events.map(\.event.catalog)
        let payloads = try events.map { item in
            try item.event.payload.map { String(decoding: try encoder.encode($0), as: UTF8.self) } ?? ""
        }
        do {
            try await connection.query("""
                INSERT INTO triage_host (id, name) VALUES (\(host)::uuid, \(hostName)) ON CONFLICT (id) DO NOTHING
                """, logger: logger)
            let rows = try await connection.query("""
                WITH inserted AS (
                    INSERT INTO session_event (host_id, seq, id, session_id, kind, at, actor, catalog, payload)
                    SELECT \(host)::uuid, e.seq, e.id::uuid, e.session_id::uuid, e.kind, to_timestamp(e.at), e.actor,
                           e.catalog, NULLIF(e.payload, '')::jsonb
                    FROM unnest(\(seqs)::bigint[], \(ids)::text[], \(sessions)::text[], \(kinds)::text[],
                                \(times)::float8[], \(actors)::text[], \(catalogs)::text[], \(payloads)::text[])
                         AS e(seq, id, session_id, kind, at, actor, catalog, payload)
                    ORDER BY e.seq
                    ON CONFLICT (host_id, seq) DO NOTHING
                    RETURNING 1
                ) SELECT count(*) FROM inserted
                """, logger: logger)
            var count: Int64 = 0
            for try await value in rows.decode(Int64.self) { count = value }
            return Int(count)
        } catch {
            throw TeamError.server("push failed: \(Self.describe(error))")
        }
    }

    // MARK: Reading

    /// One session as the team store sums it up.
    public struct Summary: Codable, Hashable, Sendable {
        public var session: String
        public var ticket: String?
        public var tree: String?
        public var status: String?
        public var conclusion: String?
        public var outcome: String?
        /// Two hosts gave different outcomes: the latest is shown, the disagreement flagged.
        public var outcomeDisputed: Bool
        public var lastActor: String?
        public var lastHost: String?
        public var pausedReason: String?
        public var catalog: String?
        /// How many hosts appended to it.
        public var hosts: Int
        public var redacted: Bool
        public var updatedAt: Date?
        /// Two hosts hold different tickets for it: the latest is shown, the disagreement flagged.
        public var ticketDisputed = false
        /// The hosts that appended to it, by name (`a, b`).
        public var hostNames: [String] = []
    }

    /// The team's sessions, newest first, filtered by host name, user (any event's actor) and ticket.
    public func sessions(host: String? = nil, user: String? = nil, ticket: String? = nil, limit: Int = 1000) async throws
        -> [Summary] {
        let limit = Int64(limit)
        do {
            let rows = try await connection.query("""
                SELECT s.session_id::text, s.ticket, s.tree, s.status, s.conclusion, s.outcome, s.outcome_disputed,
                       s.last_actor, s.last_host, s.paused_reason, s.catalog, s.hosts, COALESCE(s.redacted, false),
                       extract(epoch FROM s.updated_at)::float8, COALESCE(s.ticket_disputed, false),
                       COALESCE(s.host_names, '')
                FROM session_summary s
                WHERE (\(ticket)::text IS NULL OR s.ticket = \(ticket))
                  AND (\(host)::text IS NULL OR EXISTS (SELECT 1 FROM session_event e JOIN triage_host h ON h.id = e.host_id
                        WHERE e.session_id = s.session_id AND h.name = \(host)))
                  AND (\(user)::text IS NULL OR EXISTS (SELECT 1 FROM session_event e
                        WHERE e.session_id = s.session_id AND e.actor = \(user)))
                ORDER BY s.updated_at DESC NULLS LAST
                LIMIT \(limit)
                """, logger: logger)
            var result: [Summary] = []
            for try await row in rows.decode((String, String?, String?, String?, String?, String?, Bool?, String?, String?,
                                              String?, String?, Int64, Bool, Double?, Bool, String).self) {
                result.append(Summary(session: row.0, ticket: row.1, tree: row.2, status: row.3, conclusion: row.4,
                                      outcome: row.5, outcomeDisputed: row.6 ?? false, lastActor: row.7, lastHost: row.8,
                                      pausedReason: row.9, catalog: row.10, hosts: Int(row.11), redacted: row.12,
                                      updatedAt: row.13.map { Date(timeIntervalSince1970: $0) }, ticketDisputed: row.14,
                                      hostNames: row.15.isEmpty ? [] : row.15.components(separatedBy: ", ")))
            }
            return result
        } catch {
            throw TeamError.server(Self.describe(error))
        }
    }

    /// One row of team stats: sessions per tree, conclusion and catalog version, with their outcomes.
    public struct StatsRow: Codable, Hashable, Sendable {
        public var tree: String
        public var conclusion: String?
        public var catalog: String?
        public var count: Int
        public var solved: Int
        public var notSolved: Int
        public var escalated: Int
    }

    /// Per tree, conclusion and catalog version (redacted sessions are not counted).
    public func stats() async throws -> [StatsRow] {
        do {
            let rows = try await connection.query("""
                SELECT COALESCE(tree, '?'), conclusion, catalog, count(*),
                       count(*) FILTER (WHERE outcome = 'solved'), count(*) FILTER (WHERE outcome = 'not_solved'),
                       count(*) FILTER (WHERE outcome = 'escalated')
                FROM session_summary WHERE NOT COALESCE(redacted, false)
                GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1, 2
                """, logger: logger)
            var result: [StatsRow] = []
            for try await row in rows.decode((String, String?, String?, Int64, Int64, Int64, Int64).self) {
                result.append(StatsRow(tree: row.0, conclusion: row.1, catalog: row.2, count: Int(row.3),
                                       solved: Int(row.4), notSolved: Int(row.5), escalated: Int(row.6)))
            }
            return result
        } catch {
            throw TeamError.server(Self.describe(error))
        }
    }

    /// Every event of one session, in the order the server received them (a handoff rebuilds it from them).
    public func events(session: String) async throws -> [SessionEvent] {
        try await events(where: "session_id = $1::uuid", session)
    }

    /// Every event received after `received` (a new host pulling everything, in pages).
    public func events(after received: Int64, limit: Int = 5000) async throws -> (events: [SessionEvent], last: Int64) {
        var last = received
        var result: [SessionEvent] = []
        do {
            let limit = Int64(limit)
            let rows = try await connection.query("""
                SELECT received, id::text, session_id::text, kind, extract(epoch FROM at)::float8, actor, catalog, payload::text
                FROM session_event WHERE received > \(received) ORDER BY received LIMIT \(limit)
                """, logger: logger)
            for try await row in rows.decode((Int64, String, String, String, Double, String, String, String?).self) {
                last = row.0
                result.append(try Self.event(row.1, row.2, row.3, row.4, row.5, row.6, row.7))
            }
        } catch let error as TeamError {
            throw error
        } catch {
            throw TeamError.server(Self.describe(error))
        }
        return (result, last)
    }

    private func events(where condition: String, _ value: String) async throws -> [SessionEvent] {
        do {
            var bindings = PostgresBindings()
            bindings.append(value)
            let rows = try await connection.query(PostgresQuery(unsafeSQL: """
                SELECT id::text, session_id::text, kind, extract(epoch FROM at)::float8, actor, catalog, payload::text
                FROM session_event WHERE \(condition) ORDER BY received
                """, binds: bindings), logger: logger)
            var result: [SessionEvent] = []
            for try await row in rows.decode((String, String, String, Double, String, String, String?).self) {
                result.append(try Self.event(row.0, row.1, row.2, row.3, row.4, row.5, row.6))
            }
            return result
        } catch let error as TeamError {
            throw error
        } catch {
            throw TeamError.server(Self.describe(error))
        }
    }

    static func event(_ id: String, _ session: String, _ kind: String, _ at: Double, _ actor: String, _ catalog: String,
                      _ payload: String?) throws -> SessionEvent {
        SessionEvent(id: id, session: session, kind: SessionEvent.Kind(rawValue: kind) ?? .noted,
                     at: Date(timeIntervalSince1970: at), actor: actor, catalog: catalog,
                     payload: try payload.map { try JSONDecoder().decode(SessionEvent.Payload.self, from: Data($0.utf8)) })
    }
}

extension TeamServer {
    /// The sessions a redaction emptied (every host deletes its copy of them).
    public func redactedSessions() async throws -> [String] {
        do {
            let rows = try await connection.query("SELECT DISTINCT session_id::text FROM session_event WHERE kind = 'redacted'",
                                                  logger: logger)
            var result: [String] = []
            for try await id in rows.decode(String.self) { result.append(id) }
            return result
        } catch {
            throw TeamError.server(Self.describe(error))
        }
    }

    /// The shared id of the ticket's latest session in the team store (open ones first).
    public func latestSession(ticket: String) async throws -> String? {
        let summaries = try await sessions(ticket: ticket)
        return (summaries.first { $0.status == SessionStatus.open.rawValue && !$0.redacted } ?? summaries.first { !$0.redacted })?
            .session
    }
}
