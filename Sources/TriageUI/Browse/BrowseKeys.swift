import TerminalKit
import TriageCore

/// What a key does while browsing.
enum BrowseAction: Hashable, Sendable {
    case quit, help, search, diagnose, trees, resume, scope, nextPane, previousPane, explain, docs
    case up, down, pageUp, pageDown, first, last, open, back
    case sessions, copy, ticket
    /// `!`: flag the selected code for the catalog's authors, with a one-line note.
    case flag
    /// `/` `n` `N` with the focus on the detail (`BrowseModel.detailKeys`).
    case find, findNext, findPrevious
}

/// Keys of the browse mode: move, open, back, switch panes; `/` search, `d` `t` `D` diagnosis, `?` help, `q` quit.
extension BrowseModel {
    /// The browse mode's key table: dispatch, the help overlay's Move, Panes and Other sections, the hints.
    static let browseKeys = KeyMap<BrowseModel, BrowseAction>([
        .init("Move", [
            .init("Up Down  k j", "Move; in the detail, to the next link or line",
                  [([.up, .character("k")], .up), ([.down, .character("j")], .down)]),
            .init("PgUp PgDn", "Page up / down", [([.pageUp], .pageUp), ([.pageDown], .pageDown)]),
            .init("g G  Home End", "First / last", [([.home, .character("g")], .first), ([.end, .character("G")], .last)]),
        ]),
        .init("Panes", [
            .init("Tab  Shift-Tab", "Next / previous pane", [([.tab], .nextPane), ([.backTab], .previousPane)],
                  hints: [.init("Tab", "pane", order: 4, priority: 5)]),
            .init("Enter  l  Right", "Open: the codes, the detail, the selected link",
                  [([.enter, .right, .character("l")], .open)],
                  hints: [.init("Enter", order: 1, priority: 2) { state in
                      switch state.focus {
                      case .sidebar: return "codes"
                      case .list: return "detail"
                      case .detail: return "follow"
                      }
                  }]),
            .init("Esc  h  Left  Bksp", "Back: code before a jump, out of results, pane",
                  [([.escape, .left, .backspace, .character("h")], .back)],
                  hints: [.init("Esc", order: 0, priority: 0, escapeHint)]),
        ]),
        .init("Search", [
            .init("/", "Search the codes; every key re-ranks them", [([.character("/")], .search)],
                  hints: [.init("/", order: 3, priority: 4) { $0.focus == .detail ? nil : "search" }]),
            .init(nil, "Scope: all vendors or the selected one", [([.control("v")], .scope)]),
        ]),
        .init("Other", [
            .init("?  F1  q  Ctrl-C", "This help / quit (Ctrl-C also while typing)",
                  [([.character("?"), .function(1)], .help), ([.character("q"), .control("c")], .quit)],
                  hints: [.init("?", "help", order: 5, priority: 1), .init("q", "quit", order: 6, priority: 6)]),
            .init("d  t  D  e", "Diagnose / every tree / resume / explain a paste",
                  [([.character("d")], .diagnose), ([.character("t")], .trees), ([.character("D")], .resume),
                   ([.character("e")], .explain)],
                  hints: [.init("d", order: 2, priority: 3) { $0.selectedCodeHasTrees ? "diagnose" : nil },
                          .init("t", "trees", order: 2, priority: 4),
                          .init("D", order: 2, priority: 7) { $0.canResume ? "resume" : nil }]),
            .init("S  y  T  o  !", "Sessions / copy the code / ticket / docs / flag",
                  [([.character("S")], .sessions), ([.character("y")], .copy), ([.character("T")], .ticket),
                   ([.character("o")], .docs), ([.character("!")], .flag)]),
            .init("Mouse", "Click selects or follows a link; the wheel scrolls"),
        ]),
    ])

