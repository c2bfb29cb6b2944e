import Foundation
import Testing
import TestSupport

/// `printf '...' | triage diagnose --from -`: the paste is standard input, so the questions are asked on the
/// terminal (`/dev/tty`), full screen or in line mode, driven through tmux as an engineer would.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is not installed"))
struct DiagnoseFromStandardInputEndToEndTests {
    /// Runs `printf '%s' PASTE | triage diagnose --from - ARGUMENTS` in the pane's shell.
    private func launch(_ tmux: TmuxHarness, _ arguments: [String]) throws {
        let pipeline = "printf '%s' \"$1\" | \"$0\" diagnose --from - " + arguments.map(TmuxHarness.quote).joined(separator: " ")
        try tmux.launch("/bin/sh", arguments: ["-c", pipeline, try TmuxHarness.triageBinary().path,
                                               try ExampleTicketText.wrongRegionFromTheEU()])
    }

    @Test func theFullScreenOpensOnTheTerminalAndTakesItsAnswersFromKeys() async throws {
        let tmux = try TmuxHarness(width: 120, height: 30)
        defer { tmux.close() }
        try launch(tmux, [])
        // The dashboard question, the only one the paste does not answer.
        let screen = try await tmux.waitFor(text: "In the CometChat dashboard, which region was app 2a4f9c81e3b7d605")
        #expect(screen.contains("2a4f9c81e3b7d605") && screen.contains("from the pasted response"),
                "the paste's answers fill the path:\n\(screen)")
        #expect(try tmux.alternateScreen(), "the diagnosis is full screen")
        try tmux.press("1")
        _ = try await tmux.waitFor(text: "lives in another region than the host (api-eu)")
        try tmux.press("Escape")
        _ = try await tmux.waitFor(text: "Left the diagnosis")
        try tmux.press("q")
        let exit = try await tmux.waitForExit()
        #expect(exit.status == 0, "a finished diagnosis exits 0: \(exit)")
        #expect(exit.ttyIsSane, "\(exit)")
        let saved = try StoredSessions.list(stateHome: tmux.stateHome)
        #expect(saved.count == 1)
        #expect(saved.first?["status"] as? String == "finished")
        #expect((saved.first?["conclusion"] as? [String: Any])?["node"] as? String == "wrong-region")
    }

    @Test func lineModeReadsTheTypedAnswersFromTheTerminal() async throws {
        let tmux = try TmuxHarness(width: 120, height: 40)
        defer { tmux.close() }
        try launch(tmux, ["--plain"])
        _ = try await tmux.waitFor(text: "answer [1-3, ?=can't tell, b=back, n=note, q=quit]:")
        #expect(try !tmux.alternateScreen(), "--plain stays in line mode")
        try tmux.type("1")
        try tmux.press("Enter")
        _ = try await tmux.waitFor(text: "Did this solve it? [1=solved, 2=not solved, 3=escalated, Enter=skip]:")
        try tmux.type("1")
        try tmux.press("Enter")
        let exit = try await tmux.waitForExit()
        let screen = try tmux.screen()
        #expect(exit.status == 0, "the conclusion was reached: \(exit)\n\(screen)")
        #expect(exit.ttyIsSane, "\(exit)")
        #expect(screen.contains("Diagnosis: The app 2a4f9c81e3b7d605 lives in another region than the host (api-eu)"))
        #expect(screen.contains("Outcome of session #1: solved"))
        let saved = try StoredSessions.list(stateHome: tmux.stateHome)
        #expect(saved.count == 1)
        #expect(saved.first?["outcome"] as? String == "solved")
    }

    @Test func quittingInLineModeStopsWithExitOneAndSaysHowToContinue() async throws {
        let tmux = try TmuxHarness(width: 120, height: 40)
        defer { tmux.close() }
        try launch(tmux, ["--plain"])
        _ = try await tmux.waitFor(text: "answer [1-3, ?=can't tell, b=back, n=note, q=quit]:")
        try tmux.type("q")
        try tmux.press("Enter")
        let exit = try await tmux.waitForExit()
        #expect(exit.status == 1, "stopped before a conclusion: \(exit)")
        #expect(try tmux.screen().contains("continue it with: triage sessions resume 1"))
    }
}

