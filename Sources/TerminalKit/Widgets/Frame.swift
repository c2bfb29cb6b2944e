/// Borders, dividers, pane titles and footers: everything drawn on the lines around and between panes.
/// Pane rectangles are the content inside the borders; a title sits on the border row above a pane, a footer
/// on the row below, both inset by one column and clipped to the pane.
public enum Frame {
    /// A column of `glyphs.vertical` between the border rows `top` and `bottom`, with tees where it meets them.
    public static func verticalDivider(column: Int, top: Int, bottom: Int, glyphs: BoxGlyphs, style: Style,
                                       into buffer: inout Buffer) {
        for row in top + 1..<max(top + 1, bottom) { buffer[column, row] = Cell(glyphs.vertical, style: style) }
        buffer[column, top] = Cell(glyphs.teeDown, style: style)
        buffer[column, bottom] = Cell(glyphs.teeUp, style: style)
    }

    /// A row of `glyphs.horizontal` across a box from `x` to `x + width - 1`, with tees on the box's edges.
    public static func horizontalDivider(row: Int, x: Int, width: Int, glyphs: BoxGlyphs, style: Style,
                                         into buffer: inout Buffer) {
        guard width >= 2 else { return }
        for column in x + 1..<x + width - 1 { buffer[column, row] = Cell(glyphs.horizontal, style: style) }
        buffer[x, row] = Cell(glyphs.teeRight, style: style)
        buffer[x + width - 1, row] = Cell(glyphs.teeLeft, style: style)
    }

    /// " title " on `row` from the pane's left edge (`inset` columns further in: a box over other panes).
    public static func title(_ title: String, style: Style, pane: Rect, row: Int, inset: Int = 0, glyphs: BoxGlyphs,
                             into buffer: inout Buffer) {
        let room = pane.width - 2
        guard room > 2 else { return }
        buffer.draw(StyledLine(" \(title) ", style), x: pane.x + inset, y: row, width: room, ellipsis: glyphs.ellipsis)
    }

    /// " footer " on `row`, ending one column before the pane's right edge.
    public static func footer(_ footer: String, style: Style, pane: Rect, row: Int, glyphs: BoxGlyphs,
                              into buffer: inout Buffer) {
        let room = pane.width - 2
        guard room > 2 else { return }
        let text = " \(footer) "
        let width = min(DisplayWidth.of(text), room)
        buffer.draw(StyledLine(text, style), x: pane.x + pane.width - 1 - width, y: row, width: width,
                    ellipsis: glyphs.ellipsis)
    }

    /// "first-last/total" when a text of `lines` lines is longer than the pane's `height`, else nil.
    public static func position(scroll: Int, lines: Int, height: Int) -> String? {
        guard height > 0, lines > height else { return nil }
        return "\(scroll + 1)-\(min(lines, scroll + height))/\(lines)"
    }
}
