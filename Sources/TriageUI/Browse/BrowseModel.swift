import Foundation
import TerminalKit
import TriageCore

/// The browse screen as plain values: vendors | codes | detail, which pane has the focus, what each pane selects
/// and how far it is scrolled, the search query and scope, the find in the detail, the status note. It is the
/// screen every other one is shown over, so the shell (`BrowserState`) keeps it for the whole run; `handle(_:)`
/// changes it and asks the shell for the rest (`BrowseRequest`).
///
/// Invariant: the codes pane lists exactly the entries of the vendors-pane row (or the search results), and the
/// selection is always one of them (or nothing when the list is empty). `invariantViolations()` checks it.
public struct BrowseModel {
    public let catalog: Catalog
    /// Kept across keystrokes: it caches the matches of each query word.
    /// Built on the first search, so the first frame does not wait for the index.
    let lazySearcher: LazySearcher
    var searcher: Searcher { lazySearcher.value }
    let sidebar: Sidebar
    /// How wide each vendors-pane row's longest code is (the layout gives the codes pane that room).
    let codeWidths: CodeWidths
    /// The codes some decision tree diagnoses, found once (the `d diagnose` hint asks on every frame).
    let diagnosable: Set<CodeReference>
    let documents = LayoutCache<DetailDocumentKey, DetailDocument>()

    /// The terminal size from the last resize event.
    public internal(set) var width = 80
    public internal(set) var height = 24
    /// Where the keys go: the panes, the search prompt or the find field.
    var input: BrowseInput = .panes
    public internal(set) var focus: Pane = .sidebar
    /// The search query; when it has words, the codes pane shows search results instead of the vendors-pane row.
    public internal(set) var query = ""
    /// Where the search prompt's cursor is (characters before it); past the end means at the end.
    var queryCursor = Int.max
    /// Earlier accepted queries (↑ in an empty query), kept in the state file.
    var searchHistory = SearchHistory()
    public internal(set) var scope: SearchScope = .all
    /// Indices into `catalog.entries` shown in the codes pane, in display order. Search results come a page at
    /// a time (`searchLimit`), so a keystroke in a big catalog never ranks every hit.
    public internal(set) var list: [Int] = []
    /// How many codes the codes pane lists in all: `list.count`, or every search hit while only some are ranked.
    public internal(set) var listTotal = 0
    /// How many search hits `list` holds at most; grows as the selection nears its end.
    var searchLimit = BrowseModel.searchPage
    /// Search hits ranked at first: several screenfuls.
    static let searchPage = 256

    var sidebarCursor = ListCursor()
    var listCursor = ListCursor()
    /// The detail's scroll and selected link (a related code or a tree).
    var detailPane = ScrollState()
    /// The text found in the detail (`/` there, then `n` `N`): its pattern and current match; nil when none.
    var detailFind: DocumentFind?
    /// What the detail pane showed when `detailPane` was set; a change resets it (and the find).
    var detailShown: DetailContent = .nothing
    /// Locations to go back to after following related codes.
    var history: [Location] = []
    /// A one-off note for the status line, cleared by the next key.
    public internal(set) var message: String?
    /// The docs URL the message shows (`o`), drawn as a hyperlink; cleared with the message.
    var docsLink: String?
    /// True when the shell keeps a diagnosis `D` resumes (the `D resume` hint).
    var canResume = false
    /// Something the memory keeps changed (a query went into the search history): the program saves it at once.
    var memoryChanged = false
    /// Whether a code opened or diagnosed from search results is remembered for similar queries (`SearchMemory`).
    var learnsSearches = false
    /// Pairings to remember, taken by the program as `rememberSearch` effects.
    var pendingChoices: [SearchMemory.Pairing] = []
    /// Search results lifted because they were chosen before after a similar query ("chosen before").
    var learnedEntries: Set<Int> = []
    /// Exact hits listed from outside the scope (a scope never hides a whole code or message).
    var outsideScope: [Int] = []

    init(catalog: Catalog, makeSearchIndex: (@Sendable (Catalog) -> SearchIndex)? = nil) {
        self.catalog = catalog
        lazySearcher = LazySearcher(catalog: catalog, makeIndex: makeSearchIndex)
        sidebar = Sidebar(catalog: catalog)
        codeWidths = CodeWidths(catalog: catalog, sidebar: sidebar)
        // Stored in a compiled catalog: no tree and no entry decoded.
        diagnosable = catalog.diagnosableCodes
        list = sidebar.rows.first?.entries ?? []
        listTotal = list.count
    }

