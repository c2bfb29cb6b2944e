import Testing
import TestSupport
@testable import TriageCore

/// Search quality on what support engineers really get: ticket sentences, pasted bodies and log lines, the
/// vendor's messages, word forms, joined words and typos. Each phrasing names the code (or the few codes) a
/// good answer starts with; the expected code must be in the top 3 for at least 95% of them.
@Suite struct SearchQualityTests {
    static let phrasings = SearchQueries.phrasings

    @Test func expectedCodeIsInTheTopThreeForAtLeast95Percent() {
        let searcher = Searcher(catalog: Fixtures.shipped.catalog)
        var misses: [String] = []
        for (query, expected) in Self.phrasings {
            let top = searcher.search(query, limit: 3).map(\.reference.description)
            if !top.contains(where: expected.contains) { misses.append("\(query) -> \(top), expected \(expected)") }
        }
        let rate = Double(Self.phrasings.count - misses.count) / Double(Self.phrasings.count)
        if !misses.isEmpty { print("Search quality misses (\(misses.count) of \(Self.phrasings.count)):\n" + misses.joined(separator: "\n")) }
        #expect(Self.phrasings.count >= 60)
        #expect(rate >= 0.95, "\(misses.joined(separator: "\n"))")
    }

    @Test func expectedCodesExist() {
        let catalog = Fixtures.shipped.catalog
        for (query, expected) in Self.phrasings {
            for code in expected {
                #expect(catalog.entry(CodeReference(parsing: code, defaultVendor: "")) != nil, "\(query): \(code)")
            }
        }
    }
}
