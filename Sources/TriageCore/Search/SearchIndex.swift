/// Where in an entry a word was found; the weight says how much a match there counts.
public enum SearchField: Int, CaseIterable, Sendable, Codable {
    case code, httpStatus, message, keywords, category, vendor, description, hints

    var weight: Double {
        switch self {
        case .code: return 10
        case .httpStatus: return 7
        case .message: return 6
        case .keywords: return 5
        case .category, .vendor: return 3
        case .description: return 2
        case .hints: return 1
        }
    }
}

/// An inverted index over the catalog: each distinct word once (the vocabulary), and for each word the entries
/// and fields it occurs in. A query word is matched against the vocabulary (exact, prefix, substring, or within
/// a small edit distance), never against every entry, so a keystroke costs little even for big catalogs.
public struct SearchIndex: Sendable {
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
    /// The vendor's message of each entry as search words (empty without one), for the phrase bonus.
    let messageWords: [[[Character]]]

    public init(catalog: Catalog) {
        self.catalog = catalog
        var wordIDs: [String: Int] = [:]
        var vocabulary: [[Character]] = []
        var postings: [[Posting]] = []
        var codeWords: [[[Character]]] = []
        var messageWords: [[[Character]]] = []
        codeWords.reserveCapacity(catalog.entries.count)
        for (index, entry) in catalog.entries.enumerated() {
            var fieldsByWord: [Int: UInt16] = [:]
            func add(_ text: String, _ field: SearchField) {
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
            codeWords.append(SearchText.words(entry.code).map(\.text))
            messageWords.append(SearchText.words(entry.message ?? "").map(\.text))
        }
        self.vocabulary = vocabulary
        self.postings = postings
        self.codeWords = codeWords
        self.messageWords = messageWords
    }

    public var entryCount: Int { catalog.entries.count }
}
