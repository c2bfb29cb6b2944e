import Testing
import TestSupport
@_spi(Benchmark) @testable import TriageCore

/// The flat index ranks exactly as the index before it (`LegacySearcher`): same entries, same order, same
/// scores, with and without a limit, for every query a character at a time (so narrowing as a word grows and
/// the word cache are exercised as in the browser).
@Suite struct SearchEquivalenceTests {
    static let queries: [String] = SearchQualityTests.phrasings.map(\.query) + [
        "install not found", "INSTALL_NOT_FOUND", "instal not fund", "err too many requests", "group member banned",
        "auth token", "moderators kick admin", "v:cometchat kick admin", "key not valid", "subscription expired",
        "toomanyrequests", "ratelimit", "INSTALLNOTFOUND", "UIDNOTFOUND", "ERR_GUID_NOTFOUND", "429", "404", "403 forbidden",
        "v:sentori s:404", "c:group banned", "code 1", "-1", "x", "q", "zz", "install qqqqzzzz", "importing contacts",
        "ERR_UID_NOT_FOUND abc", "please look at err_guid_not_found for tenant 7", "wörds ünïcode café", "日本",
    ]

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

    @Test func manyHitsSortAsComparingWould() {
        // Above 4096 hits the ranking radix sorts; ties (equal scores) stay in entry order.
        var generator = SystemRandomNumberGenerator()
        for count in [4097, 20_000] {
            var ranking = Ranking(limit: nil)
            for entry in (0..<Int32(count)).shuffled(using: &generator) {
                let score = Bool.random(using: &generator) ? Double(Int.random(in: 0..<50, using: &generator)) / 4
                    : Double.random(in: 0.001..<2000, using: &generator)
                ranking.add(score, entry)
            }
            let compared = ranking.elements.sorted { Ranking.worse($1, $0) }
            let sorted = ranking.sorted()
            #expect(sorted.map(\.entry) == compared.map(\.entry))
            #expect(sorted.map(\.score) == compared.map(\.score))
        }
        var bounded = Ranking(limit: 10)
        for entry in Int32(0)..<5000 { bounded.add(Double(entry % 97), entry) }
        #expect(bounded.sorted().map(\.entry) == [96, 193, 290, 387, 484, 581, 678, 775, 872, 969])
    }
}
