import ArgumentParser
import Foundation
import TriageCore
import TriageStorage
import TriageTeam

/// `triage sync`: push this host's saved diagnoses to the team store (PostgreSQL), or say how far it is.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Push saved diagnoses to the team store, or show what is queued.",
        discussion: """
            The team store is the PostgreSQL database named by TRIAGE_TEAM_DB (postgres://user@host:port/db, \
            ?sslmode=verify-full&sslrootcert=CA.crt for TLS) or the first line of ~/.config/triage/team-db. The \
            password comes from TRIAGE_TEAM_PASSWORD or PGPASSWORD, else a PGPASSFILE-style file (mode 600), never \
            from the command line. Every step is kept in the local outbox first (secrets masked); sync sends what \
            the server does not have, so a repeated or interrupted sync is harmless. Sessions deleted on another \
            host are deleted here. Exit status 0 synced, 2 not configured or the server cannot be reached.
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Only show the outbox: queued events, the last sync, how many had a secret masked.") var status = false
    @Flag(help: "Send the whole outbox again (the server skips what it has).") var resend = false
    @Flag(help: "Print JSON instead of text.") var json = false
    @Option(help: "Seconds to wait for the server (1 to 120).") var timeout: Int = 10
    /// The push after each step (`BackgroundSync`): quiet, short timeout; a failure is only recorded.
    @Flag(help: .hidden) var background = false

    func validate() throws {
        guard (1...120).contains(timeout) else { throw ValidationError("--timeout must be from 1 to 120, but got \(timeout)") }
    }

    func run() throws {
        let store = try TeamCommands.localStore(global)
        if status {
            let state = try SessionDatabase.attempt { try store.outboxStatus() }
            let configured = (try? TeamCommands.config()) ?? nil
            if json {
                try JSONOutput.print(TeamStatusJSON(state, configured: configured))
            } else {
                Console.out("team store: \(configured?.display ?? "not configured (set TRIAGE_TEAM_DB)")")
                Console.out("queued: \(state.queued) event\(state.queued == 1 ? "" : "s")")
                Console.out("last sync: \(state.lastSync.map(UTCTime.short) ?? "never")")
                Console.out("masked: \(state.masked) event\(state.masked == 1 ? "" : "s") had a secret masked before it was kept")
                if let error = state.lastError { Console.out("last attempt: \(TerminalSafe.sanitize(error, keepNewlines: false))") }
                Console.out("status line: \(TeamStatusLine.text(state, now: Date()))")
            }
            return
        }
        guard let config = try TeamCommands.config() else {
            throw TriageError("no team store: set TRIAGE_TEAM_DB=postgres://user@host/db (see 'triage sync --help')", exitCode: 2)
        }
        if resend { try SessionDatabase.attempt { try store.resendAll() } }
        let seconds = background ? min(timeout, 3) : timeout
        if background {
            let sync = TeamSync(store: store, config: config)
            _ = try? TeamBlocking.run { try await sync.run(timeout: .seconds(seconds)) }
            return
        }
        let sync = TeamSync(store: store, config: config)
        do {
            let report = try TeamBlocking.run { try await sync.run(timeout: .seconds(seconds)) }
            if json {
                try JSONOutput.print(report)
            } else {
                Console.out("synced with \(config.display): \(report.pushed) new event\(report.pushed == 1 ? "" : "s") pushed"
                    + (report.redacted > 0 ? ", \(report.redacted) session\(report.redacted == 1 ? "" : "s") deleted elsewhere removed here" : ""))
            }
        } catch {
            throw TriageError(TerminalSafe.sanitize("\(error)", keepNewlines: false), exitCode: 2)
        }
    }
}

/// `sync --status --json`.
struct TeamStatusJSON: Encodable {
    let server: String?
    let queued: Int
    let masked: Int
    let lastSync: String?
    let lastError: String?
    let statusLine: String

    init(_ status: SQLiteSessionStore.OutboxStatus, configured: TeamConfig?) {
        server = configured?.display
        queued = status.queued
        masked = status.masked
        lastSync = status.lastSync.map(SessionTime.iso)
        lastError = status.lastError
        statusLine = TeamStatusLine.text(status, now: Date())
    }

    enum CodingKeys: String, CodingKey {
        case server, queued, masked, lastSync = "last_sync", lastError = "last_error", statusLine = "status_line"
    }
}

/// The status line's team field: `team: synced 2m ago`, `team: 14 queued`, `team: offline`.
enum TeamStatusLine {
    static func text(_ status: SQLiteSessionStore.OutboxStatus, now: Date) -> String {
        if status.lastError != nil { return "team: offline" + (status.queued > 0 ? " (\(status.queued) queued)" : "") }
        if status.queued > 0 { return "team: \(status.queued) queued" }
        guard let last = status.lastSync else { return "team: never synced" }
        return "team: synced \(SessionAge.short(from: last, to: now)) ago"
    }
}

/// What the team commands share: the local store, the configuration.
enum TeamCommands {
    static func localStore(_ global: GlobalOptions) throws -> SQLiteSessionStore {
        guard let store = try SessionDatabase.require(global) as? SQLiteSessionStore else {
            throw TriageError("the team store needs the SQLite sessions database", exitCode: 2)
        }
        return store
    }

    static func config(environment: [String: String] = ProcessEnvironment.current) throws -> TeamConfig? {
        do {
            return try TeamConfig.from(environment: environment)
        } catch {
            throw TriageError(TerminalSafe.sanitize("\(error)", keepNewlines: false), exitCode: 2)
        }
    }

    static func requireConfig() throws -> TeamConfig {
        guard let config = try config() else {
            throw TriageError("no team store: set TRIAGE_TEAM_DB=postgres://user@host/db (see 'triage sync --help')", exitCode: 2)
        }
        return config
    }

    /// Runs `body` against the server; a failure is one line, exit 2.
    static func withServer<T: Sendable>(_ config: TeamConfig, _ body: @escaping @Sendable (TeamServer) async throws -> T) throws -> T {
        do {
            return try TeamBlocking.run {
                let server = try await TeamServer.connect(config)
                do {
                    let result = try await body(server)
                    await server.close()
                    return result
                } catch {
                    await server.close()
                    throw error
                }
            }
        } catch {
            throw TriageError(TerminalSafe.sanitize("\(error)", keepNewlines: false), exitCode: 2)
        }
    }
}
