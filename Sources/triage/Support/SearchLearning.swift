import TriageCore

/// What search learned from use, read from the sessions database for the full screen.
enum SearchLearning {
    /// The pairings to rank with, or nil when learning is off or the store cannot be read (nothing is learned).
    static func memory(_ store: (any SessionStore)?) -> SearchMemory? {
        guard let store = store as? any SearchMemoryStore, (try? store.learnsSearches()) == true else { return nil }
        return (try? store.searchMemory()) ?? SearchMemory()
    }
}
