import Foundation

/// The built index as bytes, and back without rebuilding or copying: every array is flat, so the bytes are a short
/// header, the arrays one after another (each 8-byte aligned, little-endian) and a checksum, and a decoded index
/// reads its arrays in place (`FlatArray`). Decoding checks that the bytes were made for this catalog (entry count
/// and a hash of every vendor and code) and that every offset and id is in range (`IndexCheck.structure`), so
/// damaged or foreign bytes never crash a search; the full check (`IndexCheck.full`) also reads every byte against
/// the checksum and checks the vocabulary's order, what `triage cache --verify` and bytes in memory get.
extension SearchIndex {
    static let encodingMagic: [UInt8] = Array("TRIAGEIX".utf8)
    /// 2: the checksum and the catalog fingerprint are `ContentHash` (version 1 used FNV-1a).
    /// 3: field bits are 16 wide (the `phrases` field made nine).
    /// 4: the per-entry facts the ranking reads (deprecated vendors, vendors with statuses) stored, not re-read
    /// off the catalog's entries.
    /// 5: arrays 8-byte aligned (read in place, not copied), the hash slots of the stems and code keys stored, and
    /// the checksum `ContentHash.wide`.
    /// 6: the stems of category names (query steering), after the vendors with statuses.
    static let encodingVersion: UInt64 = 6

    /// The index as bytes for `SearchIndex(decoding:catalog:)`.
    public func encoded() -> [UInt8] {
        var writer = ByteWriter(capacity: storageBytes + 512)
        writer.raw(Self.encodingMagic)
        writer.uint64(Self.encodingVersion)
        writer.uint64(UInt64(entryCount))
        writer.uint64(Self.fingerprint(catalog))
        writer.byteStrings(vocabulary.strings)
        writer.flatArray(vocabularyStems)
        writer.flatArray(postingStarts)
        writer.flatArray(postingEntries)
        writer.flatArray(postingFields)
        writer.flatArray(bigramStarts)
        writer.flatArray(bigramWords)
        writer.byteTable(stems)
        writer.flatArray(stemWordStarts)
        writer.flatArray(stemWords)
        writer.flatArray(codeWordStarts)
        writer.flatArray(codeWords)
        writer.flatArray(messageStarts)
        writer.flatArray(messageStems)
        writer.flatArray(phraseStarts)
        writer.flatArray(phraseStems)
        writer.byteTable(codeKeys)
        writer.flatArray(codeKeyStarts)
        writer.flatArray(codeKeyEntries)
        writer.flatArray(characterBits)
        writer.flatArray(deprecated)
        writer.strings(vendorsWithStatuses.sorted())
        writer.byteStrings(categoryStems)
        writer.flatArray(categoryStemStarts)
        writer.uint64(writer.bytes.withUnsafeBytes { ContentHash.wide($0) })
        return writer.bytes
    }

    /// How much of a stored index is checked when it is opened.
    public enum IndexCheck: Sendable {
        /// The header, the catalog's fingerprint, and every offset table and id in range: what keeps a search from
        /// ever reading out of bounds, without reading the bytes the checks do not need (the vocabulary's text).
        /// A flipped byte elsewhere gives wrong results, never a crash; the full check finds it.
        case structure
        /// The structure, every byte against the checksum, and the vocabulary in order.
        case full
    }

    /// The index `encoded()` wrote for `catalog`, or nil when the bytes are damaged (as far as `check` looks), of
    /// another version or made for another catalog. The bytes are copied once; the index reads its arrays in that
    /// copy.
    public init?(decoding bytes: [UInt8], catalog: Catalog, check: IndexCheck = .full) {
        let copy = CatalogBytes.copy(of: bytes)
        guard let index = try? Self.decode(copy.buffer, catalog: catalog, owner: copy, check: check) else { return nil }
        self = index
    }

    /// The same from all of `owner`'s bytes, read in place (the built-in index, `CatalogBytes(literal:)`).
    public init?(decoding owner: CatalogBytes, catalog: Catalog, check: IndexCheck) {
        self.init(decoding: owner.buffer, catalog: catalog, owner: owner, check: check)
    }

    /// The same from `bytes`, a part of `owner`'s (8-byte aligned), read in place: the index keeps `owner` alive
    /// and copies nothing. When `owner` is a mapping, the pages the checks read are let go after them, so only
    /// what searches read becomes resident.
    init?(decoding bytes: UnsafeRawBufferPointer, catalog: Catalog, owner: CatalogBytes, check: IndexCheck) {
        guard let index = try? Self.decode(bytes, catalog: catalog, owner: owner, check: check) else { return nil }
        self = index
    }

