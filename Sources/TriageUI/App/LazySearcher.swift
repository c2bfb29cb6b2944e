import TriageCore

/// The browser's `Searcher`, made when first used: browsing without searching never pays for the index. The
/// runner may hand in how to make the index (a stored one decoded rather than built, `BrowserOptions`).
final class LazySearcher {
    private let catalog: Catalog
    private let makeIndex: (@Sendable (Catalog) -> SearchIndex)?
    private var built: Searcher?
    /// The pairings learned from use, handed to the searcher (now, or when it is made).
    var memory = SearchMemory() {
        didSet { built?.memory = memory }
    }

    init(catalog: Catalog, makeIndex: (@Sendable (Catalog) -> SearchIndex)? = nil) {
        self.catalog = catalog
        self.makeIndex = makeIndex
    }

    var value: Searcher {
        if let built { return built }
        let searcher = Searcher(index: makeIndex?(catalog) ?? SearchIndex(catalog: catalog))
        searcher.memory = memory
        built = searcher
        return searcher
    }
}
