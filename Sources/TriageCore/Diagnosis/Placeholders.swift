/// `@VAR@` placeholders in tree text, filled with the values typed during a diagnosis (as systemd's message
/// catalog fills `@FIELD@`).
public enum Placeholders {
    /// The variable names used in `texts`, in order of first use.
    public static func names(in texts: [String]) -> [String] {
        var names: [String] = []
        for text in texts {
            for match in matches(in: text) where !names.contains(match.name) { names.append(match.name) }
        }
        return names
    }

    /// Replaces each `@VAR@` by `values[VAR]` (masked if secret); unknown variables stay as written.
    public static func fill(_ text: String, values: [String: String], secret: Set<String> = [],
                            mask: (String) -> String = Placeholders.mask) -> String {
        guard text.contains("@") else { return text }
        var result = ""
        var rest = Substring(text)
        for match in matches(in: text) {
            result += text[rest.startIndex..<match.range.lowerBound]
            if let value = values[match.name] {
                result += secret.contains(match.name) ? mask(value) : value
            } else {
                result += text[match.range]
            }
            rest = text[match.range.upperBound...]
        }
        return result + rest
    }

    /// How a secret value is shown: never any of its characters.
    public static func mask(_ value: String) -> String { "[secret]" }

    private static func matches(in text: String) -> [(name: String, range: Range<String.Index>)] {
        var result: [(String, Range<String.Index>)] = []
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "@") {
            let nameStart = text.index(after: open)
            guard let close = text[nameStart...].firstIndex(of: "@") else { break }
            let name = text[nameStart..<close]
            if !name.isEmpty, name.allSatisfy({ ($0.isUppercase && $0.isASCII) || $0.isNumber || $0 == "_" }) {
                result.append((String(name), open..<text.index(after: close)))
                index = text.index(after: close)
            } else {
                index = nameStart
            }
        }
        return result
    }
}
