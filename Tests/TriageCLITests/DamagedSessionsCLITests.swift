import Foundation
import Testing
import TestSupport

/// Issue 19's storage attacks through the real binary: a row changed outside Triage, another program's database,
/// and a database this user can read but not write.
@Suite struct DamagedSessionsCLITests {
    let home = TestPaths.temporaryDirectory("home")
    var database: String { home.appendingPathComponent("db/sessions.sqlite").path }
    var environment: [String: String] { ["HOME": home.path, "TRIAGE_DB": database, "USER": "alice"] }

    func sqlite(_ path: String, _ sql: String) throws -> TriageRun {
        try TriageProcess.run([path, sql], executable: URL(fileURLWithPath: "/usr/bin/sqlite3"))
    }

    func diagnose(ticket: String) throws {
        let run = try TriageProcess.run(["diagnose", "AUTH_ERR_INVALID_APPID", "--plain", "--ticket", ticket,
                                         "--answer", "app123", "--answer", "eu", "--answer", "1"], environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
    }

    /// The attack: `update session set state='not json' where id=1`.
    @Test func aRowThatDoesNotDecodeIsListedAsDamagedInTextAndJSON() throws {
        try diagnose(ticket: "ZD-1")
        try diagnose(ticket: "ZD-2")
        #expect(try sqlite(database, "update session set state='not json' where id=1").status == 0)

        let text = try TriageProcess.run(["sessions", "list"], environment: environment)
        #expect(text.status == 0, "\(text.stderr)")
        let first = try #require(text.stdout.split(separator: "\n").first { $0.hasPrefix("#1 ") })
        #expect(first.contains("ZD-1"))
        #expect(first.contains("damaged"))
        #expect(first.contains("cannot be read"))
        #expect(text.stdout.split(separator: "\n").contains { $0.hasPrefix("#2 ") && $0.contains("ZD-2") && $0.contains("finished") })
        #expect(!text.stdout.contains("not json") && !text.stderr.contains("not json"), "no row dump")
        #expect(!text.stderr.contains("DecodingError") && !text.stderr.contains("dataCorrupted"))

        let json = try TriageProcess.run(["sessions", "list", "--json"], environment: environment)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        let damaged = try #require(rows.first { $0["id"] as? Int == 1 })
        #expect(damaged["ticket"] as? String == "ZD-1")
        #expect(damaged["problem"] as? String == "cannot be read")
        #expect(damaged["status"] as? String == "damaged")
        #expect(rows.first { $0["id"] as? Int == 2 }?["problem"] is NSNull)

        let show = try TriageProcess.run(["sessions", "show", "1"], environment: environment)
        #expect(show.status == 2)
        #expect(show.stderr.contains("session #1 cannot be read"))
        #expect(!show.stderr.contains("not json"))
        #expect(try TriageProcess.run(["sessions", "show", "2"], environment: environment).status == 0)
    }

    /// The attack: another program's `session` table in a database with no Triage migrations.
    @Test func anotherProgramsDatabaseIsNeverAltered() throws {
        try FileManager.default.createDirectory(atPath: home.appendingPathComponent("db").path, withIntermediateDirectories: true)
        #expect(try sqlite(database, "create table session (id integer primary key, token text); insert into session values (1, 'x');").status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        let list = try TriageProcess.run(["sessions", "list"], environment: environment)
        #expect(list.status == 2)
        #expect(list.stderr.contains("not a Triage sessions database"))
        let diagnosis = try TriageProcess.run(["diagnose", "AUTH_ERR_INVALID_APPID", "--plain", "--answer", "app123",
                                               "--answer", "eu", "--answer", "1"], environment: environment)
        #expect(diagnosis.status == 0, "the diagnosis goes on")
        #expect(diagnosis.stderr.contains("not being saved"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
        #expect(!FileManager.default.fileExists(atPath: database + "-wal"))
        #expect(try sqlite(database, "pragma journal_mode").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "delete")
    }

    /// A database another user owns (readable, not writable): `nobody` lists it; nothing is written.
    @Test func aReadableButNotWritableDatabaseCanBeListed() throws {
        try diagnose(ticket: "ZD-5")
        let folder = home.appendingPathComponent("db").path
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: home.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: database)
        let nobodyHome = TestPaths.temporaryDirectory("nobody-home")
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: nobodyHome.path)
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        let run = try TriageProcess.run(
            ["--reuid=65534", "--regid=65534", "--clear-groups", TestPaths.triageBinary.path, "sessions", "list", "--db", database],
            environment: ["HOME": nobodyHome.path, "USER": "nobody"], executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("ZD-5"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
    }
}
