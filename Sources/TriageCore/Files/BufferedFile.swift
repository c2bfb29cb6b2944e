import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written front to back through a buffer of `bufferSize` bytes, whose written bytes can be read back
/// (through a read-ahead buffer of the same size) and patched in place: what a compile writes its cache file and
/// its scratch files with, so none of them is ever whole in memory. The caller owns the descriptor's lifetime
/// through `close()`. Failures are `FileWriteError`s.
final class BufferedFile {
    let descriptor: Int32
    /// The path the file was opened at (for messages; a scratch file is already unlinked).
    let path: String
    /// How many bytes were appended (written out or still in the buffer).
    private(set) var length = 0
    private let bufferSize: Int
    private var pending: [UInt8] = []
    private var readAhead: [UInt8] = []
    private var readAheadStart = 0

    init(descriptor: Int32, path: String, bufferSize: Int = 1 << 20) {
        self.descriptor = descriptor
        self.path = path
        self.bufferSize = bufferSize
        pending.reserveCapacity(bufferSize)
    }

    /// An unnamed file in `directory` (created 0600 and unlinked at once): it goes away when closed, or when the
    /// process ends however it ends.
    static func scratch(in directory: String, name: String) throws -> BufferedFile {
        let path = "\(directory)/\(name).\(getpid()).scratch"
        unlink(path)
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FileWriteError(path: path, errno: errno) }
        unlink(path)
        return BufferedFile(descriptor: descriptor, path: path)
    }

    func append(_ bytes: UnsafeRawBufferPointer) throws {
        length += bytes.count
        if pending.count + bytes.count > bufferSize { try flush() }
        if bytes.count >= bufferSize {
            try FileWriter.writeAll(bytes, to: descriptor, path: path)
        } else {
            pending.append(contentsOf: bytes)
        }
    }

    func append(_ bytes: [UInt8]) throws { try bytes.withUnsafeBytes { try append($0) } }

    /// Writes out what is buffered.
    func flush() throws {
        guard !pending.isEmpty else { return }
        try pending.withUnsafeBytes { try FileWriter.writeAll($0, to: descriptor, path: path) }
        pending.removeAll(keepingCapacity: true)
    }

    /// Overwrites bytes already appended and flushed, at `offset` from the start of the file.
    func patch(_ bytes: [UInt8], at offset: Int) throws {
        precondition(offset + bytes.count <= length - pending.count, "patching bytes not yet written")
        let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
        guard written == bytes.count else { throw FileWriteError(path: path, errno: written < 0 ? errno : EIO) }
    }

    /// Hands `body` the `count` bytes at `offset` (appended and flushed), read through the read-ahead buffer: a
    /// file read mostly front to back costs one read a buffer.
    func withBytes<Result>(at offset: Int, count: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) throws -> Result {
        if offset < readAheadStart || offset + count > readAheadStart + readAhead.count {
            readAhead = [UInt8](repeating: 0, count: max(count, bufferSize))
            var filled = 0
            while filled < readAhead.count {
                let read = readAhead.withUnsafeMutableBytes {
                    pread(descriptor, $0.baseAddress! + filled, $0.count - filled, off_t(offset + filled))
                }
                if read < 0, errno == EINTR { continue }
                guard read > 0 else { break }
                filled += read
            }
            guard filled >= count else { throw FileWriteError(path: path, errno: EIO) }
            readAhead.removeLast(readAhead.count - filled)
            readAheadStart = offset
        }
        return try readAhead.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[(offset - readAheadStart)..<(offset - readAheadStart + count)])) }
    }

    func close() { closeDescriptor(descriptor) }
}

private func closeDescriptor(_ descriptor: Int32) { close(descriptor) }
