import TerminalKit

/// The narrow layout's tab strip on the top border: every pane by name, the shown one highlighted with its
/// title ("Vendors · [User Linking (9)] · Detail"), so it is plain which pane is shown and that Tab reaches the
/// others. When the strip does not fit, the shown pane's title gives way to its name.
enum PaneTabs {
    static func names(_ pane: Pane) -> String {
        switch pane {
        case .sidebar: return "Vendors"
        case .list: return "Codes"
        case .detail: return "Detail"
        }
    }

    /// The strip for `focus`, `title` being the shown pane's own title, in `room` columns.
    static func strip(focus: Pane, title: String, room: Int, glyphs: BoxGlyphs) -> StyledLine {
        for full in [true, false] {
            var line = StyledLine()
            for (index, pane) in Pane.allCases.enumerated() {
                if index > 0 { line.append(" \(glyphs.dot) ", Theme.border) }
                if pane == focus {
                    let named = full && title != names(pane) ? "\(names(pane)): \(title)" : names(pane)
                    line.append(named, Theme.focusedTitle)
                } else {
                    line.append(names(pane), Theme.dim)
                }
            }
            if line.width <= room || !full { return line }
        }
        return StyledLine()
    }

    /// Draws the strip over the top border of the narrow layout's one pane.
    static func draw(into screen: inout Buffer, layout: BrowserLayout, focus: Pane, title: String, glyphs: BoxGlyphs) {
        let pane = layout.rect(for: focus)
        let room = pane.width - 2
        guard room > 2 else { return }
        let strip = strip(focus: focus, title: title, room: room, glyphs: glyphs)
        screen.draw(StyledLine(" ", Theme.border) + strip + StyledLine(" ", Theme.border), x: pane.x, y: 0,
                    width: room + 2, ellipsis: glyphs.ellipsis)
    }
}
