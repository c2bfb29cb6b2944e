import TerminalKit
import TriageCore

/// What a key does at the search prompt.
enum SearchAction: Hashable, Sendable {
    case quit, edit, scope, up, down, pageUp, pageDown, accept, cancel
}

/// Keys while typing a search: printable keys are text (so `q`, `j`, `k` too), arrows move in the results.
extension BrowseModel {
    /// The longest query kept; more typing is ignored.
    static let maximumQueryLength = 200

    /// `/`: a new, empty query (Esc goes back to what was shown, ↑ recalls earlier queries).
    mutating func startSearch() {
        input = .search(origin: location)
        if !query.isEmpty {
            query = ""
            refreshList()
        }
        queryCursor = Int.max
        searchHistory.stopBrowsing()
        focus = .list
        history.removeAll()
    }

    /// The search prompt reopened on `query` with its cursor at `cursor`, answered by this model's catalog; Esc
    /// goes back to where the model was before (a catalog swapped in while a search was typed).
    mutating func resumeSearch(query text: String, cursor: Int) {
        startSearch()
        query = text
        queryCursor = cursor
        refreshList()
    }

    /// The search prompt's key table (the help overlay's Search section, after the browse mode's `/`). Printable
    /// keys are not in it: they are text.
    static let searchKeys = KeyMap<BrowseModel, SearchAction>([
        .init("Search", [
            .init("Up Down PgUp PgDn", "Move in the results (typed q j k are text)",
                  [([.up], .up), ([.down], .down), ([.pageUp], .pageUp), ([.pageDown], .pageDown)]),
            .init("Enter  Esc", "Accept: move into the results / cancel the search",
                  [([.enter], .accept), ([.escape], .cancel)],
                  hints: [.init("Enter", "accept", order: 2, priority: 2), .init("Esc", "cancel", order: 3, priority: 3)]),
            .init("Ctrl-U  Ctrl-W", "Clear / delete a word; Left Right Home End move",
                  [([.control("u"), .control("w"), .backspace, .left, .right, .home, .end, .delete, .control("a"),
                     .control("e")], .edit)]),
            .init("Tab  Ctrl-V", "Scope: all vendors or the selected one", [([.tab, .backTab, .control("v")], .scope)],
                  hints: [.init("Tab", "scope", order: 1, priority: 1)]),
            .init(nil, "Quit", [([.control("c")], .quit)]),
        ]),
    ])

    mutating func handleSearchKey(_ key: Key) -> BrowseOutcome {
        guard let action = Self.searchKeys.action(for: key) else {
            if case .character = key { edit(key) } else if TextField.movesCursor(key) { edit(key) }
            return .stay
        }
        let rows = layout.list.height
        switch action {
        case .quit: return .quit
        case .edit: edit(key)
        case .scope: toggleScope()
        case .up:
            if query.isEmpty || searchHistory.isBrowsing { recallSearch(older: true) }
            else { listCursor.move(by: -1, count: list.count, visible: rows) }
        case .down:
            if searchHistory.isBrowsing { recallSearch(older: false) }
            else { listCursor.move(by: 1, count: list.count, visible: rows) }
        case .pageUp: listCursor.move(by: -max(1, rows - 1), count: list.count, visible: rows)
        case .pageDown: listCursor.move(by: max(1, rows - 1), count: list.count, visible: rows)
        case .accept: acceptSearch()
        case .cancel: cancelSearch()
        }
        return .stay
    }

    /// Typing in the query (the `TextField` rules); the results follow every change.
    private mutating func edit(_ key: Key) {
        searchHistory.stopBrowsing()
        var field = queryField
        guard field.edit(key) else { return }
        queryCursor = field.cursor
        guard field.text != query else { return }
        query = field.text
        refreshList()
    }

    /// The query as a field, its cursor where the last edit left it (at the end after the query was replaced).
    var queryField: TextField {
        var field = TextField(query, limit: Self.maximumQueryLength)
        field.cursor = queryCursor
        return field
    }

    /// Enter: keep the results and move into them. With nothing to search for, back to browsing.
    mutating func acceptSearch() {
        let origin = searchOrigin
        input = .panes
        focus = .list
        let before = searchHistory.queries
        searchHistory.record(query)
        // Saved now, not only on the way out: a crash or kill -9 keeps the history.
        if searchHistory.queries != before { memoryChanged = true }
        if !isSearching {
            let selected = selectedEntry?.reference ?? origin?.selected
            query = ""
            refreshList(selecting: selected)
        }
    }

    /// Esc: forget the query and go back to where search started.
    mutating func cancelSearch() {
        let origin = searchOrigin
        input = .panes
        if let origin { restore(origin) } else { query = ""; refreshList() }
    }

}