    // MARK: - What is selected

    /// The selected vendors-pane row, if the catalog has any vendor.
    var sidebarRow: Sidebar.Row? {
        sidebar.rows.indices.contains(sidebarCursor.index) ? sidebar.rows[sidebarCursor.index] : nil
    }

    /// The vendor selected in the vendors pane.
    public var selectedVendor: Vendor? { sidebarRow.flatMap { catalog.vendor(id: $0.vendor) } }

    /// The category selected in the vendors pane, nil when a vendor row is selected.
    public var selectedCategory: Category? {
        guard let row = sidebarRow, let id = row.category else { return nil }
        return catalog.vendor(id: row.vendor)?.category(id: id)
    }

    /// Index into `catalog.entries` of the selected code.
    public var selectedIndex: Int? { list.indices.contains(listCursor.index) ? list[listCursor.index] : nil }

    /// The selected code in the codes pane; nil only when the pane is empty.
    public var selectedEntry: CatalogEntry? { selectedIndex.map { catalog.entries[$0] } }

    /// Position of the selection in the codes pane.
    public var listIndex: Int { listCursor.index }

    /// True when the codes pane shows search results.
    public var isSearching: Bool { SearchQuery.hasWords(query) }

    /// The vendor that `SearchScope.vendor` limits search to.
    var scopeVendor: String? { scope == .vendor ? sidebarRow?.vendor : nil }

    // MARK: - The codes list

    /// What the codes pane should list for the current vendors-pane row, query and scope.
    func computeList() -> (list: [Int], total: Int, learned: Set<Int>, outside: [Int]) {
        if isSearching {
            let page = searcher.page(query, vendor: scopeVendor, limit: searchLimit)
            return (page.hits.map(\.entryIndex), page.total, Set(page.hits.filter(\.learned).map(\.entryIndex)),
                    page.outsideScope)
        }
        let entries = sidebarRow?.entries ?? []
        return (entries, entries.count, [], [])
    }

    /// Recomputes the codes pane and selects `reference` in it when present, else the first row.
    mutating func refreshList(selecting reference: CodeReference? = nil) {
        searchLimit = Self.searchPage
        (list, listTotal, learnedEntries, outsideScope) = computeList()
        if let note = outsideScopeNote { message = note }
        let found = reference.flatMap { wanted in list.firstIndex { catalog.entries.reference(at: $0) == wanted } }
        listCursor = ListCursor(index: found ?? 0, scroll: 0)
        listCursor.settle(count: list.count, visible: layout.list.height)
    }

    /// Ranks more search hits when the selection comes within two screenfuls of the last ranked one; at the very
    /// last (End, or a click there) it ranks them all, so End means the last hit.
    mutating func extendSearchPage() {
        guard isSearching, list.count < listTotal, !list.isEmpty else { return }
        let visible = max(1, layout.list.height)
        guard listCursor.index + 2 * visible >= list.count else { return }
        let atEnd = listCursor.index == list.count - 1
        searchLimit = atEnd ? listTotal : max(searchLimit * 2, listCursor.index + 3 * visible)
        let cursor = listCursor
        (list, listTotal, learnedEntries, outsideScope) = computeList()
        listCursor = cursor
        if atEnd { listCursor.move(to: list.count - 1, count: list.count, visible: visible) }
        listCursor.settle(count: list.count, visible: visible)
    }

    /// The terminal now has this size.
    mutating func resize(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// Clamps selections and scroll offsets to the lists and the layout.
    mutating func settle() {
        extendSearchPage()
        let layout = self.layout
        sidebarCursor.settle(count: sidebar.rows.count, visible: layout.sidebar.height)
        listCursor.settle(count: list.count, visible: layout.list.height)
        settleDetail()
    }

    var layout: BrowserLayout {
        let codeWidth = isSearching ? codeWidths.longest(list) : codeWidths.row(sidebarCursor.index)
        return BrowserLayout(width: width, height: height, focus: focus, codeWidth: codeWidth)
    }
}

/// Where the browse screen's keys go.
enum BrowseInput: Hashable, Sendable {
    /// Moving between vendors, codes and detail.
    case panes
    /// Typing a search query; Esc goes back to `origin`, where search started.
    case search(origin: Location)
    /// Typing a pattern to find in the detail pane (`/` with the focus there).
    case find(TextField)
}

/// Query helpers shared by state and views.
enum SearchQuery {
    /// True when `query` has something to search for.
    static func hasWords(_ query: String) -> Bool {
        query.contains { $0.isLetter || $0.isNumber }
    }
}
