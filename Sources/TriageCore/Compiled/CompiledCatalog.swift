import Foundation

/// A catalog in ready-to-use binary form: the merged, validated result of loading YAML sources, read back
/// without parsing or validation, and without decoding its entries: an opened catalog keeps the bytes (a copy,
/// or a mapping of the cache file, see `CatalogBytes`) and decodes an entry when it is asked for one. The
/// built-in catalog is compiled at build time; user catalogs are compiled into the cache (`CatalogCache`).
/// Damaged or foreign bytes are rejected (`nil`), never trusted.
///
/// Layout: the magic `TRIAGEC1`, a format version, the payload's length and checksum, the head's length and
/// checksum (the head: the payload up to the entry tables), then the payload:
/// - a table of repeated strings (vendor ids, categories, tree ids, file names), the vendors, the decision
///   trees (each its id, title and JSON, decoded on demand), the example tickets (JSON), the codes that can be
///   diagnosed, the number of entries N, of lookup slots M and of record bytes;
/// - `keys`: per entry, four little-endian `UInt32`: vendor, category (string-table ids), its number of trees and
///   the columns its code takes on screen (`CodeColumns`);
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
    /// 8: each tree's JSON apart (decoded on demand), the diagnosable codes stored, the head's own
    /// checksum, each code's screen width in its keys.
    static let formatVersion = 8

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
        var keys = ByteWriter(capacity: CompiledEntries.keySize * count)
        var offsets = ByteWriter(capacity: 8 * (count + 1))
        var records = ByteWriter(capacity: 256 * max(1, count))
        var hashes: [UInt64] = []
        hashes.reserveCapacity(count)
        for entry in catalog.entries {
            offsets.uint64(UInt64(records.bytes.count))
            keys.uint32(UInt32(table.id(entry.vendor)))
            keys.uint32(UInt32(table.id(entry.category)))
            keys.uint32(UInt32(clamping: entry.trees.count))
            keys.uint32(UInt32(clamping: CodeColumns.width(of: entry.code)))
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

        let trees = treeSection(catalog)

        var payload = ByteWriter(capacity: head.bytes.count + trees.count + keys.bytes.count + offsets.bytes.count
                                 + 8 * slotCount + records.bytes.count + 64 * table.strings.count)
        payload.strings(table.strings)
        payload.raw(head.bytes)
        payload.raw(trees)
        payload.varint(count)
        payload.varint(slotCount)
        payload.varint(records.bytes.count)
        let headLength = payload.bytes.count
        payload.raw(keys.bytes)
        payload.raw(offsets.bytes)
        for slot in slots { payload.uint64(slot) }
        payload.raw(records.bytes)
        var file = ByteWriter(capacity: payload.bytes.count + 32)
        file.raw(magic)
        file.varint(formatVersion)
        file.varint(payload.bytes.count)
        file.uint64(ContentHash.of(payload.bytes))
        file.varint(headLength)
        file.uint64(payload.bytes.withUnsafeBytes { ContentHash.of(UnsafeRawBufferPointer(rebasing: $0[..<headLength])) })
        file.raw(payload.bytes)
        return file.bytes
    }

    /// The catalog in `bytes` (copied), or nil when they are not an intact compiled catalog of this version.
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> Catalog? { open(CatalogBytes(copying: bytes)) }

    public static func decode(_ bytes: [UInt8]) -> Catalog? { open(CatalogBytes.copy(of: bytes)) }

    /// The catalog in `bytes.buffer[range]` (all of it without a range), kept there and decoded on demand; nil
    /// when the bytes are not an intact compiled catalog of this version.
    ///
    /// A mapping (a big cache file) gets the cheap check: magic, version, length and the checksum of the head
    /// (strings, vendors, trees, counts), all of which is read at once; the entry tables are not read, let alone
    /// hashed, and every read of them is bounds-checked (damage there gives a placeholder entry, never a crash).
    /// Bytes in memory (the built-in catalog, a small cache file) were all read anyway, so their whole checksum
    /// is checked too. `fully` forces either; `verify` checks a whole file on demand.
    static func open(_ bytes: CatalogBytes, range: Range<Int>? = nil, fully: Bool? = nil) -> Catalog? {
        let whole = range.map { UnsafeRawBufferPointer(rebasing: bytes.buffer[$0]) } ?? bytes.buffer
        guard let parts = try? header(whole) else { return nil }
        if fully ?? !bytes.isMapped, bytes.checksum(of: parts.payload) != parts.checksum { return nil }
        do {
            var catalog = try openPayload(parts.payload, headLength: parts.headLength, owner: bytes)
            if fully ?? !bytes.isMapped { bytes.releaseResidentPages() }
            catalog.compiledChecksum = parts.checksum
            return catalog
        } catch {
            return nil
        }
    }

    /// Whether `bytes` are an intact compiled catalog of this version, every byte checked against its checksum
    /// (`triage` checks only the head when it maps a cache file; this is the full check, on demand).
    static func verify(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let parts = try? header(bytes) else { return false }
        return ContentHash.of(parts.payload) == parts.checksum
    }

    /// The header read and checked (magic, version, lengths, the head's checksum), and the payload it frames.
    private static func header(_ whole: UnsafeRawBufferPointer) throws
        -> (payload: UnsafeRawBufferPointer, checksum: UInt64, headLength: Int) {
        var reader = ByteReader(whole)
        guard try reader.raw(magic.count).elementsEqual(magic), try reader.varint() == formatVersion else {
            throw ByteReader.Damaged()
        }
        let length = try reader.count()
        let checksum = try reader.uint64()
        let headLength = try reader.count()
        let headChecksum = try reader.uint64()
        let payload = try reader.raw(length)
        guard reader.isAtEnd, headLength <= length,
              ContentHash.of(UnsafeRawBufferPointer(rebasing: payload[..<headLength])) == headChecksum else {
            throw ByteReader.Damaged()
        }
        return (payload, checksum, headLength)
    }

    private static func openPayload(_ payload: UnsafeRawBufferPointer, headLength: Int, owner: CatalogBytes) throws -> Catalog {
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
        let trees = try openTrees(&reader, payload: payload, owner: owner)
        let entries = try CompiledEntries(payload: payload, tablesAt: &reader, strings: table, owner: owner)
        guard reader.offset == headLength else { throw ByteReader.Damaged() }
        return Catalog(vendors: vendors, compiled: entries, trees: trees)
    }

    /// The trees, examples and diagnosable codes: per tree its id and its JSON; the examples' JSON; then the
    /// codes the browser can diagnose (vendor and code each), so opening decodes no tree (`CatalogTrees`).
    private static func treeSection(_ catalog: Catalog) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys  // the same catalog always gives the same bytes (and cache key)
        var section = ByteWriter()
        let trees = catalog.trees
        section.varint(trees.count)
        for tree in trees {
            section.string(tree.id.rawValue)
            section.string(tree.title)
            let json = (try? encoder.encode(tree)).map { [UInt8]($0) } ?? []
            section.varint(json.count)
            section.raw(json)
        }
        let examples = (try? encoder.encode(catalog.examples)).map { [UInt8]($0) } ?? []
        section.varint(examples.count)
        section.raw(examples)
        let diagnosable = CatalogTrees.diagnosable(trees: trees, entries: catalog.entries)
            .sorted { ($0.vendor, $0.code) < ($1.vendor, $1.code) }
        section.varint(diagnosable.count)
        for code in diagnosable {
            section.string(code.vendor)
            section.string(code.code)
        }
        return section.bytes
    }

    private static func openTrees(_ reader: inout ByteReader, payload: UnsafeRawBufferPointer, owner: CatalogBytes) throws
        -> CatalogTrees {
        var stored: [CatalogTrees.Stored] = []
        for _ in 0..<(try reader.count()) {
            let id = TreeID(try reader.string()), title = try reader.string()
            let length = try reader.count()
            stored.append(CatalogTrees.Stored(id: id, title: title, json: reader.offset..<(reader.offset + length)))
            _ = try reader.raw(length)
        }
        let examplesLength = try reader.count()
        let examples = reader.offset..<(reader.offset + examplesLength)
        _ = try reader.raw(examplesLength)
        var diagnosable = Set<CodeReference>()
        for _ in 0..<(try reader.count()) {
            diagnosable.insert(CodeReference(vendor: try reader.string(), code: try reader.string()))
        }
        return CatalogTrees(stored: stored, examples: examples, diagnosable: diagnosable, payload: payload, owner: owner)
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
