#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        CompiledRecord.write(raw.entry, to: &writer) { $1.varint(strings.id($0)) }
        let slot = Slot(offset: file.length, length: writer.bytes.count)
        try file.append(writer.bytes)
        return slot
    }

    /// Writes out what is buffered: every entry added can be read from now on.
    func flush() throws { try file.flush() }

    /// Reads the spill from any thread once every entry is added and flushed (`CatalogCompiler` settles entries
    /// on workers): each call reads its own bytes, so readers do not share a buffer.
    var reader: Reader { Reader(descriptor: file.descriptor, path: file.path, strings: strings.strings) }

    struct Reader: Sendable {
        let descriptor: Int32
        let path: String
        let strings: [String]

        /// The entries waiting in `slots`, in order; slots one after another in the file are read at once.
        func read(_ slots: ArraySlice<Slot>) throws -> [VendorFile.RawEntry] {
            var entries: [VendorFile.RawEntry] = []
            entries.reserveCapacity(slots.count)
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
                        entries.append(try EntrySpill.decode(UnsafeRawBufferPointer(rebasing: bytes[at..<(at + slot.length)]),
                                                             strings: strings))
                    }
                }
                first = end
            }
            return entries
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

    /// The entry whose bytes are `bytes` (all of them).
    private static func decode(_ bytes: UnsafeRawBufferPointer, strings: [String]) throws -> VendorFile.RawEntry {
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

    private mutating func location(_ location: SourceLocation, _ writer: inout ByteWriter) {
        writer.varint(strings.id(location.file))
        writer.varint(location.line)
        writer.varint(location.column)
    }
}
