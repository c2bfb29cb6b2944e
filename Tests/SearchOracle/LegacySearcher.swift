import Foundation
import TriageCore

/// The searcher before issue 12 (see `LegacySearchIndex`). Ranked, typo-tolerant search over a `LegacySearchIndex`, made for per-keystroke use: the matches of each query word
/// against the vocabulary are cached, so typing one more character recomputes only the word being typed.
///
/// Ranking, not filtering: each query word scores the entries it matches by where (code, HTTP status, message,
/// keywords, category and vendor, description, hints), how well (exact, same word form, prefix, inside a word,
/// a typo) and how rare it is (BM25's inverse document frequency). The results are the entries that match the
/// most of the query's words, so a word the catalog does not know never empties them, and filler words ("the",
/// "customer", "error", JSON keys) count when they match but are never required. Joined words
/// ("toomanyrequests") are split into catalog words, word forms meet ("blocking" finds "blocked"), an HTTP status
/// finds the codes documented with it and, at vendors that document no statuses, the codes its meaning names
/// (429: too many requests). An exact code anywhere in the query ranks first; the vendor's message as a phrase
/// ranks high; a deprecated vendor's code ranks below an equally good current one. Field filters: `v:VENDOR`,
/// `s:STATUS`, `c:CATEGORY`. Not thread-safe (it caches): use one per thread.
public final class LegacySearcher {
    public let index: LegacySearchIndex
    private var wordCache: [String: LegacyWordScores] = [:]
    private var cacheOrder: [String] = []
    private let cacheLimit = 64

    public init(index: LegacySearchIndex) {
        self.index = index
    }

    public convenience init(catalog: Catalog) {
        self.init(index: LegacySearchIndex(catalog: catalog))
    }

