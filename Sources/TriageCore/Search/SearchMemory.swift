import Foundation

/// What search learned from use: a search followed by opening or diagnosing a code pairs the query's words with
/// that code; a later query with mostly the same words lifts the code ("chosen before"). Kept locally in the
/// sessions database (`SQLiteSearchMemoryStore`), cleared with `triage learned --clear`, off with
/// `triage learned --off`. Only the query's word forms are kept, never the text as typed.
public struct SearchMemory: Sendable, Hashable {
    /// One remembered pairing: the query's words (see `words(of:)`) and the code chosen after it.
    public struct Pairing: Sendable, Hashable {
        public var words: [String]
        public var code: CodeReference
        /// How often this pairing was made.
        public var count: Int

        public init(words: [String], code: CodeReference, count: Int = 1) {
            self.words = words
            self.code = code
            self.count = count
        }
    }

    public var pairings: [Pairing]

    public init(_ pairings: [Pairing] = []) { self.pairings = pairings }

    /// Below this share of words in common a pairing says nothing about the query.
    static let minimumSimilarity = 0.5
    /// The longest word kept: longer ones are ids, keys or pasted noise, not words a query shares.
    static let longestWord = 24

    /// A query's words as the memory keeps them: word forms (stems) of the words that say something (no filler,
    /// no field filters, nothing longer than `longestWord`), distinct and sorted.
    public static func words(of query: String) -> [String] {
        let stems = ParsedQuery(query).words
            .filter { !WordForms.isFiller($0) && $0.count <= longestWord }
            .map { String(WordForms.stem($0)) }
        return Array(Set(stems)).sorted()
    }

    /// The codes this memory lifts for `query`, with how much: from 0 to 1 (the same words, chosen three times
    /// or more); the searcher scales it to the query.
    public func lifts(for query: String) -> [CodeReference: Double] {
        let wanted = Set(Self.words(of: query))
        guard !wanted.isEmpty else { return [:] }
        var lifts: [CodeReference: Double] = [:]
        for pairing in pairings {
            let known = Set(pairing.words)
            let common = wanted.intersection(known).count
            guard common > 0 else { continue }
            let similarity = Double(common) / Double(wanted.union(known).count)
            guard similarity >= Self.minimumSimilarity else { continue }
            let lift = similarity * (0.5 + 0.5 * Double(min(pairing.count, 3)) / 3)
            lifts[pairing.code] = max(lifts[pairing.code] ?? 0, lift)
        }
        return lifts
    }
}

/// Where `SearchMemory` is kept (the sessions database: `SQLiteSessionStore`), and whether learning is on.
public protocol SearchMemoryStore: Sendable {
    /// Every remembered pairing, most used first.
    func searchMemory() throws -> SearchMemory
    /// Remembers that `pairing.code` was chosen after a query with `pairing.words` (adds one to its count).
    func remember(_ pairing: SearchMemory.Pairing, at date: Date) throws
    /// Forgets every pairing; returns how many there were.
    func forgetSearches() throws -> Int
    /// Whether search learns from use (on unless turned off).
    func learnsSearches() throws -> Bool
    func setLearnsSearches(_ on: Bool) throws
}
