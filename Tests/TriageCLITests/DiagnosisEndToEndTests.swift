import Foundation
import Testing

/// A whole diagnosis in the real binary, driven through tmux as an engineer would.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is not installed"))
struct DiagnosisEndToEndTests {
    @Test func fromACodesDetailToASavedTranscript() async throws {
        let tmux = try TmuxHarness(width: 100, height: 30)
        defer { tmux.close() }
        try tmux.launchTriage()
        _ = try await tmux.waitFor(text: "Vendors")
        try tmux.press("/")
        try tmux.type("install does not belong")
        _ = try await tmux.waitFor(text: "INSTALL_DOES_NOT_BELONG_TO_APP")
        try tmux.press("Enter")
        try tmux.press("d")
        _ = try await tmux.waitFor(text: "Trees for INSTALL_DOES_NOT_BELONG_TO_APP")
        try tmux.press("Enter")
        _ = try await tmux.waitFor(text: "Which install id did the link request use?")
        try tmux.type("3f2a-install")
        try tmux.press("Enter")
        _ = try await tmux.waitFor(text: "initialise the SDK with")
        try tmux.type("app-staging-123")
        try tmux.press("Enter")
        _ = try await tmux.waitFor(text: "Which app id was the failing REST request made for?")
        try tmux.type("app-prod-456")
        try tmux.press("Enter")
        _ = try await tmux.waitFor(text: "belong to the same environment")
        try tmux.press("1")
        let conclusion = try await tmux.waitFor(text: "Wrong environment")
        #expect(conclusion.contains("app_id belonging to the right"))
        try tmux.press("s")
        let saved = try await tmux.waitFor(text: "Transcript saved to ")
        let folder = tmux.stateHome.appendingPathComponent("triage/transcripts")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.count == 1)
        let file = try #require(files.first)
        #expect(file.hasPrefix("sentiance-wrong-environment-") && file.hasSuffix(".md"))
        // The conclusion pane is the right-hand column; a long path wraps there, so join its lines.
        let shown = saved.split(separator: "\n").compactMap { line -> String? in
            let columns = line.components(separatedBy: "│")
            return columns.count >= 3 ? columns[2].trimmingCharacters(in: .whitespaces) : nil
        }.joined()
        #expect(shown.contains(folder.appendingPathComponent(file).path), "the saved path is shown whole:\n\(saved)")
        let transcript = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        #expect(transcript.contains("Answer: app-prod-456"))
        #expect(transcript.contains("## Conclusion: Wrong environment"))
        try tmux.press("Escape")
        _ = try await tmux.waitFor(text: "Vendors")
        try tmux.press("q")
        let exit = try await tmux.waitForExit()
        #expect(exit.status == 0)
        #expect(exit.ttyIsSane, "\(exit)")
    }

    @Test func diagnoseOpensFullScreenOnATerminal() async throws {
        let tmux = try TmuxHarness(width: 80, height: 24)
        defer { tmux.close() }
        let transcript = tmux.home.appendingPathComponent("ticket.md")
        try tmux.launchTriage(["diagnose", "AUTH_ERR_INVALID_APPID", "--transcript", transcript.path])
        _ = try await tmux.waitFor(text: "Which app id did the failing request use?")
        try tmux.type("app123")
        try tmux.press("Enter")
        _ = try await tmux.waitFor(text: "Which region is in the host name")
        try tmux.type("eu")
        try tmux.press("Enter")
        _ = try await tmux.waitFor(text: "which region was app app123 created in?")
        try tmux.press("1")
        _ = try await tmux.waitFor(text: "https://app123.api-")
        try tmux.press("s")
        _ = try await tmux.waitFor(text: "Transcript saved to")
        #expect(try String(contentsOf: transcript, encoding: .utf8).contains("Answer: app123"))
        try tmux.press("Escape")
        try tmux.press("q")
        let exit = try await tmux.waitForExit()
        #expect(exit.status == 0, "a finished diagnosis exits 0")
        #expect(exit.ttyIsSane, "\(exit)")
    }
}
