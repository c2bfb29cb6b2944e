import TriageCore

extension BrowserState {
    /// Asks the runner, once per catalog, to make the search index ahead (`BrowserEffect.prepareSearch`): asked
    /// by the first update, whose effects the runner performs after painting the first frame.
    mutating func prepareSearchAhead() {
        if browse.lazySearcher.takePreparationRequest() { effects.append(.prepareSearch) }
    }

    /// The effects asked for so far, handed out once.
    mutating func takeEffects() -> [BrowserEffect] {
        defer { effects = [] }
        return effects
    }
}
