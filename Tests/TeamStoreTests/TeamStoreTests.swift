import Foundation
import Testing
import TestSupport
import TriageCore
import TriageStorage
import TriageTeam

/// The team store against a real PostgreSQL (a private cluster per suite run): concurrent hosts, replays, a
/// server down and back, a newer server schema, redaction and handoff between hosts, team stats.
@Suite("Team store on PostgreSQL", .serialized)
struct TeamStoreTests {
    let catalog = Fixtures.shipped.catalog

    /// A simulated host: its own sessions database, its own name.
    struct Host {
        let name: String
        let store: SQLiteSessionStore
        func sync(_ config: TeamConfig) async throws -> TeamSync.Report {
            var sync = TeamSync(store: store, config: config)
            sync.hostName = name
            return try await sync.run()
        }
    }

    func host(_ name: String) throws -> Host {
        let path = TestPaths.temporaryDirectory("triage-team-\(name)").appendingPathComponent("sessions.sqlite").path
        return Host(name: name, store: try SQLiteSessionStore(path: path))
    }

    /// `count` finished diagnoses of `tree` on `host`, answering 1 (or "value") at each step; returns their ids.
    @discardableResult
    func diagnose(_ host: Host, count: Int, tree: TreeID = "sentori-lists", user: String = "alice") throws -> [Int64] {
        var ids: [Int64] = []
        for index in 0..<count {
            let recorder = SessionRecorder(store: host.store, catalog: catalog, user: user, ticket: "\(host.name)-\(index)") {
                Issue.record("\($0)")
            }
            var session = try DiagnosisSession.start(tree: tree, in: catalog)
            recorder.record(session)
            while !session.isFinished, let step = session.current(in: catalog) {
                if case .question = step.kind { try session.choose(0, in: catalog) } else { try session.provide("value", in: catalog) }
                recorder.record(session)
            }
            ids.append(try #require(recorder.id))
        }
        return ids
    }

    func config(_ cluster: PostgresCluster) throws -> TeamConfig {
        try TeamConfig.parse(cluster.url())
    }

    func serverCount(_ cluster: PostgresCluster, _ sql: String = "SELECT count(*) FROM session_event") throws -> Int {
        Int(try cluster.psql(sql)) ?? -1
    }

    @Test("2 and 8 hosts pushing at once: every event once, each host's sequence whole")
    func concurrentHosts() async throws {
        let cluster = try PostgresCluster()
        let config = try config(cluster)
        for hostCount in [2, 8] {
            let hosts = try (0..<hostCount).map { try host("h\(hostCount)-\($0)") }
            for host in hosts { try diagnose(host, count: 3) }
            let reports = try await withThrowingTaskGroup(of: TeamSync.Report.self) { group in
                for host in hosts { group.addTask { try await host.sync(config) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let local = try hosts.map { try $0.store.events(after: 0).count }
            #expect(reports.map(\.pushed).reduce(0, +) == local.reduce(0, +))
            for (host, count) in zip(hosts, local) {
                let id = try host.store.teamHostID()
                #expect(try serverCount(cluster, "SELECT count(*) FROM session_event WHERE host_id = '\(id)'") == count)
                #expect(try serverCount(cluster, "SELECT max(seq) FROM session_event WHERE host_id = '\(id)'") == count,
                        "seq 1...n with no gap")
                #expect(try host.store.outboxStatus().queued == 0)
            }
        }
        #expect(try serverCount(cluster, "SELECT count(*) FROM triage_host") == 10)
    }

    @Test("a replayed push (the acknowledgement lost) adds nothing; an interrupted one completes")
    func replayedPush() async throws {
        let cluster = try PostgresCluster()
        let config = try config(cluster)
        let a = try host("replay")
        try diagnose(a, count: 2)
        let first = try await a.sync(config)
        let total = try serverCount(cluster)
        #expect(first.pushed == total)
        #expect(total == (try a.store.events(after: 0).count))
        // The server committed but the host never heard back: it pushes everything again.
        try a.store.resendAll()
        #expect(try a.store.outboxStatus().queued == total)
        let again = try await a.sync(config)
        #expect(again.pushed == 0)
        #expect(try serverCount(cluster) == total, "nothing doubled")
        #expect(try a.store.outboxStatus().queued == 0)
    }

    @Test("the server down for a whole run, then back: queued, offline said, then everything pushed once")
    func serverDownThenBack() async throws {
        let cluster = try PostgresCluster()
        let config = try config(cluster)
        let a = try host("down")
        try diagnose(a, count: 1)
        _ = try await a.sync(config)
        try cluster.stop()
        try diagnose(a, count: 2)
        await #expect(throws: TeamError.self) { try await a.sync(config) }
        let status = try a.store.outboxStatus()
        #expect(status.queued > 0)
        #expect(status.lastError?.contains("offline") == true)
        try cluster.start()
        let report = try await a.sync(config)
        #expect(report.pushed == status.queued)
        #expect(try serverCount(cluster) == (try a.store.events(after: 0).count))
        #expect(try a.store.outboxStatus().lastError == nil)
    }

    @Test("a newer server schema is read, never written")
    func newerServerSchema() async throws {
        let cluster = try PostgresCluster()
        let config = try config(cluster)
        let a = try host("newer-a")
        try diagnose(a, count: 1)
        _ = try await a.sync(config)
        try cluster.psql("INSERT INTO triage_migrations VALUES (99, 'from the future', 'x', now())")
        let before = try serverCount(cluster)
        let b = try host("newer-b")
        try diagnose(b, count: 1)
        let server = try await TeamServer.connect(config)
        #expect(!server.writable)
        #expect(try await server.sessions().count == 1, "still read")
        await server.close()
        await #expect(throws: TeamError.self) { try await b.sync(config) }
        #expect(try serverCount(cluster) == before)
        #expect(try b.store.outboxStatus().queued > 0, "kept for a Triage that knows the schema")
    }

    @Test("handoff: another host takes the session over, continues it, both streams are kept; a redaction reaches it")
    func handoffAndRedaction() async throws {
        let cluster = try PostgresCluster()
        let config = try config(cluster)
        let a = try host("alpha")
        let b = try host("beta")
        // An open session on alpha: the first question answered, not finished.
        let recorder = SessionRecorder(store: a.store, catalog: catalog, user: "alice", ticket: "ZD-77") { Issue.record("\($0)") }
        var session = try DiagnosisSession.start(tree: "sentori-lists", in: catalog)
        if case .question = session.current(in: catalog)?.kind { try session.choose(0, in: catalog) } else { try session.provide("value", in: catalog) }
        recorder.record(session)
        #expect(!session.isFinished)
        let alphaID = try #require(recorder.id)
        #expect(try a.store.pause(id: alphaID, reason: "waiting for logs", at: Date()))
        _ = try await a.sync(config)

        // beta takes it over.
        let server = try await TeamServer.connect(config)
        let uuid = try #require(try await server.latestSession(ticket: "ZD-77"))
        let events = try await server.events(session: uuid)
        let betaID = try b.store.adopt(events, user: "bob", at: Date())
        await server.close()
        let taken = try #require(try b.store.load(id: betaID))
        #expect(taken.ticket == "ZD-77")
        #expect(taken.diagnosis == session.redacted(), "the same steps, the same question")
        #expect(taken.pausedReason == "waiting for logs")
        // beta continues it to the end.
        let continued = SessionRecorder(store: b.store, catalog: catalog, user: "bob", ticket: "ZD-77", continuing: betaID,
                                        saved: taken.diagnosis) { Issue.record("\($0)") }
        var live = taken.diagnosis
        while !live.isFinished, let step = live.current(in: catalog) {
            if case .question = step.kind { try live.choose(0, in: catalog) } else { try live.provide("value", in: catalog) }
            continued.record(live)
        }
        _ = try await b.sync(config)
        let check = try await TeamServer.connect(config)
        let summary = try #require(try await check.sessions(ticket: "ZD-77").first)
        #expect(summary.hosts == 2, "both streams kept")
        #expect(summary.lastHost == "beta")
        #expect(summary.lastActor == "bob")
        #expect(summary.status == "finished")
        #expect(summary.pausedReason == nil)
        #expect(try await check.events(session: uuid).contains { $0.kind == .claimed && $0.actor == "bob" })
        await check.close()

        // alpha deletes it: the redaction empties the payloads on the server and beta's copy goes on its next sync.
        #expect(try a.store.delete(id: alphaID))
        _ = try await a.sync(config)
        #expect(try serverCount(cluster, "SELECT count(*) FROM session_event WHERE session_id = '\(uuid)' AND payload IS NOT NULL") == 0)
        let report = try await b.sync(config)
        #expect(report.redacted == 1)
        #expect(try b.store.sessionID(uuid: uuid) == nil)
        #expect(try serverCount(cluster, "SELECT count(*) FROM session_event WHERE session_id = '\(uuid)' AND payload IS NOT NULL") == 0,
                "beta's later events arrive emptied")
    }

    @Test("team stats equal the sum of the hosts' own")
    func teamStatsAreTheSumOfHosts() async throws {
        let cluster = try PostgresCluster()
        let config = try config(cluster)
        let hosts = try (0..<3).map { try host("stats-\($0)") }
        for (index, host) in hosts.enumerated() {
            let ids = try diagnose(host, count: index + 2)
            #expect(try host.store.setOutcome(index == 1 ? .notSolved : .solved, id: ids[0], at: Date()))
            _ = try await host.sync(config)
        }
        let server = try await TeamServer.connect(config)
        let team = try await server.stats()
        await server.close()
        let local = try hosts.map { try $0.store.stats(since: nil) }
        let localRows: [SessionStats.Row] = local.flatMap(\.trees)
        let teamCount: Int = team.map(\.count).reduce(0, +)
        let teamSolved: Int = team.map(\.solved).reduce(0, +)
        let teamNotSolved: Int = team.map(\.notSolved).reduce(0, +)
        let localCount: Int = localRows.map(\.count).reduce(0, +)
        let localSolved: Int = localRows.map(\.solved).reduce(0, +)
        let localNotSolved: Int = localRows.map(\.notSolved).reduce(0, +)
        #expect(teamCount == localCount)
        #expect(teamCount == 2 + 3 + 4)
        #expect(teamSolved == localSolved)
        #expect(teamNotSolved == localNotSolved)
        #expect(Set(team.compactMap(\.catalog)).count == 1, "one catalog version")
    }

    @Test("a role with INSERT and SELECT only can push and redact; it cannot update or delete")
    func appendOnlyRole() async throws {
        let cluster = try PostgresCluster()
        let owner = try config(cluster)
        let a = try host("owner")
        try diagnose(a, count: 1)
        _ = try await a.sync(owner)   // the one-time migration, by the owner
        try cluster.psql("""
            CREATE ROLE team LOGIN PASSWORD 'team-pass';
            GRANT SELECT, INSERT ON session_event, triage_host TO team;
            GRANT SELECT ON triage_migrations, session_summary TO team;
            GRANT USAGE ON SEQUENCE session_event_received_seq TO team;
            """)
        var teamConfig = try TeamConfig.parse(cluster.url(user: "team"))
        teamConfig.password = "team-pass"
        let b = try host("member")
        let ids = try diagnose(b, count: 1)
        _ = try await b.sync(teamConfig)
        #expect(try b.store.delete(id: ids[0]))
        _ = try await b.sync(teamConfig)
        #expect(try serverCount(cluster, "SELECT count(*) FROM session_event e JOIN triage_host h ON h.id = e.host_id WHERE h.name = 'member' AND payload IS NOT NULL") == 0)
        #expect(throws: PostgresCluster.Failed.self) {
            try cluster.run("/usr/bin/psql", ["-X", "-h", "127.0.0.1", "-p", "\(cluster.port)", "-U", "team", "-d", "triage",
                                              "-v", "ON_ERROR_STOP=1", "-c", "DELETE FROM session_event"], asServer: false)
        }
    }

    @Test("TLS with verify-full: the generated CA is accepted; no TLS, a name not in the certificate, an unknown CA are refused")
    func tlsVerifyFull() async throws {
        let cluster = try PostgresCluster(tls: true)
        let good = try TeamConfig.parse(cluster.url(sslmode: "verify-full", host: "localhost", rootCert: cluster.caFile))
        let a = try host("tls")
        try diagnose(a, count: 1)
        let report = try await a.sync(good)
        #expect(report.pushed > 0)
        // The server takes TLS only: without it the connection is refused.
        let plain = try TeamConfig.parse(cluster.url(sslmode: "disable"))
        await #expect(throws: TeamError.self) { try await TeamServer.connect(plain) }
        // The certificate names localhost only: the same server reached as 127.0.0.1 is refused.
        let wrongName = try TeamConfig.parse(cluster.url(sslmode: "verify-full", host: "127.0.0.1", rootCert: cluster.caFile))
        await #expect(throws: TeamError.self) { try await TeamServer.connect(wrongName) }
        // Without the CA the certificate is not trusted.
        let noCA = try TeamConfig.parse(cluster.url(sslmode: "verify-full", host: "localhost"))
        await #expect(throws: TeamError.self) { try await TeamServer.connect(noCA) }
    }

    @Test("the password file must be private; the URL and the environment name the store")
    func configuration() throws {
        let folder = TestPaths.temporaryDirectory("triage-pgpass")
        let file = folder.appendingPathComponent("pgpass").path
        try "127.0.0.1:5432:triage:team:s3cret\n".write(toFile: file, atomically: false, encoding: .utf8)
        chmod(file, 0o644)
        let environment = ["TRIAGE_TEAM_DB": "postgres://team@127.0.0.1:5432/triage?sslmode=verify-full&sslrootcert=/ca.crt",
                           "PGPASSFILE": file]
        #expect(throws: TeamError.self) { try TeamConfig.from(environment: environment) }
        chmod(file, 0o600)
        let config = try #require(try TeamConfig.from(environment: environment))
        #expect(config.password == "s3cret")
        #expect(config.tls == .verifyFull)
        #expect(config.rootCertificate == "/ca.crt")
        #expect(!config.display.contains("s3cret"))
        #expect(try TeamConfig.from(environment: [:]) == nil)
        #expect(throws: TeamError.self) { try TeamConfig.parse("mysql://x@y/z") }
    }
}
