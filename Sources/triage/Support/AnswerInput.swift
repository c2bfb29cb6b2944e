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
    /// The stream over `descriptor`; nil for standard input, which `Swift.readLine` reads.
    private let stream: UnsafeMutablePointer<FILE>?

    private init(descriptor: Int32, stream: UnsafeMutablePointer<FILE>?) {
        self.descriptor = descriptor
        self.stream = stream
    }

    deinit { if let stream { fclose(stream) } }

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

    /// The next line without its line ending (`\n` or `\r\n`), or nil at the end of input.
    func readLine() -> String? {
        guard let stream else { return Swift.readLine(strippingNewline: true) }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        let count = getline(&buffer, &capacity, stream)
        guard count >= 0, let buffer else { return nil }
        var bytes = UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: count)[...]
        if bytes.last == UInt8(ascii: "\n") { bytes = bytes.dropLast() }
        if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A line typed without echo on a terminal (see `SecretInput`); else an ordinary line.
    func readSecret() -> String? { SecretInput.readLine(from: self) }
}
