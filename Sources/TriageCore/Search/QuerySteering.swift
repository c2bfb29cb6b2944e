/// Vendor and category names typed as plain words ("cometchat user not found", "comet chat", "sentiance", a typo
/// of one, "webhook"): the vendors and categories a query names. Named vendors are a strong preference, not a
/// filter (their words stop counting as words to match, and the vendor's codes rank first among equals); named
/// categories a milder one. Read off the catalog and its index once per searcher.
struct QuerySteering {
    /// Each vendor's names folded to letters and digits: its id and its display name, with and without spaces.
    private let vendorKeys: [(key: [Character], vendor: String)]
    /// Each category's name words as stems (NFC UTF-8), its vendor and id.
    private let categories: [(words: [[UInt8]], vendor: String, category: String)]

    /// Vendor names from `index`'s catalog, category names' stems from the index (worked out when it was built).
    init(index: SearchIndex) {
        var keys: [(key: [Character], vendor: String)] = []
        var categories: [(words: [[UInt8]], vendor: String, category: String)] = []
        let stems = index.categoryStems, starts = index.categoryStemStarts
        var at = 0
        for vendor in index.catalog.vendors {
            for name in [vendor.id, vendor.name] {
                let folded = Self.folded(name)
                if folded.count >= 3, !keys.contains(where: { $0.key == folded && $0.vendor == vendor.id }) {
                    keys.append((folded, vendor.id))
                }
            }
            for category in vendor.categories {
                let words = (Int(starts[at])..<Int(starts[at + 1])).map { stems.array($0) }
                at += 1
                if !words.isEmpty { categories.append((words, vendor.id, category.id)) }
            }
        }
        vendorKeys = keys
        self.categories = categories
    }

    /// The stems of a category name's words that can name it: not filler, three characters or more. Split as the
    /// index splits text (`SearchText.keys`, byte by byte for ASCII), stemmed as bytes.
    static func stems(of name: String) -> [[UInt8]] {
        SearchText.keys(name).compactMap { word in
            let stem = WordForms.stem(bytes: SearchBytes.of(word))
            let text = String(decoding: stem, as: UTF8.self)
            let characters = stem.allSatisfy { $0 < 0x80 } ? stem.count : text.count
            return WordForms.isFiller(text) || characters < 3 ? nil : stem
        }
    }

    /// A name folded to its letters and digits, lower case (ASCII names byte by byte, the common case).
    static func folded(_ name: String) -> [Character] {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return Array(name.lowercased().filter { $0.isLetter || $0.isNumber }) }
        return name.utf8.compactMap { byte -> Character? in
            switch byte {
            case 0x61...0x7A, 0x30...0x39: return Character(Unicode.Scalar(byte))
            case 0x41...0x5A: return Character(Unicode.Scalar(byte | 0x20))
            default: return nil
            }
        }
    }

    /// What a query's words name.
    struct Named {
        /// Vendor ids the query names.
        var vendors: Set<String> = []
        /// Positions of the words that name them (one word, or two run together: "comet chat").
        var vendorWordPositions: Set<Int> = []
        /// Categories (vendor, category id) whose every name word the query has.
        var categories: Set<CodeReference> = []

        var isEmpty: Bool { vendors.isEmpty && categories.isEmpty }
    }

    func named(in words: [[Character]]) -> Named {
        var named = Named()
        guard !words.isEmpty else { return named }
        for (position, word) in words.enumerated() {
            if let vendor = vendor(named: word) {
                named.vendors.insert(vendor)
                named.vendorWordPositions.insert(position)
            } else if position + 1 < words.count, let vendor = vendor(named: word + words[position + 1]) {
                named.vendors.insert(vendor)
                named.vendorWordPositions.formUnion([position, position + 1])
            }
        }
        let stems = Set(words.enumerated().filter { !named.vendorWordPositions.contains($0.offset) }
            .map { WordForms.stem(bytes: SearchBytes.of($0.element)) })
        for category in categories where category.words.allSatisfy(stems.contains) {
            named.categories.insert(CodeReference(vendor: category.vendor, code: category.category))
        }
        return named
    }

    /// The vendor `word` names: a folded name exactly, or with one typo in a word of six letters or more.
    private func vendor(named word: [Character]) -> String? {
        guard word.count >= 3 else { return nil }
        if let exact = vendorKeys.first(where: { $0.key == word }) { return exact.vendor }
        guard word.count >= 6 else { return nil }
        return vendorKeys.first { $0.key.count >= 6 && EditDistance.between(word, $0.key, limit: 1) != nil }?.vendor
    }
}

/// How a query's words are read before they are matched: a negative contraction says "not" ("doesnt", "isn't"
/// split at its apostrophe) and a reflexive pronoun says "self" ("himself": the catalog's SELF codes). General
/// rules over word forms, none about one query.
enum QueryWords {
    /// Negative contractions as typed without an apostrophe, or as the part before it ("doesn't": "doesn").
    /// "won" and "don" are left alone (they are words and names too), and so are "cant" and "cannot", which
    /// say "cannot be found" as often as "not".
    static let negations: Set<String> = [
        "doesnt", "doesn", "isnt", "isn", "dont", "didnt", "didn", "wasnt", "wasn", "wont", "arent", "aren",
        "werent", "weren", "hasnt", "hasn", "havent", "haven", "hadnt", "hadn", "couldnt", "couldn", "wouldnt",
        "wouldn", "shouldnt", "shouldn", "aint",
    ]
    /// Reflexive pronouns: the person acting on themselves.
    static let reflexives: Set<String> = [
        "myself", "yourself", "yourselves", "himself", "herself", "itself", "ourselves", "themselves", "themself",
        "oneself",
    ]

    /// `words` with negations read as "not" and reflexives as "self".
    static func rewritten(_ words: [[Character]]) -> [[Character]] {
        words.map { word in
            let text = String(word)
            if negations.contains(text) { return Array("not") }
            if reflexives.contains(text) { return Array("self") }
            return word
        }
    }
}

/// Which ranking steps run. All of them by default; the evaluation (`SearchEvaluationTests`) turns one off at a
/// time to report what each adds.
public struct RankingSteps: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Vendor names typed as words steer to that vendor.
    public static let vendorWords = RankingSteps(rawValue: 1)
    /// Category names typed as words steer to that category.
    public static let categoryWords = RankingSteps(rawValue: 2)
    /// Entries are kept when their words' scores (rarity times where and how well they match) come near the best
    /// entry's, not by the count of words they match: a distinctive word outweighs several common ones.
    public static let rarity = RankingSteps(rawValue: 4)
    /// Codes chosen before after a similar search are lifted.
    public static let learned = RankingSteps(rawValue: 8)
    /// Negative contractions read as "not", reflexive pronouns as "self" (`QueryWords`).
    public static let wordForms = RankingSteps(rawValue: 16)

    public static let all: RankingSteps = [.vendorWords, .categoryWords, .rarity, .learned, .wordForms]
}
