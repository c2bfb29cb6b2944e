import Foundation

/// Ranked, typo-tolerant search over a `SearchIndex`, made for per-keystroke use: the matches of each query word
/// against the vocabulary are cached, so typing one more character recomputes only the word being typed.
///
/// Ranking, not filtering: each query word scores the entries it matches by where (code, HTTP status, message,
/// keywords, phrases, category and vendor, description, hints), how well (exact, same word form, prefix, inside a
/// word, a typo) and how rare it is (BM25's inverse document frequency). The results are the entries whose words
/// score near the best entry's (`rarityShare`), so a distinctive word outweighs several common ones and a word
/// the catalog does not know never empties them; filler words ("the", "customer", "error", JSON keys) count when
/// they match but are never required. Joined words ("toomanyrequests") are split into catalog words, word forms
/// meet ("blocking" finds "blocked"), an HTTP status finds the codes documented with it and, at vendors that
/// document no statuses, the codes its meaning names (429: too many requests). A vendor named as a word steers
/// to its codes, a distinctive category word to its category (`QuerySteering`); codes chosen before after a
/// similar query are lifted (`memory`). An exact code anywhere in the query ranks first, in any scope; the
/// vendor's message as a phrase ranks high; a deprecated vendor's code ranks below an equally good current one.
/// Field filters: `v:VENDOR`, `s:STATUS`, `c:CATEGORY`. Not thread-safe (it caches): use one per thread.
public final class Searcher {
    public let index: SearchIndex
    private var wordCache: [String: WordScores] = [:]
    private var cacheOrder: [String] = []
    private let cacheLimit = 32
    /// The vocabulary words recent query words matched by `quality` (not by stem): a word typed longer matches a
    /// subset of them, so the next keystroke filters these instead of searching the vocabulary again.
    /// Keyed by the word's (ASCII) text: a `String` key costs the start nothing, where `[UInt8]` had the runtime
    /// look up `Array: Hashable` and `UInt8: Hashable` among all of the binary's conformances (a tenth of a
    /// built-in search).
    private var matchCache: [String: [Int32]] = [:]
    private var matchOrder: [String] = []
    /// Scratch, reused between calls: one score per entry (0: untouched), and a mark per vocabulary word.
    private var dense: [Float]
    private var coverageScratch: [UInt8]
    private var coveredScratch: [Float]
    private var totalScratch: [Float]
    private var marks: [UInt32]
    private var generation: UInt32 = 0
    /// Vendor and category names, read off the catalog and the index on the first search.
    private lazy var querySteering = QuerySteering(index: index)
    /// Which ranking steps run (all but for measuring one's effect).
    public var steps: RankingSteps = .all
    /// The pairings learned from use (`SearchMemory`): codes chosen before after a similar query are lifted.
    public var memory = SearchMemory()

    public init(index: SearchIndex) {
        self.index = index
        dense = Array(repeating: 0, count: index.entryCount)
        coverageScratch = Array(repeating: 0, count: index.entryCount)
        totalScratch = Array(repeating: 0, count: index.entryCount)
        coveredScratch = Array(repeating: 0, count: index.entryCount)
        marks = Array(repeating: 0, count: index.vocabulary.count)
    }

    public convenience init(catalog: Catalog) {
        self.init(index: SearchIndex(catalog: catalog))
    }

    /// Entries matching `query`, best first (ties in catalog order). A query without words lists every entry
    /// (that the filters admit) in catalog order with score 0. `vendor` limits results to one vendor; `limit`
    /// caps the count (and lets the searcher skip the entries that cannot reach the first `limit`).
    public func search(_ query: String, vendor: String? = nil, limit: Int? = nil) -> [SearchHit] {
        page(query, vendor: vendor, limit: limit).hits
    }

