import Foundation

/// How `TerminalRunner.run` sets up the terminal.
public struct TerminalOptions: Sendable {
    /// Report button-1 clicks and the wheel as `InputEvent.mouse`. Off by default: while an xterm reports the
    /// mouse, selecting text to copy needs Shift.
    public var mouse: Bool
    /// Where `TERM` and `NO_COLOR` are read (the locale comes from the process, as `setlocale` reads it).
    public var environment: [String: String]
    /// The terminal device to draw on and read keys from. `/dev/tty` keeps working when stdout is redirected.
    public var ttyPath: String
    /// How long (milliseconds) ncurses waits after Esc for the rest of an escape sequence.
    public var escapeDelay: Int32
    /// How long (milliseconds) to wait for input before checking for signals again.
    public var pollInterval: Int32

    public init(mouse: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment,
                ttyPath: String = "/dev/tty", escapeDelay: Int32 = 25, pollInterval: Int32 = 200) {
        self.mouse = mouse
        self.environment = environment
        self.ttyPath = ttyPath
        self.escapeDelay = escapeDelay
        self.pollInterval = pollInterval
    }
}

/// Whether a full-screen program can run here.
public enum TerminalCheck: Hashable, Sendable {
    case ok
    /// Why not, as one sentence to show the engineer (the CLI then offers the non-interactive commands).
    case unavailable(reason: String)
}

/// The terminal could not be set up.
public struct TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
