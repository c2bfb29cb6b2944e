import TerminalKit
import TriageCore

/// The accepted search queries, newest first, as a shell's history: ↑ in an empty query recalls the previous
/// one, ↑↓ walk through them, typing edits the recalled query. Kept in the state file (`BrowserMemory.searches`,
/// written by TriageStorage; the UI does no file I/O), capped, sanitized when read back. Secrets are masked
/// (`SecretMasker`) before a query joins it, and again when it is read back.
struct SearchHistory: Hashable, Sendable {
    static let limit = 50
    private(set) var queries: [String] = []
    /// Which query ↑↓ show now (0 the newest), nil when not walking the history.
    private(set) var position: Int?

    init(_ queries: [String] = []) {
        var kept: [String] = []
        for query in queries {
            let clean = String(TerminalSafe.sanitize(SecretMasker.masked(query).text, keepNewlines: false)
                .prefix(BrowseModel.maximumQueryLength))
            if SearchQuery.hasWords(clean), !kept.contains(clean) { kept.append(clean) }
            if kept.count == Self.limit { break }
        }
        self.queries = kept
    }

    var isBrowsing: Bool { position != nil }

    mutating func stopBrowsing() { position = nil }

    /// Remembers an accepted query (first, once).
    mutating func record(_ query: String) {
        position = nil
        let clean = SecretMasker.masked(query).text.trimmingCharacters(in: .whitespaces)
        guard SearchQuery.hasWords(clean) else { return }
        queries.removeAll { $0 == clean }
        queries.insert(clean, at: 0)
        if queries.count > Self.limit { queries.removeLast(queries.count - Self.limit) }
    }

    /// The next older (or newer) query; "" past the newest; nil when there is nothing further.
    mutating func step(older: Bool) -> String? {
        if older {
            let next = (position ?? -1) + 1
            guard queries.indices.contains(next) else { return nil }
            position = next
            return queries[next]
        }
        guard let current = position else { return nil }
        if current == 0 {
            position = nil
            return ""
        }
        position = current - 1
        return queries[current - 1]
    }
}

extension BrowseModel {
    /// ↑ (older) or ↓ (newer) through the search history: the query is replaced and the results follow.
    mutating func recallSearch(older: Bool) {
        guard let recalled = searchHistory.step(older: older) else { return }
        query = recalled
        queryCursor = Int.max
        refreshList()
    }
}
