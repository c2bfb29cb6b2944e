import TerminalKit

/// Keys of the browse mode: move, open, back, switch panes; `/` search, `d` `t` `D` diagnosis, `?` help, `q` quit.
extension BrowserState {
    mutating func handleBrowseKey(_ key: Key) -> UpdateResult {
        switch key {
        case .character("q"), .control("c"): return .quit
        case .character("?"), .function(1): openHelp()
        case .character("/"): startSearch()
        case .character("d"): diagnoseSelected()
        case .character("t"): listTrees()
        case .character("D"): resumeDiagnosis()
        case .control("v"): toggleScope()
        case .tab: focus = focus.next
        case .backTab: focus = focus.previous
        case .up, .character("k"): move(by: -1)
        case .down, .character("j"): move(by: 1)
        case .pageUp: page(by: -1)
        case .pageDown: page(by: 1)
        case .home, .character("g"): moveToEnd(last: false)
        case .end, .character("G"): moveToEnd(last: true)
        case .enter, .right, .character("l"): open()
        case .escape, .left, .backspace, .character("h"): back()
        default: break
        }
        return .continue
    }

    /// Moves the selection of the focused pane (in the detail pane: to the next link, or scrolls).
    mutating func move(by delta: Int) {
        switch focus {
        case .sidebar:
            selectSidebarRow(sidebarCursor.index + delta)
        case .list:
            listCursor.move(by: delta, count: list.count, visible: layout.list.height)
            history.removeAll()
        case .detail:
            for _ in 0..<abs(delta) { if delta < 0 { detailUp() } else { detailDown() } }
        }
    }

    mutating func page(by direction: Int) {
        let rows = max(1, layout.rect(for: focus).height - 1)
        switch focus {
        case .sidebar, .list: move(by: direction * rows)
        case .detail: detailScroll(by: direction * rows)
        }
    }

    mutating func moveToEnd(last: Bool) {
        switch focus {
        case .sidebar: selectSidebarRow(last ? sidebar.rows.count - 1 : 0)
        case .list:
            listCursor.move(to: last ? list.count - 1 : 0, count: list.count, visible: layout.list.height)
            history.removeAll()
        case .detail: if last { detailToBottom() } else { detailToTop() }
        }
    }

    /// Enter: into the codes, into the detail, or follow the selected link.
    mutating func open() {
        switch focus {
        case .sidebar: focus = .list
        case .list: if selectedEntry != nil { focus = .detail }
        case .detail: openDetailLink()
        }
    }

    /// Back: to the code before a jump, out of search results, to the previous pane, to the vendor row.
    mutating func back() {
        switch focus {
        case .detail:
            if let previous = history.popLast() { restore(previous) } else { focus = .list }
        case .list:
            if isSearching { leaveSearchResults() } else { focus = .sidebar }
        case .sidebar:
            if isSearching {
                leaveSearchResults()
            } else if let row = sidebarRow, !row.isVendor, let vendorRow = sidebar.index(vendor: row.vendor, category: nil) {
                selectSidebarRow(vendorRow)
            }
        }
    }

    /// Clears the search and shows the selected result in its category.
    mutating func leaveSearchResults() {
        if let reference = selectedEntry?.reference {
            reveal(reference)
        } else {
            query = ""
            refreshList()
        }
        history.removeAll()
    }

    mutating func toggleScope() {
        scope = scope.toggled
        if isSearching { refreshList(selecting: mode == .search ? nil : selectedEntry?.reference) }
        let name = scope == .all ? "all vendors" : (selectedVendor?.name ?? "the selected vendor")
        if mode != .search { message = "Search scope: \(name)" }
    }
}
