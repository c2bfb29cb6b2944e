/// Reads what `ByteWriter` wrote, checking every length against the buffer: damaged input throws, never crashes.
struct ByteReader {
    struct Damaged: Error {}

    private let bytes: UnsafeRawBufferPointer
    private(set) var offset: Int

    init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset == bytes.count }

    /// Moves past a string without making it.
    mutating func skipString() throws {
        offset += try count()
    }

    mutating func varint() throws -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Damaged() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: value))
    }

    /// A count or length: not negative, and not more than the bytes left (each item takes at least one byte).
    mutating func count() throws -> Int {
        let value = try varint()
        guard value >= 0, value <= bytes.count - offset else { throw Damaged() }
        return value
    }

    mutating func string() throws -> String {
        let length = try count()
        let start = offset
        offset += length
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + length)]), as: UTF8.self)
    }

    mutating func optionalString() throws -> String? {
        try byte() == 0 ? nil : string()
    }

    mutating func strings() throws -> [String] {
        let count = try count()
        var result: [String] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try string()) }
        return result
    }

    mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw Damaged() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func raw(_ length: Int) throws -> UnsafeRawBufferPointer {
        guard length >= 0, length <= bytes.count - offset else { throw Damaged() }
        defer { offset += length }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)])
    }

    mutating func uint64() throws -> UInt64 {
        let part = try raw(8)
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(part[index]) << UInt64(8 * index) }
        return value
    }

    /// An array `ByteWriter.array` wrote.
    mutating func array<T: FixedWidthInteger>() throws -> [T] {
        let size = MemoryLayout<T>.size
        let count = try uint64()
        guard count <= UInt64(bytes.count - offset) / UInt64(size) else { throw Damaged() }
        let part = try raw(Int(count) * size)
        return [T](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
            if !part.isEmpty { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: part) }
            #if !_endian(little)
            for i in 0..<Int(count) { buffer[i] = T(littleEndian: buffer[i]) }
            #endif
            initialized = Int(count)
        }
    }
}
