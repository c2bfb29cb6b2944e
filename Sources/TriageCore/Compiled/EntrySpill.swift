#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A compile's parsed entries, waiting on disk (a scratch file) from when their file is parsed until every
/// source is merged and they are settled and written in catalog order (`CatalogCompiler`): what the compile
/// holds per entry is its `Slot`. A file's entries are encoded on the worker that parsed it (`Block`) and written
/// whole when the file is merged. Each is written as its vendor and category, where its category was written,
/// its related codes and trees as written (with where), then its record (`CompiledRecord`); repeated strings
/// are numbered in a table of the block's own.
struct EntrySpill {
    /// Where an entry waits: its bytes in the scratch file, and the table of its block's strings.
    struct Slot {
        var offset: Int
        var length: Int
        var table: Int
    }

    /// One file's entries encoded, in the order added, with their strings numbered in a table of their own (so
    /// any thread can encode one).
    struct Block {
        private(set) var bytes = ByteWriter()
        private var table = StringTable()
        /// Where each entry ends in `bytes`.
        private(set) var ends: [Int] = []

        var strings: [String] { table.strings }

        mutating func add(_ raw: VendorFile.RawEntry) {
            // Taken out while written, so the bytes and the string table are not both borrowed from `self`.
            var writer = bytes
            bytes = ByteWriter()
            writer.varint(table.id(raw.entry.vendor))
            writer.varint(table.id(raw.entry.category))
            location(raw.categoryLocation, &writer)
            writer.varint(raw.related.count)
            for (text, at) in raw.related {
                writer.string(text)
                location(at, &writer)
            }
            writer.varint(raw.trees.count)
            for (id, at) in raw.trees {
                writer.varint(table.id(id.rawValue))
                location(at, &writer)
            }
            CompiledRecord.write(raw.entry, to: &writer) { $1.varint(table.id($0)) }
            ends.append(writer.bytes.count)
            bytes = writer
        }

        private mutating func location(_ location: SourceLocation, _ writer: inout ByteWriter) {
            writer.varint(table.id(location.file))
            writer.varint(location.line)
            writer.varint(location.column)
        }
    }

    private let file: BufferedFile
    private var tables: [[String]] = []

    init(file: BufferedFile) { self.file = file }

    /// Writes `block` and returns where each of its entries waits, in the order they were added.
    mutating func add(_ block: Block) throws -> [Slot] {
        let table = tables.count, base = file.length
        tables.append(block.strings)
        var start = 0
        let slots = block.ends.map { end in
            defer { start = end }
            return Slot(offset: base + start, length: end - start, table: table)
        }
        try file.append(block.bytes.bytes)
        return slots
    }

    /// Writes out what is buffered: every entry added can be read from now on.
    func flush() throws { try file.flush() }

    /// Reads the spill from any thread once every entry is added and flushed (`CatalogCompiler` settles entries
    /// on workers): each call reads its own bytes, so readers do not share a buffer.
    var reader: Reader { Reader(descriptor: file.descriptor, path: file.path, tables: tables) }

    struct Reader: Sendable {
        let descriptor: Int32
        let path: String
        let tables: [[String]]

        /// The entries waiting in `slots`, in order.
        func read(_ slots: ArraySlice<Slot>) throws -> [VendorFile.RawEntry] {
            var entries: [VendorFile.RawEntry] = []
            entries.reserveCapacity(slots.count)
            try each(slots) { bytes, slot in entries.append(try EntrySpill.decode(bytes, strings: tables[slot.table])) }
            return entries
        }

        /// What settling an entry needs, read back without making its texts (`EntrySettling`): `head` and `tail`
        /// are its record's bytes before its related codes and after its location, as written.
        struct Parts {
            var vendor: String
            var category: String
            var categoryLocation: SourceLocation
            var related: [(text: String, location: SourceLocation)]
            var trees: [(id: TreeID, location: SourceLocation)]
            var code: String
            /// Related codes the record itself holds (none for an entry as parsed: they are settled).
            var recorded: [CodeReference]
            var location: SourceLocation
            var head: UnsafeRawBufferPointer
            var tail: UnsafeRawBufferPointer
        }

        /// Hands `body` each entry waiting in `slots`, in order, as its parts (valid only during the call).
        func withParts(_ slots: ArraySlice<Slot>, _ body: (Parts) throws -> Void) throws {
            try each(slots) { bytes, slot in try body(try EntrySpill.parts(bytes, strings: tables[slot.table])) }
        }

