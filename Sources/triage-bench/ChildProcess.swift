import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What one child process did: exit status, wall time from spawn to exit, its own peak resident memory
/// (from `wait4`, so each child is measured alone), and what it printed when captured.
struct ChildResult {
    var status: Int32
    var milliseconds: Double
    var peakMegabytes: Double
    var output: [UInt8] = []
    /// For terminal runs: time from spawn to the end of the first frame.
    var firstFrameMilliseconds: Double?
    var outputText: String { String(decoding: output, as: UTF8.self) }
}

/// Spawns processes with `posix_spawn` and waits with `wait4`, either with stdout in a pipe or on a pseudo
/// terminal (for the full-screen start).
///
/// Peak memory: a spawned child's `ru_maxrss` also counts the benchmark's own memory from before its `exec`, so
/// when GNU time is installed each triage run goes through `/usr/bin/time -f %M` (whose own fork is small) and
/// its figure is used instead.
enum ChildProcess {
    /// `/usr/bin/time`, when it is GNU time (it understands `-f %M -o FILE`).
    static let gnuTime: String? = {
        let path = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: path) else { return nil }
        let file = NSTemporaryDirectory() + "triage-bench-time-\(getpid())"
        defer { unlink(file) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        guard let pid = spawn(path, ["-f", "%M", "-o", file, "/bin/true"], [:], &actions, setsid: false) else { return nil }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return measuredPeak(file) != nil ? path : nil
    }()

    /// The peak (MiB) GNU time wrote to `file`.
    static func measuredPeak(_ file: String) -> Double? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8),
              let kilobytes = Double(text.split(separator: "\n").last?.trimmingCharacters(in: .whitespaces) ?? "") else { return nil }
        return kilobytes / 1024
    }

    /// `path arguments` wrapped in GNU time when available, and where it writes the peak.
    static func measured(_ path: String, _ arguments: [String]) -> (path: String, arguments: [String], peakFile: String?) {
        guard let time = gnuTime else { return (path, arguments, nil) }
        let file = NSTemporaryDirectory() + "triage-bench-peak-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        return (time, ["-f", "%M", "-o", file, path] + arguments, file)
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
    static func elapsed(since start: UInt64) -> Double { Double(now() - start) / 1_000_000 }

    /// Runs `path arguments...`, stdin from `input` (else /dev/null), stdout captured unless `discardOutput`.
    static func run(_ path: String, _ arguments: [String], environment: [String: String], input: String? = nil,
                    discardOutput: Bool = false, measureMemory: Bool = false) -> ChildResult {
        let (path, arguments, peakFile) = measureMemory ? measured(path, arguments) : (path, arguments, nil)
        var pipeEnds: [Int32] = [0, 0]
        pipe(&pipeEnds)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
        if discardOutput {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        } else {
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        let start = now()
        guard let pid = spawn(path, arguments, environment, &actions, setsid: false) else {
            close(pipeEnds[0]); close(pipeEnds[1])
            return ChildResult(status: -1, milliseconds: 0, peakMegabytes: 0)
        }
        close(pipeEnds[1])
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(pipeEnds[0], &buffer, buffer.count)
            if count <= 0 { break }
            output += buffer[0..<count]
        }
        close(pipeEnds[0])
        var result = wait(pid, start: start)
        result.output = output
        if let peakFile {
            result.peakMegabytes = measuredPeak(peakFile) ?? result.peakMegabytes
            unlink(peakFile)
        }
        return result
    }

    /// Runs `path arguments...` on a new pseudo terminal of `width`x`height` (its controlling terminal; stdin
    /// from `input` when given, else the terminal), waits for the first frame (output that then stays quiet
    /// for `quiet` ms), sends Ctrl-C and waits for the exit.
    static func runOnTerminal(_ path: String, _ arguments: [String], environment: [String: String],
                              width: Int, height: Int, input: String? = nil, quiet: Double = 250,
                              timeout: Double = 180_000, measureMemory: Bool = false) -> ChildResult {
        let (path, arguments, peakFile) = measureMemory ? measured(path, arguments) : (path, arguments, nil)
        // posix_openpt and friends are not visible from Swift here; these are their Linux ioctls.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, UInt(0x4004_5431) /* TIOCSPTLCK */, &unlock) == 0,
              ioctl(master, UInt(0x8004_5430) /* TIOCGPTN */, &number) == 0 else {
            if master >= 0 { close(master) }
            return ChildResult(status: -1, milliseconds: 0, peakMegabytes: 0)
        }
        let slavePath = "/dev/pts/\(number)"
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // A session leader opening a terminal without O_NOCTTY makes it its controlling terminal (fzf needs
        // /dev/tty); the terminal's size is already set.
        posix_spawn_file_actions_addopen(&actions, 1, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        if let input {
            posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 0)
        }
        posix_spawn_file_actions_addclose(&actions, master)
        let start = now()
        guard let pid = spawn(path, arguments, environment, &actions, setsid: true) else {
            close(master)
            return ChildResult(status: -1, milliseconds: 0, peakMegabytes: 0)
        }
        var output: [UInt8] = []
        var lastOutput: Double?
        var buffer = [UInt8](repeating: 0, count: 65536)
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        while elapsed(since: start) < timeout {
            let waited = poll(&descriptor, 1, 20)
            if waited > 0 {
                let count = read(master, &buffer, buffer.count)
                if count <= 0 { break }
                output += buffer[0..<count]
                lastOutput = elapsed(since: start)
                // Answer a cursor-position query, as a terminal would.
                if String(decoding: buffer[0..<count], as: UTF8.self).contains("\u{1B}[6n") {
                    _ = "\u{1B}[1;1R".withCString { write(master, $0, 6) }
                }
            } else if let last = lastOutput, output.count >= 200, elapsed(since: start) - last >= quiet {
                break
            }
        }
        _ = "\u{03}".withCString { write(master, $0, 1) }
        // Drain until the child exits, or stop it after a while.
        let exitDeadline = elapsed(since: start) + 10_000
        var status: Int32 = 0
        var usage = rusage()
        var exited = false
        while elapsed(since: start) < exitDeadline {
            if wait4(pid, &status, WNOHANG, &usage) == pid { exited = true; break }
            if poll(&descriptor, 1, 10) > 0 { _ = read(master, &buffer, buffer.count) }
        }
        if !exited {
            kill(pid, SIGKILL)
            wait4(pid, &status, 0, &usage)
        }
        close(master)
        var peak = Double(usage.ru_maxrss) / 1024
        if let peakFile {
            peak = measuredPeak(peakFile) ?? peak
            unlink(peakFile)
        }
        return ChildResult(status: exitStatus(status), milliseconds: elapsed(since: start),
                           peakMegabytes: peak, output: output, firstFrameMilliseconds: lastOutput)
    }

    private static func spawn(_ path: String, _ arguments: [String], _ environment: [String: String],
                              _ actions: inout posix_spawn_file_actions_t, setsid: Bool) -> pid_t? {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        if setsid { posix_spawnattr_setflags(&attributes, 0x80 /* POSIX_SPAWN_SETSID */) }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        return result == 0 ? pid : nil
    }

    private static func wait(_ pid: pid_t, start: UInt64) -> ChildResult {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
        return ChildResult(status: exitStatus(status), milliseconds: elapsed(since: start),
                           peakMegabytes: Double(usage.ru_maxrss) / 1024)
    }

    private static func exitStatus(_ status: Int32) -> Int32 {
        (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// The full path of `name` on PATH, if any.
    static func which(_ name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
