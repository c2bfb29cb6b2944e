/// Drawing helpers on top of `put`: styled lines, boxes and centred text. Everything still goes through `put`,
/// so catalog text is sanitized on the way to the screen.
extension Buffer {
    /// Draws `line` from (x, y) in at most `width` columns, cut with `ellipsis` when longer. Returns the columns
    /// used.
    @discardableResult
    public mutating func draw(_ line: StyledLine, x: Int, y: Int, width: Int, ellipsis: String = "…") -> Int {
        guard width > 0 else { return 0 }
        let shown = line.width > width ? line.fitted(to: width, ellipsis: ellipsis) : line
        var column = 0
        for span in shown.spans where column < width {
            column += put(span.text, x: x + column, y: y, style: span.style, maxWidth: width - column)
        }
        return column
    }

    /// Draws a frame around `rect` (the frame's own cells are the rectangle's edge).
    public mutating func box(_ rect: Rect, glyphs: BoxGlyphs, style: Style = .plain) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let right = rect.x + rect.width - 1
        let bottom = rect.y + rect.height - 1
        for column in rect.x + 1..<right {
            self[column, rect.y] = Cell(glyphs.horizontal, style: style)
            self[column, bottom] = Cell(glyphs.horizontal, style: style)
        }
        for row in rect.y + 1..<bottom {
            self[rect.x, row] = Cell(glyphs.vertical, style: style)
            self[right, row] = Cell(glyphs.vertical, style: style)
        }
        self[rect.x, rect.y] = Cell(glyphs.topLeft, style: style)
        self[right, rect.y] = Cell(glyphs.topRight, style: style)
        self[rect.x, bottom] = Cell(glyphs.bottomLeft, style: style)
        self[right, bottom] = Cell(glyphs.bottomRight, style: style)
    }

    /// Draws `line` centred in a row of `width` columns starting at `x`.
    public mutating func drawCentered(_ line: StyledLine, x: Int, y: Int, width: Int, ellipsis: String = "…") {
        let offset = max(0, (width - line.width) / 2)
        draw(line, x: x + offset, y: y, width: width - offset, ellipsis: ellipsis)
    }
}
