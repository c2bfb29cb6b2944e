import TerminalKit

/// The mouse, a bonus: a click selects (and focuses) a row or follows a link; the wheel scrolls the pane under it.
extension BrowserState {
    mutating func handleMouse(_ event: MouseEvent) {
        switch mode {
        case .help:
            if event.kind == .press { closeHelp() } else { scrollHelp { $0.page(event.kind == .wheelDown ? 3 : -3) } }
            return
        case .trees, .diagnosis, .explain, .find, .sessions, .prompt:
            return
        case .search, .browse:
            break
        }
        let layout = self.layout
        let panes = layout.visiblePanes(focus: focus)
        guard let pane = panes.first(where: { layout.rect(for: $0).contains(x: event.x, y: event.y) }) else { return }
        let rect = layout.rect(for: pane)
        let row = event.y - rect.y
        if mode == .search, pane != .list { return }
        switch event.kind {
        case .wheelUp, .wheelDown:
            let delta = event.kind == .wheelDown ? 3 : -3
            switch pane {
            case .sidebar: selectSidebarRow(sidebarCursor.index + delta)
            case .list: listCursor.move(by: delta, count: list.count, visible: rect.height)
            case .detail: inDetail { $0.page(delta) }
            }
        case .press:
            if mode == .browse {
                focus = pane
                settleDetail()
            }
            switch pane {
            case .sidebar:
                let index = sidebarCursor.scroll + row
                if sidebar.rows.indices.contains(index) { selectSidebarRow(index) }
            case .list:
                let index = listCursor.scroll + row
                if list.indices.contains(index) {
                    listCursor.move(to: index, count: list.count, visible: rect.height)
                    history.removeAll()
                }
            case .detail:
                let document = detailDocument()
                let line = detailPane.scroll + row
                if let link = document.region(atLine: line) {
                    detailPane.selection = link
                    openDetailLink()
                }
            }
        }
    }
}
