/// A compile's parsed entries, waiting on disk (a scratch file) from when their file is parsed until every
/// source is merged and they are settled and written in catalog order (`CatalogCompiler`): what the compile
/// holds per entry is its `Slot`. Each is written as its vendor and category, where its category was written,
/// its related codes and trees as written (with where), then its record (`CompiledRecord`); repeated strings
/// are numbered in a table of the spill's own.
struct EntrySpill {
    /// Where an entry waits: its bytes in the scratch file.
    struct Slot {
        var offset: Int
        var length: Int
    }

    private let file: BufferedFile
    private var strings = StringTable()

    init(file: BufferedFile) { self.file = file }

    mutating func add(_ raw: VendorFile.RawEntry) throws -> Slot {
        var writer = ByteWriter()
        writer.varint(strings.id(raw.entry.vendor))
        writer.varint(strings.id(raw.entry.category))
        location(raw.categoryLocation, &writer)
        writer.varint(raw.related.count)
        for (text, at) in raw.related {
            writer.string(text)
            location(at, &writer)
        }
        writer.varint(raw.trees.count)
        for (id, at) in raw.trees {
            writer.varint(strings.id(id.rawValue))
            location(at, &writer)
        }
        CompiledRecord.write(raw.entry, to: &writer) { strings.id($0) }
        let slot = Slot(offset: file.length, length: writer.bytes.count)
        try file.append(writer.bytes)
        return slot
    }

    /// Writes out what is buffered: every entry added can be read from now on.
    func flush() throws { try file.flush() }

    /// The entry waiting in `slot`.
    func read(_ slot: Slot) throws -> VendorFile.RawEntry {
        let strings = self.strings.strings
        return try file.withBytes(at: slot.offset, count: slot.length) { bytes in
            var reader = ByteReader(bytes)
            func interned() throws -> String {
                let id = try reader.varint()
                guard id >= 0, id < strings.count else { throw ByteReader.Damaged() }
                return strings[id]
            }
            func location() throws -> SourceLocation {
                SourceLocation(file: try interned(), line: try reader.varint(), column: try reader.varint())
            }
            let vendor = try interned(), category = try interned()
            let categoryLocation = try location()
            var related: [(text: String, location: SourceLocation)] = []
            for _ in 0..<(try reader.count()) { related.append((try reader.string(), try location())) }
            var trees: [(id: TreeID, location: SourceLocation)] = []
            for _ in 0..<(try reader.count()) { trees.append((TreeID(try interned()), try location())) }
            let entry = try CompiledRecord.read(&reader, vendor: vendor, category: category, strings: strings)
            return VendorFile.RawEntry(entry: entry, categoryLocation: categoryLocation, related: related, trees: trees)
        }
    }

    private mutating func location(_ location: SourceLocation, _ writer: inout ByteWriter) {
        writer.varint(strings.id(location.file))
        writer.varint(location.line)
        writer.varint(location.column)
    }
}