    /// The first `limit` hits of `search(_:vendor:limit:)`, and how many entries match in all: what a list that
    /// shows a screenful at a time needs (its count, without scoring and sorting every hit). `vendor` is a scope:
    /// an exact hit (the whole code, or the vendor's whole message, in the query) is found outside it too, and
    /// listed in the page's `outsideScope`.
    public func page(_ query: String, vendor: String? = nil, limit: Int? = nil) -> SearchPage {
        let catalog = index.catalog
        let parsed = ParsedQuery(query)
        let filtering = vendor != nil || parsed.hasFilters
        func passesFilters(_ entryIndex: Int) -> Bool {
            !parsed.hasFilters || parsed.admits(catalog.entries[entryIndex], in: catalog)
        }
        func admitted(_ entryIndex: Int) -> Bool {
            guard filtering else { return true }
            return (vendor == nil || catalog.entries.vendor(at: entryIndex) == vendor) && passesFilters(entryIndex)
        }
        // Never more than the catalog holds: a limit is a count of rows, not a size to reserve.
        let limit = limit.map { min(max(0, $0), catalog.entries.count) }
        let (words, found) = steering(parsed.words, query: query)
        var steer = found
        guard !words.isEmpty else {
            let all = catalog.entries.indices.lazy.filter(admitted)
                .map { SearchHit(entryIndex: $0, reference: catalog.entries[$0].reference, score: 0) }
            guard let limit else { return SearchPage(hits: Array(all), total: catalog.entries.count) }
            let hits = Array(all.prefix(limit))
            return SearchPage(hits: hits, total: filtering ? catalog.entries.indices.lazy.filter(admitted).count : catalog.entries.count)
        }
        var required: [[Character]] = []
        for word in words where !WordForms.isFiller(word) && !required.contains(word) { required.append(word) }
        var optional: [[Character]] = []
        for word in words where WordForms.isFiller(word) && !optional.contains(word) { optional.append(word) }
        if required.isEmpty { swap(&required, &optional) }

        let requiredScores = required.map { entryScores(for: $0) }
        let optionalScores = optional.map { entryScores(for: $0) }
        if !steer.lifted.isEmpty {
            // A learned lift of 1 is worth a match of every word in the code: it outranks what the words alone say.
            let scale = requiredScores.reduce(0.0) {
                $0 + SearchField.code.weight * Double(inverseDocumentFrequency($1.entries.count))
            }
            steer.lifted = steer.lifted.mapValues { $0 * max(scale, 10) }
        }
        let exact = exactCodes(in: words, requiredCount: required.count)
        let bonusQuery = BonusQuery(words: words, index: index)
        // Per entry: how many required words it matches, their scores summed, and its score so far (scratch, kept
        // zero between calls; used through pointers so the hot loops pay no exclusivity checks).
        var coverage: [UInt8] = []
        var covered: [Float] = []
        var total: [Float] = []
        swap(&coverage, &coverageScratch)
        swap(&covered, &coveredScratch)
        swap(&total, &totalScratch)
        var ranked: [Ranking.Element] = []
        var matched = 0
        var outside: [Int32] = []
        let context = RankContext(bonusQuery: bonusQuery, steer: steer, limit: limit, scoped: vendor != nil,
                                  admitted: admitted, passesFilters: passesFilters)
        coverage.withUnsafeMutableBufferPointer { coverage in
            covered.withUnsafeMutableBufferPointer { covered in
                total.withUnsafeMutableBufferPointer { total in
                    var touched: [Int32] = []
                    ranked = rank(required: requiredScores, optional: optionalScores, exact: exact, context: context,
                                  coverage: coverage, covered: covered, total: total, touched: &touched,
                                  matched: &matched, outside: &outside)
                    for entry in touched {
                        coverage[Int(entry)] = 0
                        covered[Int(entry)] = 0
                        total[Int(entry)] = 0
                    }
                }
            }
        }
        swap(&coverage, &coverageScratch)
        swap(&covered, &coveredScratch)
        swap(&total, &totalScratch)
        let hits = ranked.map {
            SearchHit(entryIndex: Int($0.entry), reference: catalog.entries.reference(at: Int($0.entry)), score: $0.score,
                      learned: steer.lifted[$0.entry] != nil)
        }
        let shown = Set(ranked.map(\.entry))
        return SearchPage(hits: hits, total: matched, outsideScope: outside.filter(shown.contains).map { Int($0) })
    }

