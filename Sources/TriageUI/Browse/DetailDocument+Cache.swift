import TerminalKit

/// What the detail document depends on: the cache key of `BrowseModel.documents`.
struct DetailDocumentKey: Hashable {
    var content: DetailContent
    var width: Int
    var unicode: Bool
    var query: String
    var scope: SearchScope
    var vendor: String?
}

extension BrowseModel {
    /// The detail document for the current content, wrapped to the detail pane of the current layout (kept in
    /// `documents`, so moving through links does not re-wrap the text on every key).
    func detailDocument(unicode: Bool = true) -> DetailDocument {
        let width = layout.detailTextWidth
        let key = DetailDocumentKey(content: detailContent, width: width, unicode: unicode, query: query, scope: scope,
                                    vendor: sidebarRow?.vendor)
        return documents.value(for: key) {
            DetailDocument(state: self, width: width, glyphs: unicode ? .unicode : .ascii)
        }
    }
}
