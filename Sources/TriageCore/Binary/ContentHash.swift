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
}
