import Foundation
import Testing
import TestSupport

/// Sessions on a real terminal (tmux): the full screen saves every step, a killed diagnosis resumes, and line mode
/// asks what to do with a ticket's open diagnosis.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is not installed"))
struct SessionsEndToEndTests {
    let database = TestPaths.temporaryDirectory("triage-e2e-db").appendingPathComponent("sessions.sqlite").path

    func list(_ arguments: [String] = []) throws -> [[String: Any]] {
        let run = try TriageProcess.run(["sessions", "list", "--json"] + arguments, environment: ["TRIAGE_DB": database])
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]],
                            "\(run.stdout)\(run.stderr)")
    }

    @Test func aFullScreenDiagnosisKilledWithSigkillResumesAndFinishes() async throws {
        let first = try TmuxHarness(width: 100, height: 30)
        defer { first.close() }
        try first.launchTriage(["diagnose", "AUTH_ERR_INVALID_APPID", "--ticket", "T-3"], environment: ["TRIAGE_DB": database])
        _ = try await first.waitFor(text: "Which app id did the failing request use?")
        try first.type("app123")
        try first.press("Enter")
        _ = try await first.waitFor(text: "Which region is in the host name")
        try await first.signal(SIGKILL)
        _ = try await first.waitForExit()
        let saved = try list(["--ticket", "T-3"])
        #expect(saved.count == 1)
        #expect(saved.first?["steps"] as? Int == 1, "the answer was saved before the kill")

        let second = try TmuxHarness(width: 100, height: 30)
        defer { second.close() }
        try second.launchTriage(["sessions", "resume", "--ticket", "T-3"], environment: ["TRIAGE_DB": database])
        _ = try await second.waitFor(text: "Which region is in the host name")
        try second.type("eu")
        try second.press("Enter")
        _ = try await second.waitFor(text: "1 A different region than the request's host (api-eu)")
        try second.press("1")
        _ = try await second.waitFor(text: "lives in another region")
        let done = try list(["--ticket", "T-3"])
        #expect(done.first?["status"] as? String == "finished")
        #expect(done.first?["steps"] as? Int == 3)
        try second.press("Escape")
        _ = try await second.waitFor(text: "Vendors")
        try second.press("q")
        let exit = try await second.waitForExit()
        #expect(exit.status == 0)
        let shell = try second.screen()
        #expect(shell.contains("Transcript saved to \(second.stateHome.path)/triage/transcripts/"), "\(shell)")
    }

    @Test func lineModeAsksToContinueTheTicketsOpenDiagnosisOrStartANewOne() async throws {
        _ = try TriageProcess.run(["diagnose", "AUTH_ERR_INVALID_APPID", "--ticket", "T-4", "--answer", "app123"],
                                  environment: ["TRIAGE_DB": database])
        let tmux = try TmuxHarness(width: 100, height: 30)
        defer { tmux.close() }
        try tmux.launchTriage(["diagnose", "AUTH_ERR_INVALID_APPID", "--ticket", "T-4", "--plain"],
                              environment: ["TRIAGE_DB": database])
        _ = try await tmux.waitFor(text: "Continue the open one, or start a new one?")
        try tmux.type("x")
        try tmux.press("Enter")
        _ = try await tmux.waitFor(text: "Please answer c")
        try tmux.type("n")
        try tmux.press("Enter")
        let screen = try await tmux.waitFor(text: "Which app id did the failing request use?")
        #expect(screen.contains("marked abandoned"))
        try tmux.type("q")
        try tmux.press("Enter")
        _ = try await tmux.waitForExit()
        let sessions = try list(["--ticket", "T-4"])
        #expect(sessions.count == 2)
        #expect(Set(sessions.compactMap { $0["status"] as? String }) == ["open", "abandoned"])
    }
}
