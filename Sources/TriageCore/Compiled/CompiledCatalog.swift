import Foundation

/// A catalog in ready-to-use binary form: the merged, validated result of loading YAML sources, read back
/// without parsing or validation, and without decoding its entries: an opened catalog keeps the bytes (a copy,
/// or a mapping of the cache file, see `CatalogBytes`) and decodes an entry when it is asked for one. The
/// built-in catalog is compiled at build time; user catalogs are compiled into the cache (`CatalogCache`).
/// Damaged or foreign bytes are rejected (`nil`), never trusted.
///
/// Layout: the magic `TRIAGEC1`, a format version, the payload's length and checksum, then the payload:
/// - a table of repeated strings (vendor ids, categories, tree ids, file names), the vendors, the decision
///   trees and example tickets (JSON), the number of entries N, of lookup slots M and of record bytes;
/// - `keys`: per entry, three little-endian `UInt32`: vendor, category (string-table ids) and its number of trees;
/// - `offsets`: N+1 `UInt64`, where each entry's record starts in `records` (the last: where they end);
/// - `slots`: an open-addressing hash table (linear probing) of the codes folded to lower case, M (a power of
///   two, at least 2N) `UInt64`s: entry index + 1 in the low half (0: empty), the hash's high half in the high;
/// - `records`: each entry's code, HTTP status, texts, related codes, trees and location, its decision fields,
///   then its import fields (since, deprecated, provenance) when it has any, varint-framed.
public enum CompiledCatalog {
    static let magic = Array("TRIAGEC1".utf8)
    /// Bump when the layout or the catalog model changes: older compiled files are then rebuilt.
    /// 6: entries carry decision fields (after their location) and `phrases` (after keywords).
    /// 7: vendors carry their explain declarations (`VendorExplain` as sorted-key JSON, after facts).
    static let formatVersion = 7

    /// Identifies a compiled catalog's content (for cache keys): changes whenever the bytes do.
    public static func key(of bytes: [UInt8]) -> UInt64 { ContentHash.of(bytes) }

    /// Identifies catalog files' content (for cache keys), for a built-in catalog that is not compiled.
    public static func key(of files: [(path: String, text: String)]) -> UInt64 {
        var writer = ByteWriter()
        for file in files { writer.string(file.path); writer.string(file.text) }
        return ContentHash.of(writer.bytes)
    }

    /// The hash the lookup slots use: of the code folded to lower case, as `Catalog.entries(code:)` compares.
    static func foldedHash(_ code: String) -> UInt64 { hash(folded: code.lowercased()) }

    /// The same for a code already folded to lower case.
    static func hash(folded: String) -> UInt64 {
        var folded = folded
        return folded.withUTF8 { ContentHash.of(UnsafeRawBufferPointer($0)) }
    }

    /// The compiled bytes of `catalog`.
    public static func encode(_ catalog: Catalog) -> [UInt8] {
        var table = StringTable()
        var head = ByteWriter()
        head.varint(catalog.vendors.count)
        for vendor in catalog.vendors {
            head.string(vendor.id)
            head.string(vendor.name)
            head.optionalString(vendor.product)
            head.optionalString(vendor.docs)
            head.optionalString(vendor.notice)
            head.strings(vendor.facts)
            head.string(explainJSON(vendor.explain))
            head.varint(vendor.categories.count)
            for category in vendor.categories {
                head.string(category.id)
                head.string(category.name)
                head.optionalString(category.description)
            }
            head.strings(vendor.sources)
            location(vendor.location, &head, &table)
        }
        let count = catalog.entries.count
        var keys = ByteWriter(capacity: 12 * count)
        var offsets = ByteWriter(capacity: 8 * (count + 1))
        var records = ByteWriter(capacity: 256 * max(1, count))
        var hashes: [UInt64] = []
        hashes.reserveCapacity(count)
        for entry in catalog.entries {
            offsets.uint64(UInt64(records.bytes.count))
            keys.uint32(UInt32(table.id(entry.vendor)))
            keys.uint32(UInt32(table.id(entry.category)))
            keys.uint32(UInt32(clamping: entry.trees.count))
            hashes.append(foldedHash(entry.code))
            records.string(entry.code)
            records.varint(entry.httpStatus.map { $0 + 1 } ?? 0)
            records.optionalString(entry.message)
            records.optionalString(entry.summary)
            records.optionalString(entry.docs)
            records.string(entry.description)
            records.strings(entry.causes)
            records.strings(entry.checks)
            records.strings(entry.keywords)
            records.strings(entry.phrases)
            records.varint(entry.related.count)
            for reference in entry.related {
                records.varint(table.id(reference.vendor))
                records.string(reference.code)
            }
            records.varint(entry.trees.count)
            for tree in entry.trees { records.varint(table.id(tree.rawValue)) }
            location(entry.location, &records, &table)
            records.decision(entry.decision)
            if !entry.lifecycle.isEmpty { records.lifecycle(entry.lifecycle) }
        }
        offsets.uint64(UInt64(records.bytes.count))

        // Codes folded to lower case, each entry in the first free slot from its hash on (so entries with the
        // same code follow each other in catalog order).
        var slotCount = 8
        while slotCount < 2 * count { slotCount *= 2 }
        var slots = [UInt64](repeating: 0, count: slotCount)
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & (slotCount - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (slotCount - 1) }
            slots[slot] = UInt64(index + 1) | (hash & 0xFFFF_FFFF_0000_0000)
        }

        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys  // the same catalog always gives the same bytes (and cache key)
        let trees = (try? encoder.encode(TreesAndExamples(trees: catalog.trees, examples: catalog.examples)))
            .map { [UInt8]($0) } ?? []

