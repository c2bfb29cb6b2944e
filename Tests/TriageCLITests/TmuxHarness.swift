import Foundation
import Testing

/// Drives a program in a real terminal: its own tmux server (`tmux -L triage-test-<id>`), one detached session of a
/// given size, keys sent with `send-keys`, the screen read with `capture-pane`. Each harness has a temporary
/// directory that is the program's HOME and XDG_STATE_HOME and holds the tmux socket; `close()` (also run by
/// `deinit`) kills the server and removes it.
///
/// The program runs under a small `sh` wrapper that, once it ends, prints `__EXIT:<status>__` and the tty flags
/// that matter (`__TTY: echo icanon isig ...__`) and then stays alive, so the pane still shows the program's last
/// output and tmux still reports the cursor and alternate-screen state.
///
/// ```swift
/// @Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is not installed"))
/// struct BrowseEndToEndTests {
///     @Test func quits() async throws {
///         let tmux = try TmuxHarness(width: 80, height: 24)
///         try tmux.launchTriage(["browse"])
///         try await tmux.waitFor(text: "stripe")
///         try tmux.press("q")
///         let exit = try await tmux.waitForExit()
///         #expect(exit.status == 0 && exit.terminalIsSane)
///     }
/// }
/// ```
final class TmuxHarness {
    /// How the program ended and the tty state the shell found afterwards.
    struct ExitReport: Sendable, CustomStringConvertible {
        var status: Int32
        /// The flags from `stty -a` among echo, icanon, isig, icrnl, opost, onlcr, ixon, with a leading "-" when off.
        var ttyFlags: [String]

        /// Echo, line mode, signals and output processing are back on.
        var ttyIsSane: Bool {
            ["echo", "icanon", "isig", "icrnl", "opost", "onlcr"].allSatisfy(ttyFlags.contains)
        }

        var description: String { "exit status \(status), tty: \(ttyFlags.joined(separator: " "))" }
    }

    enum Failure: Error, CustomStringConvertible {
        case tmuxMissing
        case binaryNotFound(searched: [String])
        case command([String], status: Int32, output: String)
        case timeout(String, screen: String)
        case notLaunched

        var description: String {
            switch self {
            case .tmuxMissing: return "tmux is not installed"
            case .binaryNotFound(let searched):
                return "the triage binary was not built; looked in:\n  " + searched.joined(separator: "\n  ")
            case .command(let arguments, let status, let output):
                return "tmux \(arguments.joined(separator: " ")) failed (\(status)): \(output)"
            case .timeout(let what, let screen): return "timed out waiting for \(what); the screen was:\n\(screen)"
            case .notLaunched: return "nothing was launched in the tmux session yet"
            }
        }
    }

    // MARK: Locating tmux and the binary

