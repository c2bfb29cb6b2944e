import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a descriptor (a file, a pipe, standard input) to its end with a bound: memory grows with what is
/// really read, in chunks, never with a size a file claims; a read error is a clear message, not a raw
/// Foundation error (reading `/proc/self/mem` fails with EIO).
public enum BoundedRead {
    /// Why a read stopped.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// More than `limit` bytes were there.
        case tooLarge(limit: Int)
        /// `read(2)` failed: the system's wording.
        case system(String)

        public var description: String {
            switch self {
            case let .tooLarge(limit): return "more than \(CatalogLimits.describe(limit)); at most \(CatalogLimits.describe(limit)) is read"
            case let .system(reason): return reason
            }
        }

        var problem: SharedFile.Problem {
            switch self {
            case let .tooLarge(limit): return .tooLarge(bytes: limit + 1, limit: limit)
            case let .system(reason): return .unreadable(reason)
            }
        }
    }

    static let chunk = 64 << 10

    /// Everything up to the end, failing when there is more than `limit`. `expected` (a size from `fstat`) only
    /// sizes the first allocation, capped by `limit`.
    public static func all(_ descriptor: Int32, limit: Int, expected: Int = 0) -> Result<[UInt8], Failure> {
        switch prefix(descriptor, limit: limit, expected: expected) {
        case let .failure(failure): return .failure(failure)
        case let .success((bytes, more)): return more ? .failure(.tooLarge(limit: limit)) : .success(bytes)
        }
    }

    /// Reads to the end (or `limit` bytes) in chunks, handing each to `each`; memory stays one chunk. Returns how
    /// many bytes were read and whether there was more past `limit`.
    public static func stream(_ descriptor: Int32, limit: Int, _ each: (ArraySlice<UInt8>) -> Void) -> Result<(total: Int, more: Bool), Failure> {
        var buffer = [UInt8](repeating: 0, count: chunk)
        var total = 0
        while total < limit {
            let count: Int
            switch readChunk(descriptor, into: &buffer, wanted: min(chunk, limit - total)) {
            case let .failure(failure): return .failure(failure)
            case let .success(read): count = read
            }
            if count == 0 { return .success((total, false)) }
            total += count
            each(buffer[0..<count])
        }
        var probe: UInt8 = 0
        return .success((total, read(descriptor, &probe, 1) > 0))
    }

    /// The first `limit` bytes, and whether there was more (one byte past `limit` is read to know).
    public static func prefix(_ descriptor: Int32, limit: Int, expected: Int = 0) -> Result<(bytes: [UInt8], more: Bool), Failure> {
        let limit = max(0, limit)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(max(0, expected), limit) + 1)
        var buffer = [UInt8](repeating: 0, count: chunk)
        while bytes.count <= limit {
            let count: Int
            switch readChunk(descriptor, into: &buffer, wanted: min(chunk, limit + 1 - bytes.count)) {
            case let .failure(failure): return .failure(failure)
            case let .success(read): count = read
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        let more = bytes.count > limit
        if more { bytes.removeLast(bytes.count - limit) }
        return .success((bytes, more))
    }

    /// One `read(2)` of at most `wanted` bytes, retried on EINTR and after waiting on EAGAIN (a non-blocking
    /// descriptor); 0 at the end.
    private static func readChunk(_ descriptor: Int32, into buffer: inout [UInt8], wanted: Int) -> Result<Int, Failure> {
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
            if count >= 0 { return .success(count) }
            if errno == EINTR { continue }
            if errno == EAGAIN {
                var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                _ = poll(&waiting, 1, -1)
                continue
            }
            return .failure(.system(String(cString: strerror(errno))))
        }
    }
}
