import Foundation
import Testing
import TestSupport
import TriageStorage

/// Issue 20 through the real binary: `--ticket T` as a handle on every sessions command, pausing with a reason,
/// clearing an outcome, the wider `sessions list`, and one JSON style (snake_case keys, `"schema": 1`).
@Suite struct SessionHandlesCLITests {
    typealias Place = SessionsCLITests.Place

    /// Starts a diagnosis for `ticket` that stops open after one answer.
    func start(_ place: Place, ticket: String?) throws {
        let run = try place.run(["diagnose", "AUTH_ERR_INVALID_APPID", "--answer", "app123"]
            + (ticket.map { ["--ticket", $0] } ?? []))
        #expect(run.status == 1, "stopped before a conclusion: \(run.stderr)")
    }

    func object(_ run: TriageRun) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)\(run.stderr)")
    }

    @Test func aTicketPicksItsOpenSessionOnEveryCommand() throws {
        let place = Place()
        try start(place, ticket: "T-1")
        try start(place, ticket: "T-2")

        let show = try place.run(["sessions", "show", "--ticket", "T-2", "--json"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(try object(show)["id"] as? Int == 2)
        let text = try place.run(["sessions", "show", "--ticket", "T-1"])
        #expect(text.stdout.hasPrefix("Session #1 for ticket T-1"), "\(text.stdout)\(text.stderr)")
        let export = try place.run(["sessions", "export", "--ticket", "T-1", "--format", "json"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(try object(export)["stopped_at"] is [String: Any], "snake_case keys: \(export.stdout)")
        #expect(try place.run(["--ticket", "T-1", "sessions", "export"]).stdout.hasPrefix("# Diagnosis: "))

        let outcome = try place.run(["sessions", "outcome", "--ticket", "T-1", "escalated"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("Session #1: escalated."))
        #expect(try place.show(1)["outcome"] as? String == "escalated")

        let resumed = try place.run(["sessions", "resume", "--ticket", "T-2", "--plain", "--answer", "eu"])
        #expect(resumed.stderr.contains("Continuing session #2 for ticket T-2"), "\(resumed.stderr)")

        // An id that is not the ticket's is refused.
        let mismatch = try place.run(["sessions", "show", "1", "--ticket", "T-2"])
        #expect(mismatch.status == 2)
        #expect(mismatch.stderr.contains("session #1 is for ticket T-1, not for ticket T-2"), "\(mismatch.stderr)")

        // Neither an id nor a ticket.
        for command in [["show"], ["export"], ["delete"], ["pause", "--clear"], ["outcome", "none"]] {
            let bare = try place.run(["sessions"] + command)
            #expect(bare.status == 2, "\(command)")
            #expect(bare.stderr.contains("give the session id or --ticket T"), "\(command): \(bare.stderr)")
        }

        let deleted = try place.run(["sessions", "delete", "--ticket", "T-1"])
        #expect(deleted.stdout.contains("Deleted session #1."), "\(deleted.stderr)")
        #expect(try place.sessions().count == 1)
    }

    @Test func aTicketWithSeveralOrNoOpenSessionsSaysWhatToPass() throws {
        let place = Place()
        try start(place, ticket: "T-7")
        try start(place, ticket: nil)
        let store = try SQLiteSessionStore(path: place.database)
        #expect(try store.setTicket("T-7", id: 2, at: Date()), "two open sessions for one ticket (two engineers at once)")

        for command in [["show"], ["export"], ["outcome", "solved"], ["delete"], ["pause", "--reason", "x"],
                        ["resume", "--plain"]] {
            let run = try place.run(["sessions"] + command + ["--ticket", "T-7"])
            #expect(run.status == 2, "\(command): \(run.stderr)")
            #expect(run.stderr.contains("ticket T-7 has 2 open sessions; pass the id"), "\(command): \(run.stderr)")
            #expect(run.stderr.contains("#1") && run.stderr.contains("#2"))
            #expect(run.stderr.contains("cometchat-wrong-region"), "the tree")
            #expect(run.stderr.contains(SessionsCLITests.regionQuestion), "the current question: \(run.stderr)")
            #expect(run.stderr.contains("updated 20"), "when it was updated")
        }
        #expect(try place.sessions().count == 2, "nothing was deleted")

        let unknown = try place.run(["sessions", "show", "--ticket", "T-8"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no session for ticket T-8 (did you mean T-7?); see 'triage sessions list'"), "\(unknown.stderr)")
        let far = try place.run(["sessions", "outcome", "--ticket", "ZZZ-12345", "none"])
        #expect(far.status == 1)
        #expect(far.stderr == "triage: no session for ticket ZZZ-12345; see 'triage sessions list'\n", "\(far.stderr)")

        // Finished or abandoned sessions only: say which, and to pass the id.
        let finished = try place.run(["diagnose", "AUTH_ERR_INVALID_APPID", "--ticket", "T-3", "--answer", "a",
                                      "--answer", "eu", "--answer", "1"])
        #expect(finished.status == 0, "\(finished.stderr)")
        let closed = try place.run(["sessions", "pause", "--ticket", "T-3", "--reason", "x"])
        #expect(closed.status == 1)
        #expect(closed.stderr.contains("ticket T-3 has no open session; its sessions: #3 (finished); pass the id"), "\(closed.stderr)")
    }

    @Test func pausingWithAReasonShowsInListAndShowAndTheNextStepClearsIt() throws {
        let place = Place()
        try start(place, ticket: "T-1")
        let paused = try place.run(["sessions", "pause", "--ticket", "T-1", "--reason", "waiting for the customer's logs"])
        #expect(paused.status == 0, "\(paused.stderr)")
        #expect(paused.stdout == "Session #1 paused: waiting for the customer's logs\n")
        #expect(try place.sessions().first?["paused_reason"] as? String == "waiting for the customer's logs")
        #expect(try place.show(1)["paused_reason"] as? String == "waiting for the customer's logs")
        #expect(try place.run(["sessions", "show", "1"]).stdout.contains("Paused: waiting for the customer's logs"))
        #expect(try place.run(["sessions", "list"]).stdout.contains("waiting for the customer's logs"))

        for bad in ["two\nlines", "bell\u{07}", "\u{1B}[2Jescape", String(repeating: "x", count: 201), "   "] {
            let run = try place.run(["sessions", "pause", "1", "--reason", bad])
            #expect(run.status == 2, "\(bad.debugDescription)")
            #expect(!run.stderr.contains("\u{1B}"), "nothing unsafe echoed")
        }
        #expect(try place.run(["sessions", "pause", "1"]).status == 2, "a reason or --clear")
        #expect(try place.run(["sessions", "pause", "1", "--reason", "x", "--clear"]).status == 2)
        #expect(try place.run(["sessions", "pause", "9", "--reason", "x"]).status == 1, "no session #9")
        #expect(try place.show(1)["paused_reason"] as? String == "waiting for the customer's logs", "bad input changes nothing")

        // A key pasted into the reason is masked where it is shown and where it is stored.
        let secret = try place.run(["sessions", "pause", "1", "--reason", "logs sent with Bearer sk-live-0123456789abcdef"])
        #expect(secret.status == 0 && !secret.stdout.contains("sk-live"), "\(secret.stdout)")
        #expect(try place.show(1)["paused_reason"] as? String == "logs sent with Bearer [secret]")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: place.database))
        #expect(bytes.range(of: Data("sk-live-0123456789abcdef".utf8)) == nil)

        let cleared = try place.run(["sessions", "pause", "1", "--clear"])
        #expect(cleared.stdout == "Session #1 is no longer paused.\n", "\(cleared.stderr)")
        #expect(try place.show(1)["paused_reason"] is NSNull)

        _ = try place.run(["sessions", "pause", "1", "--reason", "customer on holiday"])
        _ = try place.run(["sessions", "resume", "1", "--plain", "--answer", "eu"])
        #expect(try place.show(1)["paused_reason"] is NSNull, "the next step clears the reason")
    }

    @Test func anOutcomeCanBeCleared() throws {
        let place = Place()
        let run = try place.run(["diagnose", "AUTH_ERR_INVALID_APPID", "--plain", "--ticket", "T-1"], input: "app123\neu\n1\n1\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try place.show(1)["outcome"] as? String == "solved")
        let none = try place.run(["sessions", "outcome", "1", "none"])
        #expect(none.status == 0, "\(none.stderr)")
        #expect(none.stdout == "Session #1: outcome cleared.\n")
        #expect(try place.show(1)["outcome"] is NSNull)
        _ = try place.run(["sessions", "outcome", "1", "not-solved"])
        #expect(try place.run(["sessions", "outcome", "1", "CLEAR"]).status == 0)
        #expect(try place.show(1)["outcome"] is NSNull)
        let bad = try place.run(["sessions", "outcome", "1", "fixed"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("use solved, not-solved, escalated or none"))
        #expect(try place.run(["sessions", "outcome", "x1", "solved"]).status == 2, "not an id")
        #expect(try place.run(["sessions", "outcome", "solved"]).status == 2, "no id and no ticket")
    }

    @Test func theListShowsCodeQuestionPauseAndAgeAndNeverCutsTheTicketOrCode() throws {
        let place = Place()
        let ticket = "SUPPORT-TICKET-WITH-A-LONG-NAME-12345"
        try start(place, ticket: ticket)
        _ = try place.run(["sessions", "pause", "1", "--reason", "waiting for the customer's logs of the failing request"])
        let finished = try place.run(["diagnose", "AUTH_ERR_INVALID_APPID", "--answer", "a", "--answer", "eu", "--answer", "1"])
        #expect(finished.status == 0)

        let piped = try place.run(["sessions", "list"])
        let lines = piped.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        for column in ["ID", "TICKET", "CODE", "STATUS", "AGE", "UPDATED", "AT", "PAUSED"] {
            #expect(lines[0].contains(column), "\(column)")
        }
        #expect(lines[2].contains(ticket) && lines[2].contains("cometchat:AUTH_ERR_INVALID_APPID"), "\(piped.stdout)")
        #expect(lines[2].contains(SessionsCLITests.regionQuestion), "the current question")
        #expect(lines[2].hasSuffix("waiting for the customer's logs of the failing request"), "piped output is never cut")
        #expect(lines[1].contains("The app a lives in another region"), "the conclusion when finished: \(lines[1])")
        #expect(lines[1].contains(" 0s ") || lines[1].contains(" 1s ") || lines[1].contains(" 2s "), "the age")

        let narrow = try place.run(["sessions", "list"], extra: ["COLUMNS": "100"])
        for line in narrow.stdout.split(separator: "\n").dropFirst() {
            #expect(line.contains("cometchat:AUTH_ERR_INVALID_APPID"), "the code is never cut: \(line)")
        }
        let row = try #require(narrow.stdout.split(separator: "\n").last)
        #expect(row.contains(ticket), "the ticket is never cut: \(row)")
        #expect(row.contains("…"), "the question and reason give way")
        #expect(!row.contains("of the failing request"))

        let json = try place.sessions()
        #expect(json.count == 2)
        let open = try #require(json.first { $0["id"] as? Int == 1 })
        #expect(open["start_code"] as? String == "cometchat:AUTH_ERR_INVALID_APPID")
        #expect(open["current_question"] as? String == SessionsCLITests.regionQuestion)
        #expect(open["paused_reason"] as? String == "waiting for the customer's logs of the failing request")
        #expect((open["age_seconds"] as? Int).map { $0 >= 0 && $0 < 600 } == true)
        let done = try #require(json.first { $0["id"] as? Int == 2 })
        #expect(done["current_question"] is NSNull)
        #expect((done["conclusion"] as? [String: Any])?["title"] is String)
    }

    @Test func everyJSONOutputHasSnakeCaseKeysAndASchemaOnObjects() throws {
        let place = Place()
        let diagnose = try place.run(["diagnose", "AUTH_ERR_INVALID_APPID", "--json", "--answer", "app123", "--answer", "eu",
                                      "--answer", "1"])
        let diagnosis = try object(diagnose)
        #expect(diagnosis["schema"] as? Int == 1)
        #expect(diagnosis["session_id"] as? Int == 1, "\(diagnose.stdout)")
        #expect(diagnosis["started_from"] is [String: Any])
        let unsaved = try object(try place.run(["diagnose", "AUTH_ERR_INVALID_APPID", "--json", "--answer", "app1"],
                                               extra: ["TRIAGE_DB": place.home.path]))
        #expect(unsaved["session_id"] is NSNull, "not saved: the database path is a folder")

        let runs: [[String]] = [
            ["diagnose", "AUTH_ERR_INVALID_APPID", "--json", "--answer", "x"], ["show", "AUTH_ERR_INVALID_APPID", "--json"],
            ["show", "403", "--json"], ["explain", "--json"], ["test", "--json"],
            ["sessions", "show", "1", "--json"], ["sessions", "export", "1", "--format", "json"],
            ["sessions", "stats", "--json"], ["sessions", "list", "--json"], ["list", "--json"],
            ["search", "app id", "--json"], ["vendors", "--json"], ["trees", "--json"],
        ]
        for arguments in runs {
            let run = try place.run(arguments, input: arguments[0] == "explain" ? "{\"code\": \"AUTH_ERR_INVALID_APPID\"}" : nil)
            let value = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
            if let object = value as? [String: Any] {
                #expect(object["schema"] as? Int == 1, "\(arguments)")
            } else {
                #expect(value is [Any], "\(arguments): an object or an array")
            }
            let keys = Self.keys(in: value)
            #expect(keys.allSatisfy { !$0.contains(where: \.isUppercase) }, "\(arguments): \(keys.filter { $0.contains(where: \.isUppercase) })")
        }
    }

    /// Every object key at any depth, but not the keys of the evidence map (values found in the paste).
    static func keys(in value: Any) -> Set<String> {
        if let object = value as? [String: Any] {
            return Set(object.keys).union(object.filter { $0.key != "evidence" }.values.flatMap { keys(in: $0) })
        }
        if let array = value as? [Any] { return Set(array.flatMap { keys(in: $0) }) }
        return []
    }
}
