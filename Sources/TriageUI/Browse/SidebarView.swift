import TerminalKit

/// The vendors pane: each vendor (bold) and its categories (indented), with code counts on the right.
enum SidebarView {
    static func draw(into screen: inout Buffer, state: BrowseModel, rect: Rect, focused: Bool, glyphs: BoxGlyphs) {
        let rows = state.sidebar.rows
        ListView.draw(into: &screen, rect: rect, cursor: state.sidebarCursor, count: rows.count, focused: focused,
                      textWidth: rect.width - 1, ellipsis: glyphs.ellipsis) { index, selected in
            let row = rows[index]
            let count = String(row.entries.count)
            let nameStyle = row.isVendor ? Theme.vendorRow : (row.entries.isEmpty ? Theme.dim : .plain)
            let indent = row.isVendor ? "" : "  "
            let nameWidth = rect.width - 2 - DisplayWidth.of(count) - 1  // marker, right padding
            var text = StyledLine(selected ? glyphs.marker : " ")
            text = text + StyledLine(indent + row.title, nameStyle).fitted(to: max(0, nameWidth), ellipsis: glyphs.ellipsis)
            text.append(" ")
            text.append(count, Theme.dim)
            return text
        }
    }

    static let title = "Vendors"
}
