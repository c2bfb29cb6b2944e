/// A run of text in one style.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// One line of styled text. Its width is measured on the text as the screen will show it (control characters
/// made visible), so truncation and padding line up with what `Buffer.put` draws.
public struct StyledLine: Hashable, Sendable {
    public var spans: [Span]

    public init(_ spans: [Span] = []) {
        self.spans = spans
    }

    public init(_ text: String, _ style: Style = .plain) {
        spans = [Span(text, style)]
    }

    /// The text without styles.
    public var plain: String { spans.map(\.text).joined() }

    /// Columns the line takes on screen.
    public var width: Int {
        spans.reduce(0) { $0 + DisplayWidth.of(TerminalSafe.sanitize($1.text, keepNewlines: false)) }
    }

    public static func + (lhs: StyledLine, rhs: StyledLine) -> StyledLine { StyledLine(lhs.spans + rhs.spans) }

    public mutating func append(_ text: String, _ style: Style = .plain) { spans.append(Span(text, style)) }

    /// Exactly `width` columns: cut with `ellipsis` when longer, padded with spaces in `padStyle` when shorter.
    public func fitted(to width: Int, ellipsis: String, padStyle: Style = .plain) -> StyledLine {
        guard width > 0 else { return StyledLine() }
        let total = self.width
        if total <= width {
            var result = self
            if total < width { result.append(String(repeating: " ", count: width - total), padStyle) }
            return result
        }
        let mark = DisplayWidth.of(ellipsis) <= width ? ellipsis : ""
        let room = width - DisplayWidth.of(mark)
        var result = StyledLine()
        var used = 0
        var lastStyle = spans.first?.style ?? padStyle
        outer: for span in spans {
            var piece = ""
            for character in TerminalSafe.sanitize(span.text, keepNewlines: false) {
                let columns = DisplayWidth.of(character)
                if used + columns > room {
                    if !piece.isEmpty { result.append(piece, span.style) }
                    lastStyle = span.style
                    break outer
                }
                piece.append(character)
                used += columns
            }
            if !piece.isEmpty { result.append(piece, span.style) }
            lastStyle = span.style
        }
        if used < room { result.append(String(repeating: " ", count: room - used), lastStyle) }
        if !mark.isEmpty { result.append(mark, lastStyle) }
        return result
    }

    /// `text` in `base` style with the character ranges `highlights` (offsets in `Character`s) in `highlight`.
    public static func highlighted(_ text: String, _ highlights: [Range<Int>], base: Style,
                                   highlight: Style) -> StyledLine {
        guard !highlights.isEmpty else { return StyledLine(text, base) }
        let characters = Array(text)
        var marked = [Bool](repeating: false, count: characters.count)
        for range in highlights {
            for offset in max(0, range.lowerBound)..<min(characters.count, max(range.lowerBound, range.upperBound)) {
                marked[offset] = true
            }
        }
        var line = StyledLine()
        var start = 0
        while start < characters.count {
            var end = start
            while end < characters.count, marked[end] == marked[start] { end += 1 }
            line.append(String(characters[start..<end]), marked[start] ? highlight : base)
            start = end
        }
        return line
    }
}
