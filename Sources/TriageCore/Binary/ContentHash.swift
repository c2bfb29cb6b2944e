/// A fast 64-bit content hash (FNV-style over 8-byte words, with a final mix): the content hash of catalog
/// files, and the checksum of compiled catalogs and of stored search indexes. Not a security measure; it tells a
/// changed or damaged file from an unchanged one.
enum ContentHash {
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        of(bytes, chunk: bytes.count) { _ in }
    }

    static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { of($0) } }

    /// The same hash as `of(_:)`, computed `chunk` bytes at a time (a multiple of 8), handing each chunk done to
    /// `afterChunk` (a mapped file lets its pages go there, so checking a big file never holds all of it).
    static func of(_ bytes: UnsafeRawBufferPointer, chunk: Int, afterChunk: (UnsafeRawBufferPointer) -> Void) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
        let words = bytes.count / 8
        let wordsPerChunk = max(1, chunk / 8)
        var start = 0
        while start < words {
            let end = min(words, start + wordsPerChunk)
            for index in start..<end {
                hash = (hash ^ bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) &* 0x0000_0100_0000_01B3
                hash ^= hash >> 29
            }
            afterChunk(UnsafeRawBufferPointer(rebasing: bytes[(start * 8)..<(end * 8)]))
            start = end
        }
        for index in (words * 8)..<bytes.count {
            hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01B3
        }
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        return hash ^ (hash >> 33)
    }

    /// Another hash of the same strength for big buffers, about four times faster: four independent lanes over
    /// 32-byte blocks, then the bytes left one at a time and the same final mix. The checksum of stored search
    /// indexes (checked at every open). `chunk` (a multiple of 32) and `afterChunk` as for `of(_:chunk:afterChunk:)`.
    static func wide(_ bytes: UnsafeRawBufferPointer, chunk: Int = .max,
                     afterChunk: (UnsafeRawBufferPointer) -> Void = { _ in }) -> UInt64 {
        let prime: UInt64 = 0x0000_0100_0000_01B3
        var a: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count)
        var b = a &+ 0x9E37_79B9_7F4A_7C15, c = b &+ 0x9E37_79B9_7F4A_7C15, d = c &+ 0x9E37_79B9_7F4A_7C15
        @inline(__always) func step(_ lane: inout UInt64, _ word: UInt64) {
            lane = (lane ^ word) &* prime
            lane ^= lane >> 29
        }
        let blocks = bytes.count / 32
        let blocksPerChunk = max(1, chunk / 32)
        var start = 0
        while start < blocks {
            let end = min(blocks, start + blocksPerChunk)
            for block in start..<end {
                let at = block * 32
                step(&a, bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
                step(&b, bytes.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self))
                step(&c, bytes.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self))
                step(&d, bytes.loadUnaligned(fromByteOffset: at + 24, as: UInt64.self))
            }
            afterChunk(UnsafeRawBufferPointer(rebasing: bytes[(start * 32)..<(end * 32)]))
            start = end
        }
        var hash = a
        for lane in [b, c, d] { step(&hash, lane) }
        for index in (blocks * 32)..<bytes.count {
            hash = (hash ^ UInt64(bytes[index])) &* prime
        }
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        return hash ^ (hash >> 33)
    }
}