/// `diagnose --from -` without a controlling terminal (as in CI): nothing to ask on, so it says so and saves nothing,
/// unless `--answer` gives the answers. `setsid` starts the binary in a session of its own, with no `/dev/tty`.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/setsid"), "setsid is not installed"))
struct DiagnoseFromStandardInputWithoutATerminalTests {
    private func run(_ arguments: [String], stateHome: URL) throws -> TriageRun {
        let command = "printf '%s' \"$PASTE\" | XDG_STATE_HOME=\"$STATE\" /usr/bin/setsid -w \"$TRIAGE\" diagnose --from - "
            + arguments.map(TmuxHarness.quote).joined(separator: " ")
        return try TriageProcess.run(["-c", command], environment: [
            "TRIAGE": TestPaths.triageBinary.path, "STATE": stateHome.path,
            "PASTE": try ExampleTicketText.wrongRegionFromTheEU(),
        ], executable: URL(fileURLWithPath: "/bin/sh"))
    }

    @Test(arguments: [["--plain"], []])
    func withNoTerminalItSaysSoAndSavesNoSession(_ arguments: [String]) throws {
        let state = TestPaths.temporaryDirectory("from-stdin-state")
        let run = try run(arguments, stateHome: state)
        #expect(run.status == 2, "\(run.stderr)\n\(run.stdout)")
        #expect(run.stderr == """
            triage: the paste came on standard input, and there is no terminal (/dev/tty) to ask the questions on.
            Save the paste to a file and give it with --from FILE (answers are then read from standard input), \
            or answer in advance with --answer.

            """)
        #expect(run.stdout.isEmpty, "no question was asked:\n\(run.stdout)")
        #expect(try StoredSessions.list(stateHome: state).isEmpty, "no session row before anything was answered")
    }

    @Test func answersGivenInAdvanceNeedNoTerminal() throws {
        let state = TestPaths.temporaryDirectory("from-stdin-state")
        let run = try run(["--plain", "--answer", "1"], stateHome: state)
        #expect(run.status == 0, "\(run.stderr)\n\(run.stdout)")
        #expect(run.stdout.contains("Diagnosis: The app 2a4f9c81e3b7d605 lives in another region than the host (api-eu)"))
        #expect(try StoredSessions.list(stateHome: state).count == 1)
    }
}

/// The ticket of an example in `catalog/tests/`, as the customer wrote it: the paste these tests pipe in.
enum ExampleTicketText {
    /// cometchat-wrong-region.yaml, "EU host for an app created in the US region": the host and the error body
    /// answer the app id and region questions; the dashboard's region is left to ask.
    static func wrongRegionFromTheEU() throws -> String {
        try ticket(file: "cometchat-wrong-region.yaml", name: "EU host for an app created in the US region")
    }

    /// The folded (`>-`) `ticket:` of the example called `name`: its lines joined with spaces.
    static func ticket(file: String, name: String) throws -> String {
        let url = TestPaths.catalogDirectory.appendingPathComponent("tests").appendingPathComponent(file)
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "  - name: \(name)"), "no example '\(name)' in \(file)")
        let key = try #require(lines[start...].firstIndex { $0.trimmingCharacters(in: .whitespaces) == "ticket: >-" })
        let indent = lines[key].prefix { $0 == " " }.count
        let body = lines[(key + 1)...].prefix { $0.prefix { $0 == " " }.count > indent && !$0.isEmpty }
        return body.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}

/// The sessions a run saved, as `triage sessions list --json` prints them.
enum StoredSessions {
    static func list(stateHome: URL) throws -> [[String: Any]] {
        let run = try TriageProcess.run(["sessions", "list", "--json"], environment: ["XDG_STATE_HOME": stateHome.path])
        let value = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        return try #require(value as? [[String: Any]], "sessions list --json: \(run.stdout)\n\(run.stderr)")
    }
}