    /// The Esc hint: what Esc clears before it goes back.
    @Sendable private static func escapeHint(_ state: BrowseModel) -> String? {
        if state.focus == .detail, state.detailFind != nil { return "clear find" }
        return state.isSearching ? "clear search" : nil
    }

    mutating func handleBrowseKey(_ key: Key) -> BrowseOutcome {
        guard let action = activeBrowseKeys.action(for: key) else { return .stay }
        switch action {
        case .quit: return .quit
        case .docs: showDocs()
        case .help: return .help
        case .search: startSearch()
        case .diagnose:
            // As in the status line: a code is selected once the focus left the vendors pane (or in search results).
            guard focus != .sidebar || isSearching, let entry = selectedEntry else {
                message = "Select a code to diagnose; t lists every decision tree"
                return .stay
            }
            noteChoice(entry.reference)
            return .request(.diagnose(entry.reference))
        case .trees: return .request(.trees)
        case .resume: return .request(.resume)
        case .explain: return .request(.explain)
        case .scope: toggleScope()
        case .nextPane: focus = focus.next
        case .previousPane: focus = focus.previous
        case .up: move(by: -1)
        case .down: move(by: 1)
        case .pageUp: page(by: -1)
        case .pageDown: page(by: 1)
        case .first: moveToEnd(last: false)
        case .last: moveToEnd(last: true)
        case .open: if let request = open() { return .request(request) }
        case .back: back()
        case .sessions: return .request(.sessions)
        case .copy:
            guard let entry = selectedEntry, focus != .sidebar || isSearching else {
                message = "Select a code to copy"
                return .stay
            }
            return .request(.copy(entry.code))
        case .ticket: return .request(.ticket)
        case .flag:
            guard let entry = selectedEntry, focus != .sidebar || isSearching else {
                message = "Select a code to flag"
                return .stay
            }
            return .request(.flag(entry.reference))
        case .find: openFind()
        case .findNext: findAgain(forward: true)
        case .findPrevious: findAgain(forward: false)
        }
        return .stay
    }

    /// True when `d` would start a diagnosis: a code is selected (the focus left the vendors pane, or in search
    /// results) and a tree diagnoses it.
    var selectedCodeHasTrees: Bool {
        guard focus != .sidebar || isSearching, let entry = selectedEntry else { return false }
        return diagnosable.contains(entry.reference)
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
            inDetail { $0.move(by: delta) }
        }
    }

    mutating func page(by direction: Int) {
        let rows = max(1, layout.rect(for: focus).height - 1)
        switch focus {
        case .sidebar, .list: move(by: direction * rows)
        case .detail: inDetail { $0.page(direction * rows) }
        }
    }

    mutating func moveToEnd(last: Bool) {
        switch focus {
        case .sidebar: selectSidebarRow(last ? sidebar.rows.count - 1 : 0)
        case .list:
            listCursor.move(to: last ? list.count - 1 : 0, count: list.count, visible: layout.list.height)
            history.removeAll()
        case .detail: inDetail { $0.toEnd(last: last) }
        }
    }

    /// Enter: into the codes, into the detail, or follow the selected link (a tree link asks the shell).
    mutating func open() -> BrowseRequest? {
        switch focus {
        case .sidebar: focus = .list
        case .list:
            if let entry = selectedEntry {
                noteChoice(entry.reference)
                focus = .detail
            }
        case .detail: return openDetailLink()
        }
        return nil
    }

    /// Back: to the code before a jump, out of search results, to the previous pane, to the vendor row.
    mutating func back() {
        switch focus {
        case .detail:
            if detailFind != nil { detailFind = nil } else if let previous = history.popLast() { restore(previous) } else { focus = .list }
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
        if isSearching { refreshList(selecting: isTypingSearch ? nil : selectedEntry?.reference) }
        let name = scope == .all ? "all vendors" : (selectedVendor?.name ?? "the selected vendor")
        if !isTypingSearch { message = "Search scope: \(name)" }
    }
}
