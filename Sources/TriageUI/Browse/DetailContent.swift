import TerminalKit

/// What the detail pane is about.
enum DetailContent: Hashable, Sendable {
    /// A code: index into `Catalog.entries`.
    case entry(Int)
    /// A vendor's facts, shown while a vendor row of the vendors pane has the focus.
    case vendor(String)
    /// Nothing is selected (empty catalog, category or search).
    case nothing
}

extension BrowseModel {
    /// The detail pane shows the selected code, or the vendor while its vendors-pane row has the focus.
    var detailContent: DetailContent {
        if focus == .sidebar, !isTypingSearch, !isSearching, let row = sidebarRow, row.isVendor {
            return .vendor(row.vendor)
        }
        return selectedIndex.map(DetailContent.entry) ?? .nothing
    }
}
