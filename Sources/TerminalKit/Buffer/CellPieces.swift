/// How one character is drawn into cells. Terminals disagree on emoji sequences: ncurses and `wcwidth`
/// terminals advance per code point (👨‍👩‍👧 is 6 columns), newer ones per grapheme (2 columns). Either way a
/// disagreement shifts the rest of the row and leaves stale cells. So a character with more than one visible
/// code point is drawn as its visible parts, one cell each, without the joiners, variation selectors and skin
/// tone modifiers that would make a terminal merge them: every terminal then agrees on the width.
public enum CellPieces {
    /// The parts of `character` with their widths: the base code point with any combining marks attached.
    public static func of(_ character: Character) -> [(text: String, width: Int)] {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let only = scalars.first {
            if only.properties.generalCategory == .format || joinsOrModifies(only) { return [] }
            return [(String(character), DisplayWidth.of(only))]
        }
        var pieces: [(text: String, width: Int)] = []
        for scalar in scalars {
            if joinsOrModifies(scalar) { continue }
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

    /// Zero-width joiner, variation selectors, skin tone modifiers and emoji tag characters.
    private static func joinsOrModifies(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200D, 0xFE0E, 0xFE0F, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F: return true
        default: return false
        }
    }
}
