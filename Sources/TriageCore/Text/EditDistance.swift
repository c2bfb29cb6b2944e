/// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions) over `Character`s, with an
/// early exit once the distance must exceed `limit`.
public enum EditDistance {
    /// The distance between `a` and `b`, or `nil` if it is more than `limit`.
    public static func between(_ a: [Character], _ b: [Character], limit: Int = .max) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        guard let row = lastRow(a, b, limit: limit), let distance = row.last else { return nil }
        return distance <= limit ? distance : nil
    }

    /// The smallest distance between `query` and any prefix of `word` (how far the query is from being the
    /// start of the word), or `nil` if it is more than `limit`. "instl" is 1 from a prefix of "install".
    public static func toPrefix(_ query: [Character], of word: [Character], limit: Int) -> Int? {
        guard let best = lastRow(query, word, limit: limit)?.min() else { return nil }
        return best <= limit ? best : nil
    }

    /// The last row of the dynamic-programming table (distances from all of `a` to each prefix of `b`), or nil
    /// once a whole row exceeds `limit`.
    private static func lastRow(_ a: [Character], _ b: [Character], limit: Int) -> [Int]? {
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        guard !a.isEmpty else { return previous }
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return nil }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous
    }
}

/// "Did you mean" suggestions for a mistyped name.
public enum Suggestions {
    /// Up to `limit` candidates closest to `input`, ignoring case and treating `_`, `-` and space alike;
    /// only candidates close enough to be plausible typos, or containing the input, are returned.
    public static func closest(to input: String, among candidates: [String], limit: Int = 3) -> [String] {
        SuggestionPool(candidates).closest(to: input, limit: limit)
    }

    /// `closest` for typed ids (a tree id among the catalog's trees).
    public static func closest<Kind>(to input: TypedID<Kind>, among candidates: [TypedID<Kind>],
                                     limit: Int = 3) -> [TypedID<Kind>] {
        closest(to: input.rawValue, among: candidates.map(\.rawValue), limit: limit).map { TypedID(rawValue: $0) }
    }
}
