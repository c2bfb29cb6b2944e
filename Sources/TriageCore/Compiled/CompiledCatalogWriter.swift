import Foundation

/// Writes a compiled catalog (layout: `CompiledCatalog`) one entry at a time, in catalog order: the vendors,
/// trees and examples first (`init`), then each entry (`append`), then `finish`. Per entry it keeps only its
/// keys, offset and code hash (32 bytes); its record goes to `records`, in memory or, for a compile that must
/// not hold the catalog (`CatalogCompiler`), to a scratch file that `finish(into:)` copies after the tables.
/// Both give the same bytes as each other for the same entries.
struct CompiledCatalogWriter {
    private var table = StringTable()
    private var head = ByteWriter()
    private let treeIDs: Set<TreeID>
    private let trees: [DecisionTree]
    private let examples: [ExampleTicket]
    /// Every code a tree names, and every entry naming a tree the catalog has (`CatalogTrees.diagnosable`).
    private var diagnosable: Set<CodeReference>
    private var keys = ByteWriter()
    private var offsets = ByteWriter()
    private var hashes: [UInt64] = []
    private var records = ByteWriter()
    /// Where records go once `records` holds a buffer's worth (nil: all stay in memory).
    private let spill: BufferedFile?
    private var recordsLength = 0

    /// `recordsTo`: a scratch file for the records (nil: in memory).
    init(vendors: [Vendor], trees: [DecisionTree], examples: [ExampleTicket], recordsTo spill: BufferedFile? = nil) {
        self.trees = trees
        self.examples = examples
        self.spill = spill
        treeIDs = Set(trees.map(\.id))
        diagnosable = Set(trees.flatMap(\.codes))
        head.varint(vendors.count)
        for vendor in vendors {
            head.string(vendor.id)
            head.string(vendor.name)
            head.optionalString(vendor.product)
            head.optionalString(vendor.docs)
            head.optionalString(vendor.notice)
            head.strings(vendor.facts)
            VendorExplainRecord.write(vendor.explain, to: &head)
            head.varint(vendor.categories.count)
            for category in vendor.categories {
                head.string(category.id)
                head.string(category.name)
                head.optionalString(category.description)
            }
            head.strings(vendor.sources)
            head.varint(table.id(vendor.location.file))
            head.varint(vendor.location.line)
            head.varint(vendor.location.column)
        }
    }

    /// How many entries were appended.
    var count: Int { hashes.count }

    /// Appends the next entry in catalog order.
    mutating func append(_ entry: CatalogEntry) {
        offsets.uint64(UInt64(recordsLength + records.bytes.count))
        keys.uint32(UInt32(table.id(entry.vendor)))
        keys.uint32(UInt32(table.id(entry.category)))
        keys.uint32(UInt32(clamping: entry.trees.count))
        keys.uint32(UInt32(clamping: CodeColumns.width(of: entry.code)))
        hashes.append(CompiledCatalog.foldedHash(entry.code))
        if entry.trees.contains(where: treeIDs.contains) { diagnosable.insert(entry.reference) }
        CompiledRecord.write(entry, to: &records) { $1.varint(table.id($0)) }
    }

    /// Appends the next entries in catalog order, settled and encoded on a worker (`SettledBatch`): the same
    /// bytes as appending each entry, the batch's strings numbered in the order they are met.
    mutating func append(_ batch: SettledBatch) {
        var ids = [Int](repeating: -1, count: batch.strings.count)
        func id(_ local: Int) -> Int {
            if ids[local] < 0 { ids[local] = table.id(batch.strings[local]) }
            return ids[local]
        }
        var from = 0, hole = 0
        batch.bytes.bytes.withUnsafeBytes { bytes in
            for entry in batch.entries {
                offsets.uint64(UInt64(recordsLength + records.bytes.count))
                keys.uint32(UInt32(id(entry.vendor)))
                keys.uint32(UInt32(id(entry.category)))
                keys.uint32(UInt32(clamping: entry.treeCount))
                keys.uint32(UInt32(clamping: entry.width))
                hashes.append(entry.hash)
                if let reference = entry.diagnosable { diagnosable.insert(reference) }
                while hole < entry.holesEnd {
                    let next = batch.holes[hole]
                    records.raw(UnsafeRawBufferPointer(rebasing: bytes[from..<next.at]))
                    records.varint(id(next.string))
                    from = next.at
                    hole += 1
                }
                records.raw(UnsafeRawBufferPointer(rebasing: bytes[from..<entry.recordEnd]))
                from = entry.recordEnd
            }
        }
    }

    /// Moves the records written so far to the scratch file once they fill a buffer (nothing without one).
    mutating func spillRecords() throws {
        guard let spill, records.bytes.count >= 1 << 20 else { return }
        try spill.append(records.bytes)
        recordsLength += records.bytes.count
        records = ByteWriter()
    }

