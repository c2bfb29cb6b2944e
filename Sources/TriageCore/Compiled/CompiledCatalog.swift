import Foundation

/// A catalog in ready-to-use binary form: the merged, validated result of loading YAML sources, read back
/// without parsing or validation, and without decoding its entries: an opened catalog keeps the bytes (a copy,
/// or a mapping of the cache file, see `CatalogBytes`) and decodes an entry when it is asked for one. The
/// built-in catalog is compiled at build time; user catalogs are compiled into the cache (`CatalogCache`).
/// Damaged or foreign bytes are rejected (`nil`), never trusted.
///
/// Layout: the magic `TRIAGEC1`, a format version, the payload's length and checksum, the head's length and
/// checksum (the head: the payload up to the entry tables), then the payload:
/// - a table of repeated strings (vendor ids, categories, tree ids, file names), the vendors (their explain
///   declarations as `VendorExplainRecord`), the decision
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
    /// 9: vendors' explain declarations in the binary codec (`VendorExplainRecord`), not JSON.
    static let formatVersion = 9

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
        var writer = CompiledCatalogWriter(vendors: catalog.vendors, trees: catalog.trees, examples: catalog.examples)
        for entry in catalog.entries { writer.append(entry) }
        return writer.finish()
    }

    /// The catalog in `bytes` (copied), or nil when they are not an intact compiled catalog of this version.
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> Catalog? { open(CatalogBytes(copying: bytes)) }

    public static func decode(_ bytes: [UInt8]) -> Catalog? { open(CatalogBytes.copy(of: bytes)) }

    /// The built-in catalog compiled into the binary: only its header is checked (magic, version, lengths), no
    /// checksum: the bytes are the program's own, as trusted as its code, and every read is bounds-checked anyway.
    public static func decodeBuiltIn(_ bytes: CatalogBytes) -> Catalog? { open(bytes, trusted: true) }

    /// The catalog in `bytes.buffer[range]` (all of it without a range), kept there and decoded on demand; nil
    /// when the bytes are not an intact compiled catalog of this version.
    ///
    /// A mapping (a big cache file) gets the cheap check: magic, version, length and the checksum of the head
    /// (strings, vendors, trees, counts), all of which is read at once; the entry tables are not read, let alone
    /// hashed, and every read of them is bounds-checked (damage there gives a placeholder entry, never a crash).
    /// Bytes in memory (the built-in catalog, a small cache file) were all read anyway, so their whole checksum
    /// is checked too. `trusted` bytes (the built-in catalog) get neither checksum; `verify` checks a whole file
    /// on demand.
    static func open(_ bytes: CatalogBytes, range: Range<Int>? = nil, trusted: Bool = false) -> Catalog? {
        let whole = range.map { UnsafeRawBufferPointer(rebasing: bytes.buffer[$0]) } ?? bytes.buffer
        guard let parts = try? header(whole, checkingHead: !trusted) else { return nil }
        if !trusted, !bytes.isMapped, bytes.checksum(of: parts.payload) != parts.checksum { return nil }
        do {
            var catalog = try openPayload(parts.payload, headLength: parts.headLength, owner: bytes)
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

    /// The header read and checked (magic, version, lengths, the head's checksum unless `checkingHead` is false),
    /// and the payload it frames.
    private static func header(_ whole: UnsafeRawBufferPointer, checkingHead: Bool = true) throws
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
              !checkingHead || ContentHash.of(UnsafeRawBufferPointer(rebasing: payload[..<headLength])) == headChecksum else {
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
            let explain = try VendorExplainRecord.read(&reader)
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
        let diagnosableStart = reader.offset
        for _ in 0..<(try reader.count()) {
            try reader.skipString()
            try reader.skipString()
        }
        return CatalogTrees(stored: stored, examples: examples, diagnosable: diagnosableStart..<reader.offset,
                            payload: payload, owner: owner)
    }
}
