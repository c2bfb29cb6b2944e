import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where line mode reads the engineer's answers: standard input, or the terminal itself (`/dev/tty`) when standard
/// input carried something else, the paste of `diagnose --from -`.
final class AnswerInput {
    /// The descriptor answers are read from (a secret is read from it with echo off).
    let descriptor: Int32
    /// The stream over `descriptor`; nil for standard input, read through the one shared `standardStream`.
    private let stream: UnsafeMutablePointer<FILE>?

    private init(descriptor: Int32, stream: UnsafeMutablePointer<FILE>?) {
        self.descriptor = descriptor
        self.stream = stream
    }

    deinit { if let stream { fclose(stream) } }

    /// One buffered stream over standard input for the whole run (what it has read ahead stays in its buffer
    /// for the next answer), never closed.
    nonisolated(unsafe) private static let standardStream = fdopen(STDIN_FILENO, "r")

    static var standardInput: AnswerInput { AnswerInput(descriptor: STDIN_FILENO, stream: nil) }

    /// The controlling terminal, opened for reading; nil when the process has none (a CI job, `setsid`, cron).
    static func terminal(path: String = "/dev/tty") -> AnswerInput? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        guard isatty(descriptor) == 1, let stream = fdopen(descriptor, "r") else {
            close(descriptor)
            return nil
        }
        return AnswerInput(descriptor: descriptor, stream: stream)
    }

    /// Whether a person types the answers (the ticket and outcome questions are asked only then).
    var isTerminal: Bool { isatty(descriptor) == 1 }

    /// Longest answer line kept: typed values are cut at 500 characters anyway, so a line of gigabytes (a
    /// file piped in by mistake) costs at most this much memory; the rest of the line is read and dropped.
    static let maximumLineBytes = 64 << 10

    /// The next line without its line ending (`\n` or `\r\n`), or nil at the end of input. Bounded (see
    /// `maximumLineBytes`) and linear: one byte at a time from the stream's buffer.
    func readLine() -> String? {
        guard let file = stream ?? Self.standardStream else { return nil }
        var bytes: [UInt8] = []
        var sawAnything = false
        while true {
            let next = getc_unlocked(file)
            if next == EOF { break }
            sawAnything = true
            if next == 0x0A { break }
            if bytes.count < Self.maximumLineBytes { bytes.append(UInt8(truncatingIfNeeded: next)) }
        }
        guard sawAnything else { return nil }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A line typed without echo on a terminal (see `SecretInput`); else an ordinary line.
    func readSecret() -> String? { SecretInput.readLine(from: self) }
}