    /// The words to rank by and what steers the ranking: vendor names typed as words (taken out of the words,
    /// unless nothing else is left), category names, and the codes chosen before after similar queries.
    private func steering(_ words: [[Character]], query: String) -> ([[Character]], Steer) {
        var steer = Steer()
        var words = steps.contains(.wordForms) ? QueryWords.rewritten(words) : words
        if !steps.isDisjoint(with: [.vendorWords, .categoryWords]) {
            let named = querySteering.named(in: words)
            if steps.contains(.vendorWords), !named.vendors.isEmpty {
                let rest = words.enumerated().filter { !named.vendorWordPositions.contains($0.offset) }.map(\.element)
                if rest.contains(where: { !WordForms.isFiller($0) }) {
                    words = rest
                    steer.vendors = named.vendors
                }
            }
            if steps.contains(.categoryWords), !named.categories.isEmpty {
                // Only a distinctive word names a category ("webhook", "calling"): one most codes have ("user",
                // "group") says little about where the code is.
                let distinctive = words.filter { entryScores(for: $0).entries.count * 10 <= index.entryCount }
                steer.categories = querySteering.named(in: distinctive).categories
            }
        }
        if steps.contains(.learned), !memory.pairings.isEmpty {
            for (reference, lift) in memory.lifts(for: query) {
                if let at = index.catalog.index(of: reference) { steer.lifted[Int32(at)] = lift }
            }
        }
        return (words, steer)
    }

    /// What steers one search besides its words.
    struct Steer {
        var vendors: Set<String> = []
        /// (vendor, category id) pairs.
        var categories: Set<CodeReference> = []
        /// Entries chosen before after a similar query, and by how much they are lifted.
        var lifted: [Int32: Double] = [:]

        var isEmpty: Bool { vendors.isEmpty && categories.isEmpty && lifted.isEmpty }
    }

    /// What ranking one search needs besides the word scores.
    struct RankContext {
        let bonusQuery: BonusQuery
        let steer: Steer
        let limit: Int?
        /// Whether a vendor scope limits the results (exact hits are found outside it).
        let scoped: Bool
        /// Whether an entry is in the scope and passes the query's filters; whether it passes the filters.
        let admitted: (Int) -> Bool
        let passesFilters: (Int) -> Bool
    }

    /// How much a named vendor, a named category lift their codes.
    static let vendorLift = 25.0
    static let categoryLift = 6.0
    /// With `.rarity`, the entries kept are those whose required words score at least this share of the best
    /// entry's (each word: its rarity times where and how well it matches); without it, the entries matching
    /// the most words.
    static let rarityShare: Float = 0.6

    /// The lift `steer` gives `entry`.
    private func steerBonus(_ entry: Int, _ steer: Steer) -> Double {
        guard !steer.isEmpty else { return 0 }
        var lift = steer.lifted[Int32(entry)] ?? 0
        if !steer.vendors.isEmpty || !steer.categories.isEmpty {
            let vendor = index.catalog.entries.vendor(at: entry)
            if steer.vendors.contains(vendor) { lift += Self.vendorLift }
            if !steer.categories.isEmpty,
               steer.categories.contains(CodeReference(vendor: vendor, code: index.catalog.entries.category(at: entry))) {
                lift += Self.categoryLift
            }
        }
        return lift
    }

    /// Whether the vendor's whole message of `entry` (two words or more) is in the query.
    private func messageInQuery(_ entry: Int, _ query: BonusQuery) -> Bool {
        let message = index.messageStems[index.messageRange(entry)]
        return message.count >= 2 && Self.contains(query.stemIDs[...], message)
    }

