import Foundation
import Testing
import TestSupport
import TriageCore
import TriageStorage
import TriageTeam

/// `triage sync` through the real binary against a real PostgreSQL: a diagnosis killed with SIGKILL between its
/// local commit and any push loses nothing and doubles nothing; `sync --status` and the `--team` views.
@Suite("triage sync (binary) on PostgreSQL", .serialized)
struct TeamSyncCLITests {
    @Test("kill -9 after a step, before any push: the next sync sends it once; status, list and stats")
    func killedBeforePush() throws {
        let cluster = try PostgresCluster()
        let home = TestPaths.temporaryDirectory("home")
        let database = home.appendingPathComponent("sessions.sqlite").path
        let environment = ["HOME": home.path, "TRIAGE_DB": database, "USER": "alice", "TRIAGE_TEAM_DB": cluster.url(),
                           "TRIAGE_TEAM_BACKGROUND": "0"]   // killed before any push: no background push either

        let process = try LiveTriageProcess(["diagnose", "AUTH_ERR_INVALID_APPID", "--plain", "--ticket", "ZD-9"],
                                            environment: environment)
        #expect(process.waitFor("q=quit]: "))
        process.send("app123")
        #expect(process.waitFor("Which region"))
        process.kill()   // SIGKILL: the step is committed locally, nothing was pushed

        let before = try TriageProcess.run(["sync", "--status", "--json"], environment: environment)
        let status = try #require(try JSONSerialization.jsonObject(with: Data(before.stdout.utf8)) as? [String: Any], "\(before.stderr)")
        let queued = try #require(status["queued"] as? Int)
        #expect(queued >= 2, "opened and answered")
        #expect(status["status_line"] as? String == "team: \(queued) queued")

        let sync = try TriageProcess.run(["sync"], environment: environment)
        #expect(sync.status == 0, "\(sync.stderr)")
        #expect(sync.stdout.contains("\(queued) new events pushed"))
        #expect(try cluster.psql("SELECT count(*) FROM session_event") == "\(queued)")
        let again = try TriageProcess.run(["sync"], environment: environment)
        #expect(again.stdout.contains("0 new events pushed"))
        #expect(try cluster.psql("SELECT count(*) FROM session_event") == "\(queued)", "nothing doubled")
        let after = try TriageProcess.run(["sync", "--status"], environment: environment)
        #expect(after.stdout.contains("queued: 0 events"))
        #expect(after.stdout.contains("team: synced"))

        let list = try TriageProcess.run(["sessions", "list", "--team", "--ticket", "ZD-9"], environment: environment)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("ZD-9"))
        #expect(list.stdout.contains("open"))
        let stats = try TriageProcess.run(["sessions", "stats", "--team", "--json"], environment: environment)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [[String: Any]], "\(stats.stderr)")
        #expect(rows.map { $0["count"] as? Int ?? 0 }.reduce(0, +) == 1)
    }

    @Test("offline: one line, exit 2, no stack trace; the status says offline and keeps the queue")
    func offline() throws {
        let home = TestPaths.temporaryDirectory("home")
        let environment = ["HOME": home.path, "TRIAGE_DB": home.appendingPathComponent("s.sqlite").path, "USER": "alice",
                           "TRIAGE_TEAM_DB": "postgres://nobody@127.0.0.1:\(PostgresCluster.freePort())/triage"]
        let diagnosis = try TriageProcess.run(["diagnose", "AUTH_ERR_INVALID_APPID", "--plain", "--answer", "app123",
                                               "--answer", "eu", "--answer", "1"], environment: environment)
        #expect(diagnosis.status == 0, "\(diagnosis.stderr)")
        let sync = try TriageProcess.run(["sync", "--timeout", "3"], environment: environment)
        #expect(sync.status == 2)
        #expect(sync.stderr.contains("team store offline"))
        #expect(sync.stderr.split(separator: "\n").count == 1, "\(sync.stderr)")
        let status = try TriageProcess.run(["sync", "--status"], environment: environment)
        #expect(status.stdout.contains("team: offline"))
        #expect(!status.stdout.contains("queued: 0 "))
    }
}
