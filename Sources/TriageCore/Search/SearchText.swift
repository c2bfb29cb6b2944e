/// How search sees text: lowercase words, with `_`, `-`, space and punctuation all separating words, so
/// "install not found", "install-not-found" and INSTALL_NOT_FOUND are the same words. A `-` directly before a
/// digit at the start of a word is kept, so Sentori's code `-1` stays distinct from `1`.
enum SearchText {
    struct Word {
        var text: [Character]
        /// Offset of the word's first character in the original string, in `Character`s.
        var offset: Int
        /// Length in the original string, in `Character`s.
        var length: Int
    }

    static func words(_ text: String) -> [Word] {
        var words: [Word] = []
        var current: [Character] = []
        var start = 0
        var index = 0
        var previous: Character?
        func flush() {
            if !current.isEmpty, current != ["-"] { words.append(Word(text: current, offset: start, length: index - start)) }
            current = []
        }
        let characters = Array(text)
        for (position, character) in characters.enumerated() {
            index = position
            if character.isLetter || character.isNumber {
                if current.isEmpty { start = position }
                current.append(contentsOf: character.lowercased())
            } else if character == "-", current.isEmpty, position + 1 < characters.count,
                      characters[position + 1].isNumber, previous.map({ !$0.isLetter && !$0.isNumber }) ?? true {
                start = position
                current.append("-")
            } else {
                flush()
            }
            previous = character
        }
        index = characters.count
        flush()
        return words
    }

    static func isNumeric(_ word: [Character]) -> Bool {
        !word.isEmpty && word.allSatisfy { $0.isNumber || $0 == "-" }
    }
}
