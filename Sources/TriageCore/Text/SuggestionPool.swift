/// Candidates prepared once for many "did you mean" questions: each folded (case, `_`, `-` and space alike) and
/// summarised by a letter histogram. The histogram difference is a lower bound of the edit distance, so most
/// candidates are rejected in a few steps without the dynamic-programming table; a loader asking about thousands
/// of unknown names against thousands of codes stays fast.
public struct SuggestionPool: Sendable {
    private struct Candidate: Sendable {
        let text: String
        let folded: [Character]
        let foldedText: String
        let histogram: [Int16]
    }

    private static let buckets = 64
    private let candidates: [Candidate]

    public init(_ names: [String]) {
        candidates = names.map { name in
            let folded = Self.fold(name)
            return Candidate(text: name, folded: folded, foldedText: String(folded), histogram: Self.histogram(folded))
        }
    }

    /// Up to `limit` candidates closest to `input` (see `Suggestions.closest`).
    public func closest(to input: String, limit: Int = 3) -> [String] {
        var unlimited = Int.max
        return closest(to: input, limit: limit, work: &unlimited)
    }

    /// The same, computing at most `work` edit distances (the count is taken from `work`): a caller asking many
    /// questions bounds their total cost, and gets the best found so far once the work is spent.
    public func closest(to input: String, limit: Int, work: inout Int) -> [String] {
        let query = Self.fold(input)
        guard !query.isEmpty else { return [] }
        let queryText = String(query)
        let queryHistogram = Self.histogram(query)
        let tolerance = max(2, query.count / 3)
        var scored: [(distance: Int, candidate: String)] = []
        for candidate in candidates {
            if candidate.folded == query { scored.append((0, candidate.text)); continue }
            if abs(candidate.folded.count - query.count) <= tolerance,
               Self.lowerBound(queryHistogram, candidate.histogram) <= tolerance, work > 0,
               case _ = work -= 1,
               let distance = EditDistance.between(query, candidate.folded, limit: tolerance) {
                scored.append((distance, candidate.text))
            } else if query.count >= 3, candidate.folded.count >= query.count, candidate.foldedText.contains(queryText) {
                scored.append((tolerance + 1, candidate.text))
            }
        }
        return scored.sorted { ($0.distance, $0.candidate.count, $0.candidate) < ($1.distance, $1.candidate.count, $1.candidate) }
            .prefix(limit).map(\.candidate)
    }

    static func fold(_ text: String) -> [Character] {
        text.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 }
    }

    /// Counts of characters by bucket; characters sharing a bucket only make the bound smaller, never wrong.
    private static func histogram(_ characters: [Character]) -> [Int16] {
        var counts = [Int16](repeating: 0, count: buckets)
        for character in characters {
            let value = character.unicodeScalars.first.map { Int($0.value) } ?? 0
            counts[value % buckets] &+= 1
        }
        return counts
    }

    /// Each edit changes the histogram by at most one up and one down, so the larger of the two sums of
    /// differences is at most the edit distance.
    private static func lowerBound(_ a: [Int16], _ b: [Int16]) -> Int {
        var more = 0, fewer = 0
        for index in 0..<buckets {
            let difference = Int(a[index]) - Int(b[index])
            if difference > 0 { more += difference } else { fewer -= difference }
        }
        return max(more, fewer)
    }
}
