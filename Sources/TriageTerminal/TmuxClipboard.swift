import Foundation

/// Whether an OSC 52 clipboard write from inside tmux can reach the terminal tmux runs in, asked of tmux itself
/// (the `tmux` on PATH, on the server's socket from `TMUX`): through passthrough (`allow-passthrough on`), or
/// handled by tmux (`set-clipboard on` or `external`, with a client terminal that has the clipboard feature).
/// Otherwise the escape would be dropped, and "Copied" would be a lie.
public enum TmuxClipboard {
    /// How the sequence can get through, or why it cannot.
    public enum Route: Hashable, Sendable {
        /// Wrapped in DCS passthrough (`OSC52.Wrapping.tmux`).
        case passthrough
        /// Sent plain: tmux takes it (set-clipboard) and forwards it to its terminal.
        case setClipboard
        /// It would not arrive: why, and how to enable it.
        case blocked(String)
    }

    /// What to tell an engineer whose tmux drops the escape.
    public static let enableHint = "set -g allow-passthrough on"

    /// The route for tmux's answers (nil: tmux did not answer).
    public static func route(allowPassthrough: String?, setClipboard: String?, clipboardFeature: Bool) -> Route {
        guard let allowPassthrough else {
            return .blocked("could not ask tmux whether the clipboard escape gets through (\(enableHint) in ~/.tmux.conf lets it)")
        }
        if ["on", "all"].contains(allowPassthrough) { return .passthrough }
        if let setClipboard, ["on", "external"].contains(setClipboard), clipboardFeature { return .setClipboard }
        return .blocked("tmux does not pass the clipboard escape on (allow-passthrough is \(allowPassthrough)); enable it with: \(enableHint)")
    }

    /// The socket of the tmux server `TMUX` names ("SOCKET,PID,SESSION").
    public static func socket(fromTMUX value: String) -> String? {
        let parts = value.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return value.isEmpty ? nil : value }
        let socket = parts.dropLast(2).joined(separator: ",")
        return socket.isEmpty ? nil : socket
    }

    /// Asks the tmux server of `environment` (`TMUX`) how a clipboard write gets through.
    public static func route(environment: [String: String], timeout: Duration = .seconds(1)) -> Route {
        guard let tmux = executable(environment: environment) else {
            return route(allowPassthrough: nil, setClipboard: nil, clipboardFeature: false)
        }
        let socket = environment["TMUX"].flatMap(socket(fromTMUX:))
        func ask(_ arguments: [String]) -> String? {
            run(tmux, arguments: (socket.map { ["-S", $0] } ?? []) + arguments, timeout: timeout)
        }
        let passthrough = ask(["show-options", "-gv", "allow-passthrough"])
        if passthrough == "on" || passthrough == "all" { return .passthrough }
        let clipboard = passthrough == nil ? nil : ask(["show-options", "-sv", "set-clipboard"])
        let features = clipboard == nil ? nil : ask(["display-message", "-p", "#{client_termfeatures}"])
        return route(allowPassthrough: passthrough, setClipboard: clipboard,
                     clipboardFeature: features?.split(separator: ",").contains("clipboard") ?? false)
    }

    /// `tmux` on the PATH of `environment`.
    static func executable(environment: [String: String]) -> String? {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `executable` with no input; its standard output trimmed, or nil when it fails or takes longer than
    /// `timeout` (it is then killed).
    static func run(_ executable: String, arguments: [String], timeout: Duration) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline { usleep(5_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
