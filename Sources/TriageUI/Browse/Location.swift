import TerminalKit
import TriageCore

/// A place in the browser to come back to: Back after following a related code, Esc when search is cancelled.
struct Location: Hashable, Sendable {
    var sidebarIndex: Int
    var query: String
    var scope: SearchScope
    var focus: Pane
    var selected: CodeReference?
    var listScroll: Int
    var detailPane: ScrollState
}

extension BrowseModel {
    /// Where the browser is now.
    var location: Location {
        Location(sidebarIndex: sidebarCursor.index, query: query, scope: scope, focus: focus,
                 selected: selectedEntry?.reference, listScroll: listCursor.scroll, detailPane: detailPane)
    }

    /// Goes back to `location` (the catalog may list other codes by now; the selection falls back to the first).
    mutating func restore(_ location: Location) {
        sidebarCursor.index = location.sidebarIndex
        sidebarCursor.settle(count: sidebar.rows.count, visible: layout.sidebar.height)
        query = location.query
        scope = location.scope
        focus = location.focus
        refreshList(selecting: location.selected)
        listCursor.scroll = location.listScroll
        listCursor.settle(count: list.count, visible: layout.list.height)
        detailShown = detailContent
        detailPane = location.detailPane
    }

    /// Selects a vendors-pane row and lists its codes (search results stay, re-scoped if scoped to the vendor).
    mutating func selectSidebarRow(_ index: Int) {
        let before = sidebarRow
        sidebarCursor.move(to: index, count: sidebar.rows.count, visible: layout.sidebar.height)
        guard sidebarRow != before else { return }
        if !isSearching || (scope == .vendor && sidebarRow?.vendor != before?.vendor) { refreshList() }
        history.removeAll()
    }

    /// Shows `reference` in its category, leaving any search, and selects it.
    mutating func reveal(_ reference: CodeReference) {
        guard let entry = catalog.entry(reference) else { return }
        query = ""
        let row = sidebar.index(vendor: entry.vendor, category: entry.category)
            ?? sidebar.index(vendor: entry.vendor, category: nil) ?? sidebarCursor.index
        sidebarCursor.move(to: row, count: sidebar.rows.count, visible: layout.sidebar.height)
        refreshList(selecting: reference)
    }

    /// Follows a related code from the detail pane; Back returns here.
    /// Starts on `code`'s detail (a diagnosis started from the command line has the browser on its code).
    mutating func show(_ code: CodeReference) {
        reveal(code)
        focus = .detail
        detailShown = detailContent
    }

    mutating func follow(_ reference: CodeReference) {
        guard catalog.entry(reference) != nil else { return }
        history.append(location)
        if history.count > 100 { history.removeFirst() }
        reveal(reference)
        focus = .detail
        detailShown = detailContent
        detailPane = ScrollState()
    }
}