    /// The compiled bytes, when the records were kept in memory.
    func finish() -> [UInt8] {
        precondition(spill == nil, "the records are in a scratch file: finish(into:)")
        let parts = tables()
        var payload = ByteWriter(capacity: parts.front.count + parts.rest.count + records.bytes.count)
        payload.raw(parts.front)
        payload.raw(parts.rest)
        payload.raw(records.bytes)
        var file = ByteWriter(capacity: payload.bytes.count + 32)
        Self.header(&file, payloadLength: payload.bytes.count, checksum: ContentHash.of(payload.bytes),
                    headLength: parts.front.count, headChecksum: ContentHash.of(parts.front))
        file.raw(payload.bytes)
        return file.bytes
    }

    /// Appends the compiled bytes to `output`, the records copied from the scratch file (read back a buffer at a
    /// time, hashed as they are copied); the payload's checksum is patched into the header at the end.
    func finish(into output: BufferedFile) throws {
        guard let spill else { return try output.append(finish()) }
        try spill.append(records.bytes)
        try spill.flush()
        let total = recordsLength + records.bytes.count
        let parts = tables()
        let payloadLength = parts.front.count + parts.rest.count + total
        var header = ByteWriter()
        Self.header(&header, payloadLength: payloadLength, checksum: 0,
                    headLength: parts.front.count, headChecksum: ContentHash.of(parts.front))
        // The checksum is the 8 bytes after the magic, the version and the payload's length.
        var beforeChecksum = ByteWriter()
        beforeChecksum.raw(CompiledCatalog.magic)
        beforeChecksum.varint(CompiledCatalog.formatVersion)
        beforeChecksum.varint(payloadLength)
        let checksumAt = output.length + beforeChecksum.bytes.count
        try output.append(header.bytes)
        var hash = ContentHash.Stream(length: payloadLength)
        for part in [parts.front, parts.rest] {
            part.withUnsafeBytes { hash.add($0) }
            try output.append(part)
        }
        var copied = 0
        while copied < total {
            let length = min(1 << 20, total - copied)
            try spill.withBytes(at: copied, count: length) { bytes in
                hash.add(bytes)
                try output.append(bytes)
            }
            copied += length
        }
        try output.flush()
        var checksum = ByteWriter()
        checksum.uint64(hash.finish())
        try output.patch(checksum.bytes, at: checksumAt)
    }

    /// The payload's head (the string table, vendors, trees, counts) and the tables after it (keys, offsets,
    /// lookup slots); the records follow.
    private func tables() -> (front: [UInt8], rest: [UInt8]) {
        let count = hashes.count
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
        var front = ByteWriter()
        front.strings(table.strings)
        front.raw(head.bytes)
        front.raw(treeSection())
        front.varint(count)
        front.varint(slotCount)
        front.varint(recordsLength + records.bytes.count)
        var rest = ByteWriter(capacity: keys.bytes.count + offsets.bytes.count + 8 * (slotCount + 1))
        rest.raw(keys.bytes)
        rest.raw(offsets.bytes)
        rest.uint64(UInt64(recordsLength + records.bytes.count))
        for slot in slots { rest.uint64(slot) }
        return (front.bytes, rest.bytes)
    }

    /// The trees, examples and diagnosable codes: per tree its id and its JSON; the examples' JSON; then the
    /// codes the browser can diagnose (vendor and code each), so opening decodes no tree (`CatalogTrees`).
    private func treeSection() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys  // the same catalog always gives the same bytes (and cache key)
        var section = ByteWriter()
        section.varint(trees.count)
        for tree in trees {
            section.string(tree.id.rawValue)
            section.string(tree.title)
            let json = (try? encoder.encode(tree)).map { [UInt8]($0) } ?? []
            section.varint(json.count)
            section.raw(json)
        }
        let examples = (try? encoder.encode(examples)).map { [UInt8]($0) } ?? []
        section.varint(examples.count)
        section.raw(examples)
        let codes = diagnosable.sorted { ($0.vendor, $0.code) < ($1.vendor, $1.code) }
        section.varint(codes.count)
        for code in codes {
            section.string(code.vendor)
            section.string(code.code)
        }
        return section.bytes
    }

    /// Magic, version, the payload's length and checksum, the head's length and checksum.
    private static func header(_ file: inout ByteWriter, payloadLength: Int, checksum: UInt64, headLength: Int,
                               headChecksum: UInt64) {
        file.raw(CompiledCatalog.magic)
        file.varint(CompiledCatalog.formatVersion)
        file.varint(payloadLength)
        file.uint64(checksum)
        file.varint(headLength)
        file.uint64(headChecksum)
    }
}
