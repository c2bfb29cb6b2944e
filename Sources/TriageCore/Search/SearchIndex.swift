import Foundation

/// Where in an entry a word was found; the weight says how much a match there counts. Declared heaviest first:
/// the searcher takes the lowest field bit of a posting as its best field.
public enum SearchField: Int, CaseIterable, Sendable, Codable {
    case code, httpStatus, message, keywords, phrases, category, vendor, description, hints

    package var weight: Double {
        switch self {
        case .code: return 10
        case .httpStatus: return 7
        case .message: return 6
        case .keywords: return 5
        case .phrases: return 4
        case .category, .vendor: return 3
        case .description: return 2
        case .hints: return 1
        }
    }

    /// `weight` by field bit position, for the hot loop.
    static let weights: [Double] = allCases.map(\.weight)
}

/// An inverted index over the catalog: each distinct word once (the vocabulary), and for each word the entries
/// and fields it occurs in. A query word is matched against the vocabulary (exact, prefix, substring, or within
/// a small edit distance), never against every entry, so a keystroke costs little even for big catalogs.
///
/// Everything is flat: the vocabulary is one sorted UTF-8 buffer with offsets (exact words and prefixes by
/// binary search), postings are parallel arrays with an offset table, the words "inside" which a query may
/// match come from a bigram table over vocabulary ids, and the per-entry data the bonuses read (code words,
/// message stems, keyword phrases) are id arrays with offset tables. Words are NFC-normalized UTF-8 (catalog
/// text is nearly all ASCII, which is its own NFC).
public struct SearchIndex: Sendable {
    let catalog: Catalog
    /// Every distinct word, sorted; a word's id is its position.
    let vocabulary: SortedWords
    /// The stem id of each vocabulary word.
    let vocabularyStems: FlatArray<Int32>
    /// Postings of word `w`: `postingEntries[postingStarts[w]..<postingStarts[w + 1]]` (entries ascending) and
    /// the same range of `postingFields` (bit i: the word occurs in `SearchField(rawValue: i)`).
    let postingStarts: FlatArray<Int32>
    let postingEntries: FlatArray<Int32>
    let postingFields: FlatArray<UInt16>
    /// For each pair of bytes (`first << 8 | second`), the vocabulary words containing it (ascending): the
    /// candidates of a query word "inside" a longer word.
    let bigramStarts: FlatArray<Int32>
    let bigramWords: FlatArray<Int32>
    /// Distinct stems ("block" for block, blocked, blocking) -> stem id.
    let stems: ByteTable
    /// Vocabulary words of stem `s`: `stemWords[stemWordStarts[s]..<stemWordStarts[s + 1]]`.
    let stemWordStarts: FlatArray<Int32>
    let stemWords: FlatArray<Int32>
    /// The code of each entry as vocabulary ids, for exact-code and phrase bonuses.
    let codeWordStarts: FlatArray<Int32>
    let codeWords: FlatArray<Int32>
    /// The vendor's message of each entry as stem ids (empty without one), for the phrase bonus.
    let messageStarts: FlatArray<Int32>
    let messageStems: FlatArray<Int32>
    /// Each entry's keyword phrases of two or more words as stem ids, phrases separated by -1.
    let phraseStarts: FlatArray<Int32>
    let phraseStems: FlatArray<Int32>
    /// A code in folded form (`err_uid_not_found` and `erruidnotfound`) -> key id; the entries with key `k` are
    /// `codeKeyEntries[codeKeyStarts[k]..<codeKeyStarts[k + 1]]`.
    let codeKeys: ByteTable
    let codeKeyStarts: FlatArray<Int32>
    let codeKeyEntries: FlatArray<Int32>
    /// For each letter a-z and digit 0-9 (bit rows of `bitWords` words): the entries with a word containing it,
    /// what a one-character query word matches without walking every posting.
    let characterBits: FlatArray<UInt64>
    let bitWords: Int
    /// 1 for entries whose vendor is marked deprecated (its notice says so): they rank below an equal current match.
    let deprecated: FlatArray<UInt8>
    /// Vendors that document an HTTP status for at least one code.
    let vendorsWithStatuses: Set<String>
    /// The stems of each category's name that can name it (`QuerySteering.stems(of:)`), for every category of
    /// every vendor in catalog order: category `c`'s are `categoryStems` strings
    /// `categoryStemStarts[c]..<categoryStemStarts[c + 1]`. Worked out when the index is built, so query steering
    /// does not stem every category name at the first search.
    let categoryStems: ByteStrings
    let categoryStemStarts: FlatArray<Int32>

    public init(catalog: Catalog) {
        var builder = SearchIndexBuilder(catalog: catalog)
        self = builder.build()
    }

