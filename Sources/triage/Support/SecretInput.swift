import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a secret value without echoing it, when the answers come from a terminal: echo is turned off for the one
/// line and restored after it, also when SIGINT, SIGTERM or SIGHUP ends the program meanwhile. Not a terminal: an
/// ordinary line.
enum SecretInput {
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var descriptor = STDIN_FILENO

    static func readLine(from input: AnswerInput) -> String? {
        guard input.isTerminal, tcgetattr(input.descriptor, &saved) == 0 else { return input.readLine() }
        descriptor = input.descriptor
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        let signals = [SIGINT, SIGTERM, SIGHUP]
        let previous = signals.map { signal($0, SecretInput.restoreAndExit) }
        tcsetattr(descriptor, TCSANOW, &quiet)
        let line = input.readLine()
        tcsetattr(descriptor, TCSANOW, &saved)
        for (number, handler) in zip(signals, previous) { signal(number, handler) }
        return line
    }

    private static let restoreAndExit: @convention(c) (Int32) -> Void = { number in
        tcsetattr(SecretInput.descriptor, TCSANOW, &SecretInput.saved)
        signal(number, SIG_DFL)
        raise(number)
    }
}
