import Foundation
import Testing
import TestSupport

/// The transcript of a real stored session, through the binary: the header (ticket, session id, engineer, host,
/// tree, catalog version, start and end), the evidence and the masked paste, in `sessions export` and `show`
/// and in `diagnose --transcript`.
@Suite struct TranscriptHeaderCLITests {
    static let paste = """
        > GET /v3/users HTTP/2
        > Host: 2a4f9c81e3b7d605.api-eu.cometchat.io
        > apikey: 5a4b3c2d1e0f9a8b7c6d
        >
        < HTTP/2 401
        <
        {"error":{"code":"AUTH_ERR_INVALID_APPID","message":"The appId 2a4f9c81e3b7d605 is invalid.","ref":"R-99812"}}
        """

    @Test func sessionsExportOfAStoredSessionShowsTheHeaderEvidenceAndMaskedPaste() throws {
        let home = TestPaths.temporaryDirectory("header-home")
        let file = home.appendingPathComponent("paste.txt")
        try Data(Self.paste.utf8).write(to: file)
        let environment = ["HOME": home.path, "TRIAGE_DB": home.appendingPathComponent("sessions.sqlite").path,
                           "USER": "alice", "XDG_STATE_HOME": home.appendingPathComponent("state").path]
        let transcriptFile = home.appendingPathComponent("t.md").path
        let diagnose = try TriageProcess.run(["diagnose", "--from", file.path, "--ticket", "SUP-77", "--answer", "1", "--plain",
                                              "--transcript", transcriptFile], environment: environment)
        #expect(diagnose.status == 0, "\(diagnose.stderr)\n\(diagnose.stdout)")

        let export = try TriageProcess.run(["sessions", "export", "1"], environment: environment)
        #expect(export.status == 0, "\(export.stderr)")
        let markdown = export.stdout
        #expect(markdown.hasPrefix("# Diagnosis: "))
        for line in ["- Ticket: SUP-77\n", "- Session: #1\n", "- Engineer: alice\n", "- Host: ",
                     "- Tree: `cometchat-wrong-region`\n", "- Catalog: triage ", "- Started: ", "- Ended: 20",
                     "## Evidence (from the pasted response)", "| app_id | 2a4f9c81e3b7d605 |", "| region | eu |",
                     // The ref the escalation asks for: in the paste, so in the transcript.
                     "\"ref\":\"R-99812\"",
                     "## Pasted response (secrets masked)", "> apikey: [secret]", "## Questions", "## Conclusion"] {
            #expect(markdown.contains(line), "missing \(line) in\n\(markdown)")
        }
        #expect(!markdown.contains("5a4b3c2d1e0f9a8b7c6d"))

        let json = try TriageProcess.run(["sessions", "export", "1", "--format", "json"], environment: environment)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any],
                                  "\(json.stdout)\(json.stderr)")
        #expect(object["ticket"] as? String == "SUP-77")
        #expect(object["session_id"] as? Int == 1)
        #expect(object["engineer"] as? String == "alice")
        #expect((object["catalog_version"] as? String)?.hasPrefix("triage ") == true)
        #expect(object["started_at"] is String)
        #expect(object["ended_at"] is String)
        #expect((object["paste"] as? String)?.contains("apikey: [secret]") == true)
        #expect(!json.stdout.contains("5a4b3c2d1e0f9a8b7c6d"))

        let show = try TriageProcess.run(["sessions", "show", "1"], environment: environment)
        #expect(show.stdout.contains("- Ticket: SUP-77"))

        // The line mode's --transcript file has the same header.
        let written = try String(contentsOfFile: transcriptFile, encoding: .utf8)
        #expect(written.contains("- Ticket: SUP-77\n"))
        #expect(written.contains("- Session: #1\n"))
        #expect(written.contains("| app_id | 2a4f9c81e3b7d605 |"))
        #expect(written.contains("R-99812"))
        #expect(!written.contains("5a4b3c2d1e0f9a8b7c6d"))
    }
}
