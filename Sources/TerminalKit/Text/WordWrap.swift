/// Greedy word wrapping by display width. Text is made terminal-safe first, so widths match what is drawn.
public enum WordWrap {
    /// The lines of `text` wrapped to `width` columns. Newlines start new lines (an empty line stays empty);
    /// words longer than the width are broken.
    public static func lines(_ text: String, width: Int) -> [String] {
        lines(text, width: width, firstPrefix: "", restPrefix: "")
    }

    /// Like `lines(_:width:)`, with `firstPrefix` before the first line and `restPrefix` before the others
    /// (a bullet and its hanging indent).
    public static func lines(_ text: String, width: Int, firstPrefix: String, restPrefix: String) -> [String] {
        let safe = String(TerminalSafe.sanitize(text, keepNewlines: true).map { $0 == "\t" ? " " : $0 })
        var output: [String] = []
        for paragraph in safe.split(separator: "\n", omittingEmptySubsequences: false) {
            let prefix = output.isEmpty ? firstPrefix : restPrefix
            output += wrap(paragraph, width: width, firstPrefix: prefix, restPrefix: restPrefix)
        }
        return output
    }

    private static func wrap(_ paragraph: Substring, width: Int, firstPrefix: String, restPrefix: String) -> [String] {
        let words = paragraph.split(separator: " ")
        guard !words.isEmpty else { return [firstPrefix.trimmingTrailingSpaces] }
        var lines: [String] = []
        var line = firstPrefix
        var lineWidth = DisplayWidth.of(firstPrefix)
        var contentWidth = 0  // columns after the prefix
        func newLine() {
            lines.append(line)
            line = restPrefix
            lineWidth = DisplayWidth.of(restPrefix)
            contentWidth = 0
        }
        for word in words {
            let wordWidth = DisplayWidth.of(word)
            if contentWidth > 0, lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                contentWidth += 1 + wordWidth
                continue
            }
            if contentWidth > 0 { newLine() }
            if lineWidth + wordWidth <= width {
                line += word
                lineWidth += wordWidth
                contentWidth += wordWidth
                continue
            }
            // A word too long for a line is broken; every line takes at least one character.
            for character in word {
                let columns = DisplayWidth.of(character)
                if contentWidth > 0, lineWidth + columns > width { newLine() }
                line.append(character)
                lineWidth += columns
                contentWidth += columns
            }
        }
        lines.append(line)
        return lines
    }
}

extension String {
    /// The words on one line: line breaks, tabs and runs of spaces become single spaces, ends trimmed.
    public var oneLine: String {
        split(whereSeparator: { $0 == "\n" || $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// Without the spaces at the end.
    public var trimmingTrailingSpaces: String {
        var copy = self
        while copy.hasSuffix(" ") { copy.removeLast() }
        return copy
    }
}
