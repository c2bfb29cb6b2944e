import Foundation
import Testing
import TestSupport

/// The sessions screen on a real terminal: a diagnosis killed with SIGKILL is offered at the next start, resumed
/// from `S`, finished, given an outcome and copied (the OSC 52 write lands in tmux's paste buffer, `set-clipboard
/// on`).
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is not installed"))
struct SessionsScreenEndToEndTests {
    let database = TestPaths.temporaryDirectory("triage-e2e-screen").appendingPathComponent("sessions.sqlite").path

    func list(_ arguments: [String] = []) throws -> [[String: Any]] {
        let run = try TriageProcess.run(["sessions", "list", "--json"] + arguments, environment: ["TRIAGE_DB": database])
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]],
                            "\(run.stdout)\(run.stderr)")
    }

    @Test func killedResumedFromTheSessionsScreenFinishedAndCopied() async throws {
        let environment = ["TRIAGE_DB": database, "USER": "e2e"]
        let first = try TmuxHarness(width: 110, height: 30)
        defer { first.close() }
        try first.launchTriage(["diagnose", "AUTH_ERR_INVALID_APPID", "--ticket", "T-21"], environment: environment)
        _ = try await first.waitFor(text: "Which app id did the failing request use?")
        try first.type("app123")
        try first.press("Enter")
        _ = try await first.waitFor(text: "Which region is in the host name")
        try await first.signal(SIGKILL)
        _ = try await first.waitForExit()
        #expect(try list(["--ticket", "T-21"]).first?["steps"] as? Int == 1)

        let second = try TmuxHarness(width: 110, height: 30)
        defer { second.close() }
        try second.launchTriage([], environment: environment)
        _ = try await second.waitFor(text: "1 open diagnosis from the last day: S to resume")
        try second.type("S")
        _ = try await second.waitFor(text: "Diagnosis sessions (1 of 1)")
        #expect(try second.screen().contains("T-21"))
        try second.press("Enter")
        _ = try await second.waitFor(text: "Which region is in the host name")
        try second.type("eu")
        try second.press("Enter")
        _ = try await second.waitFor(text: "A different region than the request")
        try second.type("1")
        _ = try await second.waitFor(text: "solved / not / escalated")
        try second.type("1")
        _ = try await second.waitFor(text: "Outcome: solved")
        try second.type("y")
        _ = try await second.waitFor(text: "Copied the transcript")
        let copied = try second.pasteBuffer()
        #expect(copied.hasPrefix("# Diagnosis:"), "\(copied)")
        #expect(copied.contains("app123"))
        let stored = try list(["--ticket", "T-21"])
        #expect(stored.count == 1, "resumed, not a second session")
        #expect(stored.first?["status"] as? String == "finished")
        #expect(stored.first?["outcome"] as? String == "solved")
        try second.press("Escape")
        _ = try await second.waitFor(text: "Vendors")
        try second.type("q")
        let exit = try await second.waitForExit()
        #expect(exit.status == 0)
        let shell = try second.screen()
        #expect(shell.contains("Transcript saved to \(second.stateHome.path)/triage/transcripts/"), "\(shell)")
    }
}
