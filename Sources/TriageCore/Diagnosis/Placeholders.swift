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
        let matches = occurrences(in: text)
        guard !matches.isEmpty else { return text }
        let scalars = text.unicodeScalars
        var result = String.UnicodeScalarView()
        var rest = scalars.startIndex
        for match in matches {
            result.append(contentsOf: scalars[rest..<match.range.lowerBound])
            if let value = values[match.name] {
                result.append(contentsOf: (secret.contains(match.name) ? mask(value) : value).unicodeScalars)
            } else if let fallback = match.fallback {
                result.append(contentsOf: fallback.unicodeScalars)
            } else {
                result.append(contentsOf: scalars[match.range])
            }
            rest = match.range.upperBound
        }
        result.append(contentsOf: scalars[rest...])
        return String(result)
    }

    /// How a secret value is shown: never any of its characters.
    public static func mask(_ value: String) -> String { "[secret]" }

    /// Every placeholder in `text`, in order. A name is capital ASCII letters, digits and `_`; a fallback is any
    /// text up to the closing `@`. Scans Unicode scalars (fast, linear).
    public static func occurrences(in text: String) -> [Occurrence] {
        guard text.utf8.contains(UInt8(ascii: "@")) else { return [] }
        let scalars = text.unicodeScalars
        var result: [Occurrence] = []
        var index = scalars.startIndex
        while let open = scalars[index...].firstIndex(of: "@") {
            let nameStart = scalars.index(after: open)
            var cursor = nameStart
            while cursor < scalars.endIndex, isNameScalar(scalars[cursor]) { cursor = scalars.index(after: cursor) }
            guard cursor > nameStart, cursor < scalars.endIndex else {
                index = nameStart
                continue
            }
            let name = String(scalars[nameStart..<cursor])
            if scalars[cursor] == "@" {
                result.append(Occurrence(name: name, fallback: nil, range: open..<scalars.index(after: cursor)))
                index = scalars.index(after: cursor)
            } else if scalars[cursor] == "|", let close = scalars[scalars.index(after: cursor)...].firstIndex(of: "@") {
                let fallback = String(scalars[scalars.index(after: cursor)..<close])
                result.append(Occurrence(name: name, fallback: fallback, range: open..<scalars.index(after: close)))
                index = scalars.index(after: close)
            } else {
                index = nameStart
            }
        }
        return result
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
    }
}
