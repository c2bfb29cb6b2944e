/// Word wrapping for terminal output, by display columns: `columns` tells how wide a character is (the UI's
/// `DisplayWidth`; one per character by default). Catalog text is sanitized first, so it holds no control
/// characters. Paragraph breaks (blank lines) are kept.
public enum TextWrap {
    /// Lines of at most `width` columns; words wider than the width are cut.
    public static func wrap(_ text: String, width: Int, columns: (Character) -> Int = { _ in 1 }) -> [String] {
        let width = max(1, width)
        func measure(_ text: Substring) -> Int { text.reduce(0) { $0 + columns($1) } }
        var lines: [String] = []
        for paragraph in text.components(separatedBy: "\n") {
            let words = paragraph.split(separator: " ", omittingEmptySubsequences: true)
            if words.isEmpty { lines.append(""); continue }
            var line = ""
            var lineWidth = 0
            for word in words {
                var word = Substring(word)
                var wordWidth = measure(word)
                if line.isEmpty {
                } else if lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                } else {
                    lines.append(line)
                    line = ""
                }
                while wordWidth > width {
                    var cut = word.startIndex
                    var used = 0
                    while cut < word.endIndex, used + columns(word[cut]) <= width || cut == word.startIndex {
                        used += columns(word[cut])
                        cut = word.index(after: cut)
                    }
                    lines.append(String(word[..<cut]))
                    word = word[cut...]
                    wordWidth -= used
                }
                line = String(word)
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        while lines.last == "" , lines.count > 1 { lines.removeLast() }
        return lines
    }
}
