import Foundation
import Testing
import TestSupport
@testable import TriageCore

/// The compiled catalog opened in place: entries decoded on demand, lookups through its own tables, damaged
/// bytes never trusted (and never a crash), a mapped file that outlives being replaced.
@Suite struct MappedCatalogTests {
    let values = Fixtures.shipped.catalog

    private func compiled(_ catalog: Catalog) throws -> Catalog {
        try #require(CompiledCatalog.decode(CompiledCatalog.encode(catalog)))
    }

    @Test func fieldAccessorsAndLookupsAgreeWithTheValues() throws {
        let opened = try compiled(values)
        #expect(opened.entries.count == values.entries.count)
        for index in values.entries.indices {
            let entry = values.entries[index]
            #expect(opened.entries[index] == entry)
            #expect(opened.entries.vendor(at: index) == entry.vendor)
            #expect(opened.entries.category(at: index) == entry.category)
            #expect(opened.entries.code(at: index) == entry.code)
            #expect(opened.entries.reference(at: index) == entry.reference)
            #expect(opened.entries.httpStatus(at: index) == entry.httpStatus)
            #expect(opened.entries.hasTrees(at: index) == !entry.trees.isEmpty)
            #expect(opened.index(of: entry.reference) == values.index(of: entry.reference))
            for spelling in [entry.code, entry.code.lowercased(), entry.code.uppercased()] {
                #expect(opened.indices(code: spelling) == values.indices(code: spelling), "\(spelling)")
                #expect(opened.entries(code: spelling, vendor: entry.vendor) == values.entries(code: spelling, vendor: entry.vendor))
            }
        }
        #expect(opened.entry(CodeReference(vendor: "sentiance", code: "install_not_found")) == nil)  // exact case only
        #expect(opened.indices(code: "NO_SUCH_CODE_ANYWHERE").isEmpty)
        for vendor in values.vendors {
            #expect(opened.entryIndices(vendor: vendor.id) == values.entryIndices(vendor: vendor.id))
            #expect(opened.entryCount(vendor: vendor.id) == values.entries(vendor: vendor.id).count)
            for category in vendor.categories {
                #expect(opened.entries(vendor: vendor.id, category: category.id) == values.entries(vendor: vendor.id, category: category.id))
                #expect(opened.entryCount(vendor: vendor.id, category: category.id) == values.entryCount(vendor: vendor.id, category: category.id))
            }
        }
        #expect(opened.entryIndices(vendor: "nobody").isEmpty)
        #expect(opened.suggestions(for: "INSTALL_NOT_FUND") == values.suggestions(for: "INSTALL_NOT_FUND"))
        #expect(!opened.suggestions(for: "INSTALL_NOT_FUND").isEmpty)
    }

    @Test func codesSharedByVendorsAndDuplicatesKeepCatalogOrder() throws {
        let location = SourceLocation(file: "x.yaml", line: 1, column: 1)
        let vendors = ["a", "b", "c"].map { Vendor(id: $0, name: $0.uppercased(), categories: [Category(id: "g", name: "G")], location: location) }
        // 3 vendors x 400 codes, each code also at the other vendors and in other cases: long probe chains.
        var entries: [CatalogEntry] = []
        for vendor in ["a", "b", "c"] {
            for number in 0..<400 {
                let code = number % 3 == 0 ? "Code\(number)" : "CODE\(number)"
                entries.append(CatalogEntry(vendor: vendor, category: "g", code: code, httpStatus: number % 2 == 0 ? 400 + number % 100 : nil,
                                            description: "d\(number)", location: location))
            }
        }
        let catalog = Catalog(vendors: vendors, entries: entries, trees: [])
        let opened = try compiled(catalog)
        for number in stride(from: 0, to: 400, by: 7) {
            #expect(opened.indices(code: "code\(number)") == catalog.indices(code: "code\(number)"))
            #expect(opened.indices(code: "code\(number)").count == 3)
            #expect(opened.entries(code: "CODE\(number)", vendor: "b") == catalog.entries(code: "CODE\(number)", vendor: "b"))
        }
        #expect(opened.entries == catalog.entries)
    }

