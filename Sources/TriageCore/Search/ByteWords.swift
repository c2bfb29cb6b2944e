import Foundation

/// Byte strings stored end to end in one buffer: string `i` is `bytes[starts[i]..<starts[i + 1]]`. The flat form
/// the search index keeps its words in (no `String`, no array per word).
struct ByteStrings: Sendable, Equatable {
    var bytes: FlatArray<UInt8> = []
    var starts: FlatArray<Int32> = [0]

    var count: Int { starts.count - 1 }

    func range(_ i: Int) -> Range<Int> { Int(starts[i])..<Int(starts[i + 1]) }

    func length(_ i: Int) -> Int { Int(starts[i + 1] - starts[i]) }

    mutating func append(_ word: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: word)
        starts.append(Int32(bytes.count))
    }

    /// String `i` as an array (for the rare slow paths).
    func array(_ i: Int) -> [UInt8] { Array(bytes[range(i)]) }

    func string(_ i: Int) -> String { String(decoding: bytes[range(i)], as: UTF8.self) }
}

/// A hash table over `ByteStrings`: each distinct byte string gets the next id. Used to intern the words while
/// building the index, and kept for the look-ups by whole string (stems, code keys).
struct ByteTable: Sendable, Equatable {
    private(set) var strings = ByteStrings()
    /// Open addressing, linear probing: the string's hash in the high 32 bits and its id + 1 in the low ones, or
    /// 0 for an empty slot. A power of two long, at most half full.
    private(set) var slots = FlatArray<UInt64>(Array(repeating: 0, count: 64))

    var count: Int { strings.count }

    init() {}

    init(strings: ByteStrings) {
        self.strings = strings
        var size = 64
        while size < strings.count * 2 { size *= 2 }
        slots = FlatArray(Array(repeating: 0, count: size))
        strings.bytes.withUnsafeBufferPointer { all in
            for id in 0..<strings.count {
                let word = UnsafeBufferPointer(rebasing: all[strings.range(id)])
                place(id: Int32(id), hash: Self.hash(word))
            }
        }
    }

    /// A table stored with its slots (`strings` and `slots` as another table had them), without hashing every
    /// string again; nil when the slots cannot be that table's: not a power of two at least twice the strings,
    /// an id out of range, or not one slot per string (so a look-up always meets an empty slot and stops). A slot
    /// with a wrong hash only makes a look-up miss.
    init?(strings: ByteStrings, slots: FlatArray<UInt64>) {
        let size = slots.count
        guard size >= 64, size & (size - 1) == 0, size >= 2 * strings.count else { return nil }
        // One pass without an early exit (vectorized): the slots in use, those among them without an id (a low
        // half of 0), and the largest id + 1.
        let (used, withoutID, largest) = slots.withUnsafeBufferPointer { slots -> (Int, Int, UInt64) in
            var used = 0, withoutID = 0, largest: UInt64 = 0
            for slot in slots {
                let id = slot & 0xFFFF_FFFF
                used &+= slot != 0 ? 1 : 0
                withoutID &+= slot != 0 && id == 0 ? 1 : 0
                largest = max(largest, id)
            }
            return (used, withoutID, largest)
        }
        slots.releasePages()
        guard used == strings.count, withoutID == 0, largest <= UInt64(strings.count) else { return nil }
        self.strings = strings
        self.slots = slots
    }

    private mutating func place(id: Int32, hash: UInt32) {
        let mask = slots.count - 1
        var at = Int(hash) & mask
        while slots[at] != 0 { at = (at + 1) & mask }
        slots[at] = UInt64(hash) << 32 | UInt64(UInt32(id) + 1)
    }

    @inline(__always)
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    }

    @inline(__always)
    private func find(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int32? {
        slots.withUnsafeBufferPointer { slots in
            strings.starts.withUnsafeBufferPointer { starts in
                strings.bytes.withUnsafeBufferPointer { all in
                    let mask = slots.count - 1
                    var at = Int(hash) & mask
                    while true {
                        let slot = slots[at]
                        if slot == 0 { return nil }
                        if UInt32(truncatingIfNeeded: slot >> 32) == hash {
                            let id = Int(UInt32(truncatingIfNeeded: slot)) - 1
                            let start = Int(starts[id]), end = Int(starts[id + 1])
                            if end - start == word.count {
                                var same = true
                                for k in 0..<word.count where all[start + k] != word[k] {
                                    same = false
                                    break
                                }
                                if same { return Int32(id) }
                            }
                        }
                        at = (at + 1) & mask
                    }
                }
            }
        }
    }

    func find(_ word: UnsafeBufferPointer<UInt8>) -> Int32? { find(word, hash: Self.hash(word)) }

    func find(_ word: [UInt8]) -> Int32? { word.withUnsafeBufferPointer { find($0) } }

    /// The id of `word`, adding it when new.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(word)
        if let known = find(word, hash: hash) { return known }
        let id = Int32(strings.count)
        strings.append(word)
        if strings.count * 2 > slots.count { self = ByteTable(strings: strings) } else { place(id: id, hash: hash) }
        return id
    }

    mutating func insert(_ word: [UInt8]) -> Int32 { word.withUnsafeBufferPointer { insert($0) } }
}

/// Distinct byte strings sorted bytewise (UTF-8 order), so a whole word or every word with a given start is found
/// by binary search.
struct SortedWords: Sendable, Equatable {
    var strings: ByteStrings

    var count: Int { strings.count }

    /// Compares word `i`, cut to `key.count` bytes when `prefix`, with `key`.
    @inline(__always)
    private func compare(_ all: UnsafeBufferPointer<UInt8>, _ i: Int, _ key: UnsafeBufferPointer<UInt8>, prefix: Bool) -> Int {
        let range = strings.range(i)
        let length = prefix ? min(range.count, key.count) : range.count
        let common = min(length, key.count)
        if common > 0 {
            let order = memcmp(all.baseAddress! + range.lowerBound, key.baseAddress!, common)
            if order != 0 { return Int(order) }
        }
        return length - key.count
    }

    /// The first id whose word (cut when `prefix`) is not below `key` (`strictly`: above it).
    private func bound(_ key: UnsafeBufferPointer<UInt8>, prefix: Bool, strictly: Bool) -> Int {
        strings.bytes.withUnsafeBufferPointer { all in
            var low = 0, high = count
            while low < high {
                let middle = (low + high) / 2
                let order = compare(all, middle, key, prefix: prefix)
                if order < 0 || (strictly && order == 0) { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }

    func find(_ word: [UInt8]) -> Int? {
        word.withUnsafeBufferPointer { key in
            let at = bound(key, prefix: false, strictly: false)
            guard at < count else { return nil }
            let found = strings.bytes.withUnsafeBufferPointer { compare($0, at, key, prefix: false) == 0 }
            return found ? at : nil
        }
    }

    /// The ids of the words that start with `prefix` (all of them for an empty prefix).
    func prefixRange(_ prefix: [UInt8]) -> Range<Int> {
        prefix.withUnsafeBufferPointer { key in
            // In sorted words the first bound never passes the second; kept so for words out of order (a damaged
            // index opened without the full check), where it would otherwise trap.
            let first = bound(key, prefix: true, strictly: false)
            return first..<max(first, bound(key, prefix: true, strictly: true))
        }
    }

    func prefixRange(_ prefix: ArraySlice<UInt8>) -> Range<Int> { prefixRange(Array(prefix)) }
}