    /// Entries matching `query`, best first (ties in catalog order). A query without words lists every entry
    /// (that the filters admit) in catalog order with score 0. `vendor` limits results to one vendor; `limit`
    /// caps the count.
    public func search(_ query: String, vendor: String? = nil, limit: Int? = nil) -> [SearchHit] {
        let catalog = index.catalog
        let parsed = ParsedQuery(query)
        let filtering = vendor != nil || parsed.hasFilters
        func admitted(_ entryIndex: Int) -> Bool {
            guard filtering else { return true }
            let entry = catalog.entries[entryIndex]
            return (vendor == nil || entry.vendor == vendor) && (!parsed.hasFilters || parsed.admits(entry, in: catalog))
        }
        let words = parsed.words
        guard !words.isEmpty else {
            let all = catalog.entries.indices.lazy.filter(admitted)
                .map { SearchHit(entryIndex: $0, reference: catalog.entries[$0].reference, score: 0) }
            return limit.map { Array(all.prefix($0)) } ?? Array(all)
        }
        var required: [[Character]] = []
        for word in words where !WordForms.isFiller(word) && !required.contains(word) { required.append(word) }
        var optional: [[Character]] = []
        for word in words where WordForms.isFiller(word) && !optional.contains(word) { optional.append(word) }
        if required.isEmpty { swap(&required, &optional) }

        let count = index.entryCount
        var coverage = [UInt8](repeating: 0, count: count)
        var total = [Float](repeating: 0, count: count)
        var touched: [Int32] = []
        for word in required {
            let scores = entryScores(for: word)
            let weight = inverseDocumentFrequency(scores.entries.count)
            for (entry, score) in zip(scores.entries, scores.scores) {
                let at = Int(entry)
                if coverage[at] == 0 { touched.append(entry) }
                coverage[at] &+= 1
                total[at] += score * weight
            }
        }
        for word in optional {
            let scores = entryScores(for: word)
            let weight = 0.3 * inverseDocumentFrequency(scores.entries.count)
            for (entry, score) in zip(scores.entries, scores.scores) where coverage[Int(entry)] > 0 {
                total[Int(entry)] += score * weight
            }
        }
        let exact = exactCodes(in: words, requiredCount: required.count)
        var best: UInt8 = 0
        for entry in touched where coverage[Int(entry)] > best && admitted(Int(entry)) { best = coverage[Int(entry)] }

        var hits: [SearchHit] = []
        var seen = Set<Int32>()
        for entry in exact where admitted(Int(entry)) && seen.insert(entry).inserted {
            let at = Int(entry)
            hits.append(SearchHit(entryIndex: at, reference: catalog.entries[at].reference,
                                  score: 1000 + Double(total[at]) + bonus(at, words: words)))
        }
        if best > 0 {
            let folded = words.flatMap { $0 }
            let stems = words.map(WordForms.stem)
            let ids = stemIDs(stems)
            hits.reserveCapacity(touched.count)
            for entry in touched where coverage[Int(entry)] == best && !seen.contains(entry) && admitted(Int(entry)) {
                let at = Int(entry)
                var score = Double(total[at]) + bonus(at, words: words, folded: folded, stems: stems, stemIDs: ids)
                if index.deprecated[at] { score *= 0.9 }
                hits.append(SearchHit(entryIndex: at, reference: catalog.entries[at].reference, score: score))
            }
        }
        hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.entryIndex < $1.entryIndex }
        if let limit, hits.count > limit { hits.removeSubrange(limit...) }
        return hits
    }

    /// BM25's inverse document frequency: a word few entries have counts more than one most entries have.
    private func inverseDocumentFrequency(_ documentFrequency: Int) -> Float {
        let n = Float(index.entryCount), df = Float(documentFrequency)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// Entries whose whole code appears in the query, as consecutive words (`ERR_UID_NOT_FOUND`,
    /// `err uid not found`) or joined (`ERR_GUID_NOTFOUND`). A number counts as a code only where it cannot be
    /// something else: alone (with at most one other word), after "code", or when it is no HTTP status.
    func exactCodes(in words: [[Character]], requiredCount: Int) -> [Int32] {
        var found: [Int32] = []
        var start = 0
        while start < words.count {
            var matchedLength = 0
            for length in stride(from: min(10, words.count - start), through: 1, by: -1) {
                let run = words[start..<(start + length)].map { String($0) }
                guard let entries = index.codeKeys[run.joined(separator: "_")] ?? index.codeKeys[run.joined()] else { continue }
                if length == 1, SearchText.isNumeric(words[start]) {
                    let afterCode = start > 0 && ["code", "errorcode"].contains(String(words[start - 1]))
                    let isStatus = HTTPStatus.status(of: words[start]) != nil
                    guard afterCode || requiredCount <= 1 || (!isStatus && requiredCount <= 2) else { continue }
                } else if length == 1, WordForms.isFiller(words[start]) {
                    continue
                }
                found += entries
                matchedLength = length
                break
            }
            start += max(1, matchedLength)
        }
        return found
    }

    /// Bonuses for one exact-code hit (its own phrase bonus only).
    private func bonus(_ entryIndex: Int, words: [[Character]]) -> Double {
        let stems = words.map(WordForms.stem)
        return bonus(entryIndex, words: words, folded: words.flatMap { $0 }, stems: stems, stemIDs: stemIDs(stems))
    }

    /// The ids of the query's stems that the index knows (-2 for the others, which match nothing).
    private func stemIDs(_ stems: [[Character]]) -> [Int32] {
        stems.map { index.stemNumbers[String($0)] ?? -2 }
    }

    /// The query spelling the start of the code, the code's words matched (in order), a keyword phrase, and
    /// the vendor's message as a phrase.
    private func bonus(_ entryIndex: Int, words: [[Character]], folded: [Character], stems: [[Character]],
                       stemIDs: [Int32]) -> Double {
        let code = index.codeWords[entryIndex]
        var bonus = 0.0
        let codeFolded = code.flatMap { $0 }
        if folded.count >= 2, codeFolded.starts(with: folded) { bonus += 30 }
        var matched = 0
        var position = 0
        var inOrder = 0
        for (codeWord, codeStem) in zip(code, index.codeStems[entryIndex]) {
            if let at = words.indices.first(where: { codeWord == words[$0] || stemIDs[$0] == codeStem }) {
                matched += 1
                if at >= position { inOrder += 1; position = at }
            }
        }
        // The share of the code the query names (a shorter code fully named ranks higher), for queries of
        // several words; one word ranks its equal matches in catalog order.
        if !code.isEmpty, words.count >= 2 { bonus += 8 * Double(matched) / Double(code.count) }
        if inOrder == code.count, code.count > 1 { bonus += 4 }
        let phrases = index.keywordPhrases[entryIndex]
        if stems.count >= 2, !phrases.isEmpty {
            // A keyword phrase ("deleted user") whose every word the query has, in any order.
            var complete = true
            var found = false
            for id in phrases {
                if id == -1 {
                    if complete { found = true; break }
                    complete = true
                } else if !stemIDs.contains(id) {
                    complete = false
                }
            }
            if found || complete { bonus += 12 }
        }
        let message = index.messageWords[entryIndex]
        if message.count >= 2 {
            if Self.offset(of: message, in: stems) != nil {
                bonus += 40
            } else if stems.count >= 2, Self.offset(of: stems, in: message) != nil {
                bonus += 15
            }
        }
        return bonus
    }

    /// Best weighted score of one query word in each entry it matches.
    private func entryScores(for word: [Character]) -> LegacyWordScores {
        let key = String(word)
        if let cached = wordCache[key] { return cached }
        var dense = [Float](repeating: 0, count: index.entryCount)
        var touched: [Int32] = []
        func record(_ entry: Int32, _ score: Float) {
            let at = Int(entry)
            if dense[at] == 0 { touched.append(entry) }
            if score > dense[at] { dense[at] = score }
        }
        let matches = vocabularyMatches(for: word)
        for (wordID, quality) in matches {
            for posting in index.postings[wordID] {
                // Fields are declared heaviest first, so the lowest set bit is the best field.
                let best = SearchField(rawValue: posting.fields.trailingZeroBitCount)?.weight ?? 0
                record(posting.entry, Float(best * quality))
            }
        }
        if word.count == 1, !SearchText.isNumeric(word), let containing = index.characterEntries[word[0]] {
            // One letter matches every entry with a word containing it (more weakly than a word it starts), so
            // typing a second letter never finds more than the first did.
            for entry in containing { record(entry, 0.3) }
        }
        if let status = HTTPStatus.status(of: word) {
            // At vendors that document no statuses, the codes the status's meaning names (429: too many requests).
            let meaning = HTTPStatus.meaningWords(status)
            if !meaning.isEmpty {
                var together = entryScores(for: meaning[0])
                for other in meaning.dropFirst() { together = together.intersected(with: entryScores(for: other)) }
                for (entry, score) in zip(together.entries, together.scores) {
                    let candidate = index.catalog.entries[Int(entry)]
                    if candidate.httpStatus == nil, !index.vendorsWithStatuses.contains(candidate.vendor) {
                        record(entry, 0.5 * score / Float(meaning.count))
                    }
                }
            }
        } else if word.count >= 5, !matches.contains(where: { $0.1 >= 0.75 }), let pieces = split(word) {
            // A joined word ("toomanyrequests", "uidnotfound"): the entries with every piece.
            var together = entryScores(for: pieces[0])
            for piece in pieces.dropFirst() { together = together.intersected(with: entryScores(for: piece)) }
            for (entry, score) in zip(together.entries, together.scores) { record(entry, 0.9 * score / Float(pieces.count)) }
        }
        touched.sort()
        let scores = LegacyWordScores(entries: touched, scores: touched.map { dense[Int($0)] })
        wordCache[key] = scores
        cacheOrder.append(key)
        if cacheOrder.count > cacheLimit { wordCache[cacheOrder.removeFirst()] = nil }
        return scores
    }

    /// `word` as two or more vocabulary words (the fewest pieces; each piece at least three characters, the
    /// last may be the start of a word), or nil.
    func split(_ word: [Character]) -> [[Character]]? {
        guard word.count <= 40 else { return nil }
        let n = word.count
        // fewest[i]: fewest pieces covering word[i...]; next[i]: where the first of them ends.
        var fewest = [Int](repeating: Int.max, count: n + 1)
        var next = [Int](repeating: -1, count: n + 1)
        fewest[n] = 0
        for start in stride(from: n - 3, through: 0, by: -1) {
            for end in stride(from: n, through: start + 3, by: -1) where fewest[end] != Int.max {
                let piece = String(word[start..<end])
                let known = index.wordIDs[piece] != nil || index.stemIDs[piece] != nil
                    || (end == n && index.vocabulary.contains { $0.starts(with: word[start..<end]) })
                if known, fewest[end] + 1 < fewest[start] {
                    fewest[start] = fewest[end] + 1
                    next[start] = end
                }
            }
        }
        guard fewest[0] != Int.max, fewest[0] >= 2 else { return nil }
        var pieces: [[Character]] = []
        var at = 0
        while at < n {
            pieces.append(Array(word[at..<next[at]]))
            at = next[at]
        }
        return pieces
    }

    /// How many typos a query word of this length may have: none below four characters, one up to seven, then two.
    static func tolerance(for word: [Character]) -> Int {
        SearchText.isNumeric(word) ? 0 : (word.count >= 8 ? 2 : (word.count >= 4 ? 1 : 0))
    }

    /// Vocabulary words that `word` matches, with a quality from 0 to 1.
    func vocabularyMatches(for word: [Character]) -> [(Int, Double)] {
        let numeric = SearchText.isNumeric(word)
        let tolerance = Self.tolerance(for: word)
        var matches: [(Int, Double)] = []
        for (id, candidate) in index.vocabulary.enumerated() {
            if let quality = Self.quality(of: word, against: candidate, numeric: numeric, tolerance: tolerance) {
                matches.append((id, quality))
            }
        }
        if !numeric, let sameStem = index.stemIDs[String(WordForms.stem(word))] {
            for id in sameStem where !matches.contains(where: { $0.0 == id && $0.1 >= 0.9 }) {
                matches.append((id, 0.9))
            }
        }
        return matches
    }

    /// How well `word` matches one vocabulary word: exactly (1), as its start (0.75 to 0.95), inside it (0.5,
    /// from two characters), or within `tolerance` typos of its start (0.45 or less). A typo never touches the
    /// first three characters, so typing a word longer never finds more than its start did.
    static func quality(of word: [Character], against candidate: [Character], numeric: Bool, tolerance: Int) -> Double? {
        if candidate == word { return 1 }
        if candidate.starts(with: word) { return 0.75 + 0.2 * Double(word.count) / Double(candidate.count) }
        if numeric { return nil }
        if word.count >= 2, candidate.count > word.count, offset(of: word, in: candidate) != nil { return 0.5 }
        guard tolerance > 0, candidate.count + tolerance >= word.count, candidate.starts(with: word.prefix(3)),
              let distance = EditDistance.toPrefix(word, of: candidate, limit: tolerance) else { return nil }
        if distance == 2, EditDistance.toPrefix(Array(word.prefix(7)), of: candidate, limit: 1) == nil { return nil }
        return 0.45 - 0.1 * Double(distance)
    }

    /// Where `needle` starts in `haystack`, or nil.
    static func offset<Element: Equatable>(of needle: [Element], in haystack: [Element]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return start }
        }
        return nil
    }

    /// Where the query matches in a displayed string (a code or a message), for highlighting.
    public func highlights(of query: String, in text: String) -> [HighlightRange] {
        let queryWords = ParsedQuery(query).words
        guard !queryWords.isEmpty else { return [] }
        var ranges: [HighlightRange] = []
        for word in SearchText.words(text) {
            var best: HighlightRange?
            for queryWord in queryWords {
                let numeric = SearchText.isNumeric(queryWord)
                let quality = Self.quality(of: queryWord, against: word.text, numeric: numeric,
                                           tolerance: Self.tolerance(for: queryWord))
                let sameForm = quality == nil && !numeric && WordForms.stem(queryWord) == WordForms.stem(word.text)
                guard sameForm || quality != nil else { continue }
                let range: HighlightRange
                if sameForm {
                    range = HighlightRange(start: word.offset, length: word.length)
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
}

/// Scores of one query word: the entries it matches (ascending) and the score in each.
struct LegacyWordScores {
    var entries: [Int32]
    var scores: [Float]

    /// Entries in both, with the scores added.
    func intersected(with other: LegacyWordScores) -> LegacyWordScores {
        var result = LegacyWordScores(entries: [], scores: [])
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
}
