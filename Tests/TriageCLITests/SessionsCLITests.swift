import Foundation
import Testing
import TestSupport

/// Sessions through the real binary: saved after every step, resumed after SIGKILL, one per ticket, outcomes and
/// stats, and diagnoses that go on when the database cannot be used.
@Suite struct SessionsCLITests {
    /// A private home and database for one test.
    struct Place {
        let home = TestPaths.temporaryDirectory("home")
        var database: String { home.appendingPathComponent("team/sessions.sqlite").path }
        var environment: [String: String] { ["HOME": home.path, "TRIAGE_DB": database, "USER": "alice"] }

        func run(_ arguments: [String], input: String? = nil, extra: [String: String] = [:]) throws -> TriageRun {
            try TriageProcess.run(arguments, environment: environment.merging(extra) { $1 }, input: input)
        }

        func sessions(_ arguments: [String] = []) throws -> [[String: Any]] {
            let run = try self.run(["sessions", "list", "--json"] + arguments)
            return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]],
                                "\(run.stdout)\(run.stderr)")
        }

        func show(_ id: Int) throws -> [String: Any] {
            let run = try self.run(["sessions", "show", "\(id)", "--json"])
            return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
                                "\(run.stdout)\(run.stderr)")
        }
    }

    static let appIdQuestion = "Which app id did the failing request use?"
    static let regionQuestion = "Which region is in the host name the request went to?"
    static let dashboardQuestion = "In the CometChat dashboard, which region was app app123 created in?"

    @Test func killedAfterEachStepItResumesAtTheRightQuestionWithNothingLost() throws {
        let place = Place()
        // Each round: the question it must resume at, the input, what shows the step was taken.
        let rounds: [(at: String, input: String, then: String, steps: Int)] = [
            (Self.appIdQuestion, "app123", Self.regionQuestion, 1),
            (Self.regionQuestion, "n checked the host in the ticket", "Note saved.", 1),
            (Self.regionQuestion, "eu", Self.dashboardQuestion, 2),
            (Self.dashboardQuestion, "b", Self.regionQuestion, 1),
            (Self.regionQuestion, "eu", Self.dashboardQuestion, 2),
        ]
        for (index, round) in rounds.enumerated() {
            let arguments = index == 0
                ? ["diagnose", "AUTH_ERR_INVALID_APPID", "--plain", "--ticket", "T-7"]
                : ["sessions", "resume", "--ticket", "T-7", "--plain"]
            let process = try LiveTriageProcess(arguments, environment: place.environment)
            #expect(process.waitFor(round.at), "round \(index) resumes at '\(round.at)': \(process.stdout)")
            let prompt = process.stdout.range(of: round.at).map { process.stdout[$0.upperBound...] } ?? ""
            #expect(!prompt.contains("?\n"), "no later question was shown before the input: \(prompt)")
            let offset = process.stdout.count
            #expect(process.waitFor("q=quit]: ", after: max(0, offset - 120)), "the prompt is shown")
            process.send(round.input)
            #expect(process.waitFor(round.then, after: offset), "round \(index): \(process.stdout)")
            process.kill()

            let stored = try place.sessions(["--ticket", "T-7"])
            #expect(stored.count == 1, "one session for the ticket, however often it was killed")
            #expect(stored.first?["steps"] as? Int == round.steps, "round \(index)")
            #expect(stored.first?["status"] as? String == "open")
        }

        // Last round: answer, say whether it solved it, leave normally.
        let process = try LiveTriageProcess(["sessions", "resume", "--ticket", "T-7", "--plain"],
                                            environment: place.environment)
        #expect(process.waitFor(Self.dashboardQuestion))
        process.send("1")
        #expect(process.waitFor("Did this solve it?"))
        process.send("2")
        #expect(process.finish() == 0, "\(process.stderr)")
        #expect(process.stdout.contains("Outcome of session #1: not solved"))
        #expect(process.stderr.contains("Transcript saved to /"))

        let session = try place.show(1)
        #expect(session["status"] as? String == "finished")
        #expect(session["outcome"] as? String == "not_solved")
        #expect(session["ticket"] as? String == "T-7")
        #expect(session["user"] as? String == "alice")
        let transcript = try #require(session["transcript"] as? [String: Any])
        let steps = try #require(transcript["steps"] as? [[String: Any]])
        #expect(steps.map { $0["answer"] as? String } == ["app123", "eu", "A different region than the request's host (api-eu)"])
        #expect(steps[1]["note"] as? String == "checked the host in the ticket", "the note survived the kills")
    }

    @Test func anOpenTicketAsksToResumeOrStartNewAndTwoTicketsStayTwoSessions() throws {
        let place = Place()
        let first = try place.run(["diagnose", "AUTH_ERR_INVALID_APPID", "--ticket", "T-1", "--answer", "app123"])
        #expect(first.status == 1, "stopped before a conclusion")
        #expect(first.stderr.contains("Session #1 is saved; continue it with: triage sessions resume 1"))

        // Scripted, the choice must be given.
        let again = try place.run(["diagnose", "AUTH_ERR_INVALID_APPID", "--ticket", "T-1", "--answer", "x"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("ticket T-1 has an open diagnosis: session #1"))
        #expect(again.stderr.contains("--resume") && again.stderr.contains("--new"))

        let resumed = try place.run(["diagnose", "AUTH_ERR_INVALID_APPID", "--ticket", "T-1", "--resume", "--answer", "eu"])
        #expect(resumed.stderr.contains("Continuing session #1 for ticket T-1"))
        #expect(resumed.stdout.contains(Self.dashboardQuestion), "continued after the first answer")
        #expect(try place.sessions().count == 1)
        #expect(try place.sessions().first?["steps"] as? Int == 2)

        // Another ticket: its own session; both stay open.
        _ = try place.run(["diagnose", "AUTH_ERR_INVALID_APPID", "--ticket", "T-2", "--answer", "app9"])
        let open = try place.sessions(["--open"])
        #expect(open.count == 2)
        #expect(Set(open.compactMap { $0["ticket"] as? String }) == ["T-1", "T-2"])

        // --new starts over and marks the old one abandoned.
        let fresh = try place.run(["--ticket", "T-1", "diagnose", "AUTH_ERR_INVALID_APPID", "--new", "--answer", "app5"])
        #expect(fresh.stderr.contains("Session #1 for ticket T-1 marked abandoned"))
        let t1 = try place.sessions(["--ticket", "T-1"])
        #expect(t1.count == 2)
        #expect(Set(t1.compactMap { $0["status"] as? String }) == ["open", "abandoned"])
        #expect(try place.sessions(["--user", "alice"]).count == 3)
        #expect(try place.sessions(["--user", "bob"]).isEmpty)

        // --db before or after the subcommand.
        let elsewhere = place.home.appendingPathComponent("other.sqlite").path
        _ = try place.run(["--db", elsewhere, "diagnose", "AUTH_ERR_INVALID_APPID", "--answer", "app1"])
        let before = try place.run(["--db", elsewhere, "sessions", "list", "--json"])
        let after = try place.run(["sessions", "list", "--json", "--db", elsewhere])
        let between = try place.run(["sessions", "--db", elsewhere, "list", "--json"])
        // The same list whichever place --db takes; age_seconds may tick over between the three runs.
        func withoutAges(_ text: String) -> String {
            text.split(separator: "\n").filter { !$0.contains("\"age_seconds\"") }.joined(separator: "\n")
        }
        #expect(withoutAges(before.stdout) == withoutAges(after.stdout))
        #expect(withoutAges(between.stdout) == withoutAges(after.stdout), "\(between.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 1)
        for key in ["id", "ticket", "user", "tree", "status", "outcome"] { #expect(list[0].keys.contains(key), "\(key)") }
    }

    @Test func outcomesAreAskedChangeableAndCountedInStats() throws {
        let place = Place()
        let solved = try place.run(["diagnose", "AUTH_ERR_INVALID_APPID", "--plain"], input: "app123\neu\n1\n1\n")
        #expect(solved.status == 0, "\(solved.stderr)")
        #expect(solved.stdout.contains("Did this solve it?"))
        let escalated = try place.run(["diagnose", "AUTH_ERR_INVALID_APPID", "--plain"], input: "app7\nus\n1\nmaybe\n3\n")
        #expect(escalated.stdout.contains("Please answer 1 (solved)"), "a bad answer is asked again")
        let skipped = try place.run(["diagnose", "AUTH_ERR_INVALID_APPID", "--plain"], input: "app8\nus\n1\n\n")
        #expect(skipped.status == 0)
        #expect(try place.show(1)["outcome"] as? String == "solved")
        #expect(try place.show(2)["outcome"] as? String == "escalated")
        #expect(try place.show(3)["outcome"] is NSNull)

        let changed = try place.run(["sessions", "outcome", "2", "not-solved"])
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(try place.show(2)["outcome"] as? String == "not_solved")
        #expect(try place.run(["sessions", "outcome", "2", "fixed"]).status == 2)

        let stats = try place.run(["sessions", "stats", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        let tree = try #require((object["trees"] as? [[String: Any]])?.first)
        #expect(tree["tree"] as? String == "cometchat-wrong-region")
        #expect(tree["count"] as? Int == 3)
        #expect(tree["solved"] as? Int == 1)
        #expect(tree["not_solved"] as? Int == 1)
        #expect(tree["escalated"] as? Int == 0)
        #expect(tree["undetermined"] as? Int == 0)
        let conclusion = try #require((object["conclusions"] as? [[String: Any]])?.first)
        #expect(conclusion["node"] as? String == "wrong-region")
        #expect((conclusion["title"] as? String)?.contains("@") == true, "the conclusion's own title, unfilled")
        let text = try place.run(["sessions", "stats"])
        #expect(text.stdout.contains("NOT SOLVED"))
        #expect(text.stdout.contains("cometchat-wrong-region/wrong-region"))
        let future = try place.run(["sessions", "stats", "--since", "2999-01-01", "--json"])
        #expect(future.stdout.contains("\"trees\" : [\n\n  ]") || !future.stdout.contains("cometchat"))

        let markdown = try place.run(["sessions", "export", "1", "--format", "md"])
        #expect(markdown.stdout.hasPrefix("# Diagnosis: "))
        #expect(markdown.stdout.contains("Answer: app123"))
        let json = try place.run(["sessions", "export", "1", "--format", "json"])
        #expect(json.stdout.contains("\"finished\" : true"))

        #expect(try place.run(["sessions", "delete", "3"]).status == 0)
        #expect(try place.run(["sessions", "delete", "3"]).status == 1)
        #expect(try place.run(["sessions", "show", "3"]).status == 1)
        #expect(try place.sessions().count == 2)
    }

    /// Runs a whole diagnosis against a database that cannot be used: it must finish, and say once why it is
    /// not saved.
    func diagnoseWithout(_ place: Place, extra: [String: String] = [:]) throws -> TriageRun {
        let run = try place.run(["diagnose", "AUTH_ERR_INVALID_APPID", "--plain", "--answer", "app123", "--answer", "eu",
                                 "--answer", "1"], extra: extra)
        #expect(run.status == 0, "the diagnosis still works: \(run.stderr)")
        #expect(run.stdout.contains("Diagnosis: The app app123 lives in another region"))
        #expect(run.stderr.components(separatedBy: "this session is not being saved").count == 2, "said once: \(run.stderr)")
        #expect(!run.stdout.contains("Did this solve it?"), "no outcome to save")
        return run
    }

    @Test func aCorruptOrNewerDatabaseIsLeftUntouchedAndTheDiagnosisGoesOn() throws {
        let corrupt = Place()
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: corrupt.database).deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        let garbage = Data(repeating: 0x5A, count: 4096)
        try garbage.write(to: URL(fileURLWithPath: corrupt.database))
        let damaged = try diagnoseWithout(corrupt)
        #expect(damaged.stderr.contains("is damaged"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: corrupt.database)) == garbage)
        let list = try corrupt.run(["sessions", "list"])
        #expect(list.status == 2)
        #expect(list.stderr.contains("is damaged"))

        let newer = Place()
        _ = try newer.run(["diagnose", "AUTH_ERR_INVALID_APPID", "--answer", "app1"])
        // user_version is the big-endian 32-bit number at byte 60 of the header.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: newer.database))
        bytes.replaceSubrange(60..<64, with: [0, 0, 0, 9])
        try bytes.write(to: URL(fileURLWithPath: newer.database))
        let refused = try diagnoseWithout(newer)
        #expect(refused.stderr.contains("written by a newer version of Triage (schema version 9"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: newer.database)) == bytes)
        // Reading a WAL database may leave SQLite's empty side file; nothing is written into it.
        let wal = (try? FileManager.default.attributesOfItem(atPath: newer.database + "-wal")[.size] as? Int) ?? 0
        #expect(wal == 0)
    }

    @Test func anUnwritableOrFullPlaceOrAFileForAFolderStillDiagnoses() throws {
        let fileForFolder = Place()
        let state = fileForFolder.home.appendingPathComponent("state")
        try Data("x".utf8).write(to: state)
        let notFolder = try diagnoseWithout(fileForFolder, extra: ["TRIAGE_DB": "", "XDG_STATE_HOME": state.path])
        #expect(notFolder.stderr.contains("\(state.path) is a file, not a folder"))

        let unwritable = Place()
        let path: String
        if geteuid() == 0 {
            path = "/proc/triage-\(UUID().uuidString)/sessions.sqlite"  // root writes anywhere else
        } else {
            let folder = TestPaths.temporaryDirectory("readonly")
            try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: folder.path)
            path = folder.appendingPathComponent("sessions.sqlite").path
        }
        let refused = try diagnoseWithout(unwritable, extra: ["TRIAGE_DB": path])
        #expect(refused.stderr.contains("cannot use the sessions database \(path)"))

        let full = Place()
        _ = try full.run(["sessions", "list"])
        let noRoom = try diagnoseWithout(full, extra: ["TRIAGE_DB_MAX_PAGE_COUNT": "1"])
        #expect(noRoom.stderr.contains("is full"))
        #expect(try full.sessions().isEmpty)
    }
}
