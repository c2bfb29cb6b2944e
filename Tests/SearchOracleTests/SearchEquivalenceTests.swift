import Foundation
import SearchOracle
import Testing
import TestSupport
import TriageCore

/// The flat index ranks exactly as the index before it (`LegacySearcher`): same entries, same order, same
/// scores, with and without a limit, for every query a character at a time (so narrowing as a word grows and
/// the word cache are exercised as in the browser). Slow, so it runs only when asked:
/// `TRIAGE_ORACLE_TESTS=1 swift test --filter SearchOracleTests`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["TRIAGE_ORACLE_TESTS"] != nil, "set TRIAGE_ORACLE_TESTS to run"))
struct SearchEquivalenceTests {
    static let queries = SearchQueries.all

    static func compare(_ catalog: Catalog, _ queries: [String], limits: [Int?]) -> [String] {
        let flat = Searcher(catalog: catalog)
        let legacy = LegacySearcher(catalog: catalog)
        var differences: [String] = []
        for query in queries {
            var typed = ""
            for character in query {
                typed.append(character)
                for limit in limits {
                    let new = flat.search(typed, limit: limit)
                    let old = legacy.search(typed, limit: limit)
                    if new.map(\.entryIndex) != old.map(\.entryIndex) || new.map(\.score) != old.map(\.score) {
                        differences.append("'\(typed)' limit \(limit.map(String.init) ?? "none"): "
                            + "\(new.prefix(5).map { "\($0.reference) \($0.score)" }) vs \(old.prefix(5).map { "\($0.reference) \($0.score)" })"
                            + " (\(new.count) vs \(old.count) hits)")
                    }
                }
            }
        }
        return differences
    }

    @Test func theShippedCatalogRanksAsBefore() {
        let differences = Self.compare(Fixtures.shipped.catalog, Self.queries, limits: [nil, 1, 3, 20])
        #expect(differences.isEmpty, "\(differences.prefix(10).joined(separator: "\n"))")
    }

    @Test func nonASCIIWordsMatchByCharacters() {
        // Words beyond ASCII: exact, prefix, inside a word, typos and word forms, composed or not.
        let location = SourceLocation(file: "u", line: 1, column: 1)
        let entries = [
            CatalogEntry(vendor: "u", category: "c", code: "CAFÉ_FERMÉ", description: "Le café est fermé", location: location),
            CatalogEntry(vendor: "u", category: "c", code: "ÜBERLAST", description: "Zu viele Anfragen: Überlastung des Servers", location: location),
            CatalogEntry(vendor: "u", category: "c", code: "NIHONGO", description: "日本語のエラー", location: location),
            CatalogEntry(vendor: "u", category: "c", code: "CAFE_OPEN", description: "The cafe is open, cafés everywhere", location: location),
        ]
        let catalog = Catalog(vendors: [Vendor(id: "u", name: "Unicode", location: location)], entries: entries, trees: [])
        let queries = ["café fermé", "cafe\u{301} ferme\u{301}", "caf", "überlastung", "uberlast", "überlstung", "lastung",
                       "日本", "本語", "cafés", "CAFÉ_FERMÉ", "ÜBERLAST"]
        let differences = Self.compare(catalog, queries, limits: [nil, 1])
        #expect(differences.isEmpty, "\(differences.prefix(10).joined(separator: "\n"))")
        let searcher = Searcher(catalog: catalog)
        #expect(searcher.search("cafe\u{301} ferme\u{301}", limit: 1).first?.reference.code == "CAFÉ_FERMÉ")
        #expect(searcher.search("überlstung", limit: 1).first?.reference.code == "ÜBERLAST")
        #expect(searcher.search("本語", limit: 1).first?.reference.code == "NIHONGO")
    }

    @Test func aBigSyntheticCatalogRanksAsBefore() {
        // Many similar codes: the top-k cut-off and the bonus bound decide among thousands of equal matches.
        var entries: [CatalogEntry] = []
        let location = SourceLocation(file: "big", line: 1, column: 1)
        let words = ["alpha", "beta", "gamma", "delta", "token", "expired", "invalid", "session", "member", "group"]
        for index in 0..<3_000 {
            let a = words[index % 10], b = words[(index / 10) % 10], c = words[(index / 100) % 10]
            entries.append(CatalogEntry(vendor: index % 7 == 0 ? "old" : "big", category: "c\(index % 13)",
                                        code: "ERR_\(a)_\(b)_\(index)".uppercased(), message: "\(b) \(c) \(a)",
                                        description: "Synthetic \(c) description \(index) with \(a)s and \(b)ing",
                                        keywords: ["\(a) \(c)", b], location: location))
        }
        let vendors = [Vendor(id: "big", name: "Big", location: location),
                       Vendor(id: "old", name: "Old", notice: "Deprecated API", location: location)]
        let catalog = Catalog(vendors: vendors, entries: entries, trees: [])
        let queries = ["err alpha beta", "token expired", "beta gamma alpha", "invalid sessions", "grop membr", "alph",
                       "1234", "err_alpha_beta_1200", "session token alpha", "expred tokn", "gamma delta token"]
        let differences = Self.compare(catalog, queries, limits: [nil, 1, 5, 24])
        #expect(differences.isEmpty, "\(differences.prefix(10).joined(separator: "\n"))")
    }
}
