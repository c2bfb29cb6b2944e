import Foundation

/// One query word in every form matching needs: its `Character`s (the rules are defined on them), its NFC UTF-8
/// bytes (what the index stores), and the facts the rules ask about.
struct QueryWord {
    let characters: [Character]
    let bytes: [UInt8]
    let ascii: Bool
    let numeric: Bool
    /// Typos allowed (`Searcher.tolerance(for:)`).
    let tolerance: Int

    init(_ characters: [Character]) {
        self.characters = characters
        bytes = SearchBytes.of(characters)
        ascii = bytes.allSatisfy { $0 < 0x80 }
        numeric = SearchText.isNumeric(characters)
        tolerance = Searcher.tolerance(for: characters)
    }

    /// The bytes of the first three characters: every typo candidate starts with them.
    var firstThree: [UInt8] { ascii ? Array(bytes.prefix(3)) : SearchBytes.of(Array(characters.prefix(3))) }
}

/// The matching rules of `Searcher.quality(of:against:numeric:tolerance:)` over bytes, for ASCII words and
/// candidates (nearly all); the searcher uses the `Character` rules for anything else.
enum ByteMatch {
    /// How well ASCII `word` matches ASCII `candidate` (same values as `Searcher.quality`).
    static func quality(_ word: UnsafeBufferPointer<UInt8>, against candidate: UnsafeBufferPointer<UInt8>, numeric: Bool,
                        tolerance: Int) -> Double? {
        let w = word.count, c = candidate.count
        if c >= w, w == 0 || memcmp(candidate.baseAddress!, word.baseAddress!, w) == 0 {
            return c == w ? 1 : 0.75 + 0.2 * Double(w) / Double(c)
        }
        if numeric { return nil }
        if w >= 2, c > w, contains(candidate, word) { return 0.5 }
        guard tolerance > 0, c + tolerance >= w, c >= 3, w >= 3,
              memcmp(candidate.baseAddress!, word.baseAddress!, 3) == 0,
              let distance = distanceToPrefix(word, of: candidate, limit: tolerance) else { return nil }
        if distance == 2,
           distanceToPrefix(UnsafeBufferPointer(rebasing: word.prefix(7)), of: candidate, limit: 1) == nil { return nil }
        return 0.45 - 0.1 * Double(distance)
    }

    /// Whether `needle` (not empty) occurs in `haystack`.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count
        guard n > 0, n <= haystack.count else { return false }
        let first = needle[0]
        for start in 0...(haystack.count - n) where haystack[start] == first {
            if n == 1 || memcmp(haystack.baseAddress! + start + 1, needle.baseAddress! + 1, n - 1) == 0 { return true }
        }
        return false
    }

    /// `EditDistance.toPrefix` over bytes: the smallest optimal-string-alignment distance between `query` and a
    /// prefix of `word`, or nil above `limit`.
    static func distanceToPrefix(_ query: UnsafeBufferPointer<UInt8>, of word: UnsafeBufferPointer<UInt8>, limit: Int) -> Int? {
        let columns = word.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * columns) { rows -> Int? in
            var previous2 = rows.baseAddress!
            var previous = previous2 + columns
            var current = previous + columns
            for j in 0..<columns {
                previous[j] = j
                previous2[j] = 0
            }
            if query.isEmpty { return 0 }
            for i in 1...query.count {
                current[0] = i
                var rowMinimum = i
                let a = query[i - 1]
                for j in stride(from: 1, through: word.count, by: 1) {
                    let cost = a == word[j - 1] ? 0 : 1
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, a == word[j - 2], query[i - 2] == word[j - 1] {
                        value = min(value, previous2[j - 2] + 1)
                    }
                    current[j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit { return nil }
                (previous2, previous, current) = (previous, current, previous2)
            }
            var best = Int.max
            for j in 0..<columns { best = min(best, previous[j]) }
            return best <= limit ? best : nil
        }
    }
}
