import Foundation
import Testing
import TestSupport

/// `triage explain` and `triage show STATUS` through the real binary: text, JSON, exit codes, masking, bounds.
@Suite struct ExplainCLITests {
    private func json(_ run: TriageRun) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test func explainsACurlVerbosePasteFromStandardInput() throws {
        let paste = """
            > POST /v3/users HTTP/2
            > Host: 12345abcde.api-us.cometchat.io
            > apikey: 5a4b3c2d1e0f9a8b7c6d
            >
            < HTTP/2 401
            < x-request-id: rq-42
            <
            {"error":{"code":"AUTH_ERR_INVALID_APPID","message":"invalid appId"}}
            """
        let run = try TriageProcess.run(["explain"], input: paste)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("CometChat AUTH_ERR_INVALID_APPID"))
        #expect(run.stdout.contains("error.code in a CometChat error body"))
        #expect(run.stdout.contains("app_id       12345abcde"))
        #expect(run.stdout.contains("region       us"))
        #expect(run.stdout.contains("request_id   rq-42"))
        #expect(run.stdout.contains("Next: triage diagnose AUTH_ERR_INVALID_APPID --vendor cometchat"))
        #expect(run.stdout.contains("Masked secrets: secret header"))
        #expect(!run.stdout.contains("5a4b3c2d1e0f9a8b7c6d"))
    }

    @Test func theWholeOfALongLogIsScannedFromAFileAndFromStandardInput() throws {
        let folder = TestPaths.temporaryDirectory("explain-long")
        let file = folder.appendingPathComponent("batch.log")
        var log = String(repeating: "2026-12-01T09:00:00Z GET /v3/users -> 200 fine\n", count: 60_000)  // ~3 MB
        log += #"2026-12-01T23:59:00Z POST /v3/messages -> 429 {"error":{"code":"ERR_TOO_MANY_REQUESTS"}}"# + "\n"
        log += #"2026-12-01T23:59:59Z POST /v3/messages -> 429 {"error":{"code":"ERR_TOO_MANY_REQUESTS"}}"# + "\n"
        try Data(log.utf8).write(to: file)
        for arguments in [["explain", file.path, "--json"], ["explain", "-", "--json"]] {
            let run = try TriageProcess.run(arguments, input: arguments[1] == "-" ? log : nil)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            let object = try json(run)
            #expect(object["recognised"] as? Bool == true)
            #expect((object["entry"] as? [String: Any])?["code"] as? String == "ERR_TOO_MANY_REQUESTS")
            #expect(object["lines_scanned"] as? Int == 60_002)
            let occurrences = try #require(object["occurrences"] as? [[String: Any]])
            #expect(occurrences.count == 1)
            #expect(occurrences.first?["count"] as? Int == 2)
            #expect(occurrences.first?["last_time"] as? String == "2026-12-01T23:59:59Z")
        }
        let text = try TriageProcess.run(["explain", file.path])
        #expect(text.stdout.contains("every line of it was scanned for codes"))
    }

    @Test func explainJSONCarriesTheEvidenceAndTheEntry() throws {
        let folder = TestPaths.temporaryDirectory("explain")
        let file = folder.appendingPathComponent("paste.txt")
        try Data("Sentori replied 404: Contact not found\nApiKey: 0f8fad5b-d9cb-469f-a165-70867728950e\n".utf8).write(to: file)
        let run = try TriageProcess.run(["explain", file.path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try json(run)
        #expect(object["recognised"] as? Bool == true)
        let evidence = try #require(object["evidence"] as? [String: String])
        #expect(evidence["http_status"] == "404")
        #expect(evidence["vendor"] == "sentori")
        #expect(evidence["code"] == "101")
        let entry = try #require(object["entry"] as? [String: Any])
        #expect(entry["code"] as? String == "101")
        let candidates = try #require(object["candidates"] as? [[String: Any]])
        #expect((candidates.first?["reasons"] as? [String])?.contains("HTTP 404 agrees") == true)
        #expect(!run.stdout.contains("0f8fad5b-d9cb-469f-a165-70867728950e"))
        #expect((object["masked"] as? [String]) == ["secret header"])
    }

    @Test func nothingRecognisedShowsSearchResultsAndExits1() throws {
        let run = try TriageProcess.run(["explain", "-"], input: "moderators cannot kick the admin of our group")
        #expect(run.status == 1)
        #expect(run.stdout.contains("Nothing in the input was recognised"))
        #expect(run.stdout.contains("Best search results:"))
    }

    @Test func ambiguousListsRankedCandidatesAndExits1() throws {
        let run = try TriageProcess.run(["explain"], input: "INSTALL_DISABLED or maybe INSTALL_DELETED")
        #expect(run.status == 1)
        #expect(run.stdout.contains("Several codes fit; best first:"))
        #expect(run.stdout.contains("1. sentiance INSTALL_D"))
        #expect(run.stdout.contains("2. sentiance INSTALL_D"))
    }

    @Test func hugeBinaryAndHostileInputIsBoundedAndTerminalSafe() throws {
        var text = "\u{1B}]0;pwned\u{07}\u{1B}[2J{\"errorCode\": \"INSTALL_DELETED\\u001b[2J\", \"ref\": \"r\u{1B}[31m\"}\n"
        text += String(repeating: "A", count: 3 << 20)
        // From a file: explain stops reading after 1 MiB, so a pipe writer would get SIGPIPE.
        let file = TestPaths.temporaryDirectory("explain").appendingPathComponent("huge.txt")
        try Data(text.utf8).write(to: file)
        let run = try TriageProcess.run(["explain", file.path])
        #expect(run.stdout.contains("Explained the first 1024 KiB of the input; every line of it was scanned for codes."))
        #expect(!run.stdout.contains("\u{1B}") && !run.stdout.contains("\u{07}"))
        let missing = try TriageProcess.run(["explain", "/nonexistent/paste.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read"))
    }

    @Test func showAnHTTPStatusListsTheCodesThatReturnIt() throws {
        let run = try TriageProcess.run(["show", "403"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("403 is an HTTP status (Forbidden), not an error code. These 8 codes return it:"))
        #expect(run.stdout.contains("INSTALL_DOES_NOT_BELONG_TO_APP"))
        #expect(run.stdout.contains("CometChat documents no HTTP statuses."))
        #expect(!run.stdout.contains("Did you mean"))
        let rate = try TriageProcess.run(["show", "429", "--json"])
        let object = try json(rate)
        #expect((object["codes"] as? [Any])?.isEmpty == true, "no code is documented with 429")
        #expect(((object["by_meaning"] as? [[String: Any]])?.first?["code"] as? String) == "ERR_TOO_MANY_REQUESTS")
        #expect((object["vendors_without_statuses"] as? [String]) == ["cometchat"])
        // A status that is also a code of the vendor shows the code.
        let code = try TriageProcess.run(["show", "401", "--vendor", "sentori"])
        #expect(code.stdout.contains("Email name already in use"))
    }

    @Test func searchSyntaxThroughTheCLI() throws {
        let run = try TriageProcess.run(["search", "v:sentori", "s:404", "--json"])
        let hits = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(hits.map { $0["code"] as? String } == ["101", "200", "300", "500"])
        let joined = try TriageProcess.run(["search", "toomanyrequests", "--limit", "1"])
        #expect(joined.stdout.contains("cometchat  ERR_TOO_MANY_REQUESTS"))
    }
}
