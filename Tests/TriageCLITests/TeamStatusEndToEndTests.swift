import Foundation
import Testing
import TestSupport

/// The team store on a real terminal, with its server unreachable: the status line's team field shows the
/// queue, then `offline` once a push failed (read from the local database, the UI never waiting), and the
/// switcher's team tab says `offline` plainly; without a team store there is no team field.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is not installed"))
struct TeamStatusEndToEndTests {
    @Test func queuedThenOfflineInTheStatusLineAndTheTeamTab() async throws {
        let home = TestPaths.temporaryDirectory("triage-e2e-team")
        var environment = ["HOME": home.path, "TRIAGE_DB": home.appendingPathComponent("sessions.sqlite").path,
                           "USER": "e2e", "TRIAGE_TEAM_BACKGROUND": "0"]
        // Without a team store: no team field.
        let none = try TmuxHarness(width: 120, height: 30)
        try none.launchTriage([], environment: environment)
        _ = try await none.waitFor(text: "Vendors")
        try none.press("Down")
        try await Task.sleep(for: .seconds(1))
        #expect(!(try none.lines().last ?? "").contains("team:"))
        none.close()

        // Port 1 on loopback: nothing listens, every connection is refused at once.
        environment["TRIAGE_TEAM_DB"] = "postgres://nobody@127.0.0.1:1/triage"
        let diagnosis = try TriageProcess.run(["diagnose", "AUTH_ERR_INVALID_APPID", "--ticket", "ZD-5", "--new", "--answer", "app123"],
                                              environment: environment)
        #expect(diagnosis.status == 1, "stopped before a conclusion: \(diagnosis.stderr)")
        let status = try TriageProcess.run(["sync", "--status", "--json"], environment: environment)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any], "\(status.stderr)")
        let queued = try #require(object["queued"] as? Int)
        #expect(queued >= 2)

        let tmux = try TmuxHarness(width: 120, height: 30)
        defer { tmux.close() }
        try tmux.launchTriage([], environment: environment)
        _ = try await tmux.waitFor(text: "Vendors")
        try tmux.press("Down")   // clears the resume offer, which takes the status line's left side
        _ = try await tmux.waitUntil("the queue in the status line") { screen in
            screen.split(separator: "\n").last?.contains("team: \(queued) queued") == true
        }
        // A push fails (as the background push after a step would): the field follows without a key.
        let sync = try TriageProcess.run(["sync", "--timeout", "2"], environment: environment)
        #expect(sync.status == 2)
        _ = try await tmux.waitUntil("offline in the status line") { screen in
            screen.split(separator: "\n").last?.contains("team: offline (\(queued) queued)") == true
        }
        // The switcher's team tab: offline, plainly, no stack trace.
        try tmux.press("C-o")
        _ = try await tmux.waitFor(text: "Open diagnoses (1)")
        try tmux.press("Tab")
        let tab = try await tmux.waitFor(text: "team: offline (team store offline: cannot connect")
        #expect(tab.contains("Team's open sessions (0)"))
        #expect(!tab.contains("PSQLError") && !tab.contains("Fatal"))
        try tmux.press("Tab")
        _ = try await tmux.waitFor(text: "Open diagnoses (1)")
        try tmux.press("Escape")
        try tmux.press("q")
        _ = try await tmux.waitForExit()
    }
}
