import Foundation
import TriageCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about where output goes: whether it is a terminal, how wide, and whether colour is wanted.
struct OutputTerminal {
    var isTerminal: Bool
    /// The columns to wrap prose to: the terminal's, else `COLUMNS`, else 80.
    var width: Int
    var color: Bool
    /// Whether lines must fit `width` (a terminal, or `COLUMNS` set); piped output is never cut.
    var limited: Bool = true
    /// Whether OSC 8 hyperlinks may be written (a terminal known to show them).
    var hyperlinks: Bool = false

    static func current(environment: [String: String]) -> OutputTerminal {
        let isTerminal = isatty(STDOUT_FILENO) == 1
        var width = 80
        var limited = false
        var size = winsize()
        if isTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            width = Int(size.ws_col)
            limited = true
        } else if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            width = columns
            limited = true
        } else if isTerminal {
            limited = true
        }
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let dumb = environment["TERM"] == "dumb"
        return OutputTerminal(isTerminal: isTerminal, width: min(max(width, 20), 1000),
                              color: isTerminal && !noColor && !dumb, limited: limited,
                              hyperlinks: isTerminal && !dumb && Hyperlink.supported(environment: environment))
    }
}

/// Writes to standard output and standard error. Everything passes through `TerminalSafe.output`, the one
/// sanitizer, so no message built from catalog text or user input can carry an escape sequence. A failed write
/// (a full disk, a closed descriptor) is never ignored and never traps: it is reported and the process exits 2.
enum Console {
    static func out(_ text: String) {
        write(TerminalSafe.output(text) + "\n", to: STDOUT_FILENO)
    }

    static func error(_ text: String) {
        var line = TerminalSafe.output(text)
        if !line.hasSuffix("\n") { line += "\n" }
        write(line, to: STDERR_FILENO)
    }

    /// Text exactly as given (already sanitized), e.g. the line-mode dialogue.
    static func raw(_ text: String, toStandardError: Bool) {
        write(TerminalSafe.output(text), to: toStandardError ? STDERR_FILENO : STDOUT_FILENO)
    }

    /// Lines for standard output, each through the same sanitizer as `out`, written about every 64 KB instead of
    /// one write per line (long lists). `flush()` when done.
    struct Lines {
        private var pending = ""

        mutating func append(_ line: String) {
            pending += TerminalSafe.output(line)
            pending += "\n"
            if pending.utf8.count >= 1 << 16 { flush() }
        }

        mutating func flush() {
            guard !pending.isEmpty else { return }
            Console.write(pending, to: STDOUT_FILENO)
            pending = ""
        }
    }

    fileprivate static func write(_ text: String, to descriptor: Int32) {
        do {
            // The string's own bytes: `Data(text.utf8)` asks the runtime whether the view is `ContiguousBytes`, a
            // scan of every protocol conformance in the binary (an eighth of `triage --version`).
            var text = text
            try text.withUTF8 { try FileWriter.writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
        } catch {
            let stream = descriptor == STDOUT_FILENO ? "standard output" : "standard error"
            if descriptor == STDOUT_FILENO {
                try? FileWriter.writeAll(Data("triage: cannot write to \(stream): \(error)\n".utf8), to: STDERR_FILENO)
            }
            Foundation.exit(2)
        }
    }
}
