import Foundation

/// The built index as bytes, and back without rebuilding: every array is flat, so the bytes are a short header,
/// the arrays one after another (little-endian) and a checksum. Decoding checks the checksum, that the bytes
/// were made for this catalog (entry count and a hash of every vendor and code), and that every offset and id is
/// in range, so damaged or foreign bytes are rejected (nil) and never crash a search.
extension SearchIndex {
    static let encodingMagic: [UInt8] = Array("TRIAGEIX".utf8)
    static let encodingVersion: UInt32 = 1

    /// The index as bytes for `SearchIndex(decoding:catalog:)`.
    public func encoded() -> [UInt8] {
        var writer = IndexWriter()
        writer.raw(Self.encodingMagic)
        writer.integer(UInt64(Self.encodingVersion))
        writer.integer(UInt64(entryCount))
        writer.integer(Self.fingerprint(catalog))
        writer.strings(vocabulary.strings)
        writer.array(vocabularyStems)
        writer.array(postingStarts)
        writer.array(postingEntries)
        writer.array(postingFields)
        writer.array(bigramStarts)
        writer.array(bigramWords)
        writer.strings(stems.strings)
        writer.array(stemWordStarts)
        writer.array(stemWords)
        writer.array(codeWordStarts)
        writer.array(codeWords)
        writer.array(messageStarts)
        writer.array(messageStems)
        writer.array(phraseStarts)
        writer.array(phraseStems)
        writer.strings(codeKeys.strings)
        writer.array(codeKeyStarts)
        writer.array(codeKeyEntries)
        writer.array(characterBits)
        let checksum = ContentHash64.of(writer.bytes[...])
        writer.integer(checksum)
        return writer.bytes
    }

    /// The index `encoded()` wrote for `catalog`, or nil when the bytes are damaged, of another version or made
    /// for another catalog.
    public init?(decoding bytes: [UInt8], catalog: Catalog) {
        guard bytes.count >= Self.encodingMagic.count + 8 * 4 else { return nil }
        var trailer = IndexReader(bytes[(bytes.count - 8)...])
        guard ContentHash64.of(bytes[..<(bytes.count - 8)]) == trailer.integer() else { return nil }
        var reader = IndexReader(bytes[..<(bytes.count - 8)])
        guard reader.raw(Self.encodingMagic.count) == Self.encodingMagic,
              reader.integer() == UInt64(Self.encodingVersion),
              reader.integer() == UInt64(catalog.entries.count),
              reader.integer() == Self.fingerprint(catalog) else { return nil }
        let entries = catalog.entries.count
        guard let vocabulary = reader.strings(),
              let vocabularyStems: [Int32] = reader.array(),
              let postingStarts: [Int32] = reader.array(),
              let postingEntries: [Int32] = reader.array(),
              let postingFields: [UInt8] = reader.array(),
              let bigramStarts: [Int32] = reader.array(),
              let bigramWords: [Int32] = reader.array(),
              let stemStrings = reader.strings(),
              let stemWordStarts: [Int32] = reader.array(),
              let stemWords: [Int32] = reader.array(),
              let codeWordStarts: [Int32] = reader.array(),
              let codeWords: [Int32] = reader.array(),
              let messageStarts: [Int32] = reader.array(),
              let messageStems: [Int32] = reader.array(),
              let phraseStarts: [Int32] = reader.array(),
              let phraseStems: [Int32] = reader.array(),
              let codeKeyStrings = reader.strings(),
              let codeKeyStarts: [Int32] = reader.array(),
              let codeKeyEntries: [Int32] = reader.array(),
              let characterBits: [UInt64] = reader.array(),
              reader.isAtEnd
        else { return nil }
        let stems = ByteTable(strings: stemStrings)
        let codeKeys = ByteTable(strings: codeKeyStrings)
        let words = vocabulary.count
        let bitWords = (entries + 63) / 64
        func offsets(_ starts: [Int32], _ count: Int, _ total: Int) -> Bool {
            guard starts.count == count + 1, starts.first == 0, Int(starts[count]) == total else { return false }
            for i in 0..<count where starts[i] > starts[i + 1] { return false }
            return true
        }
        func ids(_ values: [Int32], below limit: Int, allowing: Int32? = nil) -> Bool {
            values.allSatisfy { ($0 >= 0 && Int($0) < limit) || $0 == allowing }
        }
        guard Self.isSorted(vocabulary),
              vocabularyStems.count == words, ids(vocabularyStems, below: stems.count),
              offsets(postingStarts, words, postingEntries.count), postingFields.count == postingEntries.count,
              ids(postingEntries, below: entries),
              postingFields.allSatisfy({ $0 != 0 && Int($0.trailingZeroBitCount) < SearchField.allCases.count }),
              offsets(bigramStarts, 65536, bigramWords.count), ids(bigramWords, below: words),
              offsets(stemWordStarts, stems.count, stemWords.count), ids(stemWords, below: words),
              offsets(codeWordStarts, entries, codeWords.count), ids(codeWords, below: words),
              codeWords.allSatisfy({ vocabulary.length(Int($0)) > 0 }),
              offsets(messageStarts, entries, messageStems.count), ids(messageStems, below: stems.count),
              offsets(phraseStarts, entries, phraseStems.count), ids(phraseStems, below: stems.count, allowing: -1),
              offsets(codeKeyStarts, codeKeys.count, codeKeyEntries.count), ids(codeKeyEntries, below: entries),
              characterBits.count == 36 * bitWords
        else { return nil }
        let (deprecated, vendorsWithStatuses) = Self.vendorFacts(catalog)
        self.init(catalog: catalog, vocabulary: SortedWords(strings: vocabulary), vocabularyStems: vocabularyStems,
                  postingStarts: postingStarts, postingEntries: postingEntries, postingFields: postingFields,
                  bigramStarts: bigramStarts, bigramWords: bigramWords, stems: stems, stemWordStarts: stemWordStarts,
                  stemWords: stemWords, codeWordStarts: codeWordStarts, codeWords: codeWords, messageStarts: messageStarts,
                  messageStems: messageStems, phraseStarts: phraseStarts, phraseStems: phraseStems, codeKeys: codeKeys,
                  codeKeyStarts: codeKeyStarts, codeKeyEntries: codeKeyEntries, characterBits: characterBits,
                  bitWords: bitWords, deprecated: deprecated, vendorsWithStatuses: vendorsWithStatuses)
    }

