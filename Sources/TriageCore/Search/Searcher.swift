/// Ranked, typo-tolerant search over a `SearchIndex`, made for per-keystroke use: the matches of each query word
/// against the vocabulary are cached, so typing one more character recomputes only the word being typed.
///
/// Every query word must match the entry somewhere (in any order). A word matches a catalog word exactly,
/// as its prefix, inside it (two characters or more), or within one typo (two for long words); numbers match
/// exactly or as a prefix only, so "403" never finds 404. Matches in the code count most, then the HTTP status,
/// message, keywords, category and vendor, description and hints. A query equal to the code, or the start of it,
/// ranks first. Not thread-safe (it caches): use one per thread.
public final class Searcher {
    public let index: SearchIndex
    private var wordCache: [String: WordScores] = [:]
    private var cacheOrder: [String] = []
    private let cacheLimit = 64

    public init(index: SearchIndex) {
        self.index = index
    }

    public convenience init(catalog: Catalog) {
        self.init(index: SearchIndex(catalog: catalog))
    }

    /// Entries matching `query`, best first (ties in catalog order). An empty query matches every entry in
    /// catalog order with score 0. `vendor` limits results to one vendor; `limit` caps the count.
    public func search(_ query: String, vendor: String? = nil, limit: Int? = nil) -> [SearchHit] {
        let catalog = index.catalog
        let allWords = SearchText.words(query).map(\.text)
        guard !allWords.isEmpty else {
            let all = catalog.entries.indices.lazy
                .filter { vendor == nil || catalog.entries[$0].vendor == vendor }
                .map { SearchHit(entryIndex: $0, reference: catalog.entries[$0].reference, score: 0) }
            return limit.map { Array(all.prefix($0)) } ?? Array(all)
        }
        // Filler words ("code", "error", "the") count when they match but are not required, so a ticket's
        // "403, Code 3" finds Sentori's code 3.
        var required = allWords.filter { !Self.fillerWords.contains(String($0)) }
        if required.isEmpty { required = allWords }
        let optional = allWords.filter { word in !required.contains(word) }

        // Score per entry for each required word; intersect, smallest first (entries are sorted, so a merge).
        let perWord = required.map { entryScores(for: $0) }.sorted { $0.entries.count < $1.entries.count }
        var totals = perWord[0]
        for scores in perWord.dropFirst() {
            totals = totals.intersected(with: scores)
            if totals.entries.isEmpty { break }
        }
        for word in optional { totals.add(entryScores(for: word)) }
        let folded = allWords.flatMap { $0 }
        var hits: [SearchHit] = []
        hits.reserveCapacity(totals.entries.count)
        for (entryIndex, base) in zip(totals.entries, totals.scores) {
            let entryIndex = Int(entryIndex)
            let entry = catalog.entries[entryIndex]
            if let vendor, entry.vendor != vendor { continue }
            hits.append(SearchHit(entryIndex: entryIndex, reference: entry.reference,
                                  score: Double(base) + bonus(entryIndex, words: allWords, folded: folded)))
        }
        hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.entryIndex < $1.entryIndex }
        if let limit, hits.count > limit { hits.removeSubrange(limit...) }
        return hits
    }

    /// Words people type around a code that say nothing about which code it is.
    static let fillerWords: Set<String> = ["code", "codes", "error", "errors", "the", "a", "an", "with", "http",
                                           "status", "api", "answers", "returns", "returned", "fails", "failed", "says"]

    /// Exact code and code-prefix bonuses, and a small one for query words in the code's own order.
    private func bonus(_ entryIndex: Int, words: [[Character]], folded: [Character]) -> Double {
        let code = index.codeWords[entryIndex]
        let codeFolded = code.flatMap { $0 }
        if codeFolded == folded { return 100 }
        var bonus = 0.0
        let message = index.messageWords[entryIndex]
        if !message.isEmpty {
            let messageFolded = message.flatMap { $0 }
            if messageFolded == folded { bonus += 60 } else if Self.contains(messageFolded, folded) { bonus += 15 }
        }
        if codeFolded.starts(with: folded) { bonus += 30 }
        var position = 0
        var inOrder = 0
        for word in words {
            if let found = code[position...].firstIndex(where: { $0.starts(with: word) }) {
                inOrder += 1
                position = found + 1
            } else { break }
        }
        if inOrder == words.count, words.count > 1 { bonus += 5 }
        return bonus
    }

    /// Best weighted score of one query word in each entry it matches.
    private func entryScores(for word: [Character]) -> WordScores {
        let key = String(word)
        if let cached = wordCache[key] { return cached }
        var dense = [Float](repeating: 0, count: index.entryCount)
        var touched: [Int32] = []
        for (wordID, quality) in vocabularyMatches(for: word) {
            for posting in index.postings[wordID] {
                var best = 0.0
                var fields = posting.fields
                while fields != 0 {
                    let bit = fields.trailingZeroBitCount
                    fields &= fields - 1
                    if let field = SearchField(rawValue: bit) { best = max(best, field.weight) }
                }
                let score = Float(best * quality)
                let entry = Int(posting.entry)
                if dense[entry] == 0 { touched.append(posting.entry) }
                if score > dense[entry] { dense[entry] = score }
            }
        }
        touched.sort()
        let scores = WordScores(entries: touched, scores: touched.map { dense[Int($0)] })
        wordCache[key] = scores
        cacheOrder.append(key)
        if cacheOrder.count > cacheLimit { wordCache[cacheOrder.removeFirst()] = nil }
        return scores
    }

    /// Vocabulary words that `word` matches, with a quality from 0 to 1.
    func vocabularyMatches(for word: [Character]) -> [(Int, Double)] {
        let numeric = SearchText.isNumeric(word)
        let tolerance = numeric ? 0 : (word.count >= 8 ? 2 : (word.count >= 4 ? 1 : 0))
        var matches: [(Int, Double)] = []
        for (id, candidate) in index.vocabulary.enumerated() {
            if let quality = Self.quality(of: word, against: candidate, numeric: numeric, tolerance: tolerance) {
                matches.append((id, quality))
            }
        }
        return matches
    }

    static func quality(of word: [Character], against candidate: [Character], numeric: Bool, tolerance: Int) -> Double? {
        if candidate == word { return 1 }
        if candidate.starts(with: word) { return 0.75 + 0.2 * Double(word.count) / Double(candidate.count) }
        if numeric { return nil }
        if word.count >= 2, candidate.count > word.count, contains(candidate, word) { return 0.5 }
        // Typos: rarely in the first letter, which keeps short words from matching half the vocabulary.
        if tolerance > 0, candidate.first == word.first, candidate.count + tolerance >= word.count,
           let distance = EditDistance.toPrefix(word, of: candidate, limit: tolerance) {
            return 0.45 - 0.1 * Double(distance)
        }
        return nil
    }

    static func contains(_ haystack: [Character], _ needle: [Character]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// Where the query matches in a displayed string (a code or a message), for highlighting.
    public func highlights(of query: String, in text: String) -> [HighlightRange] {
        let queryWords = SearchText.words(query).map(\.text)
        guard !queryWords.isEmpty else { return [] }
        var ranges: [HighlightRange] = []
        for word in SearchText.words(text) {
            var best: HighlightRange?
            for queryWord in queryWords {
                let numeric = SearchText.isNumeric(queryWord)
                let tolerance = numeric ? 0 : (queryWord.count >= 8 ? 2 : (queryWord.count >= 4 ? 1 : 0))
                guard let quality = Self.quality(of: queryWord, against: word.text, numeric: numeric, tolerance: tolerance)
                else { continue }
                let range: HighlightRange
                if quality >= 0.75 {
                    range = HighlightRange(start: word.offset, length: min(queryWord.count, word.length))
                } else if quality == 0.5, let at = Self.offset(of: queryWord, in: word.text) {
                    range = HighlightRange(start: word.offset + at, length: queryWord.count)
                } else {
                    range = HighlightRange(start: word.offset, length: min(queryWord.count, word.length))
                }
                if range.length > best?.length ?? 0 { best = range }
            }
            if let best { ranges.append(best) }
        }
        return ranges
    }

    private static func offset(of needle: [Character], in haystack: [Character]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}

/// Scores of one query word: the entries it matches (ascending) and the score in each.
struct WordScores {
    var entries: [Int32]
    var scores: [Float]

    /// Entries in both, with the scores added.
    func intersected(with other: WordScores) -> WordScores {
        var result = WordScores(entries: [], scores: [])
        result.entries.reserveCapacity(min(entries.count, other.entries.count))
        result.scores.reserveCapacity(min(entries.count, other.entries.count))
        var i = 0, j = 0
        while i < entries.count, j < other.entries.count {
            if entries[i] == other.entries[j] {
                result.entries.append(entries[i])
                result.scores.append(scores[i] + other.scores[j])
                i += 1
                j += 1
            } else if entries[i] < other.entries[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return result
    }

    /// Adds `other`'s score to the entries present in both (for optional words).
    mutating func add(_ other: WordScores) {
        var j = 0
        for i in entries.indices {
            while j < other.entries.count, other.entries[j] < entries[i] { j += 1 }
            if j < other.entries.count, other.entries[j] == entries[i] { scores[i] += other.scores[j] }
        }
    }
}
