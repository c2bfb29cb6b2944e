import Foundation
import Testing

/// The full screen takes the terminal's real size even when the shell exported `COLUMNS` and `LINES` (at 1x1
/// the screen used to show "…" forever and ignore resizes).
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is not installed"))
struct TerminalSizeEndToEndTests {
    @Test func exportedColumnsAndLinesDoNotFixTheSize() async throws {
        // Not 80x24, which terminfo would also give.
        let tmux = try TmuxHarness(width: 90, height: 28)
        defer { tmux.close() }
        try tmux.launchTriage(["browse"], environment: ["COLUMNS": "1", "LINES": "1"])
        let screen = try await tmux.waitFor(text: "Vendors")
        #expect(!screen.hasPrefix("…"), "\(screen)")
        #expect(try tmux.lines().count > 24, "the screen was not drawn at 90x28:\n\(screen)")
        #expect(try tmux.lines().contains { $0.count > 80 }, "the screen was not drawn at 90x28:\n\(screen)")
        try tmux.resize(width: 60, height: 15)
        try await tmux.waitUntil("the browser redrawn at 60x15") { screen in
            let rows = screen.components(separatedBy: "\n")
            return rows.count <= 15 && rows.contains { $0.contains("Vendors") }
                && rows.allSatisfy { $0.count <= 60 } && rows.contains { $0.count > 40 }
        }
        try tmux.resize(width: 100, height: 30)
        try await tmux.waitUntil("the browser redrawn at 100x30") { screen in
            screen.components(separatedBy: "\n").contains { $0.count > 80 }
        }
        try tmux.press("q")
        let exit = try await tmux.waitForExit()
        #expect(exit.status == 0 && exit.ttyIsSane)
    }
}