    /// What `init?(decoding:catalog:)` decodes; throws `ByteReader.Damaged` for anything it rejects.
    private static func decode(_ bytes: UnsafeRawBufferPointer, catalog: Catalog, owner: CatalogBytes,
                               check: IndexCheck) throws -> SearchIndex {
        guard bytes.count >= Self.encodingMagic.count + 8 * 4,
              let base = bytes.baseAddress, Int(bitPattern: base) % 8 == 0 else { throw ByteReader.Damaged() }
        let body = UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count - 8)])
        if check == .full {
            var trailer = ByteReader(bytes, offset: body.count)
            guard try owner.checksum(of: body, hash: ContentHash.wide) == trailer.uint64() else { throw ByteReader.Damaged() }
            owner.release(body)
        }
        var reader = ByteReader(body)
        func array<T: FixedWidthInteger & Sendable>() throws -> FlatArray<T> { try reader.flatArray(owner: owner) }
        func byteStrings() throws -> ByteStrings { try reader.byteStrings(owner: owner) }
        func byteTable() throws -> ByteTable {
            guard let table = try ByteTable(strings: byteStrings(), slots: array()) else { throw ByteReader.Damaged() }
            return table
        }
        guard try reader.raw(Self.encodingMagic.count).elementsEqual(Self.encodingMagic),
              try reader.uint64() == Self.encodingVersion,
              try reader.uint64() == UInt64(catalog.entries.count),
              try reader.uint64() == Self.fingerprint(catalog) else { throw ByteReader.Damaged() }
        // In `encoded()`'s order (arguments are evaluated left to right).
        let index = try SearchIndex(
            catalog: catalog, vocabulary: SortedWords(strings: byteStrings()), vocabularyStems: array(),
            postingStarts: array(), postingEntries: array(), postingFields: array(),
            bigramStarts: array(), bigramWords: array(), stems: byteTable(),
            stemWordStarts: array(), stemWords: array(), codeWordStarts: array(),
            codeWords: array(), messageStarts: array(), messageStems: array(),
            phraseStarts: array(), phraseStems: array(), codeKeys: byteTable(),
            codeKeyStarts: array(), codeKeyEntries: array(), characterBits: array(),
            bitWords: (catalog.entries.count + 63) / 64, deprecated: array(),
            vendorsWithStatuses: Set(reader.strings()), categoryStems: byteStrings(), categoryStemStarts: array())
        guard reader.isAtEnd, index.isWellFormed, check == .structure || Self.isSorted(index.vocabulary.strings) else {
            throw ByteReader.Damaged()
        }
        return index
    }

    /// How many of the index's arrays are held as copies rather than read in place: 0 for an index decoded from
    /// stored bytes (tests count it: opening a stored index decodes none of it).
    var copiedArrays: Int {
        let arrays: [Bool] = [
            vocabulary.strings.bytes.isInPlace, vocabulary.strings.starts.isInPlace, vocabularyStems.isInPlace,
            postingStarts.isInPlace, postingEntries.isInPlace, postingFields.isInPlace, bigramStarts.isInPlace,
            bigramWords.isInPlace, stems.strings.bytes.isInPlace, stems.strings.starts.isInPlace, stems.slots.isInPlace,
            stemWordStarts.isInPlace, stemWords.isInPlace, codeWordStarts.isInPlace, codeWords.isInPlace,
            messageStarts.isInPlace, messageStems.isInPlace, phraseStarts.isInPlace, phraseStems.isInPlace,
            codeKeys.strings.bytes.isInPlace, codeKeys.strings.starts.isInPlace, codeKeys.slots.isInPlace,
            codeKeyStarts.isInPlace, codeKeyEntries.isInPlace, characterBits.isInPlace, deprecated.isInPlace,
            categoryStems.bytes.isInPlace, categoryStems.starts.isInPlace, categoryStemStarts.isInPlace,
        ]
        return arrays.filter { !$0 }.count
    }

    /// Whether every offset table runs from 0, ascending, to the end of what it indexes, every id is in range and
    /// no character row marks an entry past the last: what a search needs to never read out of bounds, checked
    /// before it reads them (damage a checksum does not catch, bytes written wrong, and damage a structure-only
    /// open does not read the checksum for). Each array read in place is let go from resident memory once checked.
    private var isWellFormed: Bool {
        let entries = entryCount, words = vocabulary.count, fieldMask = UInt16((1 << SearchField.allCases.count) - 1)
        let counts = vocabularyStems.count == words && postingFields.count == postingEntries.count
            && characterBits.count == 36 * bitWords && deprecated.count == entries
        guard counts else { return false }
        // Independent passes over separate arrays, the biggest first: run on every core.
        let index = self
        let checks: [@Sendable () -> Bool] = [
            { index.postingEntries.allIn(0, below: entries) },
            { index.postingFields.allIntersect(fieldMask) },
            { index.postingStarts.isOffsetTable(count: words, total: index.postingEntries.count) },
            { index.vocabularyStems.allIn(0, below: index.stems.count) },
            { index.bigramStarts.isOffsetTable(count: 65536, total: index.bigramWords.count) && index.bigramWords.allIn(0, below: words) },
            { index.stemWordStarts.isOffsetTable(count: index.stems.count, total: index.stemWords.count)
                && index.stemWords.allIn(0, below: words) },
            { index.codeWordStarts.isOffsetTable(count: entries, total: index.codeWords.count) && index.codeWords.allIn(0, below: words) },
            { index.messageStarts.isOffsetTable(count: entries, total: index.messageStems.count)
                && index.messageStems.allIn(0, below: index.stems.count) },
            { index.phraseStarts.isOffsetTable(count: entries, total: index.phraseStems.count)
                && index.phraseStems.allIn(-1, below: index.stems.count) },
            { index.codeKeyStarts.isOffsetTable(count: index.codeKeys.count, total: index.codeKeyEntries.count)
                && index.codeKeyEntries.allIn(0, below: entries) },
            { index.noBitPastTheLastEntry && index.categoryStemStarts.isOffsetTable(count: index.categoryCount, total: index.categoryStems.count) },
        ]
        return AllOnEveryCore.allPass(checks)
    }

    /// Whether the last word of every character row is clear past the last entry (a set bit there would be an
    /// entry that does not exist).
    private var noBitPastTheLastEntry: Bool {
        let used = entryCount % 64
        guard used != 0, bitWords > 0 else { return true }
        let unused = ~UInt64(0) << UInt64(used)
        return (0..<36).allSatisfy { characterBits[$0 * bitWords + bitWords - 1] & unused == 0 }
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

    /// Whether the vocabulary is in byte order (its binary searches find what is there).
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
    /// An array as `ByteReader.flatArray` reads it in place: zeros up to an 8-byte boundary, its count as a
    /// `uint64`, then its elements little-endian.
    mutating func flatArray<T: FixedWidthInteger & Sendable>(_ values: FlatArray<T>) {
        align(8)
        uint64(UInt64(values.count))
        #if _endian(little)
        values.withUnsafeBytes { raw($0) }
        #else
        for value in values { withUnsafeBytes(of: value.littleEndian) { raw($0) } }
        #endif
    }

    /// Strings as `ByteStrings` keeps them: the bytes, then the offsets.
    mutating func byteStrings(_ strings: ByteStrings) {
        flatArray(strings.bytes)
        flatArray(strings.starts)
    }

    /// A table's strings, then its hash slots.
    mutating func byteTable(_ table: ByteTable) {
        byteStrings(table.strings)
        flatArray(table.slots)
    }
}

