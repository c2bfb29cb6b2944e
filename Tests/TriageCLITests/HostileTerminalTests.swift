import Foundation
import Testing

/// Attacks on the full screen in a real terminal (tmux): every signal that ends the process restores the
/// terminal (checked with `stty -a` afterwards) without starting Swift's backtracer on the alternate screen;
/// mouse modes left on by a killed run are reset; an undecoded escape sequence is not read as keys.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is not installed"))
struct HostileTerminalTests {
    private func expectRestored(_ tmux: TmuxHarness, status: Int32, within timeout: Duration = .seconds(8),
                                sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let exit = try await tmux.waitForExit(timeout: timeout)
        #expect(exit.status == status, "\(exit)", sourceLocation: sourceLocation)
        #expect(exit.ttyIsSane, "\(exit)", sourceLocation: sourceLocation)
        #expect(try !tmux.alternateScreen(), "alternate screen left", sourceLocation: sourceLocation)
        #expect(try tmux.cursorVisible(), "cursor shown", sourceLocation: sourceLocation)
        #expect(try tmux.format("#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}") == "000",
                "mouse tracking off", sourceLocation: sourceLocation)
    }

    /// Every signal whose default action ends the process (signal(7)), SIGXFSZ aside (ignored: see below), and
    /// the first and last real-time signals (34 and 64 on Linux; glibc keeps 32 and 33 for itself).
    @Test(arguments: [SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGXCPU, SIGVTALRM, SIGPROF, SIGSYS, SIGPOLL,
                      SIGPWR, SIGSTKFLT, 34, 64])
    func everySignalThatEndsTheProgramRestoresTheTerminal(signal: Int32) async throws {
        let tmux = try TmuxHarness(width: 80, height: 24)
        defer { tmux.close() }
        try tmux.launchTriage(["browse", "--mouse"])
        try await tmux.waitFor(text: "Vendors")
        try await tmux.signal(signal)
        // Swift's interactive backtracer would hold the screen for 30 s; the default action ends it at once.
        try await expectRestored(tmux, status: 128 + signal)
        #expect(try !tmux.screen().contains("Backtrace"), "no backtracer")
    }

    /// SIGXFSZ (the file size limit) is ignored, so a write cut by `ulimit -f` fails with a message instead of
    /// killing the program mid-write: sent from outside, it changes nothing.
    @Test func fileSizeLimitSignalIsIgnored() async throws {
        let tmux = try TmuxHarness(width: 80, height: 24)
        defer { tmux.close() }
        try tmux.launchTriage(["browse"])
        try await tmux.waitFor(text: "Vendors")
        try await tmux.signal(SIGXFSZ)
        try await Task.sleep(for: .milliseconds(400))
        #expect(try tmux.isRunning(), "SIGXFSZ ended the browser")
        #expect(try tmux.alternateScreen())
        try tmux.press("q")
        try await expectRestored(tmux, status: 0)
    }

    @Test func mouseModesLeftOnByAKilledRunAreResetAtStart() async throws {
        let tmux = try TmuxHarness(width: 80, height: 24)
        defer { tmux.close() }
        let binary = try TmuxHarness.triageBinary().path
        // What `kill -9` of `triage --mouse` leaves behind: mouse tracking on.
        try tmux.launch("/bin/sh", arguments: ["-c", "printf '\\033[?1000h\\033[?1002h\\033[?1006h'; exec \"$0\" browse", binary])
        try await tmux.waitFor(text: "Vendors")
        #expect(try tmux.format("#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}#{mouse_sgr_flag}") == "0000")
        try tmux.press("q")
        try await expectRestored(tmux, status: 0)
    }

    @Test func anX10MouseReportIsNotReadAsKeys() async throws {
        let tmux = try TmuxHarness(width: 80, height: 24)
        defer { tmux.close() }
        try tmux.launchTriage(["browse"])
        try await tmux.waitFor(text: "Vendors")
        try tmux.type("\u{1B}[Mq!!")
        try await Task.sleep(for: .milliseconds(600))
        #expect(try tmux.isRunning(), "ESC [ M q ! ! quit the browser")
        #expect(try tmux.alternateScreen())
        try tmux.type("\u{1B}]0;x\u{07}q")  // an OSC string, then a real q
        try await expectRestored(tmux, status: 0)
    }

    @Test func aFailedStateSaveIsReported() async throws {
        let tmux = try TmuxHarness(width: 100, height: 24)
        defer { tmux.close() }
        let notAFolder = tmux.home.appendingPathComponent("state-file")
        try "x".write(to: notAFolder, atomically: false, encoding: .utf8)
        try tmux.launchTriage(["browse"], environment: ["XDG_STATE_HOME": notAFolder.path])
        try await tmux.waitFor(text: "Vendors")
        try tmux.press("q")
        let exit = try await tmux.waitForExit()
        #expect(exit.status == 0 && exit.ttyIsSane)
        let screen = try tmux.screen()
        #expect(screen.contains("triage: cannot save the browser state"), "\(screen)")
    }

    @Test func aPasteNeverAnswersQuestions() async throws {
        let tmux = try TmuxHarness(width: 100, height: 30)
        defer { tmux.close() }
        try tmux.launchTriage(["diagnose", "AUTH_ERR_INVALID_APPID"])
        try await tmux.waitFor(text: "app id")
        try tmux.paste("abc123\nus\n1\n\u{1B}")
        let screen = try await tmux.waitFor(text: "abc123 us 1")
        #expect(!screen.contains("Conclusion"), "\(screen)")
        #expect(try tmux.isRunning(), "the pasted ESC did not leave the field or the program")
        try tmux.press("C-c")
        let exit = try await tmux.waitForExit()
        #expect(exit.ttyIsSane)
    }
}
