import Foundation
import Testing

// MARK: - The tmux harness itself, against sh and cat (the browser's end-to-end tests use it too)

@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is not installed"))
struct TmuxHarnessTests {
    @Test func catEchoesTypedTextAndEndsWithASaneTerminal() async throws {
        let tmux = try TmuxHarness(width: 60, height: 10)
        defer { tmux.close() }
        try tmux.launch("/bin/cat")  // keys typed before cat reads wait in the tty
        try tmux.type("hello 日本")
        try tmux.press("Enter")
        try await tmux.waitUntil("two lines") { $0.components(separatedBy: "hello 日本").count == 3 }
        try tmux.press("C-d")
        let exit = try await tmux.waitForExit()
        #expect(exit.status == 0)
        #expect(exit.ttyIsSane, "\(exit)")
        #expect(try !tmux.alternateScreen())
        #expect(try tmux.cursorVisible())
    }

    @Test func exitStatusEnvironmentAndTERM() async throws {
        let tmux = try TmuxHarness(width: 200, height: 10)
        defer { tmux.close() }
        try tmux.launch("/bin/sh", arguments: ["-c", "echo \"T=$TERM H=$HOME S=$XDG_STATE_HOME X=$EXTRA\"; exit 3"],
                        environment: ["EXTRA": "it's"], term: "vt100")
        let exit = try await tmux.waitForExit()
        #expect(exit.status == 3)
        let screen = try tmux.screen()
        #expect(screen.contains("T=vt100 H=\(tmux.home.path) S=\(tmux.stateHome.path) X=it's"))
    }

    @Test func resizeIsSeenByTheProgram() async throws {
        let tmux = try TmuxHarness(width: 80, height: 24)
        defer { tmux.close() }
        try tmux.launch("/bin/sh", arguments: ["-c", "stty size; read line; stty size"])
        try await tmux.waitFor(text: "24 80")
        try tmux.resize(width: 50, height: 15)
        try tmux.press("Enter")
        try await tmux.waitFor(text: "15 50")
        #expect(try tmux.lines().count == 15)
        #expect(try await tmux.waitForExit().status == 0)
    }

    @Test func signalsReachTheProgram() async throws {
        let tmux = try TmuxHarness()
        defer { tmux.close() }
        try tmux.launch("/bin/sleep", arguments: ["30"])
        try await tmux.signal(SIGTERM)
        #expect(try await tmux.waitForExit().status == 128 + SIGTERM)
    }

    @Test func killingTheSessionHangsUpTheProgram() async throws {
        let tmux = try TmuxHarness()
        defer { tmux.close() }
        try tmux.launch("/bin/sleep", arguments: ["30"])
        let pid = try await tmux.programPID()
        try await tmux.waitUntil { _ in TmuxHarness.isAlive(pid) }
        try tmux.killSession()
        let deadline = ContinuousClock.now + .seconds(5)
        while TmuxHarness.isAlive(pid), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!TmuxHarness.isAlive(pid))
    }

    @Test func anInsaneTerminalIsReported() async throws {
        let tmux = try TmuxHarness()
        defer { tmux.close() }
        try tmux.launch("/bin/sh", arguments: ["-c", "stty -echo -icanon"])
        let exit = try await tmux.waitForExit()
        #expect(exit.ttyFlags.contains("-echo") && exit.ttyFlags.contains("-icanon"))
        #expect(!exit.ttyIsSane)
    }

    @Test func waitingTimesOutWithTheScreen() async throws {
        let tmux = try TmuxHarness()
        defer { tmux.close() }
        try tmux.launch("/bin/sh", arguments: ["-c", "echo visible; sleep 5"])
        try await tmux.waitFor(text: "visible")
        do {
            try await tmux.waitFor(text: "never shown", timeout: .milliseconds(200))
            Issue.record("waitFor should have timed out")
        } catch let failure as TmuxHarness.Failure {
            #expect(failure.description.contains("visible"))
        }
    }

    @Test func theTriageBinaryIsFound() throws {
        let binary = try TmuxHarness.triageBinary()
        #expect(binary.lastPathComponent == "triage")
    }
}

