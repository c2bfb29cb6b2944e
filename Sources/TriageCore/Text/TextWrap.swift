/// Word wrapping for terminal output, by display columns approximated as one per character (catalog text is
/// sanitized first, so it holds no control characters). Paragraph breaks (blank lines) are kept.
public enum TextWrap {
    /// Lines of at most `width` characters; words longer than the width are cut.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        for paragraph in text.components(separatedBy: "\n") {
            let words = paragraph.split(separator: " ", omittingEmptySubsequences: true)
            if words.isEmpty { lines.append(""); continue }
            var line = ""
            for word in words {
                var word = Substring(word)
                if line.isEmpty {
                } else if line.count + 1 + word.count <= width {
                    line += " " + word
                    continue
                } else {
                    lines.append(line)
                    line = ""
                }
                while word.count > width {
                    lines.append(String(word.prefix(width)))
                    word = word.dropFirst(width)
                }
                line = String(word)
            }
            lines.append(line)
        }
        while lines.last == "" , lines.count > 1 { lines.removeLast() }
        return lines
    }
}
