import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about where output goes: whether it is a terminal, how wide, and whether colour is wanted.
struct OutputTerminal {
    var isTerminal: Bool
    var width: Int
    var color: Bool

    static func current(environment: [String: String]) -> OutputTerminal {
        let isTerminal = isatty(STDOUT_FILENO) == 1
        var width = 80
        var size = winsize()
        if isTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            width = Int(size.ws_col)
        } else if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            width = columns
        }
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let dumb = environment["TERM"] == "dumb"
        return OutputTerminal(isTerminal: isTerminal, width: min(max(width, 20), 200),
                              color: isTerminal && !noColor && !dumb)
    }
}

/// Writes to standard output and standard error without buffering surprises.
enum Console {
    static func out(_ text: String) {
        print(text)
        fflush(nil)
    }

    static func error(_ text: String) {
        var line = text
        if !line.hasSuffix("\n") { line += "\n" }
        FileHandle.standardError.write(Data(line.utf8))
    }
}