// MARK: - `triage browse` end to end, in tmux

/// The real binary in a real terminal: starting, every way out (q, Ctrl-C, SIGTERM, SIGHUP, SIGINT, a closed
/// terminal), resizing, the supported TERM values, NO_COLOR, and the messages when there is no usable terminal.
/// After each exit the shell must find the terminal sane: echo and line mode on, alternate screen left, cursor shown.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is not installed"))
struct TmuxBrowseTests {
    private func start(_ tmux: TmuxHarness, term: String = "xterm-256color",
                       environment: [String: String] = [:]) async throws -> String {
        try tmux.launchTriage(["browse"], environment: environment, term: term)
        return try await tmux.waitFor(text: "Vendors")
    }

    private func stateFile(_ tmux: TmuxHarness) -> URL {
        tmux.stateHome.appendingPathComponent("triage/state.json")
    }

    private func expectSaneExit(_ tmux: TmuxHarness, status: Int32,
                                sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let exit = try await tmux.waitForExit()
        #expect(exit.status == status, sourceLocation: sourceLocation)
        #expect(exit.ttyIsSane, "\(exit)", sourceLocation: sourceLocation)
        #expect(try !tmux.alternateScreen(), "alternate screen left", sourceLocation: sourceLocation)
        #expect(try tmux.cursorVisible(), "cursor shown", sourceLocation: sourceLocation)
    }

    @Test func startsFullScreenAndQuitsWithQ() async throws {
        let tmux = try TmuxHarness(width: 80, height: 24)
        defer { tmux.close() }
        let screen = try await start(tmux)
        #expect(screen.contains("┌ Vendors"))
        #expect(try tmux.lines().count == 24)
        #expect(try tmux.alternateScreen())
        #expect(try !tmux.cursorVisible())
        try tmux.press("q")
        try await expectSaneExit(tmux, status: 0)
        #expect(FileManager.default.fileExists(atPath: stateFile(tmux).path), "shutdown saved the state")
    }

    @Test func ctrlCQuits() async throws {
        let tmux = try TmuxHarness()
        defer { tmux.close() }
        _ = try await start(tmux)
        try tmux.press("C-c")
        try await expectSaneExit(tmux, status: 0)
    }

    @Test(arguments: [(Int32(SIGTERM), Int32(143)), (Int32(SIGHUP), Int32(129)), (Int32(SIGINT), Int32(130))])
    func signalsRestoreTheTerminalAndSaveState(signal: Int32, status: Int32) async throws {
        let tmux = try TmuxHarness()
        defer { tmux.close() }
        _ = try await start(tmux)
        try await tmux.signal(signal)
        try await expectSaneExit(tmux, status: status)
        #expect(FileManager.default.fileExists(atPath: stateFile(tmux).path), "shutdown saved the state")
    }

