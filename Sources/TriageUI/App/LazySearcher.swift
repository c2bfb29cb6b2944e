import TriageCore

/// The browser's `Searcher`, built when first used: browsing without searching never pays for the index.
final class LazySearcher {
    private let catalog: Catalog
    private var built: Searcher?

    init(catalog: Catalog) { self.catalog = catalog }

    var value: Searcher {
        if let built { return built }
        let searcher = Searcher(catalog: catalog)
        built = searcher
        return searcher
    }
}
