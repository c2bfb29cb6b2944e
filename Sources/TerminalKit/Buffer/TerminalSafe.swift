/// Makes text from catalog files harmless to print: a hostile file must not be able to send escape sequences
/// to the engineer's terminal, reorder what it shows (bidi controls) or hide text in it (zero-width characters).
public enum TerminalSafe {
    /// Replaces C0 controls (except newline and tab), DEL, C1 controls, bidi controls, zero-width characters and
    /// line/paragraph separators by visible caret or `\u{..}` forms: ESC becomes `^[`, BEL `^G`, U+009B `\u{9B}`,
    /// U+202E `\u{202E}`. A soft hyphen (U+00AD) is removed. A zero-width joiner inside an emoji sequence stays.
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
            if scalar.value == 0x200D, joinsEmoji(scalars, at: index) { result.unicodeScalars.append(scalar); continue }
            if isUnsafe(scalar) {
                result += visible(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
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

    /// True for scalars that a terminal would act on instead of display, or that reorder or hide text.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0..<0x20, 0x7F, 0x80..<0xA0: return true
        case 0xAD, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2069, 0xFEFF: return true
        default: return false
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
