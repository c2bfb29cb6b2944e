import TriageCore

/// The browser's `Searcher`, made when first used: browsing without searching never pays for the index. The
/// runner may hand in how to make the index (a stored one decoded rather than built, `BrowserOptions`) and where
/// to read the pairings learned from use, so neither the index nor the sessions database is touched before the
/// first search.
final class LazySearcher {
    private let catalog: Catalog
    private let makeIndex: (@Sendable (Catalog) -> SearchIndex)?
    private var built: Searcher?
    private var learned: SearchMemory?
    private var loaderFoundNothing = false
    private var preparationAsked = false
    /// Reads the learned pairings when they are first needed (nil from it: nothing learned, learning off).
    var loadMemory: (@Sendable () -> SearchMemory?)?

    /// The pairings learned from use, handed to the searcher (now, or when it is made); read through
    /// `loadMemory` the first time they are asked for.
    var memory: SearchMemory {
        get {
            if let learned { return learned }
            let read = loadMemory?()
            loaderFoundNothing = loadMemory != nil && read == nil
            loadMemory = nil
            learned = read ?? SearchMemory()
            return learned!
        }
        set {
            learned = newValue
            loadMemory = nil
            built?.memory = newValue
        }
    }

    /// Whether choices are learned: false when the loader said learning is off (or there is no database).
    var learns: Bool {
        _ = memory
        return !loaderFoundNothing
    }

    init(catalog: Catalog, makeIndex: (@Sendable (Catalog) -> SearchIndex)? = nil) {
        self.catalog = catalog
        self.makeIndex = makeIndex
    }

    /// True once, when the index comes from the runner's maker and is not made yet: then the runner is asked to
    /// make it ahead (`BrowserEffect.prepareSearch`). A catalog without a maker (the small stand-in shown while the
    /// user catalog compiles) builds its own index at the first search.
    func takePreparationRequest() -> Bool {
        guard makeIndex != nil, built == nil, !preparationAsked else { return false }
        preparationAsked = true
        return true
    }

    var value: Searcher {
        if let built { return built }
        let searcher = Searcher(index: makeIndex?(catalog) ?? SearchIndex(catalog: catalog))
        searcher.memory = memory
        built = searcher
        return searcher
    }
}
