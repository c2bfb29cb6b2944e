import TerminalKit

/// The borders around the panes (shared between neighbours), with each pane's title on the top border and a
/// position note ("3/11") on the bottom border.
enum FrameView {
    struct Labels {
        var titles: [Pane: String] = [:]
        var footers: [Pane: String] = [:]
    }

    static func draw(into screen: inout Buffer, layout: BrowserLayout, focus: Pane, labels: Labels, glyphs: BoxGlyphs) {
        let panes = layout.visiblePanes(focus: focus)
        guard let first = panes.first, let last = panes.last else { return }
        let top = 0
        let bottom = layout.height - 2
        let left = layout.rect(for: first).x - 1
        let right = layout.rect(for: last).x + layout.rect(for: last).width
        screen.box(Rect(x: left, y: top, width: right - left + 1, height: bottom - top + 1), glyphs: glyphs,
                   style: Theme.border)
        for pane in panes.dropFirst() {
            let x = layout.rect(for: pane).x - 1
            for row in top + 1..<bottom { screen[x, row] = Cell(glyphs.vertical, style: Theme.border) }
            screen[x, top] = Cell(glyphs.teeDown, style: Theme.border)
            screen[x, bottom] = Cell(glyphs.teeUp, style: Theme.border)
        }
        for pane in panes {
            let rect = layout.rect(for: pane)
            let room = rect.width - 2
            guard room > 2 else { continue }
            if let title = labels.titles[pane] {
                let style = pane == focus ? Theme.focusedTitle : Theme.title
                screen.draw(StyledLine(" \(title) ", style), x: rect.x, y: top, width: room, ellipsis: glyphs.ellipsis)
            }
            if let footer = labels.footers[pane] {
                let text = " \(footer) "
                let width = min(DisplayWidth.of(text), room)
                screen.draw(StyledLine(text, Theme.dim), x: rect.x + rect.width - 1 - width, y: bottom, width: width,
                            ellipsis: glyphs.ellipsis)
            }
        }
    }
}
