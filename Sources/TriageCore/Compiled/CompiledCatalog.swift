import Foundation

/// A catalog in ready-to-use binary form: the merged, validated result of loading YAML sources, read back
/// without parsing or validation. The built-in catalog is compiled at build time; user catalogs are compiled
/// into the cache (`CatalogCache`). Damaged or foreign bytes are rejected (`nil`), never trusted.
///
/// Layout: the magic `TRIAGEC1`, a format version, the payload's length and checksum, then the payload: a table
/// of repeated strings (vendor ids, categories, file names), vendors, entries, and the decision trees and example tickets as JSON.
public enum CompiledCatalog {
    static let magic = Array("TRIAGEC1".utf8)
    /// Bump when the layout or the catalog model changes: older compiled files are then rebuilt.
    static let formatVersion = 2

    /// Identifies a compiled catalog's content (for cache keys): changes whenever the bytes do.
    public static func key(of bytes: [UInt8]) -> UInt64 { ContentHash.of(bytes) }

    /// Identifies catalog files' content (for cache keys), for a built-in catalog that is not compiled.
    public static func key(of files: [(path: String, text: String)]) -> UInt64 {
        var writer = ByteWriter()
        for file in files { writer.string(file.path); writer.string(file.text) }
        return ContentHash.of(writer.bytes)
    }

    /// The compiled bytes of `catalog`.
    public static func encode(_ catalog: Catalog) -> [UInt8] {
        var table = StringTable()
        var body = ByteWriter(capacity: 256 * max(1, catalog.entries.count))
        body.varint(catalog.vendors.count)
        for vendor in catalog.vendors {
            body.string(vendor.id)
            body.string(vendor.name)
            body.optionalString(vendor.product)
            body.optionalString(vendor.docs)
            body.optionalString(vendor.notice)
            body.strings(vendor.facts)
            body.varint(vendor.categories.count)
            for category in vendor.categories {
                body.string(category.id)
                body.string(category.name)
                body.optionalString(category.description)
            }
            body.strings(vendor.sources)
            location(vendor.location, &body, &table)
        }
        body.varint(catalog.entries.count)
        for entry in catalog.entries {
            body.varint(table.id(entry.vendor))
            body.varint(table.id(entry.category))
            body.string(entry.code)
            body.varint(entry.httpStatus.map { $0 + 1 } ?? 0)
            body.optionalString(entry.message)
            body.optionalString(entry.summary)
            body.optionalString(entry.docs)
            body.string(entry.description)
            body.strings(entry.causes)
            body.strings(entry.checks)
            body.strings(entry.keywords)
            body.varint(entry.related.count)
            for reference in entry.related {
                body.varint(table.id(reference.vendor))
                body.string(reference.code)
            }
            body.varint(entry.trees.count)
            for tree in entry.trees { body.varint(table.id(tree)) }
            location(entry.location, &body, &table)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys  // the same catalog always gives the same bytes (and cache key)
        let trees = (try? encoder.encode(TreesAndExamples(trees: catalog.trees, examples: catalog.examples)))
            .map { [UInt8]($0) } ?? []
        body.varint(trees.count)
        body.raw(trees)

        var payload = ByteWriter(capacity: body.bytes.count + 64 * table.strings.count)
        payload.strings(table.strings)
        payload.raw(body.bytes)
        var file = ByteWriter(capacity: payload.bytes.count + 32)
        file.raw(magic)
        file.varint(formatVersion)
        file.varint(payload.bytes.count)
        file.uint64(ContentHash.of(payload.bytes))
        file.raw(payload.bytes)
        return file.bytes
    }

    /// The catalog in `bytes`, or nil when they are not an intact compiled catalog of this version.
    public static func decode(_ bytes: UnsafeRawBufferPointer) -> Catalog? {
        var reader = ByteReader(bytes)
        do {
            guard try reader.raw(magic.count).elementsEqual(magic), try reader.varint() == formatVersion else { return nil }
            let length = try reader.count()
            let checksum = try reader.uint64()
            let payload = try reader.raw(length)
            guard reader.isAtEnd, ContentHash.of(payload) == checksum else { return nil }
            return try decodePayload(payload)
        } catch {
            return nil
        }
    }

    public static func decode(_ bytes: [UInt8]) -> Catalog? { bytes.withUnsafeBytes { decode($0) } }

    private static func decodePayload(_ payload: UnsafeRawBufferPointer) throws -> Catalog {
        var reader = ByteReader(payload)
        let table = try reader.strings()
        func interned() throws -> String {
            let id = try reader.varint()
            guard id >= 0, id < table.count else { throw ByteReader.Damaged() }
            return table[id]
        }
        func location() throws -> SourceLocation {
            SourceLocation(file: try interned(), line: try reader.varint(), column: try reader.varint())
        }
        let vendorCount = try reader.count()
        var vendors: [Vendor] = []
        vendors.reserveCapacity(vendorCount)
        for _ in 0..<vendorCount {
            let id = try reader.string(), name = try reader.string()
            let product = try reader.optionalString(), docs = try reader.optionalString(), notice = try reader.optionalString()
            let facts = try reader.strings()
            var categories: [Category] = []
            for _ in 0..<(try reader.count()) {
                categories.append(Category(id: try reader.string(), name: try reader.string(), description: try reader.optionalString()))
            }
            let sources = try reader.strings()
            vendors.append(Vendor(id: id, name: name, product: product, docs: docs, notice: notice, facts: facts,
                                  categories: categories, sources: sources, location: try location()))
        }
        let entryCount = try reader.count()
        var entries: [CatalogEntry] = []
        entries.reserveCapacity(entryCount)
        for _ in 0..<entryCount {
            let vendor = try interned(), category = try interned(), code = try reader.string()
            let status = try reader.varint()
            let message = try reader.optionalString()
            let summary = try reader.optionalString(), docs = try reader.optionalString()
            let description = try reader.string()
            let causes = try reader.strings(), checks = try reader.strings(), keywords = try reader.strings()
            var related: [CodeReference] = []
            let relatedCount = try reader.count()
            related.reserveCapacity(relatedCount)
            for _ in 0..<relatedCount { related.append(CodeReference(vendor: try interned(), code: try reader.string())) }
            var trees: [String] = []
            for _ in 0..<(try reader.count()) { trees.append(try interned()) }
            entries.append(CatalogEntry(vendor: vendor, category: category, code: code, httpStatus: status > 0 ? status - 1 : nil,
                                        message: message, summary: summary, docs: docs, description: description,
                                        causes: causes, checks: checks,
                                        keywords: keywords, related: related, trees: trees, location: try location()))
        }
        let treeBytes = try reader.raw(try reader.count())
        let rest = try JSONDecoder().decode(TreesAndExamples.self, from: Data(treeBytes))
        guard reader.isAtEnd else { throw ByteReader.Damaged() }
        return Catalog(vendors: vendors, entries: entries, trees: rest.trees, examples: rest.examples)
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