    /// The tmux executable on PATH, if any.
    static let tmuxPath: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = path.split(separator: ":").map { "\($0)/tmux" } + ["/usr/bin/tmux", "/usr/local/bin/tmux"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Whether end-to-end tests can run (use with `.enabled(if:)`).
    static var isAvailable: Bool { tmuxPath != nil }

    /// The built `triage` executable: `TRIAGE_BINARY` if set, else next to the test bundle (SwiftPM puts test
    /// bundles and executables in the same `.build/<triple>/<configuration>/` folder), else under the package's
    /// `.build*/debug/` folders.
    static func triageBinary(filePath: String = #filePath) throws -> URL {
        try executable(named: "triage", filePath: filePath)
    }

    static func executable(named name: String, filePath: String = #filePath) throws -> URL {
        var searched: [String] = []
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["TRIAGE_BINARY"], name == "triage" {
            candidates.append(URL(fileURLWithPath: override))
        }
        // The test runner: .build/<triple>/debug/TriagePackageTests.xctest (or an swiftpm-testing-helper next to it).
        for start in [Bundle.main.executableURL, Bundle.main.bundleURL,
                      URL(fileURLWithPath: CommandLine.arguments.first ?? "")].compactMap({ $0 }) {
            var directory = start.resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(directory.appendingPathComponent(name))
                directory.deleteLastPathComponent()
            }
        }
        // The package root, from this file: Tests/TriageCLITests/TmuxHarness.swift.
        let root = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        if let builds = try? FileManager.default.contentsOfDirectory(atPath: root.path) {
            for build in builds.sorted() where build.hasPrefix(".build") {
                candidates.append(root.appendingPathComponent("\(build)/debug/\(name)"))
            }
        }
        for candidate in candidates {
            searched.append(candidate.path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        throw Failure.binaryNotFound(searched: searched)
    }

    // MARK: One session

    let width: Int
    let height: Int
    /// The program's HOME; XDG_STATE_HOME is `home/state`.
    let home: URL
    var stateHome: URL { home.appendingPathComponent("state") }
    private let directory: URL
    private let socket: String
    private let tmux: String
    private var launched = false
    private var closed = false

    /// Prepares a tmux server of its own (nothing runs until `launch`).
    init(width: Int = 80, height: Int = 24) throws {
        guard let tmux = Self.tmuxPath else { throw Failure.tmuxMissing }
        self.tmux = tmux
        self.width = width
        self.height = height
        let id = UUID().uuidString.prefix(8).lowercased()
        socket = "triage-test-\(id)"
        // Short: the tmux socket lives under it and Unix socket paths are limited to 108 bytes.
        directory = URL(fileURLWithPath: "/tmp/triage-e2e-\(id)")
        home = directory.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("state"),
                                                withIntermediateDirectories: true)
        let config = """
            set -g status off
            set -g remain-on-exit on
            set -g history-limit 200
            set -g escape-time 0
            set -s set-clipboard on

            """
        try config.write(to: directory.appendingPathComponent("tmux.conf"), atomically: true, encoding: .utf8)
    }

    deinit { close() }

    /// Kills the tmux server and removes the temporary directory. Safe to call more than once.
    func close() {
        guard !closed else { return }
        closed = true
        let pidText = try? String(contentsOf: directory.appendingPathComponent("program.pid"), encoding: .utf8)
        if launched { _ = try? run(["kill-server"], check: false) }
        // The program gets SIGHUP and may still save its state into HOME: let it finish before removing HOME.
        if let pid = pidText.flatMap({ pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) {
            let deadline = ContinuousClock.now + .seconds(3)
            while Self.isAlive(pid), ContinuousClock.now < deadline { usleep(20_000) }
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Starts `executable` in the session with a clean environment: HOME and XDG_STATE_HOME in the temporary
    /// directory, the given TERM, LANG=C.UTF-8 unless `environment` says otherwise, plus `environment`.
    func launch(_ executable: String, arguments: [String] = [], environment: [String: String] = [:],
                term: String = "xterm-256color") throws {
        var variables = [
            "HOME": home.path, "XDG_STATE_HOME": stateHome.path, "TERM": term, "LANG": "C.UTF-8",
            "PATH": "/usr/local/bin:/usr/bin:/bin",
        ]
        variables.merge(environment) { _, new in new }
        let assignments = variables.sorted { $0.key < $1.key }.map { Self.quote("\($0.key)=\($0.value)") }
        let pidFile = directory.appendingPathComponent("program.pid").path
        // The inner sh records its pid and then becomes the program, so `signal(_:)` reaches the program itself.
        let program = ["env", "-i"] + assignments
            + ["/bin/sh", "-c", Self.quote("echo $$ > \"$0\"; exec \"$@\""), Self.quote(pidFile), Self.quote(executable)]
            + arguments.map(Self.quote)
        let script = """
            cd \(Self.quote(home.path)) || exit 1
            \(program.joined(separator: " "))
            status=$?
            flags=$(stty -a | tr ' ' '\\n' | grep -E '^-?(echo|icanon|isig|icrnl|opost|onlcr|ixon)$' | tr '\\n' ' ')
            printf '\\n__EXIT:%s__\\n__TTY: %s__\\n' "$status" "$flags"
            exec sleep 86400

            """
        let scriptFile = directory.appendingPathComponent("run.sh")
        try script.write(to: scriptFile, atomically: true, encoding: .utf8)
        try run(["-f", directory.appendingPathComponent("tmux.conf").path, "new-session", "-d", "-s", "main",
                 "-x", String(width), "-y", String(height), "/bin/sh \(Self.quote(scriptFile.path))"])
        launched = true
    }

    /// Starts an interactive shell (`sh -i`, with job control) in the session, with the same clean environment
    /// as `launch` and the prompt `PS1`: type commands into it, e.g. the triage binary, to test Ctrl-Z and `fg`.
    func launchInteractiveShell(prompt: String = "TRIAGE-SHELL$ ", term: String = "xterm-256color") throws {
        let variables = [
            "HOME": home.path, "XDG_STATE_HOME": stateHome.path, "TERM": term, "LANG": "C.UTF-8",
            "PATH": "/usr/local/bin:/usr/bin:/bin", "PS1": prompt, "ENV": "/dev/null",
        ]
        let assignments = variables.sorted { $0.key < $1.key }.map { Self.quote("\($0.key)=\($0.value)") }
        let shell = FileManager.default.isExecutableFile(atPath: "/bin/bash") ? ["/bin/bash", "--norc", "--noprofile", "-i"]
            : ["/bin/sh", "-i"]
        let command = "cd \(Self.quote(home.path)) && exec env -i \(assignments.joined(separator: " ")) \(shell.joined(separator: " "))"
        try run(["-f", directory.appendingPathComponent("tmux.conf").path, "new-session", "-d", "-s", "main",
                 "-x", String(width), "-y", String(height), "/bin/sh -c \(Self.quote(command))"])
        launched = true
    }

    /// The path of the pane's terminal device (to write foreign output to it, as `wall` would).
    func paneTTY() throws -> String { try format("#{pane_tty}") }

    /// Starts the built `triage` binary with `arguments`.
    func launchTriage(_ arguments: [String] = [], environment: [String: String] = [:],
                      term: String = "xterm-256color") throws {
        try launch(try Self.triageBinary().path, arguments: arguments, environment: environment, term: term)
    }

    // MARK: Keys

    /// Types `text` literally (`send-keys -l`).
    func type(_ text: String) throws {
        try run(["send-keys", "-t", "main", "-l", "--", text])
    }

    /// Pastes `text` as a terminal paste does (`paste-buffer -p`: bracketed when the program asked for it).
    func paste(_ text: String) throws {
        try run(["set-buffer", "-b", "paste", "--", text])
        try run(["paste-buffer", "-p", "-d", "-b", "paste", "-t", "main"])
    }

    /// Pastes the contents of `file` (`load-buffer`, then `paste-buffer -p`): for pastes over the 128 KiB an
    /// argument may hold.
    func paste(contentsOf file: URL) throws {
        try run(["load-buffer", "-b", "paste", file.path])
        try run(["paste-buffer", "-p", "-d", "-b", "paste", "-t", "main"])
    }

    /// Presses keys by tmux name: "Enter", "Escape", "C-c", "PageDown", "Up", "BTab", "F5", "q"...
    func press(_ keys: String...) throws {
        try run(["send-keys", "-t", "main"] + keys)
    }

    // MARK: The screen

    /// The visible pane, one string per row, trailing spaces removed. With `styled`, colours and attributes are
    /// included as SGR escape sequences (`capture-pane -e`), to check colours, reverse video or NO_COLOR.
    func lines(styled: Bool = false) throws -> [String] {
        let output = try run(["capture-pane", "-p", "-t", "main"] + (styled ? ["-e"] : []))
        var rows = output.components(separatedBy: "\n")
        if rows.last == "" { rows.removeLast() }
        return rows.map { row in
            var row = row
            while row.last == " " { row.removeLast() }
            return row
        }
    }

    /// The visible pane as one string.
    func screen(styled: Bool = false) throws -> String { try lines(styled: styled).joined(separator: "\n") }

    /// A tmux format for the pane, e.g. "#{cursor_x}" (see FORMATS in tmux(1)).
    func format(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", "main", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Copies everything the program writes to its terminal from now on into `file`, raw (escape sequences
    /// and all, before tmux interprets them: `pipe-pane -O`), to check the bytes themselves (an OSC 8 link).
    func recordOutput(to file: URL) throws {
        try run(["pipe-pane", "-O", "-t", "main", "cat >> \(Self.quote(file.path))"])
    }

    /// The bytes `recordOutput(to:)` has written to `file` so far (empty while nothing arrived).
    static func recorded(_ file: URL) -> [UInt8] {
        (try? Data(contentsOf: file)).map { [UInt8]($0) } ?? []
    }

    /// The newest tmux paste buffer (what an OSC 52 clipboard write put there, with `set-clipboard on`).
    func pasteBuffer() throws -> String { try run(["show-buffer"], check: false) }

    /// Whether the pane shows the alternate screen (a full-screen program is running).
    func alternateScreen() throws -> Bool { try format("#{alternate_on}") == "1" }

    /// Whether the terminal cursor is visible.
    func cursorVisible() throws -> Bool { try format("#{cursor_flag}") == "1" }

    /// Resizes the window (the program gets SIGWINCH).
    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "main", "-x", String(width), "-y", String(height)])
    }

    // MARK: Waiting

    /// Waits until the screen contains `text`; returns the screen.
    @discardableResult
    func waitFor(text: String, timeout: Duration = .seconds(10)) async throws -> String {
        try await waitUntil("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Waits until `condition` holds for the screen (polled every 50 ms); returns the screen.
    @discardableResult
    func waitUntil(_ what: String = "the screen", timeout: Duration = .seconds(10),
                   _ condition: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        var screen = ""
        while true {
            screen = try self.screen()
            if condition(screen) { return screen }
            guard ContinuousClock.now < deadline else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure.timeout(what, screen: screen)
    }

    /// Waits until the program has ended and the wrapper has reported its status and the tty flags.
    func waitForExit(timeout: Duration = .seconds(10)) async throws -> ExitReport {
        guard launched else { throw Failure.notLaunched }
        let screen = try await waitUntil("the program to exit", timeout: timeout) { (try? Self.parseExit($0)) != nil }
        return try Self.parseExit(screen)
    }

    static func parseExit(_ screen: String) throws -> ExitReport {
        guard let exitRange = screen.range(of: "__EXIT:"),
              let end = screen[exitRange.upperBound...].range(of: "__"),
              let status = Int32(screen[exitRange.upperBound..<end.lowerBound]),
              let ttyRange = screen.range(of: "__TTY:"),
              let ttyEnd = screen[ttyRange.upperBound...].range(of: "__")
        else { throw Failure.timeout("an exit report", screen: screen) }
        let flags = screen[ttyRange.upperBound..<ttyEnd.lowerBound].split(separator: " ").map(String.init)
        return ExitReport(status: status, ttyFlags: flags)
    }

    /// Whether the program is still running (the wrapper has not reported an exit).
    func isRunning() throws -> Bool { try !screen().contains("__EXIT:") }

    // MARK: Signals and ending

    /// The program's process id (written by the wrapper just before it execs the program).
    func programPID(timeout: Duration = .seconds(5)) async throws -> pid_t {
        let file = directory.appendingPathComponent("program.pid")
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOf: file, encoding: .utf8),
               let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return pid
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw Failure.timeout("the program's pid", screen: (try? screen()) ?? "")
    }

    /// Sends `signal` (SIGTERM, SIGHUP, SIGINT...) to the program.
    func signal(_ signal: Int32) async throws {
        let pid = try await programPID()
        guard kill(pid, signal) == 0 else {
            throw Failure.command(["kill", "-\(signal)", "\(pid)"], status: errno, output: String(cString: strerror(errno)))
        }
    }

    /// Kills the session, closing the pane's terminal: the program gets SIGHUP as with a dropped SSH connection.
    func killSession() throws {
        try run(["kill-session", "-t", "main"])
    }

    /// Whether a process is alive: it exists and is not a zombie (an orphan whose exit nobody collected, as under
    /// a container init that does not reap).
    static func isAlive(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state != "Z" && state != "X"
    }

    // MARK: Running tmux

    @discardableResult
    private func run(_ arguments: [String], check: Bool = true) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        environment["TMUX_TMPDIR"] = directory.path
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = nil
        let full = ["-u", "-L", socket] + arguments
        let (status, output) = try Self.spawn(tmux, arguments: full, environment: environment)
        if check, status != 0 { throw Failure.command(arguments, status: status, output: output) }
        return output
    }

    /// Runs a command to completion and returns its exit status and its stdout and stderr together.
    /// (posix_spawn and waitpid: Foundation's `Process.waitUntilExit` was seen to hang here under Swift Testing.)
    static func spawn(_ path: String, arguments: [String], environment: [String: String]) throws -> (Int32, String) {
        var pipe: [Int32] = [0, 0]
        // Close-on-exec, so that a command spawned at the same time by a test running in parallel does not inherit
        // the write end (a tmux server would keep it open for good, and this read would never end).
        guard GlibcExtras.pipe2(&pipe, O_CLOEXEC) == 0 else {
            throw Failure.command([path], status: errno, output: "pipe failed")
        }
        defer { Glibc.close(pipe[0]) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 2)
        // Nothing else of the test runner leaks into tmux (e.g. the pipes of other tests' child processes).
        GlibcExtras.closeFrom(3, in: &actions)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // Test runners block signals in their threads (libdispatch); the child must not inherit that, or the tmux
        // server cannot even receive the SIGTERM it sends itself on kill-server.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        Glibc.close(pipe[1])
        guard result == 0 else {
            throw Failure.command([path] + arguments, status: result, output: String(cString: strerror(result)))
        }
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(pipe[0], &buffer, buffer.count)
            if count > 0 { data += buffer[0..<count]; continue }
            if count < 0, errno == EINTR { continue }
            break
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let exitStatus = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (exitStatus, String(decoding: data, as: UTF8.self))
    }

    /// Single-quotes a word for `sh`.
    static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// glibc functions Swift's Glibc module does not import (they need _GNU_SOURCE), looked up at run time.
private enum GlibcExtras {
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    private static func symbol<T>(_ name: String, as type: T.Type) -> T? {
        guard let handle = dlopen(nil, RTLD_NOW), let address = dlsym(handle, name) else { return nil }
        return unsafeBitCast(address, to: type)
    }

    /// `pipe2`, or `pipe` plus FD_CLOEXEC (with a small window) where it is missing.
    static func pipe2(_ fds: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32 {
        if let function = symbol("pipe2", as: Pipe2.self) { return function(fds, flags) }
        guard Glibc.pipe(fds) == 0 else { return -1 }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        return 0
    }

    /// Closes every descriptor from `lowest` up in the child (glibc 2.34+), else each one open now.
    static func closeFrom(_ lowest: Int32, in actions: inout posix_spawn_file_actions_t) {
        if let function = symbol("posix_spawn_file_actions_addclosefrom_np", as: CloseFrom.self) {
            _ = function(&actions, lowest)
            return
        }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap({ Int32($0) }) where fd >= lowest {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
    }
}