extension ByteReader {
    /// An array `ByteWriter.flatArray` wrote, read in place in bytes `owner` keeps alive (the reader's bytes must
    /// start 8-byte aligned). On a big-endian machine it is copied and converted.
    mutating func flatArray<T: FixedWidthInteger & Sendable>(owner: AnyObject) throws -> FlatArray<T> {
        _ = try raw((8 - offset % 8) % 8)
        let size = MemoryLayout<T>.size
        let count = try uint64()
        guard count <= UInt64(Int.max / size) else { throw Damaged() }
        let part = try raw(Int(count) * size)
        guard count > 0, let base = part.baseAddress else { return [] }
        guard Int(bitPattern: base) % MemoryLayout<T>.alignment == 0 else { throw Damaged() }
        #if _endian(little)
        return FlatArray(view: part.bindMemory(to: T.self), owner: owner)
        #else
        return FlatArray((0..<Int(count)).map { T(littleEndian: part.loadUnaligned(fromByteOffset: $0 * size, as: T.self)) })
        #endif
    }

    /// Strings `ByteWriter.byteStrings` wrote, in place, their offsets checked (from 0, ascending, to the end of
    /// the bytes).
    mutating func byteStrings(owner: AnyObject) throws -> ByteStrings {
        let bytes: FlatArray<UInt8> = try flatArray(owner: owner)
        let starts: FlatArray<Int32> = try flatArray(owner: owner)
        guard !starts.isEmpty, starts.isOffsetTable(count: starts.count - 1, total: bytes.count) else { throw Damaged() }
        return ByteStrings(bytes: bytes, starts: starts)
    }
}
