import Foundation

/// The entries of an opened compiled catalog, decoded one at a time from its bytes (layout: `CompiledCatalog`).
/// What lists and lookups need (an entry's vendor, category, code, number of trees; the entries with a code) is
/// read without decoding the rest. Every read is bounds-checked: bytes damaged after the catalog was opened
/// give a placeholder entry (`damaged(at:)`), never a crash.
struct CompiledEntries: @unchecked Sendable {
    let count: Int
    /// The interned strings, and the id of each (to compare vendors by number).
    let strings: [String]
    private let stringIDs: [String: UInt32]
    private let owner: CatalogBytes
    private let payload: UnsafeRawBufferPointer
    private let keysStart: Int
    private let offsetsStart: Int
    private let slotsStart: Int
    private let slotCount: Int
    private let recordsStart: Int
    private let recordsLength: Int

    static let keySize = 16

    #if DEBUG
    /// How many entries were decoded whole (tests check that a frame decodes only what it shows).
    let decodes = DecodeCounter()
    #endif

    /// Reads the counts after the head of `payload` (at `reader`) and checks that the tables fill the rest exactly.
    init(payload: UnsafeRawBufferPointer, tablesAt reader: inout ByteReader, strings: [String], owner: CatalogBytes) throws {
        let count = try reader.count(), slotCount = try reader.count(), recordsLength = try reader.count()
        let left = payload.count - reader.offset
        // Each count is at most `left` (ByteReader.count), so these products cannot overflow.
        guard slotCount >= 8, slotCount & (slotCount - 1) == 0, slotCount >= 2 * count,
              Self.keySize * count + 8 * (count + 1) + 8 * slotCount + recordsLength == left else { throw ByteReader.Damaged() }
        self.count = count
        self.strings = strings
        var ids: [String: UInt32] = [:]
        for (id, text) in strings.enumerated() where ids[text] == nil { ids[text] = UInt32(id) }
        stringIDs = ids
        self.owner = owner
        self.payload = payload
        keysStart = reader.offset
        offsetsStart = keysStart + Self.keySize * count
        slotsStart = offsetsStart + 8 * (count + 1)
        self.slotCount = slotCount
        recordsStart = slotsStart + 8 * slotCount
        self.recordsLength = recordsLength
    }

    private func uint32(_ at: Int) -> UInt32 { UInt32(littleEndian: payload.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
    private func uint64(_ at: Int) -> UInt64 { UInt64(littleEndian: payload.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }

    private func interned(_ id: UInt32) -> String? { Int(id) < strings.count ? strings[Int(id)] : nil }

    func vendor(at index: Int) -> String { interned(uint32(keysStart + Self.keySize * index)) ?? "" }
    func category(at index: Int) -> String { interned(uint32(keysStart + Self.keySize * index + 4)) ?? "" }
    func treeCount(at index: Int) -> Int { Int(uint32(keysStart + Self.keySize * index + 8)) }
    /// The columns entry `index`'s code takes on screen (`CodeColumns`), stored when compiled.
    func codeWidth(at index: Int) -> Int { Int(min(uint32(keysStart + Self.keySize * index + 12), 1 << 16)) }

    /// The string-table id of entry `index`'s vendor (equal ids: the same vendor).
    func vendorID(at index: Int) -> UInt32 { uint32(keysStart + Self.keySize * index) }

    /// The entries of `candidates` in `category` (its id looked up once, then compared as numbers).
    func indices(in candidates: Range<Int>, category: String) -> [Int] {
        guard let id = stringIDs[category] else { return [] }
        return candidates.filter { uint32(keysStart + Self.keySize * $0 + 4) == id }
    }

    /// Whether entry `index` belongs to `vendor` (compared by string-table id, nothing decoded).
    func isOf(vendor: String, at index: Int) -> Bool {
        guard let id = stringIDs[vendor] else { return false }
        return uint32(keysStart + Self.keySize * index) == id
    }

    /// Whether entry `index` is in `category` of its vendor (compared by string-table id).
    func isIn(category: String, at index: Int) -> Bool {
        guard let id = stringIDs[category] else { return false }
        return uint32(keysStart + Self.keySize * index + 4) == id
    }

    /// The bytes of entry `index`'s record, nil when its offsets are damaged.
    private func record(_ index: Int) -> UnsafeRawBufferPointer? {
        let start = uint64(offsetsStart + 8 * index), end = uint64(offsetsStart + 8 * (index + 1))
        guard start <= end, end <= UInt64(recordsLength) else { return nil }
        return UnsafeRawBufferPointer(rebasing: payload[(recordsStart + Int(start))..<(recordsStart + Int(end))])
    }

    func code(at index: Int) -> String {
        guard let record = record(index) else { return "" }
        var reader = ByteReader(record)
        return (try? reader.string()) ?? ""
    }

    func httpStatus(at index: Int) -> Int? {
        guard let record = record(index) else { return nil }
        var reader = ByteReader(record)
        guard (try? reader.skipString()) != nil, let status = try? reader.varint(), status > 0 else { return nil }
        return status - 1
    }

    func entry(at index: Int) -> CatalogEntry {
        #if DEBUG
        decodes.add()
        #endif
        guard let record = record(index), let entry = try? decode(record, vendor: vendor(at: index), category: category(at: index))
        else { return damaged(at: index) }
        return entry
    }

    private func decode(_ record: UnsafeRawBufferPointer, vendor: String, category: String) throws -> CatalogEntry {
        var reader = ByteReader(record)
        return try CompiledRecord.read(&reader, vendor: vendor, category: category, strings: strings)
    }

    /// What stands in for an entry whose bytes were damaged after the catalog was opened.
    func damaged(at index: Int) -> CatalogEntry {
        CatalogEntry(vendor: vendor(at: index), category: category(at: index), code: code(at: index),
                     description: "This entry could not be read: the compiled catalog is damaged. Delete the cache folder (~/.cache/triage) and start again.",
                     location: SourceLocation(file: "", line: 0, column: 0))
    }

    /// The entries whose code folded to lower case is `folded`, in catalog order, found through the slots.
    func indices(folded: String, where matches: (Int) -> Bool) -> [Int] {
        let hash = CompiledCatalog.hash(folded: folded)
        var slot = Int(truncatingIfNeeded: hash) & (slotCount - 1)
        var found: [Int] = []
        // At most every slot once, so damaged slots cannot loop forever.
        for _ in 0..<slotCount {
            let value = uint64(slotsStart + 8 * slot)
            if value == 0 { break }
            let index = Int(value & 0xFFFF_FFFF) - 1
            if value & 0xFFFF_FFFF_0000_0000 == hash & 0xFFFF_FFFF_0000_0000, index >= 0, index < count, matches(index) {
                found.append(index)
            }
            slot = (slot + 1) & (slotCount - 1)
        }
        return found.sorted()
    }

    /// Entries whose code equals `code` ignoring case.
    func indices(code: String) -> [Int] {
        let folded = code.lowercased()
        return indices(folded: folded) { self.code(at: $0).lowercased() == folded }
    }

    /// The first entry with exactly this vendor and code.
    func index(of reference: CodeReference) -> Int? {
        indices(folded: reference.code.lowercased()) { isOf(vendor: reference.vendor, at: $0) && code(at: $0) == reference.code }.first
    }
}

#if DEBUG
/// A thread-safe count (debug builds only).
final class DecodeCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func add() { lock.lock(); value += 1; lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return value }
}
#endif
