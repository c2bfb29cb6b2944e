/// A box drawn over whatever is under it: cleared, bordered, a title in its top border and a footer in its
/// bottom one (the tree list, the help, the paste box). Returns the rectangle inside the border.
public enum Modal {
    @discardableResult
    public static func draw(into screen: inout Buffer, frame: Rect, title: String, titleStyle: Style,
                            footer: String? = nil, footerStyle: Style = Style(), border: Style, glyphs: BoxGlyphs,
                            titleInset: Int = 1) -> Rect {
        screen.fill(x: frame.x, y: frame.y, width: frame.width, height: frame.height)
        screen.box(frame, glyphs: glyphs, style: border)
        let inside = Rect(x: frame.x + 1, y: frame.y + 1, width: max(0, frame.width - 2), height: max(0, frame.height - 2))
        Frame.title(title, style: titleStyle, pane: inside, row: frame.y, inset: titleInset, glyphs: glyphs, into: &screen)
        if let footer {
            Frame.footer(footer, style: footerStyle, pane: inside, row: frame.y + frame.height - 1, glyphs: glyphs,
                         into: &screen)
        }
        return inside
    }
}