    @Test func vendorsWhoseEntriesAreNotTogetherAreStillFoundWhole() throws {
        let location = SourceLocation(file: "x.yaml", line: 1, column: 1)
        let vendors = ["a", "b"].map { Vendor(id: $0, name: $0, categories: [Category(id: "g", name: "G"), Category(id: "h", name: "H")], location: location) }
        let layout = [("a", "g"), ("b", "g"), ("a", "h"), ("a", "g"), ("b", "h")]
        let entries = layout.enumerated().map { CatalogEntry(vendor: $1.0, category: $1.1, code: "C\($0)", description: "d", location: location) }
        let values = Catalog(vendors: vendors, entries: entries, trees: [])
        for catalog in [values, try compiled(values)] {
            #expect(catalog.entryIndices(vendor: "a") == [0, 2, 3])
            #expect(catalog.entryIndices(vendor: "a", category: "g") == [0, 3])
            #expect(catalog.entryIndices(vendor: nil, category: "h") == [2, 4])
            #expect(catalog.entryCount(vendor: "b") == 2)
            #expect(catalog.entryCount(vendor: "b", category: "h") == 1)
            #expect(catalog.entryCount(vendor: "nobody") == 0)
            #expect(catalog.entryIndices(vendor: "a", category: "nothing").isEmpty)
        }
    }

    @Test func anEmptyCatalogRoundTrips() throws {
        let opened = try compiled(Catalog.empty)
        #expect(opened.entries.isEmpty)
        #expect(opened.indices(code: "X").isEmpty)
        #expect(opened.index(of: CodeReference(vendor: "a", code: "X")) == nil)
    }

