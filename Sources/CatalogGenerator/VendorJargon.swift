/// Invented words, unique over the whole generated catalog: each vendor's product names, feature names and
/// internal terms. Built from syllables so they look like words and split like words.
struct JargonSource {
    private static let onsets = ["b", "br", "c", "ch", "cl", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "kr",
                                 "l", "m", "n", "p", "pl", "qu", "r", "s", "sk", "sl", "st", "t", "tr", "v", "w",
                                 "x", "z", "zh", "sp", "th", "ph"]
    private static let vowels = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y"]
    private static let codas = ["", "", "n", "r", "x", "l", "s", "m", "nd", "rt", "sk", "th", "v", "q", "nt"]

    private var used: Set<String>

    init(reserved: [String]) { used = Set(reserved) }

    /// A new invented word of 2-4 syllables that no vendor has used yet.
    mutating func next(_ random: inout SeededRandom) -> String {
        while true {
            var word = ""
            for _ in 0..<random.within(2...4) {
                word += random.pick(Self.onsets) + random.pick(Self.vowels) + random.pick(Self.codas)
            }
            if word.count >= 4, word.count <= 14, used.insert(word).inserted { return word }
        }
    }
}
