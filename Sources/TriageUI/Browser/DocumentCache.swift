import TerminalKit

/// Remembers the last detail document built, so moving through links does not re-wrap the text on every key.
/// A reference type inside the state: copies of the state share it, which is harmless because the key holds
/// everything the document depends on.
final class DocumentCache {
    struct Key: Hashable {
        var content: DetailContent
        var width: Int
        var unicode: Bool
        var query: String
        var scope: SearchScope
        var vendor: String?
    }

    private var key: Key?
    private var document: DetailDocument?

    func document(for key: Key, build: () -> DetailDocument) -> DetailDocument {
        if key == self.key, let document { return document }
        let built = build()
        self.key = key
        document = built
        return built
    }
}

extension BrowserState {
    /// The detail document for the current content, wrapped to the detail pane of the current layout.
    func detailDocument(unicode: Bool = true) -> DetailDocument {
        let width = layout.detailTextWidth
        let key = DocumentCache.Key(content: detailContent, width: width, unicode: unicode, query: query, scope: scope,
                                    vendor: sidebarRow?.vendor)
        return documents.document(for: key) {
            DetailDocument(state: self, width: width, glyphs: unicode ? .unicode : .ascii)
        }
    }
}
