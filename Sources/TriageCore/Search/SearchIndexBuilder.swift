import Foundation

/// Builds a `SearchIndex` in one pass over the catalog: words are interned by their bytes (no `String` per
/// word for ASCII text), postings and per-entry lists are appended to flat arrays, then the vocabulary is
/// sorted and every id remapped with counting sorts.
struct SearchIndexBuilder {
    let catalog: Catalog
    /// Words by first-seen ("temporary") id.
    private var words = ByteTable()
    /// Postings in entry order: temporary word id, entry, field bits.
    private var postingWords: [Int32] = []
    private var postingEntries: [Int32] = []
    private var postingFields: [UInt16] = []
    /// Per temporary word: the last entry it was seen in, and its slot in that entry's list.
    private var lastEntry: [Int32] = []
    private var slot: [Int32] = []
    /// The current entry's distinct words and their field bits.
    private var entryWords: [Int32] = []
    private var entryFields: [UInt16] = []
    private var codeWordStarts: [Int32] = [0]
    private var codeWords: [Int32] = []
    private var messageStarts: [Int32] = [0]
    private var messageWords: [Int32] = []
    private var phraseStarts: [Int32] = [0]
    private var phraseWords: [Int32] = []
    private var codeKeys = ByteTable()
    private var codeKeyPairs: [(key: Int32, entry: Int32)] = []
    private var characterBits: [UInt64]
    private let bitWords: Int
    private var scratch: [UInt8] = []

    init(catalog: Catalog) {
        self.catalog = catalog
        bitWords = (catalog.entries.count + 63) / 64
        characterBits = Array(repeating: 0, count: 36 * bitWords)
        scratch.reserveCapacity(64)
    }

