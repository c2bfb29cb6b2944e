/// Appends numbers, strings and arrays to a byte buffer: the one binary layout of compiled catalogs, their
/// cache files and stored search indexes. Varints are little-endian base-128, strings a varint length plus
/// their UTF-8 bytes, fixed-width numbers little-endian, and integer arrays a `uint64` count plus their
/// elements (little-endian). `ByteReader` reads it back.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func varint(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            varint(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optionalString(_ text: String?) {
        if let text { bytes.append(1); string(text) } else { bytes.append(0) }
    }

    mutating func strings(_ texts: [String]) {
        varint(texts.count)
        texts.forEach { string($0) }
    }

    mutating func raw(_ data: [UInt8]) { bytes.append(contentsOf: data) }

    mutating func raw(_ data: UnsafeRawBufferPointer) { bytes.append(contentsOf: data) }

    /// Zero bytes up to the next multiple of `alignment` from the start (what arrays read in place need).
    mutating func align(_ alignment: Int) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }

    mutating func uint32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func uint64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// An array of integers: its count as a `uint64`, then each element little-endian (one copy on
    /// little-endian machines).
    mutating func array<T: FixedWidthInteger>(_ values: [T]) {
        uint64(UInt64(values.count))
        #if _endian(little)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        #else
        for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        #endif
    }
}
