import Foundation
import TriageCore
import TriageStorage

/// One sync of a host with the team store: push the outbox from where the server acknowledged it, in batches
/// (a retry resends, the server skips what it has), then delete the local copies of sessions redacted
/// elsewhere. The local database stays the source of truth: a sync never deletes anything else.
public struct TeamSync: Sendable {
    public let store: SQLiteSessionStore
    public let config: TeamConfig
    public var batch = 1000
    /// The host name the team sees (the machine's, unless a test simulates several hosts).
    public var hostName = TranscriptContext.currentHost ?? "unknown"

    public init(store: SQLiteSessionStore, config: TeamConfig) {
        self.store = store
        self.config = config
    }

    public struct Report: Codable, Hashable, Sendable {
        /// Events sent this time that the server did not have.
        public var pushed: Int
        /// Local copies deleted because the session was redacted elsewhere.
        public var redacted: Int
    }

    /// Pushes everything queued; throws `TeamError` (and records the failure for the status line) when the
    /// server cannot be reached or refuses.
    public func run(timeout: Duration = .seconds(5)) async throws -> Report {
        do {
            let server = try await TeamServer.connect(config, timeout: timeout)
            do {
                let report = try await run(on: server)
                await server.close()
                return report
            } catch {
                await server.close()
                throw error
            }
        } catch {
            try? store.markSyncFailed("\(error)")
            throw error
        }
    }

    /// The same, on an open connection.
    public func run(on server: TeamServer) async throws -> Report {
        let host = try store.teamHostID()
        var report = Report(pushed: 0, redacted: 0)
        while true {
            let events = try store.events(after: try store.pushedSeq(), limit: batch)
            guard let last = events.last else { break }
            report.pushed += try await server.push(host: host, hostName: hostName, events: events)
            try store.markPushed(through: last.seq, at: Date())
        }
        for session in try await server.redactedSessions() {
            guard try store.sessionID(uuid: session) != nil else { continue }
            if try store.applyRedaction(uuid: session) { report.redacted += 1 }
        }
        try store.markPushed(through: try store.pushedSeq(), at: Date())
        return report
    }
}

/// Runs async team work from the synchronous command line (and the background push), waiting for it.
public enum TeamBlocking {
    private final class Box<T>: @unchecked Sendable {
        var result: Result<T, any Error>?
    }

    public static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }
}
