import TerminalKit

/// The vendors pane: each vendor (bold) and its categories (indented), with code counts on the right.
enum SidebarView {
    static func draw(into screen: inout Buffer, state: BrowserState, rect: Rect, focused: Bool, glyphs: BoxGlyphs) {
        let rows = state.sidebar.rows
        for line in 0..<rect.height {
            let index = state.sidebarCursor.scroll + line
            guard rows.indices.contains(index) else { break }
            let row = rows[index]
            let selected = index == state.sidebarCursor.index
            let count = String(row.entries.count)
            let nameStyle = row.isVendor ? Theme.vendorRow : (row.entries.isEmpty ? Theme.dim : .plain)
            let indent = row.isVendor ? "" : "  "
            let nameWidth = rect.width - 2 - DisplayWidth.of(count) - 1  // marker, right padding
            var text = StyledLine(selected ? glyphs.marker : " ")
            text = text + StyledLine(indent + row.title, nameStyle).fitted(to: max(0, nameWidth), ellipsis: glyphs.ellipsis)
            text.append(" ")
            text.append(count, Theme.dim)
            screen.draw(text, x: rect.x, y: rect.y + line, width: rect.width - 1, ellipsis: glyphs.ellipsis)
            if selected, focused {
                screen.restyle(x: rect.x, y: rect.y + line, width: rect.width) { $0.reverse = true; $0.dim = false }
            }
        }
    }

    static let title = "Vendors"
}