    /// Which entries' vendors are deprecated, and which vendors document statuses: read off the catalog.
    static func vendorFacts(_ catalog: Catalog) -> (deprecated: [Bool], vendorsWithStatuses: Set<String>) {
        var deprecated: [Bool] = []
        deprecated.reserveCapacity(catalog.entries.count)
        var byVendor: [String: Bool] = [:]
        var vendorsWithStatuses: Set<String> = []
        for entry in catalog.entries {
            if entry.httpStatus != nil { vendorsWithStatuses.insert(entry.vendor) }
            let isDeprecated = byVendor[entry.vendor] ?? {
                let value = catalog.vendor(id: entry.vendor)?.notice?.lowercased().contains("deprecat") ?? false
                byVendor[entry.vendor] = value
                return value
            }()
            deprecated.append(isDeprecated)
        }
        return (deprecated, vendorsWithStatuses)
    }

    /// A hash of every entry's vendor and code, in order: bytes made for another catalog do not decode.
    /// For a compiled catalog, its checksum (every word of it, without reading the entries again).
    static func fingerprint(_ catalog: Catalog) -> UInt64 {
        if let checksum = catalog.compiledChecksum { return checksum ^ 0x5EA2_C41D_E7F1_0001 }
        var hash = ContentHash64()
        // One-field reads: a compiled catalog answers them without decoding its entries.
        let entries = catalog.entries
        for at in entries.indices {
            hash.add(entries.vendor(at: at).utf8)
            hash.add(CollectionOfOne(0))
            hash.add(entries.code(at: at).utf8)
            hash.add(CollectionOfOne(0))
        }
        return hash.value
    }

    private static func isSorted(_ words: ByteStrings) -> Bool {
        guard words.count > 1 else { return true }
        return words.bytes.withUnsafeBufferPointer { all in
            for i in 1..<words.count {
                let a = words.range(i - 1), b = words.range(i)
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : memcmp(all.baseAddress! + a.lowerBound, all.baseAddress! + b.lowerBound, common)
                if order > 0 || (order == 0 && a.count >= b.count) { return false }
            }
            return true
        }
    }
}

/// FNV-1a, 64 bits: the checksum of an encoded index.
struct ContentHash64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        var hash = value
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        value = hash
    }

    static func of(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash = ContentHash64()
        bytes.withUnsafeBufferPointer { hash.add($0) }
        return hash.value
    }
}

private struct IndexWriter {
    var bytes: [UInt8] = []

    mutating func raw(_ data: [UInt8]) { bytes += data }

    mutating func integer(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    mutating func array<T: FixedWidthInteger>(_ values: [T]) {
        integer(UInt64(values.count))
        #if _endian(little)
        values.withUnsafeBytes { bytes += $0 }
        #else
        for value in values { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        #endif
    }

    mutating func strings(_ strings: ByteStrings) {
        array(strings.bytes)
        array(strings.starts)
    }
}

private struct IndexReader {
    let bytes: ArraySlice<UInt8>
    private var at: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        at = bytes.startIndex
    }

    var isAtEnd: Bool { at == bytes.endIndex }

    mutating func raw(_ count: Int) -> [UInt8]? {
        guard count >= 0, bytes.endIndex - at >= count else { return nil }
        defer { at += count }
        return Array(bytes[at..<(at + count)])
    }

    mutating func integer() -> UInt64? {
        guard let raw = raw(8) else { return nil }
        return raw.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
    }

    mutating func array<T: FixedWidthInteger>() -> [T]? {
        guard let count = integer(), count <= UInt64(bytes.endIndex - at) / UInt64(MemoryLayout<T>.size) else { return nil }
        let length = Int(count) * MemoryLayout<T>.size
        let values = bytes[at..<(at + length)].withUnsafeBytes { raw in
            [T](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
                if length > 0 { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: raw) }
                #if !_endian(little)
                for i in 0..<Int(count) { buffer[i] = T(littleEndian: buffer[i]) }
                #endif
                initialized = Int(count)
            }
        }
        at += length
        return values
    }

    mutating func strings() -> ByteStrings? {
        guard let bytes: [UInt8] = array(), let starts: [Int32] = array(), let first = starts.first, first == 0,
              Int(starts[starts.count - 1]) == bytes.count else { return nil }
        for i in 1..<starts.count where starts[i - 1] > starts[i] { return nil }
        return ByteStrings(bytes: bytes, starts: starts)
    }
}
