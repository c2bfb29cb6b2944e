import Foundation
import Testing

/// Issue 13 in the real binary, through tmux: Ctrl-L repaints after foreign output, Ctrl-Z and SIGTSTP stop to
/// an interactive shell with a sane tty and `fg` brings the screen back, codes are whole at 80x24 and 200x60,
/// and the narrow layout names its panes.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is not installed"))
struct DailyDriverEndToEndTests {
    @Test func ctrlLRepaintsAfterForeignOutput() async throws {
        let tmux = try TmuxHarness(width: 80, height: 24)
        defer { tmux.close() }
        try tmux.launchTriage()
        let fresh = try await tmux.waitUntil("the whole first frame") { screen in
            screen.contains("Vendors") && screen.split(separator: "\n").count >= 24
        }
        // Another program writes to the terminal (as `wall` or a background job would): the screen is garbled.
        let tty = try tmux.paneTTY()
        let handle = try #require(FileHandle(forWritingAtPath: tty))
        handle.write(Data("\u{1B}[H\u{1B}[2J\u{1B}[3;10HGARBAGE FROM ANOTHER PROGRAM\r\n\r\nmore junk\r\n".utf8))
        try handle.close()
        _ = try await tmux.waitFor(text: "GARBAGE FROM ANOTHER PROGRAM")
        try tmux.press("C-l")
        let repainted = try await tmux.waitUntil("the repainted frame") { screen in
            screen == fresh
        }
        #expect(!repainted.contains("GARBAGE"))
        try tmux.press("q")
        let exit = try await tmux.waitForExit()
        #expect(exit.status == 0 && exit.ttyIsSane, "\(exit)")
    }

    @Test func ctrlZStopsToTheShellAndFgComesBack() async throws {
        let tmux = try TmuxHarness(width: 80, height: 24)
        defer { tmux.close() }
        let prompt = "TRIAGE-SHELL$ "
        try tmux.launchInteractiveShell(prompt: prompt)
        _ = try await tmux.waitFor(text: "TRIAGE-SHELL$")
        let binary = try TmuxHarness.triageBinary().path
        let pidFile = tmux.home.appendingPathComponent("triage.pid").path
        // The job's process records its pid and becomes triage (same pid), so SIGTSTP can be sent from outside.
        try tmux.type("sh -c 'echo $$ > \(pidFile); exec \(binary)'")
        try tmux.press("Enter")
        _ = try await tmux.waitUntil("the browser") { $0.contains("Vendors") && $0.contains("CometChat") }
        #expect(try tmux.alternateScreen())

        // Ctrl-Z: back at the shell prompt, the alternate screen left, the tty in line mode with echo.
        try tmux.press("C-z")
        _ = try await tmux.waitUntil("the shell after Ctrl-Z") { screen in
            screen.contains("Stopped") || screen.contains("stopped")
        }
        #expect(try !tmux.alternateScreen())
        try tmux.type("stty -a")
        try tmux.press("Enter")
        let stty = try await tmux.waitFor(text: "icanon")
        let flags = stty.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        #expect(flags.contains("icanon") && flags.contains("echo") && flags.contains("isig") && flags.contains("icrnl"),
                "the shell got a sane tty: \(stty)")
        #expect(!flags.contains("-icanon") && !flags.contains("-echo"))
        // What is typed now goes to the shell, not the UI.
        try tmux.type("echo typed-at-the-shell")
        try tmux.press("Enter")
        _ = try await tmux.waitFor(text: "\ntyped-at-the-shell")

        try tmux.type("fg")
        try tmux.press("Enter")
        // The whole screen is repainted, down to the status line (waited for: the repaint takes a moment).
        let back = try await tmux.waitUntil("the whole browser after fg") { screen in
            screen.contains("Vendors") && screen.contains("CometChat") && !screen.contains("typed-at-the-shell")
                && screen.split(separator: "\n").last?.contains("help") == true
        }
        #expect(try tmux.alternateScreen())
        #expect(back.contains("Auth"), "the vendors pane is drawn again")
        try tmux.press("Down")   // keys drive the UI again
        _ = try await tmux.waitUntil("the selection moved") { $0.contains("▸  Auth") || $0.contains("▸ Auth") }

        // SIGTSTP from outside takes the same way.
        let pidText = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let pid = try #require(pid_t(pidText))
        kill(pid, SIGTSTP)
        _ = try await tmux.waitUntil("the shell after kill -TSTP") { screen in
            !screen.contains("Vendors") && screen.contains("TRIAGE-SHELL$")
        }
        #expect(try !tmux.alternateScreen())
        try tmux.type("fg")
        try tmux.press("Enter")
        _ = try await tmux.waitUntil("the browser after the second fg") { $0.contains("Vendors") && $0.contains("CometChat") }
        try tmux.press("q")
        _ = try await tmux.waitUntil("the prompt after quitting") { screen in
            screen.split(separator: "\n").last?.hasPrefix("TRIAGE-SHELL$") == true
        }
        #expect(try !tmux.alternateScreen())
    }

    @Test func codesAreWholeAt80x24() async throws {
        let tmux = try TmuxHarness(width: 80, height: 24)
        defer { tmux.close() }
        try tmux.launchTriage()
        _ = try await tmux.waitFor(text: "Vendors")
        try tmux.press("Down", "Down", "Down")    // CometChat › Auth Token
        _ = try await tmux.waitFor(text: "Auth Token (")
        try tmux.press("Enter")                   // into the codes: the vendors pane gives way
        // The vendors pane collapsed, and both codes are whole.
        _ = try await tmux.waitUntil("the codes with room") { screen in
            !screen.contains("Vendors") && screen.contains("ERR_AUTH_TOKENS_DELETE_FAILED")
                && screen.contains("ERR_AUTH_TOKEN_DELETE_FAILED")
        }
        try tmux.press("Escape")
        _ = try await tmux.waitFor(text: "Vendors")
        try tmux.press("q")
        _ = try await tmux.waitForExit()
    }

    @Test func codesAreWholeAt200x60() async throws {
        let tmux = try TmuxHarness(width: 200, height: 60)
        defer { tmux.close() }
        try tmux.launchTriage(["browse", "--vendor", "sentiance"])
        let codes = ["CANNOT_LINK_EXISTING_PERSON_TO_OTHER_PERSON", "INSTALL_DOES_NOT_BELONG_TO_APP",
                     "INSTALL_LINKED_TO_OTHER_USER", "USERLINKING_NOT_CONFIGURED", "USER_DOES_NOT_BELONG_TO_APP"]
        let screen = try await tmux.waitUntil("Sentiance's codes") { screen in codes.allSatisfy(screen.contains) }
        #expect(screen.contains("Vendors"), "three panes at 200 columns")
        try tmux.press("q")
        _ = try await tmux.waitForExit()
    }

    @Test func narrowLayoutNamesItsPanes() async throws {
        let tmux = try TmuxHarness(width: 60, height: 20)
        defer { tmux.close() }
        try tmux.launchTriage()
        let first = try await tmux.waitFor(text: "Vendors")
        let top = String(first.split(separator: "\n").first ?? "")
        #expect(top.contains("Vendors") && top.contains("Codes") && top.contains("Detail"), "\(top)")
        try tmux.press("Tab")
        let codes = try await tmux.waitUntil("the codes tab") { screen in
            screen.split(separator: "\n").first?.contains("Codes:") == true
        }
        #expect(codes.split(separator: "\n").first?.contains("Vendors") == true)
        try tmux.press("q")
        _ = try await tmux.waitForExit()
    }
}