    @Test func aClosedTerminalEndsTheProgramAndSavesState() async throws {
        let tmux = try TmuxHarness()
        defer { tmux.close() }
        _ = try await start(tmux)
        let pid = try await tmux.programPID()
        try tmux.killSession()  // the pane's terminal goes away, as with a dropped SSH connection
        let deadline = ContinuousClock.now + .seconds(5)
        while TmuxHarness.isAlive(pid), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!TmuxHarness.isAlive(pid))
        #expect(FileManager.default.fileExists(atPath: stateFile(tmux).path), "shutdown saved the state")
    }

    @Test func resizeToSmallAndBack() async throws {
        let tmux = try TmuxHarness(width: 80, height: 24)
        defer { tmux.close() }
        _ = try await start(tmux)
        try tmux.resize(width: 50, height: 15)
        try await tmux.waitUntil("a 50x15 frame") { screen in
            let lines = screen.components(separatedBy: "\n")
            return lines.count == 15 && lines[0].hasPrefix("┌ Vendors") && lines[0].count == 50
        }
        try tmux.resize(width: 80, height: 24)
        try await tmux.waitUntil("an 80x24 frame") { screen in
            let lines = screen.components(separatedBy: "\n")
            return lines.count == 24 && lines[0].hasPrefix("┌ Vendors") && lines[0].count == 80
        }
        try tmux.press("q")
        try await expectSaneExit(tmux, status: 0)
    }

    @Test(arguments: ["xterm", "xterm-256color", "screen", "tmux-256color", "linux", "vt100"])
    func supportedTerminals(term: String) async throws {
        let tmux = try TmuxHarness()
        defer { tmux.close() }
        let screen = try await start(tmux, term: term)
        let ascii = term == "linux" || term == "vt100"
        #expect(screen.contains(ascii ? "+ Vendors" : "┌ Vendors"), "\(term):\n\(screen)")
        try tmux.press("Down", "PageDown", "End", "Home", "Tab", "BTab")
        try tmux.press("q")
        try await expectSaneExit(tmux, status: 0)
    }

    @Test func noColorKeepsAttributesOnly() async throws {
        let colored = try TmuxHarness()
        defer { colored.close() }
        _ = try await start(colored)
        let colorPattern = /\x{1B}\[(?:[0-9;]*;)?(?:3[0-7]|4[0-7]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/
        #expect(try colored.screen(styled: true).contains(colorPattern))

        let plain = try TmuxHarness()
        defer { plain.close() }
        _ = try await start(plain, environment: ["NO_COLOR": "1"])
        let styled = try plain.screen(styled: true)
        #expect(!styled.contains(colorPattern))
        #expect(styled.contains("\u{1B}[1m") || styled.contains("\u{1B}[7m"), "bold or reverse remain")
        try plain.press("q")
        try await expectSaneExit(plain, status: 0)
    }

    @Test func searchShowsTheCursorWhileTyping() async throws {
        let tmux = try TmuxHarness()
        defer { tmux.close() }
        _ = try await start(tmux)
        try tmux.press("/")
        try tmux.type("token")
        try await tmux.waitFor(text: "/token")
        #expect(try tmux.cursorVisible())
        try tmux.press("Escape")
        try await tmux.waitUntil("the cursor hidden again") { _ in (try? tmux.cursorVisible()) == false }
        try tmux.press("q")
        try await expectSaneExit(tmux, status: 0)
    }

    @Test func asciiLocaleDrawsAsciiBorders() async throws {
        let tmux = try TmuxHarness()
        defer { tmux.close() }
        let screen = try await start(tmux, environment: ["LANG": "C"])
        #expect(screen.contains("+ Vendors"))
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "\(screen)")
        try tmux.press("q")
        try await expectSaneExit(tmux, status: 0)
    }

    @Test func unknownTERMIsExplained() async throws {
        let tmux = try TmuxHarness(width: 120, height: 24)
        defer { tmux.close() }
        try tmux.launchTriage(["browse"], term: "no-such-terminal")
        let exit = try await tmux.waitForExit()
        #expect(exit.status == 2)
        #expect(exit.ttyIsSane)
        #expect(try tmux.screen().contains("unknown terminal type TERM=no-such-terminal"))
    }

    @Test func notATerminalIsExplained() async throws {
        let tmux = try TmuxHarness(width: 120, height: 24)
        defer { tmux.close() }
        let binary = try TmuxHarness.triageBinary().path
        try tmux.launch("/bin/sh", arguments: ["-c", "\(TmuxHarness.quote(binary)) browse < /dev/null"])
        let exit = try await tmux.waitForExit()
        #expect(exit.status == 2)
        #expect(try tmux.screen().contains("standard input is not a terminal"))
    }
}
