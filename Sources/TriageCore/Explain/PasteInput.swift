import Foundation

/// What the customer sent, read with bounds: at most `limit` bytes (1 MiB by default) are kept, invalid UTF-8
/// is replaced, NUL and other control bytes are made harmless, and a paste that is mostly binary is flagged.
public struct PasteInput: Sendable {
    /// The default cap on what is read: a 100 MB paste costs no more than its first MiB.
    public static let defaultLimit = 1 << 20

    /// The kept text (valid UTF-8, no NUL bytes).
    public var text: String
    /// How many bytes were read (at most `limit`).
    public var bytesRead: Int
    /// True when the input went on past `limit` and the rest was ignored.
    public var truncated: Bool
    /// True when the kept bytes look binary (many NUL or control bytes, or invalid UTF-8).
    public var binary: Bool
    public var limit: Int

    /// From bytes already in memory; only the first `limit` are looked at.
    public init(data: Data, limit: Int = PasteInput.defaultLimit, truncated: Bool? = nil) {
        let kept = data.prefix(limit)
        self.limit = limit
        bytesRead = kept.count
        self.truncated = truncated ?? (data.count > limit)
        var controls = 0
        var cleaned = [UInt8]()
        cleaned.reserveCapacity(kept.count)
        for byte in kept {
            if byte == 0 || (byte < 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x0D && byte != 0x1B) {
                controls += 1
                cleaned.append(0x20)
            } else {
                cleaned.append(byte)
            }
        }
        let decoded = String(decoding: cleaned, as: UTF8.self)
        let replaced = decoded.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 1 : 0) }
        binary = kept.count > 0 && Double(controls + replaced) / Double(kept.count) > 0.1
        text = decoded
    }

    /// From text (a test, or the browser's paste box).
    public init(text: String, limit: Int = PasteInput.defaultLimit) {
        self.init(data: Data(text.utf8), limit: limit)
    }

    /// Reads the whole input, up to `LogScan.maximumInputBytes`, in a stream: the first `limit` bytes are kept as
    /// the paste, and every byte goes through `scan` (the codes of a log of any size, in bounded memory).
    public static func read(from handle: FileHandle, limit: Int = PasteInput.defaultLimit, scanning scan: inout LogScan) throws -> PasteInput {
        var head: [UInt8] = []
        var local = scan
        let result = BoundedRead.stream(handle.fileDescriptor, limit: LogScan.maximumInputBytes) { chunk in
            if head.count <= limit { head.append(contentsOf: chunk.prefix(limit + 1 - head.count)) }
            local.feed(chunk)
        }
        local.finish()
        switch result {
        case let .failure(failure): throw failure
        case let .success((_, more)):
            local.cutShort = more
            scan = local
            let truncated = head.count > limit
            if truncated { head.removeLast(head.count - limit) }
            return PasteInput(data: Data(head), limit: limit, truncated: truncated)
        }
    }

    /// Reads at most `limit` bytes (plus one, to know whether there was more) from a file handle; a read error
    /// is thrown as `BoundedRead.Failure` (its description is the system's wording, e.g. "Input/output error").
    public static func read(from handle: FileHandle, limit: Int = PasteInput.defaultLimit) throws -> PasteInput {
        switch BoundedRead.prefix(handle.fileDescriptor, limit: limit) {
        case let .failure(failure): throw failure
        case let .success((bytes, more)): return PasteInput(data: Data(bytes), limit: limit, truncated: more)
        }
    }
}
