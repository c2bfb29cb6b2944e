/// The one width table: how many terminal columns text takes, measured per code point the way ncurses and
/// `wcwidth` do: 0 for combining marks, format characters and variation selectors, 2 for East Asian wide and
/// emoji with emoji presentation (not a text-style pictograph such as U+1F321, nor a regional indicator), else 1. A
/// character made of several code points (an emoji sequence, a flag) is as wide as the parts it is drawn as
/// (see `CellPieces`), so what the layout measures is what the terminal shows.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let first = scalars.first { return of(first) }
        return CellPieces.of(character).reduce(0) { $0 + $1.width }
    }

    public static func of(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// The columns of one code point.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return value < 0x20 || (0x7F..<0xA0).contains(value) || value == 0xAD ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(value) || (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value) {
            return 0
        }
        // Regional indicators (the halves of a flag) are 1 column in wcwidth; `CellPieces` draws them as letters.
        if CellPieces.regionalIndicators.contains(value) { return 1 }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
