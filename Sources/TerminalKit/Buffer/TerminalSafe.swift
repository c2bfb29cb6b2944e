/// Makes text from catalog files harmless to print: a hostile file must not be able to send escape sequences
/// to the engineer's terminal, reorder what it shows (bidi controls) or hide text in it (zero-width characters).
public enum TerminalSafe {
    /// Replaces C0 controls (except newline and tab), DEL, C1 controls, bidi controls, and every invisible
    /// character (format characters and default-ignorable code points: zero-width spaces, tag characters, Hangul
    /// fillers, U+FFF9..FFFB, ...) and line/paragraph separators by visible caret or `\u{..}` forms: ESC becomes
    /// `^[`, BEL `^G`, U+009B `\u{9B}`, U+202E `\u{202E}`, U+E0041 `\u{E0041}`. A soft hyphen (U+00AD) is removed.
    /// A zero-width joiner inside an emoji sequence, and an emoji variation selector after an emoji, stay.
    /// With `keepNewlines: false` newlines and tabs become spaces (one-line fields: codes, values, file names).
    public static func sanitize(_ text: String, keepNewlines: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe)
                || (!keepNewlines && text.unicodeScalars.contains { $0 == "\n" || $0 == "\t" || $0 == "\r" })
        else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if !keepNewlines, scalar == "\n" || scalar == "\t" { result.append(" "); continue }
            if isUnsafe(scalar), !belongsToEmoji(scalars, at: index) {
                result += visible(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// True for the invisible scalars that are part of an emoji's picture: a zero-width joiner between two emoji
    /// (`joinsEmoji`), or a variation selector 15/16 right after an emoji (❤️).
    public static func belongsToEmoji(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        switch scalars[index].value {
        case 0x200D: return joinsEmoji(scalars, at: index)
        case 0xFE0E, 0xFE0F: return index > 0 && scalars[index - 1].properties.isEmoji && scalars[index - 1].value > 0x7F
        default: return false
        }
    }

    /// The visible form of an unsafe scalar: `^[` for C0 controls, `^?` for DEL, `\u{..}` for the rest, nothing
    /// for a soft hyphen.
    static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0..<0x20: return "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
        case 0x7F: return "^?"
        case 0xAD: return ""
        default: return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// True for scalars that a terminal would act on instead of display, or that reorder or hide text: controls,
    /// bidi controls, format characters (Unicode category Cf) and default-ignorable code points.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0..<0x20, 0x7F, 0x80..<0xA0, 0xAD: return true
        case 0x20..<0x7F, 0xA0..<0x300: return false  // the common cases, without a property lookup
        case 0x2028...0x202E: return true
        default:
            let properties = scalar.properties
            return properties.isDefaultIgnorableCodePoint || properties.generalCategory == .format
        }
    }

    /// A zero-width joiner between two emoji (👨‍👩‍👧) is part of the picture, not hidden text.
    public static func joinsEmoji(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index > 0, index + 1 < scalars.count else { return false }
        func isPictograph(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value >= 0x2190 && scalar.properties.isEmoji
        }
        var before = scalars[index - 1]
        if (0xFE00...0xFE0F).contains(before.value) || (0x1F3FB...0x1F3FF).contains(before.value), index > 1 {
            before = scalars[index - 2]
        }
        return isPictograph(before) && isPictograph(scalars[index + 1])
    }
}