    /// The ranking itself: the entries matching the most of the query (by score, or by count), scored, best first
    /// (the first `limit`); exact hits first, whatever the scope.
    private func rank(required: [WordScores], optional: [WordScores], exact: [Int32], context: RankContext,
                      coverage: UnsafeMutableBufferPointer<UInt8>, covered: UnsafeMutableBufferPointer<Float>,
                      total: UnsafeMutableBufferPointer<Float>, touched: inout [Int32],
                      matched: inout Int, outside: inout [Int32]) -> [Ranking.Element] {
        let bonusQuery = context.bonusQuery, steer = context.steer, admitted = context.admitted
        for scores in required {
            let weight = inverseDocumentFrequency(scores.entries.count)
            for (entry, score) in zip(scores.entries, scores.scores) {
                let at = Int(entry)
                if coverage[at] == 0 { touched.append(entry) }
                coverage[at] &+= 1
                covered[at] += score * weight
                total[at] += score * weight
            }
        }
        for scores in optional {
            let weight = 0.3 * inverseDocumentFrequency(scores.entries.count)
            for (entry, score) in zip(scores.entries, scores.scores) where coverage[Int(entry)] > 0 {
                total[Int(entry)] += score * weight
            }
        }
        // The best match of all, and of the named vendors' codes: those are kept by their own best, so a named
        // vendor's closest codes compete even when another vendor's match more of the words.
        var best: UInt8 = 0
        var bestCovered: Float = 0
        var bestNamed: UInt8 = 0
        var bestNamedCovered: Float = 0
        let named = steer.vendors
        for entry in touched where coverage[Int(entry)] > 0 && admitted(Int(entry)) {
            best = max(best, coverage[Int(entry)])
            bestCovered = max(bestCovered, covered[Int(entry)])
            if !named.isEmpty, named.contains(index.catalog.entries.vendor(at: Int(entry))) {
                bestNamed = max(bestNamed, coverage[Int(entry)])
                bestNamedCovered = max(bestNamedCovered, covered[Int(entry)])
            }
        }

        var ranking = Ranking(limit: context.limit)
        var seen = Set<Int32>()
        // A code named by plain words of another vendor than the one the query names ("cometchat user not found"
        // is not Sentiance's USER_NOT_FOUND) is ranked as any match, not first.
        for entry in exact where context.passesFilters(Int(entry))
            && (named.isEmpty || named.contains(index.catalog.entries.vendor(at: Int(entry))))
            && seen.insert(entry).inserted {
            let at = Int(entry)
            if context.scoped, !admitted(at) { outside.append(entry) }
            ranking.add(1000 + Double(total[at]) + bonus(at, bonusQuery) + steerBonus(at, steer), entry)
        }
        matched = seen.count
        let rarity = steps.contains(.rarity)
        let threshold = bestCovered * Self.rarityShare
        let namedThreshold = bestNamedCovered * Self.rarityShare
        var candidates: [Int32] = []
        if best > 0 || context.scoped {
            for entry in touched where seen.isEmpty || !seen.contains(entry) {
                let at = Int(entry)
                if admitted(at) {
                    var kept = rarity ? covered[at] >= threshold : coverage[at] == best
                    if !kept, bestNamed > 0, named.contains(index.catalog.entries.vendor(at: at)) {
                        kept = rarity ? covered[at] >= namedThreshold : coverage[at] == bestNamed
                    }
                    if best > 0, kept || steer.lifted[entry] != nil { candidates.append(entry) }
                } else if context.scoped, context.passesFilters(at), messageInQuery(at, bonusQuery) {
                    candidates.append(entry)
                    outside.append(entry)
                }
            }
        }
        for entry in steer.lifted.keys.sorted() where coverage[Int(entry)] == 0 && !seen.contains(entry) && admitted(Int(entry)) {
            candidates.append(entry)
        }
        guard !candidates.isEmpty else { return ranking.sorted() }
        matched += candidates.count
        let deprecated = index.deprecated
        func score(_ entry: Int32) -> Double {
            let at = Int(entry)
            var score = Double(total[at]) + bonus(at, bonusQuery) + steerBonus(at, steer)
            if deprecated[at] != 0 { score *= 0.9 }
            return score
        }
        if let limit = context.limit, candidates.count > limit {
            // Only the entries whose score plus the most their bonuses could add can still reach the first
            // `limit` rows get their bonuses computed: the `limit` best bounds first, then the rest that can
            // beat the worst of the rows so far.
            let bounds = candidates.map {
                Double(total[Int($0)]) + bonusBound(Int($0), bonusQuery) + steerBonus(Int($0), steer)
            }
            var seeds = Ranking(limit: limit)
            for (position, bound) in bounds.enumerated() { seeds.add(bound, Int32(position)) }
            var seeded = [Bool](repeating: false, count: candidates.count)
            for seed in seeds.elements {
                seeded[Int(seed.entry)] = true
                ranking.add(score(candidates[Int(seed.entry)]), candidates[Int(seed.entry)])
            }
            for (position, entry) in candidates.enumerated() where !seeded[position] {
                if ranking.isFull, bounds[position] < ranking.worstScore { continue }
                ranking.add(score(entry), entry)
            }
        } else {
            for entry in candidates { ranking.add(score(entry), entry) }
        }
        return ranking.sorted()
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
                guard let entries = index.codeEntries(SearchBytes.of(run.joined(separator: "_")))
                        ?? index.codeEntries(SearchBytes.of(run.joined())) else { continue }
                if length == 1, SearchText.isNumeric(words[start]) {
                    let afterCode = start > 0 && ["code", "errorcode"].contains(String(words[start - 1]))
                    let isStatus = HTTPStatus.status(of: words[start]) != nil
                    guard afterCode || requiredCount <= 1 || (!isStatus && requiredCount <= 2) else { continue }
                } else if length == 1, WordForms.isFiller(words[start]) {
                    continue
                }
                // Element by element: `+=` with the slice had the runtime make the slice's iterator type.
                for position in entries.startIndex..<entries.endIndex { found.append(entries[position]) }
                matchedLength = length
                break
            }
            start += max(1, matchedLength)
        }
        return found
    }

    /// What the bonuses need of the query, computed once per search.
    struct BonusQuery {
        let wordCount: Int
        /// The words run together, as `Character`s and NFC bytes.
        let folded: [Character]
        let foldedBytes: [UInt8]
        let foldedASCII: Bool
        /// Each word's vocabulary id (-1: no catalog word) and stem id (-2: no catalog stem).
        let wordIDs: [Int32]
        let stemIDs: [Int32]

        init(words: [[Character]], index: SearchIndex) {
            wordCount = words.count
            folded = words.flatMap { $0 }
            foldedBytes = SearchBytes.of(folded)
            foldedASCII = foldedBytes.allSatisfy { $0 < 0x80 }
            wordIDs = words.map { word in index.wordID(SearchBytes.of(word)).map(Int32.init) ?? -1 }
            stemIDs = words.map { index.stemID(WordForms.stem(bytes: SearchBytes.of($0))) }
        }
    }

    /// Whether the code of `entry`, its words run together, starts with the query's words run together.
    private func codeStarts(_ entry: Int, with query: BonusQuery) -> Bool {
        let wanted = query.foldedBytes
        var matched = 0
        var ascii = true
        let vocabulary = index.vocabulary.strings
        for k in index.codeWordRange(entry) where matched < wanted.count {
            let range = vocabulary.range(Int(index.codeWords[k]))
            for at in range where matched < wanted.count {
                let byte = vocabulary.bytes[at]
                if byte >= 0x80 { ascii = false }
                guard byte == wanted[matched] else { return false }
                matched += 1
            }
        }
        guard matched == wanted.count else { return false }
        if ascii && query.foldedASCII { return true }
        // Beyond ASCII, a byte prefix may end inside a character: check by characters.
        let code = index.codeWordRange(entry).flatMap { Array(vocabulary.string(Int(index.codeWords[$0]))) }
        return code.starts(with: query.folded)
    }

    /// The query spelling the start of the code, the code's words matched (in order), a keyword phrase, and
    /// the vendor's message as a phrase.
    private func bonus(_ entry: Int, _ query: BonusQuery) -> Double {
        let code = index.codeWordRange(entry)
        var bonus = 0.0
        if query.folded.count >= 2, codeStarts(entry, with: query) { bonus += 30 }
        var matched = 0
        var position = 0
        var inOrder = 0
        for k in code {
            let codeWord = index.codeWords[k]
            let codeStem = index.vocabularyStems[Int(codeWord)]
            var at = -1
            for i in 0..<query.wordCount where query.wordIDs[i] == codeWord || query.stemIDs[i] == codeStem {
                at = i
                break
            }
            if at >= 0 {
                matched += 1
                if at >= position { inOrder += 1; position = at }
            }
        }
        // The share of the code the query names (a shorter code fully named ranks higher), for queries of
        // several words; one word ranks its equal matches in catalog order.
        if !code.isEmpty, query.wordCount >= 2 { bonus += 8 * Double(matched) / Double(code.count) }
        if inOrder == code.count, code.count > 1 { bonus += 4 }
        let phrases = index.phraseRange(entry)
        if query.wordCount >= 2, !phrases.isEmpty {
            // A keyword phrase ("deleted user") whose every word the query has, in any order.
            var complete = true
            var found = false
            for k in phrases {
                let id = index.phraseStems[k]
                if id == -1 {
                    if complete { found = true; break }
                    complete = true
                } else if !query.stemIDs.contains(id) {
                    complete = false
                }
            }
            if found || complete { bonus += 12 }
        }
        let message = index.messageStems[index.messageRange(entry)]
        if message.count >= 2 {
            let stems = query.stemIDs[...]
            if Self.contains(stems, message) {
                bonus += 40
            } else if query.wordCount >= 2, Self.contains(message, stems) {
                bonus += 15
            }
        }
        return bonus
    }

    /// The most `bonus` could give `entry` for this query, from what is cheap to look at.
    private func bonusBound(_ entry: Int, _ query: BonusQuery) -> Double {
        let code = index.codeWordRange(entry)
        var bound = 0.0
        if query.folded.count >= 2, let first = code.first,
           case let word = index.vocabulary.strings.range(Int(index.codeWords[first])), !word.isEmpty,
           index.vocabulary.strings.bytes[word.lowerBound] == query.foldedBytes[0] {
            bound += 30
        }
        if !code.isEmpty, query.wordCount >= 2 { bound += 8 }
        if code.count > 1 { bound += 4 }
        if query.wordCount >= 2, !index.phraseRange(entry).isEmpty { bound += 12 }
        let message = index.messageRange(entry).count
        if message >= 2 {
            if message <= query.wordCount { bound += 40 } else if query.wordCount >= 2 { bound += 15 }
        }
        return bound
    }

    /// Whether `needle` occurs as consecutive elements of `haystack`.
    static func contains<Haystack: RandomAccessCollection<Int32>, Needle: RandomAccessCollection<Int32>>(
        _ haystack: Haystack, _ needle: Needle) -> Bool where Haystack.Index == Int, Needle.Index == Int {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        let first = needle[needle.startIndex]
        for start in haystack.startIndex...(haystack.endIndex - needle.count) where haystack[start] == first {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// Best weighted score of one query word in each entry it matches.
    private func entryScores(for word: [Character]) -> WordScores {
        let key = String(word)
        if let cached = wordCache[key] { return cached }
        let query = QueryWord(word)
        let matches = vocabularyMatches(for: query)
        // The words this one stands for (a status's meaning, the pieces of a joined word), before the scratch
        // is in use: they are searched the same way.
        var derived: [(scores: WordScores, numerator: Float, denominator: Float)] = []
        if let status = HTTPStatus.status(of: word) {
            // At vendors that document no statuses, the codes the status's meaning names (429: too many requests).
            let meaning = HTTPStatus.meaningWords(status)
            if !meaning.isEmpty {
                var together = entryScores(for: meaning[0])
                for other in meaning.dropFirst() { together = together.intersected(with: entryScores(for: other)) }
                var kept = WordScores(entries: [], scores: [])
                for (entry, score) in zip(together.entries, together.scores) {
                    // One-field reads: a compiled catalog decodes no entry for them.
                    let entries = index.catalog.entries
                    if entries.httpStatus(at: Int(entry)) == nil, !index.vendorsWithStatuses.contains(entries.vendor(at: Int(entry))) {
                        kept.entries.append(entry)
                        kept.scores.append(score)
                    }
                }
                derived.append((kept, 0.5, Float(meaning.count)))
            }
        } else if word.count >= 5, !matches.contains(where: { $0.1 >= 0.75 }), let pieces = split(word) {
            // A joined word ("toomanyrequests", "uidnotfound"): the entries with every piece.
            var together = entryScores(for: pieces[0])
            for piece in pieces.dropFirst() { together = together.intersected(with: entryScores(for: piece)) }
            derived.append((together, 0.9, Float(pieces.count)))
        }

        var touched: [Int32] = []
        var dense: [Float] = []
        swap(&dense, &self.dense)
        let letter: UInt8? = word.count == 1 && !query.numeric && query.ascii ? query.bytes.first.flatMap { (0x61...0x7A).contains($0) ? $0 : nil } : nil
        var scores = WordScores(entries: [], scores: [])
        dense.withUnsafeMutableBufferPointer { dense in
            Self.record(matches, of: index, letter: letter, derived: derived, into: dense, touched: &touched)
            scores.entries = touched
            scores.scores.reserveCapacity(touched.count)
            for entry in touched {
                scores.scores.append(dense[Int(entry)])
                dense[Int(entry)] = 0
            }
        }
        swap(&dense, &self.dense)
        wordCache[key] = scores
        cacheOrder.append(key)
        if cacheOrder.count > cacheLimit { wordCache[cacheOrder.removeFirst()] = nil }
        return scores
    }

    /// Records in `dense` (0: untouched) each entry's best score: through the postings of the matched words (their
    /// best field's weight times the match quality), one letter's entries (0.3), and derived words' scores; then
    /// leaves `touched` ascending.
    private static func record(_ matches: [(Int, Double)], of index: SearchIndex, letter: UInt8?,
                               derived: [(scores: WordScores, numerator: Float, denominator: Float)],
                               into dense: UnsafeMutableBufferPointer<Float>, touched: inout [Int32]) {
        let weights = SearchField.weights
        index.postingEntries.withUnsafeBufferPointer { entries in
            index.postingFields.withUnsafeBufferPointer { fields in
                withUnsafeTemporaryAllocation(of: Float.self, capacity: 16) { byField in
                    for (wordID, quality) in matches {
                        // Fields are declared heaviest first, so the lowest set bit is the best field.
                        for field in 0..<weights.count { byField[field] = Float(weights[field] * quality) }
                        let start = Int(index.postingStarts[wordID]), end = Int(index.postingStarts[wordID + 1])
                        for p in start..<end {
                            let at = Int(entries[p])
                            let score = byField[fields[p].trailingZeroBitCount]
                            let old = dense[at]
                            if old == 0 { touched.append(Int32(at)) }
                            if score > old { dense[at] = score }
                        }
                    }
                }
            }
        }
        if let letter {
            // One letter matches every entry with a word containing it (more weakly than a word it starts), so
            // typing a second letter never finds more than the first did.
            let row = Int(letter - 0x61) * index.bitWords
            for block in 0..<index.bitWords {
                var bits = index.characterBits[row + block]
                while bits != 0 {
                    let at = block * 64 + bits.trailingZeroBitCount
                    bits &= bits - 1
                    let old = dense[at]
                    if old == 0 { touched.append(Int32(at)) }
                    if 0.3 > old { dense[at] = 0.3 }
                }
            }
        }
        for (scores, numerator, denominator) in derived {
            for (entry, score) in zip(scores.entries, scores.scores) {
                let at = Int(entry)
                let value = numerator * score / denominator
                let old = dense[at]
                if old == 0 { touched.append(entry) }
                if value > old { dense[at] = value }
            }
        }
        // Entries ascending: sort the few, or sweep the scratch when most entries were touched.
        if touched.count * 16 > dense.count {
            touched.removeAll(keepingCapacity: true)
            for at in 0..<dense.count where dense[at] != 0 { touched.append(Int32(at)) }
        } else {
            touched.sort()
        }
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
                let piece = Array(word[start..<end])
                let bytes = SearchBytes.of(piece)
                let known = index.wordID(bytes) != nil || index.stems.find(bytes) != nil
                    || (end == n && startsSomeWord(piece, bytes))
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

    /// Whether some vocabulary word starts with `piece` (by characters).
    private func startsSomeWord(_ piece: [Character], _ bytes: [UInt8]) -> Bool {
        let range = index.vocabulary.prefixRange(bytes)
        if range.isEmpty { return false }
        if bytes.allSatisfy({ $0 < 0x80 }) {
            // An ASCII prefix ends on a character boundary unless a combining mark follows it.
            return range.contains { id in
                let word = index.vocabulary.strings.range(id)
                return word.count == bytes.count || index.vocabulary.strings.bytes[word.lowerBound + bytes.count] < 0x80
                    || Array(index.vocabulary.strings.string(id)).starts(with: piece)
            }
        }
        return range.contains { Array(index.vocabulary.strings.string($0)).starts(with: piece) }
    }

    /// How many typos a query word of this length may have: none below four characters, one up to seven, then two.
    static func tolerance(for word: [Character]) -> Int {
        SearchText.isNumeric(word) ? 0 : (word.count >= 8 ? 2 : (word.count >= 4 ? 1 : 0))
    }

    /// Vocabulary words that `word` matches, with a quality from 0 to 1.
    func vocabularyMatches(for word: [Character]) -> [(Int, Double)] { vocabularyMatches(for: QueryWord(word)) }

    func vocabularyMatches(for word: QueryWord) -> [(Int, Double)] {
        var matches: [(Int, Double)] = []
        var matchedIDs: [Int32] = []
        let strings = index.vocabulary.strings
        strings.bytes.withUnsafeBufferPointer { all in
            word.bytes.withUnsafeBufferPointer { bytes in
                for id in candidates(for: word) {
                    let range = strings.range(Int(id))
                    let candidate = UnsafeBufferPointer(rebasing: all[range])
                    let quality: Double?
                    if word.ascii, candidate.allSatisfy({ $0 < 0x80 }) {
                        quality = ByteMatch.quality(bytes, against: candidate, numeric: word.numeric, tolerance: word.tolerance)
                    } else {
                        quality = Self.quality(of: word.characters, against: Array(String(decoding: candidate, as: UTF8.self)),
                                               numeric: word.numeric, tolerance: word.tolerance)
                    }
                    if let quality {
                        matches.append((Int(id), quality))
                        matchedIDs.append(id)
                    }
                }
            }
        }
        remember(matchedIDs, for: word)
        if !word.numeric {
            let stem = index.stemID(WordForms.stem(bytes: word.bytes))
            if stem >= 0 {
                for k in Int(index.stemWordStarts[Int(stem)])..<Int(index.stemWordStarts[Int(stem) + 1]) {
                    let id = Int(index.stemWords[k])
                    if !matches.contains(where: { $0.0 == id && $0.1 >= 0.9 }) { matches.append((id, 0.9)) }
                }
            }
        }
        return matches
    }

    /// The vocabulary words `word` can match at all: those the same word typed shorter matched (narrowing), or
    /// else its prefix range, the words containing its rarest byte pair, and the prefix range of its first three
    /// characters (where its typos are), each once.
    private func candidates(for word: QueryWord) -> [Int32] {
        if let narrowed = narrowed(word) { return narrowed }
        generation &+= 1
        if generation == 0 {
            for i in marks.indices { marks[i] = 0 }
            generation = 1
        }
        let generation = self.generation
        var ranges: [Range<Int>] = [index.vocabulary.prefixRange(word.bytes)]
        var bigram: Range<Int>?
        if !word.numeric, word.characters.count >= 2, word.bytes.count >= 2 {
            var rarest = -1
            var rarestCount = Int.max
            for at in 0..<(word.bytes.count - 1) {
                let key = Int(word.bytes[at]) << 8 | Int(word.bytes[at + 1])
                let size = Int(index.bigramStarts[key + 1] - index.bigramStarts[key])
                if size < rarestCount { rarest = key; rarestCount = size }
            }
            bigram = Int(index.bigramStarts[rarest])..<Int(index.bigramStarts[rarest + 1])
        }
        if !word.numeric, word.tolerance > 0 { ranges.append(index.vocabulary.prefixRange(word.firstThree)) }
        var found: [Int32] = []
        var marks: [UInt32] = []
        swap(&marks, &self.marks)
        marks.withUnsafeMutableBufferPointer { marks in
            for (position, range) in ranges.enumerated() {
                for id in range where marks[id] != generation {
                    marks[id] = generation
                    found.append(Int32(id))
                }
                if position == 0, let bigram {
                    for k in bigram {
                        let id = Int(index.bigramWords[k])
                        if marks[id] != generation {
                            marks[id] = generation
                            found.append(Int32(id))
                        }
                    }
                }
            }
        }
        swap(&marks, &self.marks)
        return found
    }

    /// The `quality` matches of the longest recent word that `word` extends, when typing longer can only keep or
    /// drop them: both ASCII, the shorter at least two characters (one character has no "inside a word"), and
    /// not a number growing into a word (numbers match only exactly or as a prefix).
    private func narrowed(_ word: QueryWord) -> [Int32]? {
        guard word.ascii, word.bytes.count > 2 else { return nil }
        for length in stride(from: word.bytes.count - 1, through: 2, by: -1) {
            let shorter = word.bytes[0..<length]
            guard let ids = matchCache[String(decoding: shorter, as: UTF8.self)] else { continue }
            let shorterNumeric = shorter.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
            return shorterNumeric == word.numeric ? ids : nil
        }
        return nil
    }

    private func remember(_ ids: [Int32], for word: QueryWord) {
        guard word.ascii else { return }
        let key = String(decoding: word.bytes, as: UTF8.self)
        guard matchCache[key] == nil else { return }
        matchCache[key] = ids
        matchOrder.append(key)
        if matchOrder.count > cacheLimit { matchCache[matchOrder.removeFirst()] = nil }
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
}
