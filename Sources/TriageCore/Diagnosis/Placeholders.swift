/// `@VAR@` and `@VAR|fallback phrase@` placeholders in tree text, filled with the values typed during a diagnosis
/// (as systemd's message catalog fills `@FIELD@`). The fallback is shown wherever VAR is unknown: answered
/// "can't tell", or not set on the path taken.
public enum Placeholders {
    /// One placeholder as written.
    public struct Occurrence: Hashable, Sendable {
        public var name: String
        /// The phrase after `|`, if any (may be empty when written `@VAR|@`).
        public var fallback: String?
        public var range: Range<String.Index>
    }

    /// The variable names used in `texts`, in order of first use.
    public static func names(in texts: [String]) -> [String] {
        var names: [String] = []
        var seen = Set<String>()
        for text in texts {
            for match in occurrences(in: text) where seen.insert(match.name).inserted { names.append(match.name) }
        }
        return names
    }

    /// Replaces each placeholder by `values[VAR]` (masked if secret), else by its fallback; a placeholder with
    /// neither stays as written (lint reports such text).
    public static func fill(_ text: String, values: [String: String], secret: Set<String> = [],
                            mask: (String) -> String = Placeholders.mask) -> String {
        guard text.contains("@") else { return text }
        var result = ""
        var rest = text.startIndex
        for match in occurrences(in: text) {
            result += text[rest..<match.range.lowerBound]
            if let value = values[match.name] {
                result += secret.contains(match.name) ? mask(value) : value
            } else if let fallback = match.fallback {
                result += fallback
            } else {
                result += text[match.range]
            }
            rest = match.range.upperBound
        }
        return result + text[rest...]
    }

    /// How a secret value is shown: never any of its characters.
    public static func mask(_ value: String) -> String { "[secret]" }

    /// Every placeholder in `text`, in order. A name is capital ASCII letters, digits and `_`; a fallback is any
    /// text up to the closing `@`.
    public static func occurrences(in text: String) -> [Occurrence] {
        var result: [Occurrence] = []
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "@") {
            let nameStart = text.index(after: open)
            var cursor = nameStart
            while cursor < text.endIndex, isNameCharacter(text[cursor]) { cursor = text.index(after: cursor) }
            guard cursor > nameStart, cursor < text.endIndex else {
                index = nameStart
                continue
            }
            let name = String(text[nameStart..<cursor])
            if text[cursor] == "@" {
                result.append(Occurrence(name: name, fallback: nil, range: open..<text.index(after: cursor)))
                index = text.index(after: cursor)
            } else if text[cursor] == "|", let close = text[text.index(after: cursor)...].firstIndex(of: "@") {
                let fallback = String(text[text.index(after: cursor)..<close])
                result.append(Occurrence(name: name, fallback: fallback, range: open..<text.index(after: close)))
                index = text.index(after: close)
            } else {
                index = nameStart
            }
        }
        return result
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isUppercase || character.isNumber || character == "_")
    }
}
