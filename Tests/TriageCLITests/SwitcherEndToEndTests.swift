import Foundation
import Testing
import TestSupport

/// Five tickets at once on a real terminal: three tickets with open diagnoses (started from the command line),
/// `Ctrl-O` lists all three with the question each waits at; switching back and forth and answering in each
/// leaves three rows with exactly their own steps; a pause reason given with `p` is listed after a restart.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is not installed"))
struct SwitcherEndToEndTests {
    let database = TestPaths.temporaryDirectory("triage-e2e-switcher").appendingPathComponent("sessions.sqlite").path

    func list() throws -> [String: [String: Any]] {
        let run = try TriageProcess.run(["sessions", "list", "--json"], environment: ["TRIAGE_DB": database])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]],
                                "\(run.stdout)\(run.stderr)")
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["ticket"] as? String ?? "", $0) })
    }

    func start(ticket: String, answers: [String]) throws {
        let run = try TriageProcess.run(["diagnose", "AUTH_ERR_INVALID_APPID", "--ticket", ticket, "--new"]
                                        + answers.flatMap { ["--answer", $0] }, environment: ["TRIAGE_DB": database])
        #expect(run.status == 1, "stopped before a conclusion: \(run.stderr)")
    }

    @Test func threeTicketsSwitchedPausedAndListedAfterARestart() async throws {
        try start(ticket: "ZD-1", answers: ["app111"])
        try start(ticket: "ZD-2", answers: ["app222", "eu"])
        try start(ticket: "ZD-3", answers: [])
        let before = try list()
        #expect(before.count == 3)
        let steps = before.mapValues { $0["steps"] as? Int ?? -1 }

        let environment = ["TRIAGE_DB": database, "USER": "e2e"]
        let tmux = try TmuxHarness(width: 120, height: 30)
        defer { tmux.close() }
        try tmux.launchTriage([], environment: environment)
        _ = try await tmux.waitFor(text: "Vendors")
        try tmux.press("C-o")
        let listed = try await tmux.waitFor(text: "Open diagnoses (3)")
        let rows = listed.split(separator: "\n")
        #expect(rows.contains { $0.contains("ZD-1") && $0.contains("Which region is in the host name") }, "\(listed)")
        #expect(rows.contains { $0.contains("ZD-3") && $0.contains("Which app id did the failing request use?") }, "\(listed)")
        #expect(rows.contains { $0.contains("ZD-2") && !$0.contains("Which app id") && !$0.contains("Which region") })

        // ZD-1: answer its region question; then ZD-3: its app id; then back to ZD-1 from the switcher.
        try tmux.type("ZD-1")
        try tmux.press("Enter")
        _ = try await tmux.waitFor(text: "ZD-1 #")
        try tmux.type("eu")
        try tmux.press("Enter")
        _ = try await tmux.waitFor(text: "A different region than the request")
        try tmux.press("C-o")
        _ = try await tmux.waitFor(text: "Open diagnoses (3)")
        try tmux.type("ZD-3")
        try tmux.press("Enter")
        _ = try await tmux.waitFor(text: "ZD-3 #")
        try tmux.type("app333")
        try tmux.press("Enter")
        _ = try await tmux.waitFor(text: "Which region is in the host name")
        // Pause ZD-3 with a reason.
        try tmux.press("Escape")
        try tmux.type("p")
        _ = try await tmux.waitFor(text: "Paused because:")
        try tmux.type("waiting for the customer's logs")
        try tmux.press("Enter")
        _ = try await tmux.waitFor(text: "paused: waiting for the customer's logs")
        try tmux.press("C-o")
        _ = try await tmux.waitFor(text: "Open diagnoses (3)")
        try tmux.type("ZD-1")
        try tmux.press("Enter")
        _ = try await tmux.waitFor(text: "A different region than the request")
        try tmux.press("Escape")
        try tmux.type("q")
        _ = try await tmux.waitForExit()

        let after = try list()
        #expect(after.count == 3, "no new rows: \(after.keys.sorted())")
        #expect(after["ZD-1"]?["steps"] as? Int == (steps["ZD-1"] ?? 0) + 1, "ZD-1 got exactly its one answer")
        #expect(after["ZD-3"]?["steps"] as? Int == (steps["ZD-3"] ?? 0) + 1, "ZD-3 got exactly its one answer")
        #expect(after["ZD-2"]?["steps"] as? Int == steps["ZD-2"], "ZD-2 was not touched")

        // The ticket is the handle: export prints that ticket's diagnosis, not another's.
        let exported = try TriageProcess.run(["sessions", "export", "--ticket", "ZD-2"], environment: ["TRIAGE_DB": database])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("app222") && !exported.stdout.contains("app111") && !exported.stdout.contains("app333"))

        // After a restart the reason is listed.
        let again = try TmuxHarness(width: 120, height: 30)
        defer { again.close() }
        try again.launchTriage([], environment: environment)
        _ = try await again.waitFor(text: "Vendors")
        try again.press("C-o")
        let relisted = try await again.waitFor(text: "Open diagnoses (3)")
        #expect(relisted.split(separator: "\n").contains { $0.contains("ZD-3") && $0.contains("paused: waiting for the customer's logs") },
                "\(relisted)")
        try again.press("Escape")
        try again.type("q")
        _ = try await again.waitForExit()
    }
}
