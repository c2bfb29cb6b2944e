import Foundation

/// The built index as bytes, and back without rebuilding: every array is flat, so the bytes are a short header,
/// the arrays one after another (little-endian) and a checksum. Decoding checks the checksum, that the bytes
/// were made for this catalog (entry count and a hash of every vendor and code), and that every offset and id is
/// in range, so damaged or foreign bytes are rejected (nil) and never crash a search.
extension SearchIndex {
    static let encodingMagic: [UInt8] = Array("TRIAGEIX".utf8)
    /// 2: the checksum and the catalog fingerprint are `ContentHash` (version 1 used FNV-1a).
    /// 3: field bits are 16 wide (the `phrases` field made nine).
    /// 4: the per-entry facts the ranking reads (deprecated vendors, vendors with statuses) stored, not re-read
    /// off the catalog's entries.
    static let encodingVersion: UInt64 = 4

    /// The index as bytes for `SearchIndex(decoding:catalog:)`.
    public func encoded() -> [UInt8] {
        var writer = ByteWriter(capacity: storageBytes + 512)
        writer.raw(Self.encodingMagic)
        writer.uint64(Self.encodingVersion)
        writer.uint64(UInt64(entryCount))
        writer.uint64(Self.fingerprint(catalog))
        writer.byteStrings(vocabulary.strings)
        writer.array(vocabularyStems)
        writer.array(postingStarts)
        writer.array(postingEntries)
        writer.array(postingFields)
        writer.array(bigramStarts)
        writer.array(bigramWords)
        writer.byteStrings(stems.strings)
        writer.array(stemWordStarts)
        writer.array(stemWords)
        writer.array(codeWordStarts)
        writer.array(codeWords)
        writer.array(messageStarts)
        writer.array(messageStems)
        writer.array(phraseStarts)
        writer.array(phraseStems)
        writer.byteStrings(codeKeys.strings)
        writer.array(codeKeyStarts)
        writer.array(codeKeyEntries)
        writer.array(characterBits)
        writer.array(deprecated.map { UInt8($0 ? 1 : 0) })
        writer.strings(vendorsWithStatuses.sorted())
        writer.uint64(ContentHash.of(writer.bytes))
        return writer.bytes
    }

    /// The index `encoded()` wrote for `catalog`, or nil when the bytes are damaged, of another version or made
    /// for another catalog.
    public init?(decoding bytes: [UInt8], catalog: Catalog) {
        guard let index = try? bytes.withUnsafeBytes({ try Self.decode($0, catalog: catalog, owner: nil) }) else { return nil }
        self = index
    }

    /// The same from `bytes`, a part of `owner`'s: when that is a mapping, its pages are let go as they are
    /// checked and copied out, so the stored index and the decoded one are never both resident.
    init?(decoding bytes: UnsafeRawBufferPointer, catalog: Catalog, owner: CatalogBytes) {
        guard let index = try? Self.decode(bytes, catalog: catalog, owner: owner) else { return nil }
        self = index
    }