    /// Calls `body` with each search word of `text` (as `SearchText.keys` splits it), NFC UTF-8 bytes, and marks
    /// the letters and digits of `text` as present in `entry`.
    private mutating func forEachWord(_ text: String, entry: Int, _ body: (inout Self, UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        let ascii = text.withUTF8 { buffer in buffer.allSatisfy { $0 < 0x80 } }
        guard ascii else {
            markCharacters(text, entry: entry)
            for key in SearchText.keys(text) {
                var bytes = SearchBytes.of(key)
                bytes.withUnsafeMutableBufferPointer { body(&self, UnsafeBufferPointer($0)) }
            }
            return
        }
        var current: [UInt8] = []
        swap(&current, &scratch)
        current.removeAll(keepingCapacity: true)
        var present: UInt64 = 0
        text.withUTF8 { buffer in
            var previous: UInt8 = 0x20
            for i in 0..<buffer.count {
                let byte = buffer[i]
                switch byte {
                case 0x30...0x39:
                    present |= 1 << UInt64(26 + byte - 0x30)
                    current.append(byte)
                case 0x61...0x7A:
                    present |= 1 << UInt64(byte - 0x61)
                    current.append(byte)
                case 0x41...0x5A:
                    present |= 1 << UInt64(byte - 0x41)
                    current.append(byte + 0x20)
                case 0x2D where current.isEmpty && !Self.isWordByte(previous) && i + 1 < buffer.count
                    && buffer[i + 1] >= 0x30 && buffer[i + 1] <= 0x39:
                    current.append(byte)
                default:
                    if !current.isEmpty {
                        current.withUnsafeBufferPointer { body(&self, $0) }
                        current.removeAll(keepingCapacity: true)
                    }
                }
                previous = byte
            }
        }
        if !current.isEmpty { current.withUnsafeBufferPointer { body(&self, $0) } }
        scratch = current
        mark(present, entry: entry)
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// Marks the letters and digits of `text` as present in `entry`.
    private mutating func markCharacters(_ text: String, entry: Int) {
        var present: UInt64 = 0
        for byte in text.utf8 {
            switch byte {
            case 0x61...0x7A: present |= 1 << UInt64(byte - 0x61)
            case 0x41...0x5A: present |= 1 << UInt64(byte - 0x41)
            case 0x30...0x39: present |= 1 << UInt64(26 + byte - 0x30)
            default: break
            }
        }
        mark(present, entry: entry)
    }

    /// Sets `entry`'s bit in the row of each character in `present` (bits 0-25: a-z, 26-35: 0-9).
    private mutating func mark(_ present: UInt64, entry: Int) {
        var present = present
        while present != 0 {
            let bit = present.trailingZeroBitCount
            present &= present - 1
            characterBits[bit * bitWords + entry / 64] |= 1 << UInt64(entry % 64)
        }
    }

    /// Interns `word` and records it for the current entry in `field`; returns its temporary id.
    @discardableResult
    private mutating func add(_ word: UnsafeBufferPointer<UInt8>, _ field: SearchField, entry: Int) -> Int32 {
        let id = words.insert(word)
        if Int(id) == lastEntry.count {
            lastEntry.append(-1)
            slot.append(0)
        }
        let bit = UInt16(1) << UInt16(field.rawValue)
        if lastEntry[Int(id)] != Int32(entry) {
            lastEntry[Int(id)] = Int32(entry)
            slot[Int(id)] = Int32(entryWords.count)
            entryWords.append(id)
            entryFields.append(bit)
        } else {
            entryFields[Int(slot[Int(id)])] |= bit
        }
        return id
    }

    private mutating func add(_ text: String, _ field: SearchField, entry: Int) {
        forEachWord(text, entry: entry) { builder, word in builder.add(word, field, entry: entry) }
    }

    mutating func build() -> SearchIndex {
        var deprecated: [Bool] = []
        deprecated.reserveCapacity(catalog.entries.count)
        var deprecatedVendor: [String: Bool] = [:]
        var vendorsWithStatuses: Set<String> = []
        // The example tickets' text counts as phrases of the code each expects, at a description's weight: a
        // ticket is long and quotes other codes and messages, so its words say less than a phrase's.
        var tickets: [CodeReference: [String]] = [:]
        for example in catalog.examples {
            if let code = example.code, let ticket = example.ticket { tickets[code, default: []].append(ticket) }
        }
        for (index, entry) in catalog.entries.enumerated() {
            entryWords.removeAll(keepingCapacity: true)
            entryFields.removeAll(keepingCapacity: true)
            // The code: its words in order, and its folded keys.
            let codeStart = codeWords.count
            forEachWord(entry.code, entry: index) { builder, word in builder.codeWords.append(builder.add(word, .code, entry: index)) }
            codeWordStarts.append(Int32(codeWords.count))
            addCodeKeys(codeWords[codeStart...], entry: index)
            if let status = entry.httpStatus { add(String(status), .httpStatus, entry: index) }
            if let message = entry.message {
                forEachWord(message, entry: index) { builder, word in builder.messageWords.append(builder.add(word, .message, entry: index)) }
            }
            messageStarts.append(Int32(messageWords.count))
            for keyword in entry.keywords {
                var phrase: [Int32] = []
                forEachWord(keyword, entry: index) { builder, word in phrase.append(builder.add(word, .keywords, entry: index)) }
                if phrase.count >= 2 {
                    if phraseWords.count > Int(phraseStarts[phraseStarts.count - 1]) { phraseWords.append(-1) }
                    phraseWords += phrase
                }
            }
            phraseStarts.append(Int32(phraseWords.count))
            for phrase in entry.phrases { add(phrase, .phrases, entry: index) }
            for ticket in tickets[entry.reference] ?? tickets[CodeReference(vendor: "", code: entry.code)] ?? [] {
                add(ticket, .description, entry: index)
            }
            let vendor = catalog.vendor(id: entry.vendor)
            if let category = vendor?.category(id: entry.category) { add(category.name, .category, entry: index) }
            add(entry.category, .category, entry: index)
            add(vendor?.name ?? entry.vendor, .vendor, entry: index)
            add(entry.vendor, .vendor, entry: index)
            add(entry.description, .description, entry: index)
            for hint in entry.causes { add(hint, .hints, entry: index) }
            for hint in entry.checks { add(hint, .hints, entry: index) }
            for (word, fields) in zip(entryWords, entryFields) {
                postingWords.append(word)
                postingEntries.append(Int32(index))
                postingFields.append(fields)
            }
            if entry.httpStatus != nil { vendorsWithStatuses.insert(entry.vendor) }
            let isDeprecated = deprecatedVendor[entry.vendor] ?? {
                let value = vendor?.notice?.lowercased().contains("deprecat") ?? false
                deprecatedVendor[entry.vendor] = value
                return value
            }()
            deprecated.append(isDeprecated)
        }
        return finish(deprecated: deprecated, vendorsWithStatuses: vendorsWithStatuses)
    }

    /// The code's words joined with `_` and without separator, both pointing at `entry`.
    private mutating func addCodeKeys(_ code: ArraySlice<Int32>, entry: Int) {
        var joined: [UInt8] = []
        var plain: [UInt8] = []
        for (position, word) in code.enumerated() {
            if position > 0 { joined.append(0x5F) }
            let range = words.strings.range(Int(word))
            joined += words.strings.bytes[range]
            plain += words.strings.bytes[range]
        }
        let first = codeKeys.insert(joined)
        codeKeyPairs.append((first, Int32(entry)))
        let second = codeKeys.insert(plain)
        if second != first { codeKeyPairs.append((second, Int32(entry))) }
    }

    /// Sorts the vocabulary, remaps every id and lays the postings out by word.
    private func finish(deprecated: [Bool], vendorsWithStatuses: Set<String>) -> SearchIndex {
        let strings = words.strings
        let wordCount = strings.count
        var order = Array(0..<Int32(wordCount))
        strings.bytes.withUnsafeBufferPointer { all in
            order.sort { a, b in
                let ra = strings.range(Int(a)), rb = strings.range(Int(b))
                let common = min(ra.count, rb.count)
                if common > 0 {
                    let c = memcmp(all.baseAddress! + ra.lowerBound, all.baseAddress! + rb.lowerBound, common)
                    if c != 0 { return c < 0 }
                }
                return ra.count < rb.count
            }
        }
        var sortedID = [Int32](repeating: 0, count: wordCount)
        var sorted = ByteStrings()
        sorted.bytes.reserveCapacity(strings.bytes.count)
        sorted.starts.reserveCapacity(wordCount + 1)
        strings.bytes.withUnsafeBufferPointer { all in
            for (position, id) in order.enumerated() {
                sortedID[Int(id)] = Int32(position)
                sorted.append(UnsafeBufferPointer(rebasing: all[strings.range(Int(id))]))
            }
        }
        let vocabulary = SortedWords(strings: sorted)

        // Postings grouped by sorted word id; a stable counting sort keeps each word's entries ascending.
        let remappedWords = postingWords.map { sortedID[Int($0)] }
        let (postingStarts, postingOrder) = Self.countingSort(remappedWords, buckets: wordCount)
        let entries = postingOrder.map { postingEntries[Int($0)] }
        let fields = postingOrder.map { postingFields[Int($0)] }

        // Stems: each word's stem interned; the words of each stem.
        var stems = ByteTable()
        var vocabularyStems = [Int32](repeating: 0, count: wordCount)
        sorted.bytes.withUnsafeBufferPointer { all in
            for id in 0..<wordCount {
                let word = UnsafeBufferPointer(rebasing: all[sorted.range(id)])
                vocabularyStems[id] = stems.insert(WordForms.stem(bytes: word))
            }
        }
        let (stemWordStarts, stemWords) = Self.countingSort(vocabularyStems, buckets: stems.count)

        // Bigrams: each word once per distinct pair of bytes it contains.
        var lastWordOfBigram = [Int32](repeating: -1, count: 65536)
        var bigramKeys: [Int32] = []
        var bigramIDs: [Int32] = []
        sorted.bytes.withUnsafeBufferPointer { all in
            for id in 0..<wordCount {
                let range = sorted.range(id)
                guard range.count >= 2 else { continue }
                for at in range.lowerBound..<(range.upperBound - 1) {
                    let key = Int(all[at]) << 8 | Int(all[at + 1])
                    if lastWordOfBigram[key] == Int32(id) { continue }
                    lastWordOfBigram[key] = Int32(id)
                    bigramKeys.append(Int32(key))
                    bigramIDs.append(Int32(id))
                }
            }
        }
        let (bigramStarts, bigramOrder) = Self.countingSort(bigramKeys, buckets: 65536)
        let bigramWords = bigramOrder.map { bigramIDs[Int($0)] }

        let codeWordIDs = codeWords.map { sortedID[Int($0)] }
        let messageStems = messageWords.map { vocabularyStems[Int(sortedID[Int($0)])] }
        let phraseStems = phraseWords.map { $0 < 0 ? -1 : vocabularyStems[Int(sortedID[Int($0)])] }
        let (codeKeyStarts, keyOrder) = Self.countingSort(codeKeyPairs.map(\.key), buckets: codeKeys.count)
        let codeKeyEntries = keyOrder.map { codeKeyPairs[Int($0)].entry }

        // Category names' stems, each distinct name stemmed once (vendors share names).
        var categoryStems = ByteStrings()
        var categoryStemStarts: [Int32] = [0]
        var stemsOfName: [String: [[UInt8]]] = [:]
        for vendor in catalog.vendors {
            for category in vendor.categories {
                let stems = stemsOfName[category.name] ?? QuerySteering.stems(of: category.name)
                stemsOfName[category.name] = stems
                for stem in stems { stem.withUnsafeBufferPointer { categoryStems.append($0) } }
                categoryStemStarts.append(Int32(categoryStems.count))
            }
        }
        return SearchIndex(
            catalog: catalog, vocabulary: vocabulary, vocabularyStems: .init(vocabularyStems),
            postingStarts: .init(postingStarts), postingEntries: .init(entries), postingFields: .init(fields),
            bigramStarts: .init(bigramStarts), bigramWords: .init(bigramWords), stems: stems,
            stemWordStarts: .init(stemWordStarts), stemWords: .init(stemWords), codeWordStarts: .init(codeWordStarts),
            codeWords: .init(codeWordIDs), messageStarts: .init(messageStarts), messageStems: .init(messageStems),
            phraseStarts: .init(phraseStarts), phraseStems: .init(phraseStems), codeKeys: codeKeys,
            codeKeyStarts: .init(codeKeyStarts), codeKeyEntries: .init(codeKeyEntries),
            characterBits: .init(characterBits), bitWords: bitWords, deprecated: .init(deprecated.map { $0 ? 1 : 0 }),
            vendorsWithStatuses: vendorsWithStatuses, categoryStems: categoryStems,
            categoryStemStarts: .init(categoryStemStarts))
    }

    /// A stable counting sort of positions by key: `starts[k]..<starts[k + 1]` are the positions (into `keys`) with
    /// key `k`, in their original order.
    static func countingSort(_ keys: [Int32], buckets: Int) -> (starts: [Int32], order: [Int32]) {
        var starts = [Int32](repeating: 0, count: buckets + 1)
        for key in keys { starts[Int(key) + 1] += 1 }
        for bucket in 0..<buckets { starts[bucket + 1] += starts[bucket] }
        var next = starts
        var order = [Int32](repeating: 0, count: keys.count)
        for (position, key) in keys.enumerated() {
            order[Int(next[Int(key)])] = Int32(position)
            next[Int(key)] += 1
        }
        return (starts, order)
    }
}
