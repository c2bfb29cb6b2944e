import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a secret value from standard input without echoing it, when standard input is a terminal: echo is
/// turned off for the one line and restored after it, also when SIGINT, SIGTERM or SIGHUP ends the program
/// meanwhile. Not a terminal: an ordinary line.
enum SecretInput {
    nonisolated(unsafe) private static var saved = termios()

    static func readLine() -> String? {
        guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &saved) == 0 else {
            return Swift.readLine(strippingNewline: true)
        }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        let signals = [SIGINT, SIGTERM, SIGHUP]
        let previous = signals.map { signal($0, SecretInput.restoreAndExit) }
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
        let line = Swift.readLine(strippingNewline: true)
        tcsetattr(STDIN_FILENO, TCSANOW, &saved)
        for (number, handler) in zip(signals, previous) { signal(number, handler) }
        return line
    }

    private static let restoreAndExit: @convention(c) (Int32) -> Void = { number in
        tcsetattr(STDIN_FILENO, TCSANOW, &SecretInput.saved)
        signal(number, SIG_DFL)
        raise(number)
    }
}
