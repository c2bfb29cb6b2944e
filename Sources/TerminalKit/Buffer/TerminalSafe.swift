/// Makes text from catalog files harmless to print: a hostile file must not be able to send escape sequences
/// to the engineer's terminal.
public enum TerminalSafe {
    /// Replaces C0 controls (except newline and tab), DEL and C1 controls by visible caret or `\u{..}` forms:
    /// ESC becomes `^[`, BEL `^G`, U+009B `\u{9B}`.
    public static func sanitize(_ text: String, keepNewlines: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) || (!keepNewlines && text.contains("\n")) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if scalar == "\n", !keepNewlines { result.append(" "); continue }
            if isUnsafe(scalar) {
                switch scalar.value {
                case 0..<0x20: result += "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
                case 0x7F: result += "^?"
                default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                }
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// True for scalars that a terminal would act on instead of display.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0..<0x20, 0x7F, 0x80..<0xA0: return true
        default: return false
        }
    }
}
