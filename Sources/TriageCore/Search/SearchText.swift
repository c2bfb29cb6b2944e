/// How search sees text: lowercase words, with `_`, `-`, space and punctuation all separating words, so
/// "install not found", "install-not-found" and INSTALL_NOT_FOUND are the same words. A `-` directly before a
/// digit at the start of a word is kept, so Sentori's code `-1` stays distinct from `1`.
package enum SearchText {
    package struct Word {
        package var text: [Character]
        /// Offset of the word's first character in the original string, in `Character`s.
        package var offset: Int
        /// Length in the original string, in `Character`s.
        package var length: Int
    }

    /// The words of `text` as strings, without positions: what the index needs. ASCII text (nearly all
    /// catalog text) is split byte by byte, which is much faster than walking `Character`s.
    package static func keys(_ text: String) -> [String] {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return words(text).map { String($0.text) } }
        var keys: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(32)
        var previous: UInt8 = 0x20
        var iterator = utf8.makeIterator()
        var next = iterator.next()
        while let byte = next {
            next = iterator.next()
            switch byte {
            case 0x30...0x39, 0x61...0x7A: current.append(byte)
            case 0x41...0x5A: current.append(byte + 0x20)
            case 0x2D where current.isEmpty && startsNegativeNumber(previousIsWord: Self.isWordByte(previous),
                                                                    nextIsDigit: next.map { $0 >= 0x30 && $0 <= 0x39 } ?? false):
                current.append(byte)
            default:
                if !current.isEmpty { keys.append(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true) }
            }
            previous = byte
        }
        if !current.isEmpty { keys.append(String(decoding: current, as: UTF8.self)) }
        return keys
    }

    /// A `-` starts a word (Sentori's `-1`) when a digit follows and no letter or digit comes before it.
    static func startsNegativeNumber(previousIsWord: Bool, nextIsDigit: Bool) -> Bool {
        nextIsDigit && !previousIsWord
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    package static func words(_ text: String) -> [Word] {
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
            let ascii = character.asciiValue
            if ascii == 0x2D, current.isEmpty,
               startsNegativeNumber(previousIsWord: previous.map { $0.isLetter || $0.isNumber } ?? false,
                                    nextIsDigit: position + 1 < characters.count && characters[position + 1].isNumber) {
                start = position
                current.append("-")
            } else if let ascii {
                // Fast path for ASCII, which is nearly all catalog text.
                if (ascii >= 0x30 && ascii <= 0x39) || (ascii >= 0x61 && ascii <= 0x7A) {
                    if current.isEmpty { start = position }
                    current.append(character)
                } else if ascii >= 0x41 && ascii <= 0x5A {
                    if current.isEmpty { start = position }
                    current.append(Character(Unicode.Scalar(ascii + 0x20)))
                } else {
                    flush()
                }
            } else if character.isLetter || character.isNumber {
                if current.isEmpty { start = position }
                current.append(contentsOf: character.lowercased())
            } else {
                flush()
            }
            previous = character
        }
        index = characters.count
        flush()
        return words
    }

    package static func isNumeric(_ word: [Character]) -> Bool {
        !word.isEmpty && word.allSatisfy { $0.isNumber || $0 == "-" }
    }
}
