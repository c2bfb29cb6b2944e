import Foundation
import Testing
import TestSupport

/// `triage test`, "can't tell" on the command line, not-determined exits, and line mode on a real terminal:
/// no echo while a secret is typed, a closing line on q, lines wrapped to the width.
@Suite struct TreeFormatV2CLITests {
    static let vendor = """
        vendor: {id: acme, name: Acme}
        categories: [{id: auth, name: Auth}]
        codes:
          - {code: E_APP, category: auth, description: The app id does not match.}
        """
    static let tree = """
        id: acme-app
        title: Acme app mismatch
        vendors: [acme]
        codes: [E_APP]
        start: app
        nodes:
          app:
            ask: Which app id?
            var: APP_ID
            format: numeric
            next: same
          same:
            question: Is @APP_ID|the app@ the SDK's app?
            answers:
              - {label: "No", next: wrong}
              - {label: "Yes", next: right}
            cant_tell: {next: unknown, check: Compare the two app ids.}
          wrong:
            conclusion: Wrong app @APP_ID|(not given)@
            steps: [Use the SDK's app.]
          right:
            conclusion: Escalate
            steps: [Ask Acme.]
          unknown:
            conclusion: Not determined from the ticket
            determined: false
            steps: [Ask the customer for both app ids.]
        """

    /// A catalog folder with the tree and the given tests file.
    func folder(tests: String) throws -> URL {
        let root = TestPaths.temporaryDirectory("triage-v2")
        for (path, text) in [("vendors/acme.yaml", Self.vendor), ("trees/acme-app.yaml", Self.tree), ("tests/acme.yaml", tests)] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func triageTestReportsMismatchesWithFileAndLine() throws {
        let tests = """
            tests:
              - name: wrong app
                code: E_APP
                answers: [12345, 1]
                expect: wrong
              - name: misread ticket
                code: acme:E_APP
                answers: [12345, 2]
                expect: wrong
              - name: nothing known
                tree: acme-app
                answers: [cant_tell, cant_tell]
                expect: unknown
            """
        let root = try folder(tests: tests)
        let run = try TriageProcess.run(["test", root.path])
        #expect(run.status == 1, "\(run.stderr)")
        let file = root.appendingPathComponent("tests/acme.yaml").path
        #expect(run.stdout == "\(file):6: expected conclusion wrong, reached right after 2 answers\n3 examples: 2 passed, 1 failed\n")

        let json = try TriageProcess.run(["test", root.path, "--json"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["examples"] as? Int == 3 && object["failed"] as? Int == 1 && object["passed"] as? Int == 2)
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.map { $0["reached"] as? String } == ["wrong", "right", "unknown"])
        #expect(results.map { $0["line"] as? Int } == [2, 6, 10])

        // All passing: exit 0; the same examples through --catalog.
        let good = try folder(tests: tests.replacingOccurrences(of: "[12345, 2]", with: "[12345, 1]"))
        let passing = try TriageProcess.run(["test", good.path])
        #expect(passing.status == 0, "\(passing.stdout)\(passing.stderr)")
        #expect(passing.stdout == "3 examples: 3 passed, 0 failed\n")
        let viaCatalog = try TriageProcess.run(["test", "--catalog", good.path])
        #expect(viaCatalog.stdout.hasSuffix("passed, 0 failed\n"), "\(viaCatalog.stdout)\(viaCatalog.stderr)")
        #expect(viaCatalog.status == 0)
    }

    @Test func aBrokenTestsFileIsACatalogError() throws {
        let root = try folder(tests: "tests:\n  - {name: x, tree: acme-ap, answers: [1], expect: wrong}\n")
        let run = try TriageProcess.run(["test", root.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("tests/acme.yaml:2:5: example 'x' names unknown tree 'acme-ap'; did you mean 'acme-app'?"), "\(run.stderr)")
    }

    @Test func cantTellAnswersAndNotDeterminedConclusionsOnTheCommandLine() throws {
        let root = try folder(tests: "tests:\n  - {name: x, tree: acme-app, answers: [1, 1], expect: wrong}\n")
        let run = try TriageProcess.run(["--catalog", root.path, "diagnose", "acme-app", "--answer", "?", "--answer", "?", "--json"])
        #expect(run.status == 1, "not determined exits 1")
        #expect(run.stdout.contains("\"determined\" : false"))
        #expect(run.stderr.contains("Not determined: the ticket does not tell the cause."))
        let transcript = try TriageProcess.run(["--catalog", root.path, "diagnose", "acme-app", "--plain"], input: "abc\n77\n?\n")
        #expect(transcript.stdout.contains("Please try again: that is not a number (digits only)."))
        #expect(transcript.stdout.contains("Not determined from the ticket") && !transcript.stdout.contains("Not determined: Not determined"))
        #expect(transcript.status == 1)
        let determined = try TriageProcess.run(["--catalog", root.path, "diagnose", "acme-app", "--answer", "?", "--answer", "1"])
        #expect(determined.status == 0, "\(determined.stdout)")
        // The first value was not given, so the conclusion is presumed and says which question was not answered.
        #expect(determined.stdout.contains("Presumed diagnosis: Wrong app (not given)"))
        #expect(determined.stdout.contains("You could not tell: "))
    }

    @Test(.enabled(if: TmuxHarness.isAvailable, "tmux is not installed"))
    func aSecretIsNotEchoedAndQuitSaysWhereItStopped() async throws {
        let tmux = try TmuxHarness(width: 60, height: 30)
        defer { tmux.close() }
        try tmux.launchTriage(["diagnose", "1", "--vendor", "sentori", "--plain"])
        _ = try await tmux.waitFor(text: "value [text, ?=can't tell")
        try tmux.type("0c7a2b9e-5d1f-4e8a-9b3c-abcdefabcdef")
        try await Task.sleep(for: .milliseconds(300))
        #expect(!(try tmux.screen()).contains("abcdef"), "the secret is not echoed while typed")
        try tmux.press("Enter")
        let next = try await tmux.waitFor(text: "answer [")
        #expect(!next.contains("abcdef"))
        // Lines are wrapped at word boundaries under their indent, not cut by the terminal.
        let rows = try tmux.lines()
        #expect(rows.allSatisfy { $0.count < 60 || !$0.hasSuffix(" ") })
        #expect(rows.contains { $0.hasPrefix("  ") && $0.count > 20 })
        try tmux.type("q")
        try tmux.press("Enter")
        let stopped = try await tmux.waitFor(text: "Stopped before a conclusion")
        #expect(stopped.contains("Stopped before a conclusion, at step 3"))
        let exit = try await tmux.waitForExit()
        #expect(exit.status == 1)
        #expect(exit.ttyFlags.contains("echo") && exit.ttyIsSane, "echo is on again: \(exit)")
    }
}