    /// Every prefix and many flipped bytes: rejected at open. Then the same damage with the checksum forged to
    /// match, so the bounds checks themselves are what stands between the bytes and a crash: every accessor and
    /// lookup on whatever opens must return, never trap.
    @Test func damagedAndForgedBytesNeverCrash() throws {
        let bytes = CompiledCatalog.encode(values)
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300)) {
            #expect(CompiledCatalog.decode(Array(bytes.prefix(length))) == nil, "\(length) bytes")
        }
        var random = SplitMix64(seed: 12)
        var opened = 0
        for round in 0..<400 {
            var damaged = bytes
            let flips = 1 + Int(random.next() % 4)
            for _ in 0..<flips {
                let at = Int(random.next() % UInt64(damaged.count))
                damaged[at] ^= UInt8(truncatingIfNeeded: random.next() | 1)
            }
            #expect(CompiledCatalog.decode(damaged) == nil, "round \(round)")
            guard let forged = Self.resealed(damaged), let catalog = CompiledCatalog.decode(forged) else { continue }
            opened += 1
            exercise(catalog)
        }
        // Damage in the fixed tables (keys, offsets, slots, records) mostly still opens: those reads were exercised.
        #expect(opened > 50)
    }

    private func exercise(_ catalog: Catalog) {
        for index in catalog.entries.indices {
            _ = catalog.entries[index]
            _ = catalog.entries.reference(at: index)
            _ = catalog.entries.httpStatus(at: index)
            _ = catalog.entries.hasTrees(at: index)
        }
        for code in ["INSTALL_NOT_FOUND", "429", "-1", "x"] {
            _ = catalog.entries(code: code)
            _ = catalog.entry(CodeReference(vendor: "sentiance", code: code))
        }
        _ = catalog.entryIndices(vendor: "sentiance", category: "auth")
        _ = catalog.suggestions(for: "INSTALL")
    }

    /// `bytes` with the payload's and the head's checksums recomputed (as a forger would), nil when the header
    /// itself is broken.
    static func resealed(_ bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBytes { buffer -> [UInt8]? in
            var reader = ByteReader(buffer)
            guard (try? reader.raw(CompiledCatalog.magic.count)) != nil, (try? reader.varint()) != nil,
                  let length = try? reader.count() else { return nil }
            let checksumAt = reader.offset
            guard let _ = try? reader.uint64(), let headLength = try? reader.count(), headLength <= length else { return nil }
            let headChecksumAt = reader.offset
            guard let _ = try? reader.uint64(), let payload = try? reader.raw(length) else { return nil }
            var copy = bytes
            for (at, hash) in [(checksumAt, ContentHash.of(payload)),
                               (headChecksumAt, ContentHash.of(UnsafeRawBufferPointer(rebasing: payload[..<headLength])))] {
                var hash = hash
                for index in 0..<8 {
                    copy[at + index] = UInt8(truncatingIfNeeded: hash)
                    hash >>= 8
                }
            }
            return copy
        }
    }

    /// A mapped cache file gets only the header check at open: damage past the head (in an entry's record, its
    /// offsets, the lookup slots) still opens, every read of it returns (a placeholder entry at worst), and the
    /// full check on demand finds it. Bytes in memory are checked whole; damage in the head fails even a mapping.
    @Test func damagePastTheHeaderOfAMappingIsBoundsCheckedAndFoundByTheFullCheck() throws {
        let folder = TestPaths.temporaryDirectory("mapped-damage")
        let path = folder.appendingPathComponent("catalog.bin").path
        let bytes = CompiledCatalog.encode(values)
        #expect(bytes.withUnsafeBytes(CompiledCatalog.verify))
        // Where the head ends: the payload starts after the header, the head is its first `headLength` bytes.
        let tables = try bytes.withUnsafeBytes { buffer -> Int in
            var reader = ByteReader(buffer)
            _ = try reader.raw(CompiledCatalog.magic.count)
            _ = try reader.varint()
            _ = try reader.count()
            _ = try reader.uint64()
            let headLength = try reader.count()
            _ = try reader.uint64()
            return reader.offset + headLength
        }
        #expect(tables < bytes.count)
        var random = SplitMix64(seed: 25)
        var opened = 0
        for round in 0..<60 {
            var damaged = bytes
            // In the entry tables and records, past the head.
            for _ in 0..<(1 + Int(random.next() % 3)) {
                let at = tables + Int(random.next() % UInt64(bytes.count - tables))
                damaged[at] ^= UInt8(truncatingIfNeeded: random.next() | 1)
            }
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            let mapped = try #require(CatalogBytes.file(path, mapAtLeast: 0))
            #expect(mapped.isMapped)
            #expect(!damaged.withUnsafeBytes(CompiledCatalog.verify), "round \(round)")
            #expect(CompiledCatalog.decode(damaged) == nil, "round \(round): bytes in memory are checked whole")
            guard let catalog = CompiledCatalog.open(mapped) else { continue }
            opened += 1
            exercise(catalog)
            #expect(catalog.entries.count == values.entries.count)
        }
        #expect(opened > 50)
        // A vendor's name is in the head: damage there is rejected even for a mapping.
        var head = bytes
        let name = Array(values.vendors[0].name.utf8)
        let at = try #require((0..<(bytes.count - name.count)).first { Array(bytes[$0..<($0 + name.count)]) == name })
        head[at] ^= 0x20
        try Data(head).write(to: URL(fileURLWithPath: path))
        #expect(CompiledCatalog.open(try #require(CatalogBytes.file(path, mapAtLeast: 0))) == nil)
    }

    @Test func aMappedFileOutlivesBeingReplaced() throws {
        let folder = TestPaths.temporaryDirectory("mapped")
        let path = folder.appendingPathComponent("catalog.bin").path
        try Data(CompiledCatalog.encode(values)).write(to: URL(fileURLWithPath: path))
        let bytes = try #require(CatalogBytes.file(path, mapAtLeast: 0))
        #expect(bytes.isMapped)
        let catalog = try #require(CompiledCatalog.open(bytes))
        // Replaced the way Triage replaces cache files: a new file renamed over the old one.
        let other = Catalog(vendors: [], entries: [], trees: [])
        try PrivateFile.writeAtomically(CompiledCatalog.encode(other), to: path, directory: folder.path)
        #expect(catalog.entries == values.entries)
        #expect(catalog.entry(CodeReference(vendor: "sentiance", code: "INSTALL_NOT_FOUND")) != nil)
        // A small file is read into memory instead.
        let small = try #require(CatalogBytes.file(path))
        #expect(!small.isMapped)
        #expect(CompiledCatalog.open(small)?.entries.isEmpty == true)
        #expect(CatalogBytes.file(folder.appendingPathComponent("missing").path) == nil)
        #expect(CatalogBytes.file(folder.path) == nil)  // a folder is not a catalog file
    }
}


/// The checksum a mapped cache file is checked with, taken a chunk at a time, is the whole-buffer one.
@Suite struct ChunkedChecksumTests {
    @Test func chunkedAndWholeAgreeForEveryLengthAndChunk() {
        var random = SplitMix64(seed: 7)
        for length in [0, 1, 7, 8, 9, 63, 64, 65, 4095, 4096, 10_000] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            for chunk in [8, 16, 4096, 1 << 20] {
                var seen = 0
                let chunked = bytes.withUnsafeBytes { ContentHash.of($0, chunk: chunk) { seen += $0.count } }
                #expect(chunked == ContentHash.of(bytes), "length \(length), chunk \(chunk)")
                #expect(seen == length / 8 * 8)
            }
        }
    }
}
