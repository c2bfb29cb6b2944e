import Foundation
import Testing
import TriageUI

/// Issue 22 in the real binary, through tmux: after a vendor scope was remembered, `triage --query CODE` still
/// finds the code at another vendor, with a note; `/` then starts an empty query instead of appending.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is not installed"))
struct SearchScopeEndToEndTests {
    @Test func aRememberedScopeNeverHidesAnExactCodeAndSlashStartsEmpty() async throws {
        let tmux = try TmuxHarness(width: 120, height: 30)
        defer { tmux.close() }
        // What a run that pressed Ctrl-V on CometChat left behind.
        var memory = BrowserMemory(vendor: "cometchat", scope: .vendor)
        memory.searches = ["rate limit"]
        let folder = tmux.stateHome.appendingPathComponent("triage")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try JSONEncoder().encode(memory).write(to: folder.appendingPathComponent("state.json"))

        try tmux.launchTriage(["--query", "INSTALL_DELETED"])
        let screen = try await tmux.waitFor(text: "INSTALL_DELETED is at Sentiance, outside the scope")
        #expect(screen.contains("Search: CometChat ("), "\(screen)")
        #expect(screen.contains(", 1 outside)"), "\(screen)")
        #expect(screen.contains("INSTALL_DELETED"), "\(screen)")

        try tmux.type("/")
        try tmux.type("kick admin")
        let typed = try await tmux.waitFor(text: "ERR_GROUP_NO_CLEARANCE")
        #expect(!typed.contains("INSTALL_DELETEDkick"), "a new query, not appended: \(typed)")
        try tmux.press("Escape")
        try tmux.press("q")
        let exit = try await tmux.waitForExit()
        #expect(exit.status == 0)
    }
}
