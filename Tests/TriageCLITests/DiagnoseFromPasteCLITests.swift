import Foundation
import Testing
import TestSupport

/// `triage diagnose --from FILE`: the paste's evidence fills the questions and values it answers, so line mode
/// asks only what the paste does not say (through the real binary).
@Suite struct DiagnoseFromPasteCLITests {
    private func paste(_ text: String) throws -> URL {
        let file = TestPaths.temporaryDirectory("from-paste").appendingPathComponent("paste.txt")
        try Data(text.utf8).write(to: file)
        return file
    }

    @Test func wrongRegionTakesTheAppIdAndRegionFromThePastedHost() throws {
        let file = try paste("""
            > GET /v3/users HTTP/2
            > Host: 2a4f9c81e3b7d605.api-eu.cometchat.io
            > apikey: 5a4b3c2d1e0f9a8b7c6d
            >
            < HTTP/2 401
            <
            {"error":{"code":"AUTH_ERR_INVALID_APPID","message":"The appId 2a4f9c81e3b7d605 is invalid."}}
            """)
        // One answer only: the dashboard's region question. The app id and the region are not asked.
        let run = try TriageProcess.run(["diagnose", "--from", file.path, "--answer", "1", "--plain"],
                                        environment: ["XDG_STATE_HOME": TestPaths.temporaryDirectory("from-state").path])
        #expect(run.status == 0, "\(run.stderr)\n\(run.stdout)")
        #expect(run.stdout.contains("Using facts from the pasted response."))
        #expect(run.stdout.contains("2a4f9c81e3b7d605 (from the pasted response)"))
        #expect(run.stdout.contains("eu (from the pasted response)"))
        #expect(!run.stdout.contains("Which app id did the failing request use?\n>"), "the app id is not asked")
        #expect(run.stdout.contains("The app 2a4f9c81e3b7d605 lives in another region than the host (api-eu)"))
        #expect(!run.stdout.contains("5a4b3c2d1e0f9a8b7c6d"), "the apikey is masked")
        let explained = try TriageProcess.run(["explain", file.path])
        #expect(explained.stdout.contains("triage diagnose --from \(file.path)"), "explain names the way in")
    }

    @Test func aLogWithSeveralErrorsDiagnosesTheMostFrequentAndNamesTheOthers() throws {
        let file = try paste("""
            10:00:03Z WARN POST https://7f3a91c2d4e5b6a7.api-us.cometchat.io/v3/users -> 429 code=ERR_TOO_MANY_REQUESTS
            10:00:03Z WARN POST https://7f3a91c2d4e5b6a7.api-us.cometchat.io/v3/users -> 429 code=ERR_TOO_MANY_REQUESTS
            10:00:04Z ERROR PUT https://7f3a91c2d4e5b6a7.api-us.cometchat.io/v3/users/u-77 -> 400 code=ERR_BAD_REQUEST
            10:00:05Z WARN POST https://7f3a91c2d4e5b6a7.api-us.cometchat.io/v3/users -> 429 code=ERR_TOO_MANY_REQUESTS
            """)
        let state = TestPaths.temporaryDirectory("from-log-state")
        let run = try TriageProcess.run(["diagnose", "--from", file.path, "--answer", "1", "--plain"],
                                        environment: ["XDG_STATE_HOME": state.path])
        #expect(run.status == 0, "\(run.stderr)\n\(run.stdout)")
        #expect(run.stdout.contains("Started from code cometchat:ERR_TOO_MANY_REQUESTS."), "\(run.stdout)")
        #expect(run.stdout.contains("Also in the paste"), "\(run.stdout)")
        #expect(run.stdout.contains("1× cometchat ERR_BAD_REQUEST · HTTP 400"), "\(run.stdout)")
        let transcripts = state.appendingPathComponent("triage/transcripts")
        let saved = try FileManager.default.contentsOfDirectory(atPath: transcripts.path)
        let transcript = try String(contentsOf: transcripts.appendingPathComponent(try #require(saved.first)), encoding: .utf8)
        #expect(transcript.contains("## Other codes in the paste") && transcript.contains("ERR_BAD_REQUEST"))
    }

    @Test func wrongEnvironmentTakesTheCodeAndInstallIdFromThePaste() throws {
        let file = try paste("""
            > POST /v2/users/a1b2c3d4e5f60718293a4b5c/link HTTP/1.1
            > Host: api.sentiance.com
            > Authorization: Bearer sk-live-0123456789abcdef
            >
            < HTTP/1.1 403 Forbidden
            <
            {"message": "Install does not belong to this application.", "errorCode": "INSTALL_DOES_NOT_BELONG_TO_APP", "ref": "4f6c1e0a-9d7b-4c2e-8a51-3b9f0d2e7c61"}
            """)
        let run = try TriageProcess.run(["diagnose", "--from", file.path, "--tree", "sentiance-wrong-environment",
                                         "--answer", "?", "--answer", "?", "--plain"],
                                        environment: ["XDG_STATE_HOME": TestPaths.temporaryDirectory("from-state").path])
        #expect(run.stdout.contains("a1b2c3d4e5f60718293a4b5c (from the pasted response)"), "\(run.stderr)\n\(run.stdout)")
        #expect(!run.stdout.contains("Which install id did the link request use?\n>"), "the install id is not asked")
        #expect(run.stdout.contains("Which app id does the app build that created install a1b2c3d4e5f60718293a4b5c"))
        #expect(!run.stdout.contains("sk-live-0123456789abcdef"))
    }

    @Test func aPasteWithoutACodeSaysSoAndNamesTheWayOut() throws {
        let file = try paste("hello, our app is broken\n")
        let run = try TriageProcess.run(["diagnose", "--from", file.path, "--plain"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("the paste does not point to one code"))
        let missing = try TriageProcess.run(["diagnose", "--plain"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--from FILE"))
    }
}