    init(catalog: Catalog, vocabulary: SortedWords, vocabularyStems: FlatArray<Int32>, postingStarts: FlatArray<Int32>,
         postingEntries: FlatArray<Int32>, postingFields: FlatArray<UInt16>, bigramStarts: FlatArray<Int32>, bigramWords: FlatArray<Int32>,
         stems: ByteTable, stemWordStarts: FlatArray<Int32>, stemWords: FlatArray<Int32>, codeWordStarts: FlatArray<Int32>, codeWords: FlatArray<Int32>,
         messageStarts: FlatArray<Int32>, messageStems: FlatArray<Int32>, phraseStarts: FlatArray<Int32>, phraseStems: FlatArray<Int32>,
         codeKeys: ByteTable, codeKeyStarts: FlatArray<Int32>, codeKeyEntries: FlatArray<Int32>, characterBits: FlatArray<UInt64>,
         bitWords: Int, deprecated: FlatArray<UInt8>, vendorsWithStatuses: Set<String>, categoryStems: ByteStrings,
         categoryStemStarts: FlatArray<Int32>) {
        self.catalog = catalog
        self.vocabulary = vocabulary
        self.vocabularyStems = vocabularyStems
        self.postingStarts = postingStarts
        self.postingEntries = postingEntries
        self.postingFields = postingFields
        self.bigramStarts = bigramStarts
        self.bigramWords = bigramWords
        self.stems = stems
        self.stemWordStarts = stemWordStarts
        self.stemWords = stemWords
        self.codeWordStarts = codeWordStarts
        self.codeWords = codeWords
        self.messageStarts = messageStarts
        self.messageStems = messageStems
        self.phraseStarts = phraseStarts
        self.phraseStems = phraseStems
        self.codeKeys = codeKeys
        self.codeKeyStarts = codeKeyStarts
        self.codeKeyEntries = codeKeyEntries
        self.characterBits = characterBits
        self.bitWords = bitWords
        self.deprecated = deprecated
        self.vendorsWithStatuses = vendorsWithStatuses
        self.categoryStems = categoryStems
        self.categoryStemStarts = categoryStemStarts
    }

    public var entryCount: Int { catalog.entries.count }

    /// Bytes the index's own arrays take (not the catalog), for the benchmark.
    public var storageBytes: Int {
        vocabulary.strings.bytes.count + vocabulary.strings.starts.count * 4 + vocabularyStems.count * 4
            + postingStarts.count * 4 + postingEntries.count * 4 + postingFields.count * 2
            + bigramStarts.count * 4 + bigramWords.count * 4
            + stems.strings.bytes.count + stems.strings.starts.count * 4 + stems.count * 2 * 4
            + stemWordStarts.count * 4 + stemWords.count * 4 + codeWordStarts.count * 4 + codeWords.count * 4
            + messageStarts.count * 4 + messageStems.count * 4 + phraseStarts.count * 4 + phraseStems.count * 4
            + codeKeys.strings.bytes.count + codeKeys.strings.starts.count * 4 + codeKeys.count * 2 * 4
            + codeKeyStarts.count * 4 + codeKeyEntries.count * 4 + characterBits.count * 8 + deprecated.count
            + categoryStems.bytes.count + categoryStems.starts.count * 4 + categoryStemStarts.count * 4
    }

    /// How many categories the catalog's vendors have (what `categoryStemStarts` indexes).
    var categoryCount: Int { catalog.vendors.reduce(0) { $0 + $1.categories.count } }

    /// The vocabulary id of a query word (NFC UTF-8), if the catalog has it.
    func wordID(_ word: [UInt8]) -> Int? { vocabulary.find(word) }

    /// The stem id of `stem` (NFC UTF-8), or -2 when no catalog word has that stem.
    func stemID(_ stem: [UInt8]) -> Int32 { stems.find(stem) ?? -2 }

    func postings(_ word: Int) -> Range<Int> { Int(postingStarts[word])..<Int(postingStarts[word + 1]) }

    func codeWordRange(_ entry: Int) -> Range<Int> { Int(codeWordStarts[entry])..<Int(codeWordStarts[entry + 1]) }

    func messageRange(_ entry: Int) -> Range<Int> { Int(messageStarts[entry])..<Int(messageStarts[entry + 1]) }

    func phraseRange(_ entry: Int) -> Range<Int> { Int(phraseStarts[entry])..<Int(phraseStarts[entry + 1]) }

    /// The entries with exactly this folded code.
    func codeEntries(_ key: [UInt8]) -> Slice<FlatArray<Int32>>? {
        guard let id = codeKeys.find(key) else { return nil }
        return codeKeyEntries[Int(codeKeyStarts[Int(id)])..<Int(codeKeyStarts[Int(id) + 1])]
    }

    /// The vendor's message of each entry as its stems: `messageWords[i].count` words, found as a phrase in a
    /// text's stems with `Searcher.offset(of:in:)`.
    var messageWords: MessagePhrases { MessagePhrases(index: self) }
}

/// Search text as the index stores it: NFC-normalized UTF-8 (ASCII, nearly all catalog text, is unchanged).
enum SearchBytes {
    static func of(_ text: String) -> [UInt8] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return Array(text.utf8) }
        return Array(text.precomposedStringWithCanonicalMapping.utf8)
    }

    static func of(_ word: [Character]) -> [UInt8] { of(String(word)) }
}