        var payload = ByteWriter(capacity: head.bytes.count + trees.count + keys.bytes.count + offsets.bytes.count
                                 + 8 * slotCount + records.bytes.count + 64 * table.strings.count)
        payload.strings(table.strings)
        payload.raw(head.bytes)
        payload.varint(trees.count)
        payload.raw(trees)
        payload.varint(count)
        payload.varint(slotCount)
        payload.varint(records.bytes.count)
        payload.raw(keys.bytes)
        payload.raw(offsets.bytes)
        for slot in slots { payload.uint64(slot) }
        payload.raw(records.bytes)
        var file = ByteWriter(capacity: payload.bytes.count + 32)
        file.raw(magic)
        file.varint(formatVersion)
        file.varint(payload.bytes.count)
        file.uint64(ContentHash.of(payload.bytes))
        file.raw(payload.bytes)
        return file.bytes
    }

    /// The catalog in `bytes` (copied), or nil when they are not an intact compiled catalog of this version.
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> Catalog? { open(CatalogBytes(copying: bytes)) }

    public static func decode(_ bytes: [UInt8]) -> Catalog? { open(CatalogBytes.copy(of: bytes)) }

    /// The catalog in `bytes.buffer[range]` (all of it without a range), kept there and decoded on demand; nil
    /// when the bytes are not an intact compiled catalog of this version. Checks the checksum of all of it.
    static func open(_ bytes: CatalogBytes, range: Range<Int>? = nil) -> Catalog? {
        let whole = range.map { UnsafeRawBufferPointer(rebasing: bytes.buffer[$0]) } ?? bytes.buffer
        var reader = ByteReader(whole)
        do {
            guard try reader.raw(magic.count).elementsEqual(magic), try reader.varint() == formatVersion else { return nil }
            let length = try reader.count()
            let checksum = try reader.uint64()
            let payload = try reader.raw(length)
            guard reader.isAtEnd, bytes.checksum(of: payload) == checksum else { return nil }
            var catalog = try openPayload(payload, owner: bytes)
            bytes.releaseResidentPages()
            catalog.compiledChecksum = checksum
            return catalog
        } catch {
            return nil
        }
    }

    private static func openPayload(_ payload: UnsafeRawBufferPointer, owner: CatalogBytes) throws -> Catalog {
        var reader = ByteReader(payload)
        let table = try reader.strings()
        func interned() throws -> String {
            let id = try reader.varint()
            guard id >= 0, id < table.count else { throw ByteReader.Damaged() }
            return table[id]
        }
        let vendorCount = try reader.count()
        var vendors: [Vendor] = []
        vendors.reserveCapacity(vendorCount)
        for _ in 0..<vendorCount {
            let id = try reader.string(), name = try reader.string()
            let product = try reader.optionalString(), docs = try reader.optionalString(), notice = try reader.optionalString()
            let facts = try reader.strings()
            let explain = try JSONDecoder().decode(VendorExplain.self, from: Data(try reader.string().utf8))
            var categories: [Category] = []
            for _ in 0..<(try reader.count()) {
                categories.append(Category(id: try reader.string(), name: try reader.string(), description: try reader.optionalString()))
            }
            let sources = try reader.strings()
            let location = SourceLocation(file: try interned(), line: try reader.varint(), column: try reader.varint())
            var vendor = Vendor(id: id, name: name, product: product, docs: docs, notice: notice, facts: facts,
                                categories: categories, sources: sources, location: location)
            vendor.explain = explain
            vendors.append(vendor)
        }
        let treeBytes = try reader.raw(try reader.count())
        let rest = try JSONDecoder().decode(TreesAndExamples.self, from: Data(treeBytes))
        let entries = try CompiledEntries(payload: payload, tablesAt: &reader, strings: table, owner: owner)
        return Catalog(vendors: vendors, compiled: entries, trees: rest.trees, examples: rest.examples)
    }

    /// A vendor's explain declarations as JSON with sorted keys (the same declarations, the same bytes).
    private static func explainJSON(_ explain: VendorExplain) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(explain)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    private static func location(_ location: SourceLocation, _ body: inout ByteWriter, _ table: inout StringTable) {
        body.varint(table.id(location.file))
        body.varint(location.line)
        body.varint(location.column)
    }
}

/// The decision trees and example tickets: few and deeply nested, so stored as JSON through `Codable`.
private struct TreesAndExamples: Codable {
    var trees: [DecisionTree]
    var examples: [ExampleTicket]
}

/// Strings that repeat across entries (vendor ids, categories, tree ids, file names), stored once.
private struct StringTable {
    var strings: [String] = []
    var ids: [String: Int] = [:]

    mutating func id(_ text: String) -> Int {
        if let known = ids[text] { return known }
        ids[text] = strings.count
        strings.append(text)
        return strings.count - 1
    }
}
