import TriageCore

/// Search learning on the browse screen: a code opened (Enter) or diagnosed (`d`) from search results is paired
/// with the query's words. The pairing lifts the code for similar queries at once, and goes to the program as a
/// `rememberSearch` effect (the UI does no I/O) to be kept in the sessions database.
extension BrowseModel {
    mutating func noteChoice(_ reference: CodeReference) {
        guard learnsSearches, isSearching, lazySearcher.learns else { return }
        let words = SearchMemory.words(of: query)
        guard !words.isEmpty else { return }
        let pairing = SearchMemory.Pairing(words: words, code: reference)
        pendingChoices.append(pairing)
        var memory = lazySearcher.memory
        if let at = memory.pairings.firstIndex(where: { $0.words == words && $0.code == reference }) {
            memory.pairings[at].count += 1
        } else {
            memory.pairings.append(pairing)
        }
        lazySearcher.memory = memory
    }

    /// The status line's note when exact hits come from outside the scope (the title counts them).
    var outsideScopeNote: String? {
        guard let first = outsideScope.first else { return nil }
        let vendor = catalog.entries.vendor(at: first)
        let name = catalog.vendor(id: vendor)?.name ?? vendor
        let code = catalog.entries.code(at: first)
        return outsideScope.count == 1 ? "\(code) is at \(name), outside the scope"
            : "\(outsideScope.count) exact hits outside the scope"
    }
}
