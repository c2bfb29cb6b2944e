/// A scrolling list in a rectangle, driven by a `ListCursor`: the rows from the cursor's scroll offset, one per
/// line, the selected one reversed while the list has the focus (the Bubbles `list` / ratatui `List` widget).
/// The caller makes each row's text (its marker column included); only the rows on screen are asked for, so a
/// frame costs the same for ten rows or a hundred thousand.
///
/// ```swift
/// ListView.draw(into: &buffer, rect: rect, cursor: cursor, count: names.count, focused: true, ellipsis: "…") { index, selected in
///     StyledLine((selected ? "▸" : " ") + names[index])
/// }
/// ```
public enum ListView {
    /// Draws the rows; `textWidth` columns of each (the rect's width by default) take the text, and the whole
    /// row width is reversed for the selected row when `focused`.
    public static func draw(into screen: inout Buffer, rect: Rect, cursor: ListCursor, count: Int, focused: Bool,
                            textWidth: Int? = nil, ellipsis: String,
                            row: (_ index: Int, _ selected: Bool) -> StyledLine) {
        let width = textWidth ?? rect.width
        for line in 0..<max(0, rect.height) {
            let index = cursor.scroll + line
            guard index >= 0, index < count else { break }
            let selected = index == cursor.index
            screen.draw(row(index, selected), x: rect.x, y: rect.y + line, width: width, ellipsis: ellipsis)
            if selected, focused {
                screen.restyle(x: rect.x, y: rect.y + line, width: rect.width) { $0.reverse = true; $0.dim = false }
            }
        }
    }
}
