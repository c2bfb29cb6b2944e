import TriageCore

/// The search index before issue 12: `[Character]` words and arrays of arrays. Not shipped: the ranking oracle
/// that `SearchEquivalenceTests` compare TriageCore's flat index with, and `triage-bench keystrokes` times.
public struct LegacySearchIndex: Sendable {
    struct Posting: Sendable {
        var entry: Int32
        /// Bit i set: the word occurs in `SearchField(rawValue: i)`.
        var fields: UInt16
    }

    let catalog: Catalog
    let vocabulary: [[Character]]
    let postings: [[Posting]]
    /// The code of each entry as search words, for exact-code and phrase bonuses.
    let codeWords: [[[Character]]]
    /// The vendor's message of each entry as stemmed search words (empty without one), for the phrase bonus.
    let messageWords: [[[Character]]]
    /// For each letter and digit, the entries with a word containing it (ascending): what a one-character
    /// query word matches, without walking every posting.
    let characterEntries: [Character: [Int32]]
    /// Stem -> a small id, for the stems the bonuses compare (code words, keyword phrases).
    let stemNumbers: [String: Int32]
    /// Each entry's keyword phrases of two or more words as stem ids, phrases separated by -1 (flat, to keep
    /// a big catalog small).
    let keywordPhrases: [[Int32]]
    /// The stem ids of `codeWords`, for the code-coverage bonus.
    let codeStems: [[Int32]]
    /// Vocabulary word -> its id, for exact look-ups and splitting joined words ("toomanyrequests").
    let wordIDs: [String: Int]
    /// Stem -> the vocabulary words with that stem ("block" -> block, blocked, blocking).
    let stemIDs: [String: [Int]]
    /// A code in folded form (`err_uid_not_found` and `erruidnotfound`) -> the entries with that code.
    let codeKeys: [String: [Int32]]
    /// Entries whose vendor is marked deprecated (its notice says so): they rank below an equal current match.
    let deprecated: [Bool]
    /// Vendors that document an HTTP status for at least one code.
    let vendorsWithStatuses: Set<String>

    public init(catalog: Catalog) {
        self.catalog = catalog
        var wordIDs: [String: Int] = [:]
        var vocabulary: [[Character]] = []
        var postings: [[Posting]] = []
        var codeWords: [[[Character]]] = []
        var messageWords: [[[Character]]] = []
        codeWords.reserveCapacity(catalog.entries.count)
        var codeKeys: [String: [Int32]] = [:]
        var deprecated: [Bool] = []
        var deprecatedVendor: [String: Bool] = [:]
        var vendorsWithStatuses: Set<String> = []
        var characterEntries: [Character: [Int32]] = [:]
        for (index, entry) in catalog.entries.enumerated() {
            var fieldsByWord: [Int: UInt16] = [:]
            var characters: UInt64 = 0  // bits 0-25: a-z, 26-35: 0-9
            func add(_ text: String, _ field: SearchField) {
                for byte in text.utf8 {
                    switch byte {
                    case 0x61...0x7A: characters |= 1 << UInt64(byte - 0x61)
                    case 0x41...0x5A: characters |= 1 << UInt64(byte - 0x41)
                    case 0x30...0x39: characters |= 1 << UInt64(26 + byte - 0x30)
                    default: break
                    }
                }
                for key in SearchText.keys(text) {
                    let id: Int
                    if let known = wordIDs[key] {
                        id = known
                    } else {
                        id = vocabulary.count
                        wordIDs[key] = id
                        vocabulary.append(Array(key))
                        postings.append([])
                    }
                    fieldsByWord[id, default: 0] |= 1 << field.rawValue
                }
            }
            add(entry.code, .code)
            if let status = entry.httpStatus { add(String(status), .httpStatus) }
            if let message = entry.message { add(message, .message) }
            entry.keywords.forEach { add($0, .keywords) }
            let vendor = catalog.vendor(id: entry.vendor)
            if let category = vendor?.category(id: entry.category) { add(category.name, .category) }
            add(entry.category, .category)
            add(vendor?.name ?? entry.vendor, .vendor)
            add(entry.vendor, .vendor)
            add(entry.description, .description)
            (entry.causes + entry.checks).forEach { add($0, .hints) }
            for (id, fields) in fieldsByWord {
                postings[id].append(Posting(entry: Int32(index), fields: fields))
            }
            while characters != 0 {
                let bit = characters.trailingZeroBitCount
                characters &= characters - 1
                let character = Character(Unicode.Scalar(UInt8(bit < 26 ? 0x61 + bit : 0x30 + bit - 26)))
                characterEntries[character, default: []].append(Int32(index))
            }
            let code = SearchText.words(entry.code).map(\.text)
            codeWords.append(code)
            messageWords.append(SearchText.words(entry.message ?? "").map { WordForms.stem($0.text) })
            for key in Set([code.map { String($0) }.joined(separator: "_"), code.map { String($0) }.joined()]) {
                codeKeys[key, default: []].append(Int32(index))
            }
            if entry.httpStatus != nil { vendorsWithStatuses.insert(entry.vendor) }
            let isDeprecated = deprecatedVendor[entry.vendor] ?? {
                let value = vendor?.notice?.lowercased().contains("deprecat") ?? false
                deprecatedVendor[entry.vendor] = value
                return value
            }()
            deprecated.append(isDeprecated)
        }
        var stemIDs: [String: [Int]] = [:]
        for (id, word) in vocabulary.enumerated() { stemIDs[String(WordForms.stem(word)), default: []].append(id) }
        self.characterEntries = characterEntries
        var stemNumbers: [String: Int32] = [:]
        func number(_ word: [Character]) -> Int32 {
            let stem = String(WordForms.stem(word))
            if let known = stemNumbers[stem] { return known }
            let next = Int32(stemNumbers.count)
            stemNumbers[stem] = next
            return next
        }
        self.codeStems = codeWords.map { $0.map(number) }
        self.keywordPhrases = catalog.entries.map { entry in
            var flat: [Int32] = []
            for keyword in entry.keywords {
                let words = SearchText.words(keyword)
                guard words.count >= 2 else { continue }
                if !flat.isEmpty { flat.append(-1) }
                flat += words.map { number($0.text) }
            }
            return flat
        }
        self.stemNumbers = stemNumbers
        self.wordIDs = wordIDs
        self.stemIDs = stemIDs
        self.codeKeys = codeKeys
        self.deprecated = deprecated
        self.vendorsWithStatuses = vendorsWithStatuses
        self.vocabulary = vocabulary
        self.postings = postings
        self.codeWords = codeWords
        self.messageWords = messageWords
    }

    public var entryCount: Int { catalog.entries.count }
}
