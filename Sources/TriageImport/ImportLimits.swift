import Foundation
import TriageCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How much an import reads and keeps. Vendor pages are tens of kilobytes and the largest machine models a few
/// megabytes (botocore's EC2 model is about 3 MB), so these leave room while a hostile document (a 50 MB file, a
/// stream that never ends, JSON nested ten thousand deep, one gigantic cell) is refused or cut, in bounded time
/// and memory.
public enum ImportLimits {
    /// Largest document read: 16 MB (a file is refused from its size before it is read; stdin stops there).
    public static let maximumInputBytes = 16 << 20
    /// Deepest JSON or YAML nesting accepted (real models nest fewer than 20 levels).
    public static let maximumNesting = 64
    /// Most codes one import may add or change.
    public static let maximumCodes = 20_000
    /// Longest code text: longer "codes" are not codes.
    public static let maximumCodeLength = 120
    /// Longest one-line field (message, summary, category name), in characters.
    public static let maximumLineLength = 400
    /// Longest description, in characters (the longest shipped one is under 700).
    public static let maximumDescriptionLength = 4_000
    /// Longest line of a text document looked at (a single 16 MB line is cut, not scanned for codes).
    public static let maximumSourceLine = 64 << 10
}

/// A document to import: its text (decoded, not yet cleaned), its name for messages and provenance, its hash.
public struct ImportInput: Sendable {
    /// The name provenance records (the file's last path component, `stdin`, or `--source`).
    public var name: String
    /// The path messages use (`file:line:column`).
    public var displayPath: String
    public var text: String
    /// SHA-256 of the bytes read, hex.
    public var sha256: String

    public init(name: String, displayPath: String, text: String, sha256: String) {
        self.name = name
        self.displayPath = displayPath
        self.text = text
        self.sha256 = sha256
    }

    /// A document given as text (tests, stdin already read).
    public init(name: String, text: String) {
        self.init(name: name, displayPath: name, text: text, sha256: SHA256.hex(text))
    }

    /// Reads `path` (`-`: standard input), at most `ImportLimits.maximumInputBytes`, refusing special files
    /// other than a pipe on stdin, and text that is not UTF-8.
    public static func read(_ path: String, limit: Int = ImportLimits.maximumInputBytes) throws -> ImportInput {
        let isStdin = path == "-"
        let display = isStdin ? "<stdin>" : path
        let here = SourceLocation(file: display, line: 1, column: 1)
        var descriptor: Int32 = STDIN_FILENO
        if !isStdin {
            var info = stat()
            guard stat(path, &info) == 0 else {
                throw ImportError(here, "cannot read the file: \(String(cString: strerror(errno)))")
            }
            guard info.st_mode & S_IFMT == S_IFREG else {
                throw ImportError(here, info.st_mode & S_IFMT == S_IFDIR
                    ? "is a folder; give the vendor's document (a file), or - for standard input"
                    : "not a regular file; give the vendor's document (a file), or - for standard input")
            }
            guard Int(info.st_size) <= limit else {
                throw ImportError(here, "the file is \(describe(Int(info.st_size))); a document to import may be at most \(describe(limit))")
            }
            descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else { throw ImportError(here, "cannot read the file: \(String(cString: strerror(errno)))") }
        }
        defer { if !isStdin { close(descriptor) } }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = systemRead(descriptor, &buffer)
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN { usleep(1000); continue }
                throw ImportError(here, "cannot read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            if bytes.count + count > limit {
                throw ImportError(here, "more than \(describe(limit)) of input; a document to import may be at most \(describe(limit))")
            }
            bytes.append(contentsOf: buffer[0..<count])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ImportError(here, "the document is not UTF-8 text; convert it first (iconv -t UTF-8)")
        }
        let name = isStdin ? "stdin" : (path as NSString).lastPathComponent
        return ImportInput(name: name, displayPath: display, text: text, sha256: SHA256.hex(bytes))
    }

    static func describe(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MB" : bytes >= 1 << 10 ? "\(bytes >> 10) KB" : "\(bytes) bytes"
    }
}

/// An import that cannot go on, with where in the document (or catalog) it was found.
public struct ImportError: Error, CustomStringConvertible, Sendable {
    public var location: SourceLocation?
    public var message: String

    public init(_ location: SourceLocation?, _ message: String) {
        self.location = location
        self.message = message
    }

    public init(_ message: String) { self.init(nil, message) }

    /// `file:line:column: message`, or the message alone.
    public var description: String { location.map { "\($0): \(message)" } ?? message }
}

/// `read(2)` into `buffer`.
private func systemRead(_ descriptor: Int32, _ buffer: inout [UInt8]) -> Int {
    buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
}
