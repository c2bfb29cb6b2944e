import Testing
import TestSupport
@testable import TriageCore

/// The index as bytes: decoded, it searches exactly as the index it was encoded from; damaged, truncated or
/// foreign bytes are rejected.
@Suite struct SearchIndexEncodingTests {
    let catalog = Fixtures.shipped.catalog

    @Test func decodedIndexSearchesLikeTheBuiltOne() throws {
        let built = SearchIndex(catalog: catalog)
        let bytes = built.encoded()
        let decoded = try #require(SearchIndex(decoding: bytes, catalog: catalog))
        #expect(decoded.encoded() == bytes)
        let fresh = Searcher(index: built), loaded = Searcher(index: decoded)
        for query in SearchQueries.all {
            #expect(loaded.search(query) == fresh.search(query), "\(query)")
        }
    }

    /// The per-entry facts the ranking reads (deprecated vendors, vendors with statuses) come with the index:
    /// decoding it over a compiled catalog decodes no entry.
    @Test func decodingReadsTheRankingFactsFromTheIndexNotTheEntries() throws {
        let compiled = try #require(CompiledCatalog.decode(CompiledCatalog.encode(catalog)))
        let built = SearchIndex(catalog: compiled)
        let bytes = built.encoded()
        let before = compiled.entries.decodedCount
        let decoded = try #require(SearchIndex(decoding: bytes, catalog: compiled))
        #expect(compiled.entries.decodedCount == before)
        #expect(decoded.deprecated == built.deprecated)
        #expect(decoded.vendorsWithStatuses == built.vendorsWithStatuses && !built.vendorsWithStatuses.isEmpty)
    }

    @Test func damagedBytesAreRejected() {
        let bytes = SearchIndex(catalog: catalog).encoded()
        #expect(SearchIndex(decoding: [], catalog: catalog) == nil)
        #expect(SearchIndex(decoding: Array(bytes.dropLast()), catalog: catalog) == nil)
        #expect(SearchIndex(decoding: Array(bytes.prefix(bytes.count / 2)), catalog: catalog) == nil)
        // Every byte flipped somewhere in the file (a sample of positions, header, arrays and checksum).
        for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) + [bytes.count - 1] {
            var damaged = bytes
            damaged[position] ^= 0x5A
            #expect(SearchIndex(decoding: damaged, catalog: catalog) == nil, "byte \(position) flipped")
        }
    }

    /// What a structure-only open (every start, `SearchIndexStore`) relies on: damage it does not read the
    /// checksum for is either refused or gives an index every query searches without crashing. Every byte of
    /// the arrays flipped in turn (a sample of positions) and every query run.
    @Test func aStructureOnlyOpenOfDamagedBytesNeverCrashesASearch() {
        let bytes = SearchIndex(catalog: catalog).encoded()
        var refused = 0, opened = 0
        for position in stride(from: 40, to: bytes.count - 8, by: max(1, bytes.count / 211)) {
            for flip: UInt8 in [0x01, 0x80, 0xFF] {
                var damaged = bytes
                damaged[position] ^= flip
                guard let index = SearchIndex(decoding: damaged, catalog: catalog, check: .structure) else {
                    refused += 1
                    continue
                }
                opened += 1
                let searcher = Searcher(index: index)
                for query in SearchQueries.all { _ = searcher.search(query) }
            }
        }
        // Both happen: offsets and ids out of range are refused, text and in-range values are read as they are.
        #expect(refused > 0 && opened > 0, "refused \(refused), opened \(opened)")
        #expect(SearchIndex(decoding: bytes, catalog: catalog, check: .structure) != nil)
    }

    /// The full check (`triage cache --verify`) reads the checksum and the vocabulary's order; the structure-only
    /// open does not, and still searches in bounds.
    @Test func wordsOutOfOrderPassOnlyTheStructureCheckAndSearchInBounds() throws {
        let built = SearchIndex(catalog: catalog)
        var strings = built.vocabulary.strings
        // Swap the first two words' bytes where they have the same length, keeping every offset valid.
        let pair = try #require((1..<strings.count).first { strings.length($0 - 1) == strings.length($0) && strings.array($0 - 1) != strings.array($0) })
        let first = strings.array(pair - 1), second = strings.array(pair)
        for (k, byte) in second.enumerated() { strings.bytes[strings.range(pair - 1).lowerBound + k] = byte }
        for (k, byte) in first.enumerated() { strings.bytes[strings.range(pair).lowerBound + k] = byte }
        let bytes = built.replacing(vocabulary: SortedWords(strings: strings)).encoded()
        #expect(SearchIndex(decoding: bytes, catalog: catalog, check: .full) == nil)
        let opened = try #require(SearchIndex(decoding: bytes, catalog: catalog, check: .structure))
        let searcher = Searcher(index: opened)
        for query in SearchQueries.all + [String(decoding: first, as: UTF8.self), String(decoding: second, as: UTF8.self)] {
            _ = searcher.search(query)
        }
    }

    @Test func characterRowsMarkingNoSuchEntryAreRejected() throws {
        let built = SearchIndex(catalog: catalog)
        let used = built.entryCount % 64
        try #require(used != 0, "the shipped catalog's entry count is a multiple of 64")
        var bits = built.characterBits
        bits[built.bitWords - 1] |= 1 << 63
        let bytes = built.replacing(characterBits: bits).encoded()
        #expect(SearchIndex(decoding: bytes, catalog: catalog, check: .structure) == nil)
    }

    @Test func bytesWithAValidChecksumButBrokenOffsetsAreRejected() {
        // Damage that a checksum does not catch (it is recomputed): the structure itself is checked.
        var index = SearchIndex(catalog: catalog)
        var starts = index.postingStarts
        starts[3] = starts[starts.count - 1] + 5
        index = index.replacing(postingStarts: starts)
        #expect(SearchIndex(decoding: index.encoded(), catalog: catalog) == nil)
    }

    @Test func bytesForAnotherCatalogAreRejected() {
        let bytes = SearchIndex(catalog: catalog).encoded()
        var renamed = Array(catalog.entries)
        renamed[5].code += "X"
        let other = Catalog(vendors: catalog.vendors, entries: renamed, trees: catalog.trees)
        #expect(SearchIndex(decoding: bytes, catalog: other) == nil)
        let fewer = Catalog(vendors: catalog.vendors, entries: Array(catalog.entries.dropLast()), trees: catalog.trees)
        #expect(SearchIndex(decoding: bytes, catalog: fewer) == nil)
    }
}

