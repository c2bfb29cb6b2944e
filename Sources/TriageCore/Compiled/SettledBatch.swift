/// A run of entries settled and encoded on a worker thread (`CatalogCompiler`), for the writer to take whole, in
/// catalog order (`CompiledCatalogWriter.append(_:)`): what the writer keeps per entry (keys, code hash, columns,
/// whether a tree diagnoses it) and its record's bytes with every string-table id left out. In place of each id,
/// `holes` say where it goes and which of the batch's own strings it numbers: the writer numbers strings as it
/// meets them, so the bytes are those of appending each entry (`CompiledCatalogWriter.append(_: CatalogEntry)`).
struct SettledBatch {
    struct Entry {
        /// The entry's vendor and category: indices in `strings`.
        var vendor: Int
        var category: Int
        var treeCount: Int
        var width: Int
        var hash: UInt64
        /// Set when one of the entry's trees is the catalog's (it joins the diagnosable codes).
        var diagnosable: CodeReference?
        /// Where its record and its holes end in `bytes` and `holes`.
        var recordEnd: Int
        var holesEnd: Int
    }

    /// A string-table id left out of `bytes`: the bytes before `at` precede it; `string` indexes `strings`.
    struct Hole {
        var at: Int
        var string: Int
    }

    private var table = StringTable()
    private(set) var bytes = ByteWriter()
    private(set) var holes: [Hole] = []
    private(set) var entries: [Entry] = []

    /// Appends the next entry (settled); `treeIDs`: the catalog's trees.
    mutating func append(_ entry: CatalogEntry, treeIDs: Set<TreeID>) {
        let vendor = local(entry.vendor), category = local(entry.category)
        // Taken out while written, so the record's bytes and the strings are not both borrowed from `self`.
        var written = bytes
        bytes = ByteWriter()
        CompiledRecord.write(entry, to: &written) { text, record in
            holes.append(Hole(at: record.bytes.count, string: local(text)))
        }
        bytes = written
        entries.append(Entry(vendor: vendor, category: category, treeCount: entry.trees.count,
                             width: CodeColumns.width(of: entry.code), hash: CompiledCatalog.foldedHash(entry.code),
                             diagnosable: entry.trees.contains(where: treeIDs.contains) ? entry.reference : nil,
                             recordEnd: bytes.bytes.count, holesEnd: holes.count))
    }

    /// Appends the next entry from its parts read back from the spill, with its related codes and trees settled:
    /// the bytes of appending the settled entry, its record's head and tail copied as they were written.
    mutating func append(_ parts: EntrySpill.Reader.Parts, related: [CodeReference], trees: [TreeID], treeIDs: Set<TreeID>) {
        let vendor = local(parts.vendor), category = local(parts.category)
        var written = bytes
        bytes = ByteWriter()
        // As `CompiledRecord.write` writes them.
        written.raw(parts.head)
        written.varint(related.count)
        for reference in related {
            hole(reference.vendor, &written)
            written.string(reference.code)
        }
        written.varint(trees.count)
        for tree in trees { hole(tree.rawValue, &written) }
        hole(parts.location.file, &written)
        written.varint(parts.location.line)
        written.varint(parts.location.column)
        written.raw(parts.tail)
        bytes = written
        entries.append(Entry(vendor: vendor, category: category, treeCount: trees.count,
                             width: CodeColumns.width(of: parts.code), hash: CompiledCatalog.foldedHash(parts.code),
                             diagnosable: trees.contains(where: treeIDs.contains)
                                ? CodeReference(vendor: parts.vendor, code: parts.code) : nil,
                             recordEnd: bytes.bytes.count, holesEnd: holes.count))
    }

    private mutating func hole(_ text: String, _ record: inout ByteWriter) {
        holes.append(Hole(at: record.bytes.count, string: local(text)))
    }

    /// The batch's own strings, numbered in the order met.
    var strings: [String] { table.strings }

    var count: Int { entries.count }

    private mutating func local(_ text: String) -> Int { table.id(text) }
}
