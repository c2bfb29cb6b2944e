import Foundation

/// What a code looks like in a document: a number (`-1`, `30003`), an upper-case identifier
/// (`INSTALL_NOT_FOUND`, `AUTH.EXPIRED`, `E1001`), or an exception name (`ThrottlingException`).
enum CodeToken {
    static func isCode(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= ImportLimits.maximumCodeLength else { return false }
        if isNumeric(text) { return true }
        let scalars = text.unicodeScalars
        guard let first = scalars.first, first.properties.isUppercase || ("0"..."9").contains(first) else { return false }
        let isUpper: (Unicode.Scalar) -> Bool = { ("A"..."Z").contains($0) }
        let isDigit: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) }
        if scalars.allSatisfy({ isUpper($0) || isDigit($0) || "_.-".unicodeScalars.contains($0) }) {
            // Upper case with a separator or a digit (INSTALL_NOT_FOUND, E1001), or a long upper-case word.
            guard scalars.contains(where: isUpper), text.count >= 2 else { return false }
            return text.contains("_") || text.contains(".") || scalars.contains(where: isDigit) || text.count >= 5
        }
        let camel = scalars.allSatisfy { isUpper($0) || ("a"..."z").contains($0) || isDigit($0) }
        return camel && ["Exception", "Error", "Fault"].contains { text.hasSuffix($0) && text.count > $0.count }
    }

    /// `-1`, `42`, `30003`.
    static func isNumeric(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.count <= 18 && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A heading or cell that starts with a code: the code and what follows it (`30003 - Unreachable handset`,
    /// `` `ERR_X`: Something ``, `Error 1001: Message`). Nil when the text does not start with one.
    static func leading(_ text: String) -> (code: String, rest: String)? {
        var words = text.trimmingCharacters(in: .whitespaces)
        for prefix in ["Error code ", "Error Code ", "Error ", "Code "] where words.hasPrefix(prefix) {
            let after = words.dropFirst(prefix.count)
            if let token = after.split(separator: " ").first, isCode(token.trimmingCharacters(in: CharacterSet(charactersIn: "`:*"))) {
                words = String(after)
            }
        }
        let token = words.prefix { !$0.isWhitespace && $0 != ":" && $0 != "(" }
        let code = token.trimmingCharacters(in: CharacterSet(charactersIn: "`*"))
        guard isCode(code) else { return nil }
        var rest = words[token.endIndex...].drop { $0.isWhitespace || "`*".contains($0) }
        for separator in [":", "-", "–", "—", "|"] where rest.hasPrefix(separator) {
            rest = rest.dropFirst(separator.count).drop { $0.isWhitespace }
            break
        }
        return (code, String(rest))
    }
}