        /// Hands `body` each slot's bytes, in order; slots one after another in the file are read at once.
        private func each(_ slots: ArraySlice<Slot>, _ body: (UnsafeRawBufferPointer, Slot) throws -> Void) throws {
            var first = slots.startIndex
            while first < slots.endIndex {
                var end = first + 1
                var bytesEnd = slots[first].offset + slots[first].length
                while end < slots.endIndex, slots[end].offset == bytesEnd, bytesEnd - slots[first].offset < 8 << 20 {
                    bytesEnd += slots[end].length
                    end += 1
                }
                let start = slots[first].offset
                let bytes = try readBytes(at: start, count: bytesEnd - start)
                try bytes.withUnsafeBytes { bytes in
                    for slot in slots[first..<end] {
                        let at = slot.offset - start
                        guard slot.table >= 0, slot.table < tables.count else { throw ByteReader.Damaged() }
                        try body(UnsafeRawBufferPointer(rebasing: bytes[at..<(at + slot.length)]), slot)
                    }
                }
                first = end
            }
        }

        private func readBytes(at offset: Int, count: Int) throws -> [UInt8] {
            var bytes = [UInt8](repeating: 0, count: count)
            var filled = 0
            while filled < count {
                let read = bytes.withUnsafeMutableBytes {
                    pread(descriptor, $0.baseAddress! + filled, count - filled, off_t(offset + filled))
                }
                if read < 0, errno == EINTR { continue }
                guard read > 0 else { throw FileWriteError(path: path, errno: read < 0 ? errno : EIO) }
                filled += read
            }
            return bytes
        }
    }

    /// A string of `strings` by its id.
    private static func interned(_ reader: inout ByteReader, _ strings: [String]) throws -> String {
        let id = try reader.varint()
        guard id >= 0, id < strings.count else { throw ByteReader.Damaged() }
        return strings[id]
    }

    /// A position: its file (a string id), line and column.
    private static func location(_ reader: inout ByteReader, _ strings: [String]) throws -> SourceLocation {
        SourceLocation(file: try interned(&reader, strings), line: try reader.varint(), column: try reader.varint())
    }

    /// What every spilled entry starts with: vendor, category and where it is named, related codes and trees as
    /// written (with their positions).
    private static func prefix(_ reader: inout ByteReader, strings: [String]) throws
        -> (vendor: String, category: String, categoryLocation: SourceLocation,
            related: [(text: String, location: SourceLocation)], trees: [(id: TreeID, location: SourceLocation)]) {
        let vendor = try interned(&reader, strings), category = try interned(&reader, strings)
        let categoryLocation = try location(&reader, strings)
        var related: [(text: String, location: SourceLocation)] = []
        for _ in 0..<(try reader.count()) { related.append((try reader.string(), try location(&reader, strings))) }
        var trees: [(id: TreeID, location: SourceLocation)] = []
        for _ in 0..<(try reader.count()) { trees.append((TreeID(try interned(&reader, strings)), try location(&reader, strings))) }
        return (vendor, category, categoryLocation, related, trees)
    }

    /// The parts of the entry whose bytes are `bytes` (all of them): its record's texts are skipped, not made.
    private static func parts(_ bytes: UnsafeRawBufferPointer, strings: [String]) throws -> Reader.Parts {
        var reader = ByteReader(bytes)
        let (vendor, category, categoryLocation, related, trees) = try Self.prefix(&reader, strings: strings)
        func interned() throws -> String { try Self.interned(&reader, strings) }
        func location() throws -> SourceLocation { try Self.location(&reader, strings) }
        // The record as `CompiledRecord.write` wrote it: code, status, message, summary, docs, description,
        // causes, checks, keywords, phrases (the head), related codes, trees, location, then the rest (the tail).
        let start = reader.offset
        let code = try reader.string()
        _ = try reader.varint()
        for _ in 0..<3 {  // message, summary, docs
            if try reader.byte() != 0 { try reader.skipString() }
        }
        try reader.skipString()  // description
        for _ in 0..<4 {  // causes, checks, keywords, phrases
            for _ in 0..<(try reader.count()) { try reader.skipString() }
        }
        let head = UnsafeRawBufferPointer(rebasing: bytes[start..<reader.offset])
        var recorded: [CodeReference] = []
        for _ in 0..<(try reader.count()) { recorded.append(CodeReference(vendor: try interned(), code: try reader.string())) }
        for _ in 0..<(try reader.count()) { _ = try interned() }  // settling sets the trees anew
        let at = try location()
        let tail = UnsafeRawBufferPointer(rebasing: bytes[reader.offset...])
        return Reader.Parts(vendor: vendor, category: category, categoryLocation: categoryLocation, related: related,
                            trees: trees, code: code, recorded: recorded, location: at, head: head, tail: tail)
    }

    /// The entry whose bytes are `bytes` (all of them).
    private static func decode(_ bytes: UnsafeRawBufferPointer, strings: [String]) throws -> VendorFile.RawEntry {
        var reader = ByteReader(bytes)
        let (vendor, category, categoryLocation, related, trees) = try Self.prefix(&reader, strings: strings)
        let entry = try CompiledRecord.read(&reader, vendor: vendor, category: category, strings: strings)
        return VendorFile.RawEntry(entry: entry, categoryLocation: categoryLocation, related: related, trees: trees)
    }
}
