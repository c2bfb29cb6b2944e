import Foundation
import TriageCore

/// What search learned from use, read from the sessions database for the full screen and `triage search`.
enum SearchLearning {
    /// The pairings to rank with, or nil when learning is off or the store cannot be read (nothing is learned).
    static func memory(_ store: (any SessionStore)?) -> SearchMemory? {
        guard let store = store as? any SearchMemoryStore, (try? store.learnsSearches()) == true else { return nil }
        return (try? store.searchMemory()) ?? SearchMemory()
    }

    /// The pairings for a one-shot command (`triage search`), the same as the full screen's: nil when learning is
    /// off, or when there is no sessions database yet (a search never creates one) or it cannot be read.
    static func memory(_ global: GlobalOptions, environment: [String: String]) -> SearchMemory? {
        guard let path = SessionDatabase.path(global, environment: environment),
              FileManager.default.fileExists(atPath: path) else { return nil }
        return memory(SessionDatabase.open(global, environment: environment).store)
    }
}