extension SearchIndex {
    /// This index with other posting offsets, vocabulary or character rows (to make broken bytes with a valid
    /// checksum).
    func replacing(postingStarts: FlatArray<Int32>? = nil, vocabulary: SortedWords? = nil,
                   characterBits: FlatArray<UInt64>? = nil) -> SearchIndex {
        let postingStarts = postingStarts ?? self.postingStarts, vocabulary = vocabulary ?? self.vocabulary
        let characterBits = characterBits ?? self.characterBits
        return SearchIndex(catalog: catalog, vocabulary: vocabulary, vocabularyStems: vocabularyStems, postingStarts: postingStarts,
                    postingEntries: postingEntries, postingFields: postingFields, bigramStarts: bigramStarts,
                    bigramWords: bigramWords, stems: stems, stemWordStarts: stemWordStarts, stemWords: stemWords,
                    codeWordStarts: codeWordStarts, codeWords: codeWords, messageStarts: messageStarts,
                    messageStems: messageStems, phraseStarts: phraseStarts, phraseStems: phraseStems, codeKeys: codeKeys,
                    codeKeyStarts: codeKeyStarts, codeKeyEntries: codeKeyEntries, characterBits: characterBits,
                    bitWords: bitWords, deprecated: deprecated, vendorsWithStatuses: vendorsWithStatuses,
                    categoryStems: categoryStems, categoryStemStarts: categoryStemStarts)
    }
}

/// The stored index's checksum: the same whatever the chunks it is computed in, and it sees every byte.
@Suite struct WideContentHashTests {
    @Test func chunksDoNotChangeTheHashAndEveryByteCounts() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        bytes.withUnsafeBytes { all in
            let whole = ContentHash.wide(all)
            var chunks = 0
            #expect(ContentHash.wide(all, chunk: 64) { _ in chunks += 1 } == whole)
            #expect(chunks == 1000 / 64 + 1)
            for position in [0, 8, 31, 32, 500, 991, 999] {
                var changed = bytes
                changed[position] ^= 1
                #expect(changed.withUnsafeBytes { ContentHash.wide($0) } != whole, "byte \(position)")
            }
            #expect(ContentHash.wide(UnsafeRawBufferPointer(rebasing: all[..<999])) != whole)
        }
    }
}