    /// What `init?(decoding:catalog:)` decodes; throws `ByteReader.Damaged` for anything it rejects.
    private static func decode(_ bytes: UnsafeRawBufferPointer, catalog: Catalog, owner: CatalogBytes?) throws -> SearchIndex {
        guard bytes.count >= Self.encodingMagic.count + 8 * 4 else { throw ByteReader.Damaged() }
        let body = UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count - 8)])
        var trailer = ByteReader(bytes, offset: body.count)
        guard try (owner?.checksum(of: body) ?? ContentHash.of(body)) == trailer.uint64() else { throw ByteReader.Damaged() }
        var reader = ByteReader(body)
        /// The next array, its bytes let go once copied.
        func array<T: FixedWidthInteger>() throws -> [T] {
            let start = reader.offset
            let values: [T] = try reader.array()
            owner?.release(UnsafeRawBufferPointer(rebasing: body[start..<reader.offset]))
            return values
        }
        func byteStrings() throws -> ByteStrings {
            let start = reader.offset
            let strings = try reader.byteStrings()
            owner?.release(UnsafeRawBufferPointer(rebasing: body[start..<reader.offset]))
            return strings
        }
        guard try reader.raw(Self.encodingMagic.count).elementsEqual(Self.encodingMagic),
              try reader.uint64() == Self.encodingVersion,
              try reader.uint64() == UInt64(catalog.entries.count),
              try reader.uint64() == Self.fingerprint(catalog) else { throw ByteReader.Damaged() }
        // In `encoded()`'s order (arguments are evaluated left to right).
        let index = try SearchIndex(
            catalog: catalog, vocabulary: SortedWords(strings: byteStrings()), vocabularyStems: array(),
            postingStarts: array(), postingEntries: array(), postingFields: array(),
            bigramStarts: array(), bigramWords: array(), stems: ByteTable(strings: byteStrings()),
            stemWordStarts: array(), stemWords: array(), codeWordStarts: array(),
            codeWords: array(), messageStarts: array(), messageStems: array(),
            phraseStarts: array(), phraseStems: array(), codeKeys: ByteTable(strings: byteStrings()),
            codeKeyStarts: array(), codeKeyEntries: array(), characterBits: array(),
            bitWords: (catalog.entries.count + 63) / 64, deprecated: array().map { (byte: UInt8) in byte != 0 },
            vendorsWithStatuses: Set(reader.strings()))
        guard reader.isAtEnd, index.isWellFormed else { throw ByteReader.Damaged() }
        return index
    }

    /// Whether every offset table runs from 0, ascending, to the end of what it indexes and every id is in
    /// range: damage a checksum does not catch (bytes written wrong), checked before a search reads them.
    private var isWellFormed: Bool {
        let entries = entryCount, words = vocabulary.count
        func offsets(_ starts: [Int32], _ count: Int, _ total: Int) -> Bool {
            guard starts.count == count + 1, starts.first == 0, Int(starts[count]) == total else { return false }
            for i in 0..<count where starts[i] > starts[i + 1] { return false }
            return true
        }
        func ids(_ values: [Int32], below limit: Int, allowing: Int32? = nil) -> Bool {
            values.allSatisfy { ($0 >= 0 && Int($0) < limit) || $0 == allowing }
        }
        return Self.isSorted(vocabulary.strings)
            && vocabularyStems.count == words && ids(vocabularyStems, below: stems.count)
            && offsets(postingStarts, words, postingEntries.count) && postingFields.count == postingEntries.count
            && ids(postingEntries, below: entries)
            && postingFields.allSatisfy({ $0 != 0 && Int($0.trailingZeroBitCount) < SearchField.allCases.count })
            && offsets(bigramStarts, 65536, bigramWords.count) && ids(bigramWords, below: words)
            && offsets(stemWordStarts, stems.count, stemWords.count) && ids(stemWords, below: words)
            && offsets(codeWordStarts, entries, codeWords.count) && ids(codeWords, below: words)
            && codeWords.allSatisfy({ vocabulary.strings.length(Int($0)) > 0 })
            && offsets(messageStarts, entries, messageStems.count) && ids(messageStems, below: stems.count)
            && offsets(phraseStarts, entries, phraseStems.count) && ids(phraseStems, below: stems.count, allowing: -1)
            && offsets(codeKeyStarts, codeKeys.count, codeKeyEntries.count) && ids(codeKeyEntries, below: entries)
            && characterBits.count == 36 * bitWords && deprecated.count == entries
    }

    /// A hash of every entry's vendor and code, in order: bytes made for another catalog do not decode.
    /// For a compiled catalog, its checksum (every word of it, without reading the entries again).
    static func fingerprint(_ catalog: Catalog) -> UInt64 {
        if let checksum = catalog.compiledChecksum { return checksum ^ 0x5EA2_C41D_E7F1_0001 }
        var names = ByteWriter()
        // One-field reads: a compiled catalog answers them without decoding its entries.
        let entries = catalog.entries
        for at in entries.indices {
            names.string(entries.vendor(at: at))
            names.string(entries.code(at: at))
        }
        return ContentHash.of(names.bytes)
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

extension ByteWriter {
    /// Strings as `ByteStrings` keeps them: the bytes, then the offsets.
    mutating func byteStrings(_ strings: ByteStrings) {
        array(strings.bytes)
        array(strings.starts)
    }
}

extension ByteReader {
    /// Strings `ByteWriter.byteStrings` wrote, their offsets checked (from 0, ascending, to the end of the bytes).
    mutating func byteStrings() throws -> ByteStrings {
        let bytes: [UInt8] = try array()
        let starts: [Int32] = try array()
        guard let first = starts.first, first == 0, Int(starts[starts.count - 1]) == bytes.count else { throw Damaged() }
        for i in 1..<starts.count where starts[i - 1] > starts[i] { throw Damaged() }
        return ByteStrings(bytes: bytes, starts: starts)
    }
}
