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
            Frame.verticalDivider(column: layout.rect(for: pane).x - 1, top: top, bottom: bottom, glyphs: glyphs,
                                  style: Theme.border, into: &screen)
        }
        for pane in panes {
            let rect = layout.rect(for: pane)
            if let title = labels.titles[pane] {
                Frame.title(title, style: pane == focus ? Theme.focusedTitle : Theme.title, pane: rect, row: top,
                            glyphs: glyphs, into: &screen)
            }
            if let footer = labels.footers[pane] {
                Frame.footer(footer, style: Theme.dim, pane: rect, row: bottom, glyphs: glyphs, into: &screen)
            }
        }
    }
}
