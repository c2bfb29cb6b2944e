/// Word wrapping into styled lines, on top of `WordWrap`: a prefix in its own style (a step number, a bullet,
/// "Note: ") starts the first line and its width in spaces indents the others.
extension WordWrap {
    public static func styled(_ text: String, width: Int, style: Style = .plain, prefix: String = "",
                       prefixStyle: Style? = nil, indent: String? = nil) -> [StyledLine] {
        let indent = indent ?? String(repeating: " ", count: DisplayWidth.of(prefix))
        return lines(text, width: width, firstPrefix: prefix, restPrefix: indent).enumerated().map { number, piece in
            let head = number == 0 ? prefix : indent
            return StyledLine(head, number == 0 ? (prefixStyle ?? style) : style)
                + StyledLine(String(piece.dropFirst(head.count)), style)
        }
    }
}

extension StyledLine {
    /// At most `width` columns: cut with the ellipsis when longer, unchanged when it fits.
    public func cut(to width: Int, glyphs: BoxGlyphs) -> StyledLine {
        self.width <= width ? self : fitted(to: width, ellipsis: glyphs.ellipsis)
    }
}
