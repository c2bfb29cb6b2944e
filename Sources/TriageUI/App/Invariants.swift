import TerminalKit

/// Self-checks for tests: the selection always points at a real entry, and the panes agree with each other.
extension BrowseModel {
    /// Every broken rule, as readable sentences; empty when the state is consistent. `deep` also recomputes the
    /// search results and the detail document (slower).
    public func invariantViolations(deep: Bool = true) -> [String] {
        var problems: [String] = []
        if let bad = list.first(where: { !catalog.entries.indices.contains($0) }) {
            problems.append("the codes pane lists entry \(bad), which does not exist")
        }
        if list.isEmpty {
            if selectedEntry != nil { problems.append("an empty codes pane has a selection") }
        } else {
            if !list.indices.contains(listCursor.index) {
                problems.append("selection \(listCursor.index) is outside the \(list.count) codes listed")
            } else if let entry = selectedEntry, catalog.entry(entry.reference) != entry {
                problems.append("the selected entry \(entry.reference) is not the catalog's")
            }
            let visible = max(1, layout.list.height)
            if listCursor.index < listCursor.scroll || listCursor.index >= listCursor.scroll + visible {
                problems.append("the selected code (row \(listCursor.index), scroll \(listCursor.scroll)) is off screen")
            }
        }
        if sidebar.rows.isEmpty {
            if !list.isEmpty { problems.append("codes are listed without any vendor") }
        } else if !sidebar.rows.indices.contains(sidebarCursor.index) {
            problems.append("vendors-pane selection \(sidebarCursor.index) is outside its \(sidebar.rows.count) rows")
        }
        if !isSearching, list != (sidebarRow?.entries ?? []) {
            problems.append("the codes pane does not list the codes of the selected vendor or category")
        }
        if listTotal != (isSearching ? max(list.count, listTotal) : list.count) || list.count > listTotal {
            problems.append("the codes pane says \(listTotal) codes but lists \(list.count)")
        }
        if deep, isSearching, list != computeList().list {
            problems.append("the codes pane does not list the results of \"\(query)\"")
        }
        if isTypingSearch, focus != .list { problems.append("search is typed with the focus off the codes pane") }
        if case .find = input, focus != .detail { problems.append("a find is typed with the focus off the detail pane") }
        if detailShown != detailContent { problems.append("the detail scroll belongs to other content") }
        if deep, let link = detailPane.selection {
            let document = detailDocument()
            if !document.regions.indices.contains(link) { problems.append("detail link \(link) does not exist") }
        }
        for place in history where place.selected.map({ catalog.entry($0) == nil }) ?? false {
            problems.append("history points at a missing code")
        }
        return problems
    }
}

/// The shell's self-checks: the browse screen's, then its own.
extension BrowserState {
    /// Every broken rule, as readable sentences; empty when the state is consistent. `deep` also recomputes the
    /// search results and the detail document (slower).
    public func invariantViolations(deep: Bool = true) -> [String] {
        var problems = browse.invariantViolations(deep: deep)
        if showsDiagnosis, kept != nil { problems.append("a diagnosis is shown while another one is kept") }
        if case let .help(_, over) = active, case .help = over { problems.append("a help over a help") }
        if case .browse = active {} else if browse.input != .panes {
            problems.append("the browse screen types a search or find under another screen")
        }
        if let diagnosis { problems += diagnosis.invariantViolations(deep: deep).map { "diagnosis: " + $0 } }
        return problems
    }
}
