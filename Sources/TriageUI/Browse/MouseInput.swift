import TerminalKit

/// The mouse, a bonus: a click selects (and focuses) a row or follows a link; the wheel scrolls the pane under it.
extension BrowseModel {
    /// A mouse event on the browse screen; a click on a tree link asks the shell to start it.
    mutating func handleMouse(_ event: MouseEvent) -> BrowseRequest? {
        if case .find = input { return nil }
        let layout = self.layout
        let panes = layout.visiblePanes(focus: focus)
        guard let pane = panes.first(where: { layout.rect(for: $0).contains(x: event.x, y: event.y) }) else { return nil }
        let rect = layout.rect(for: pane)
        let row = event.y - rect.y
        if isTypingSearch, pane != .list { return nil }
        switch event.kind {
        case .wheelUp, .wheelDown:
            let delta = event.kind == .wheelDown ? 3 : -3
            switch pane {
            case .sidebar: selectSidebarRow(sidebarCursor.index + delta)
            case .list: listCursor.move(by: delta, count: list.count, visible: rect.height)
            case .detail: inDetail { $0.page(delta) }
            }
        case .press:
            if !isTypingSearch {
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
                    return openDetailLink()
                }
            }
        }
        return nil
    }
}
