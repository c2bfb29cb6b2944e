/// How one character is drawn into cells. Terminals disagree on emoji sequences: ncurses and `wcwidth`
/// terminals advance per code point (👨‍👩‍👧 is 6 columns), newer ones per grapheme (2 columns). Either way a
/// disagreement shifts the rest of the row and leaves stale cells. So a character with more than one visible
/// code point is drawn as its visible parts, one cell each, without the joiners, variation selectors and skin
/// tone modifiers that would make a terminal merge them: every terminal then agrees on the width.
public enum CellPieces {
    /// Regional indicator symbols, U+1F1E6..1F1FF: two make a flag, 2 columns on some terminals and 2 x 1 on
    /// others (wcwidth, ncurses), so a flag would leave stale cells. Each is drawn as its letter: 🇫🇷 is "FR".
    public static let regionalIndicators: ClosedRange<UInt32> = 0x1F1E6...0x1F1FF

    /// The parts of `character` with their widths: the base code point with any combining marks attached.
    public static func of(_ character: Character) -> [(text: String, width: Int)] {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let only = scalars.first {
            if only.properties.generalCategory == .format || joinsOrModifies(only) { return [] }
            if let letter = letter(only) { return [(letter, 1)] }
            return [(String(character), DisplayWidth.of(only))]
        }
        var pieces: [(text: String, width: Int)] = []
        for scalar in scalars {
            if joinsOrModifies(scalar) { continue }
            if let letter = letter(scalar) { pieces.append((letter, 1)); continue }
            let width = DisplayWidth.of(scalar)
            if width == 0 {
                // A combining mark stays with its base (é); with no base it is dropped.
                if !pieces.isEmpty, scalar.properties.generalCategory != .format {
                    pieces[pieces.count - 1].text.unicodeScalars.append(scalar)
                }
                continue
            }
            pieces.append((String(scalar), width))
        }
        return pieces
    }

    /// `text` written as it is drawn: every character as its pieces (see `of`), so plain output (a `list`
    /// table) shows exactly the columns `DisplayWidth` measured, on every terminal.
    public static func flattened(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x300 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if character.unicodeScalars.count == 1, let only = character.unicodeScalars.first,
               only.value < 0x1F1E6 || only.value > 0x1F1FF {
                result.append(character)
                continue
            }
            for piece in of(character) { result += piece.text }
        }
        return result
    }

    /// The letter a regional indicator stands for (U+1F1EB: "F"), nil for any other scalar.
    private static func letter(_ scalar: Unicode.Scalar) -> String? {
        guard regionalIndicators.contains(scalar.value) else { return nil }
        return String(UnicodeScalar(UInt8(scalar.value - 0x1F1E6) + UInt8(ascii: "A")))
    }

    /// Zero-width joiner, variation selectors, skin tone modifiers and emoji tag characters.
    private static func joinsOrModifies(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200D, 0xFE0E, 0xFE0F, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F: return true
        default: return false
        }
    }
}
