import TerminalKit
import TriageCore

/// Where the browse screen starts (options, remembered state) and what it remembers when it stops.
extension BrowseModel {
    mutating func start(with options: BrowserOptions) {
        learnsSearches = options.searchMemory != nil || options.loadSearchMemory != nil
        if let given = options.searchMemory { lazySearcher.memory = given } else { lazySearcher.loadMemory = options.loadSearchMemory }
        var memory = options.memory
        var selected: CodeReference?
        if let vendor = options.vendor, catalog.vendor(id: vendor) != nil {
            if memory?.vendor != vendor { memory = nil }
            sidebarCursor.index = sidebar.index(vendor: vendor, category: nil) ?? 0
        }
        if let memory {
            if let vendor = memory.vendor, catalog.vendor(id: vendor) != nil {
                sidebarCursor.index = sidebar.index(vendor: vendor, category: memory.category)
                    ?? sidebar.index(vendor: vendor, category: nil) ?? 0
                selected = memory.code.map { CodeReference(vendor: vendor, code: $0) }
            }
            scope = memory.scope ?? .all
            focus = memory.focus ?? (selected == nil ? .sidebar : .list)
        }
        if let text = options.query, SearchQuery.hasWords(text) {
            query = String(text.prefix(Self.maximumQueryLength))
            if options.vendor.flatMap(catalog.vendor(id:)) != nil { scope = .vendor }
            focus = .list
            selected = nil
        }
        sidebarCursor.settle(count: sidebar.rows.count, visible: layout.sidebar.height)
        refreshList(selecting: selected)
        detailShown = detailContent
        searchHistory = SearchHistory(options.memory?.searches ?? [])
    }

    /// What to restore next time: the selected code in its vendor and category (a search result is remembered
    /// in its own category), the scope and the focused pane.
    public var memory: BrowserMemory {
        var memory: BrowserMemory
        if isSearching, let entry = selectedEntry {
            memory = BrowserMemory(vendor: entry.vendor, category: entry.category, code: entry.code, scope: scope,
                                   focus: focus)
        } else {
            memory = BrowserMemory(vendor: sidebarRow?.vendor, category: sidebarRow?.category,
                                   code: selectedEntry?.code, scope: scope, focus: focus)
        }
        memory.searches = searchHistory.queries.isEmpty ? nil : searchHistory.queries
        return memory
    }
}
