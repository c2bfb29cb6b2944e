import TerminalKit
import TriageCore

/// Keys while typing a search: printable keys are text (so `q`, `j`, `k` too), arrows move in the results.
extension BrowserState {
    /// The longest query kept; more typing is ignored.
    static let maximumQueryLength = 200

    mutating func startSearch() {
        searchOrigin = location
        mode = .search
        focus = .list
        history.removeAll()
    }

    mutating func handleSearchKey(_ key: Key) -> UpdateResult {
        switch key {
        case .control("c"): return .quit
        case let .character(character):
            guard !character.unicodeScalars.contains(where: TerminalSafe.isUnsafe), character != "\n", character != "\t",
                  query.count < Self.maximumQueryLength else { break }
            query.append(character)
            refreshList()
        case .backspace:
            if !query.isEmpty {
                query.removeLast()
                refreshList()
            }
        case .control("u"):
            query = ""
            refreshList()
        case .control("w"):
            deleteLastWord()
            refreshList()
        case .tab, .backTab, .control("v"): toggleScope()
        case .up: listCursor.move(by: -1, count: list.count, visible: layout.list.height)
        case .down: listCursor.move(by: 1, count: list.count, visible: layout.list.height)
        case .pageUp: listCursor.move(by: -max(1, layout.list.height - 1), count: list.count, visible: layout.list.height)
        case .pageDown: listCursor.move(by: max(1, layout.list.height - 1), count: list.count, visible: layout.list.height)
        case .enter: acceptSearch()
        case .escape: cancelSearch()
        default: break
        }
        return .continue
    }

    /// Enter: keep the results and move into them. With nothing to search for, back to browsing.
    mutating func acceptSearch() {
        mode = .browse
        focus = .list
        if !isSearching {
            let selected = selectedEntry?.reference ?? searchOrigin?.selected
            query = ""
            refreshList(selecting: selected)
        }
        searchOrigin = nil
    }

    /// Esc: forget the query and go back to where search started.
    mutating func cancelSearch() {
        mode = .browse
        if let origin = searchOrigin { restore(origin) } else { query = ""; refreshList() }
        searchOrigin = nil
    }

    private mutating func deleteLastWord() {
        while query.last == " " { query.removeLast() }
        while let last = query.last, last != " " { query.removeLast() }
    }
}
