import Foundation
import Testing

/// The browser's main journey in the real binary, through tmux: search, open, follow a related code, survive a
/// resize, quit to a clean shell.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is not installed"))
struct BrowseEndToEndTests {
    @Test func searchOpenJumpResizeAndQuit() async throws {
        let tmux = try TmuxHarness(width: 100, height: 30)
        defer { tmux.close() }
        try tmux.launchTriage()
        _ = try await tmux.waitFor(text: "Vendors")
        #expect(try tmux.alternateScreen())

        try tmux.press("/")
        try tmux.type("install not found")
        let results = try await tmux.waitFor(text: "INSTALL_NOT_FOUND")
        #expect(results.contains("Search"))
        try tmux.press("Enter")   // accept: into the results
        try tmux.press("Enter")   // open the detail
        // (The results list every install code now, so the detail pane is narrower and wraps this text.)
        let detail = try await tmux.waitFor(text: "install_id cannot be found")
        #expect(detail.contains("Likely causes"))

        // Related codes are links in the detail: Down moves to the next link (the selected one is reversed).
        let relatedCodes = ["INSTALL_DELETED", "INSTALL_DOES_NOT_BELONG_TO_APP", "USER_NOT_FOUND"]
        var followed: String?
        for _ in 0..<80 where followed == nil {
            try tmux.press("Down")
            try await Task.sleep(for: .milliseconds(30))
            // Reverse video is SGR 7, alone or combined (ESC[7m, ESC[1;7m, ESC[0;1;7m).
            for line in try tmux.lines(styled: true) where line.contains("\u{1B}[7m") || line.contains(";7m") {
                if let code = relatedCodes.first(where: { line.contains($0) }) { followed = code }
            }
        }
        #expect(followed != nil, "a related code link was selected")
        try tmux.press("Enter")
        let target = followed ?? "INSTALL_DELETED"
        let after = try await tmux.waitUntil("the related code's detail") { screen in
            screen.split(separator: "\n").last?.contains("› \(target)") == true
        }
        #expect(!after.contains("install_id cannot be found"), "the detail now shows \(target), not INSTALL_NOT_FOUND")

        try tmux.resize(width: 50, height: 15)
        _ = try await tmux.waitUntil("the narrow layout") { screen in
            screen.split(separator: "\n").allSatisfy { $0.count <= 50 } && !screen.isEmpty
        }
        try tmux.resize(width: 100, height: 30)
        // Wait for the whole redrawn frame (a capture can land mid-paint): three panes down to the status line.
        let restored = try await tmux.waitUntil("the three panes again") { screen in
            screen.contains("Vendors") && screen.contains("Sentiance") && screen.contains("Detail")
                && screen.split(separator: "\n").count >= 29
        }
        #expect(restored.contains("› \(target)"), "the selection survived the resizes")

        try tmux.press("q")
        let exit = try await tmux.waitForExit()
        #expect(exit.status == 0)
        #expect(exit.ttyIsSane, "\(exit)")
        #expect(try !tmux.alternateScreen(), "the alternate screen was left")
        #expect(try tmux.cursorVisible())
    }
}
