import Foundation
import Testing
import TestSupport
@testable import TriageCore

/// What steers search besides the words' matches: vendor names typed as words, `phrases:` and example tickets,
/// rarity, exact hits outside a scope, and codes chosen before after a similar query.
@Suite struct SearchSteeringTests {
    let catalog = Fixtures.shipped.catalog

    private func top(_ query: String, _ count: Int = 1, steps: RankingSteps = .all) -> [String] {
        let searcher = Searcher(catalog: catalog)
        searcher.steps = steps
        return searcher.search(query, limit: count).map(\.reference.description)
    }

    @Test func aVendorTypedAsAWordSteersToItsCodes() {
        #expect(top("cometchat user not found") == ["cometchat:ERR_UID_NOT_FOUND"])
        #expect(top("comet chat user not found") == ["cometchat:ERR_UID_NOT_FOUND"])
        #expect(top("sentiance app id mismatch").first?.hasPrefix("sentiance:") == true, "\(top("sentiance app id mismatch", 3))")
        // A typo of the name steers too.
        #expect(top("sentinace user not found") == ["sentiance:USER_NOT_FOUND"])
        // Without the step, the vendor name is only one more word.
        #expect(top("sentiance app id mismatch", steps: RankingSteps.all.subtracting(.vendorWords)).first?.hasPrefix("sentiance:") != true)
    }

    @Test func aNamedVendorIsAPreferenceNotAFilter() {
        let hits = top("cometchat user not found", 40)
        #expect(hits.first?.hasPrefix("cometchat:") == true)
        #expect(hits.contains("sentiance:USER_NOT_FOUND"), "other vendors still follow: \(hits)")
    }

    @Test func aQueryOfOnlyAVendorNameListsThatVendor() {
        let hits = top("sentori", 5)
        #expect(hits.count == 5)
        #expect(hits.allSatisfy { $0.hasPrefix("sentori:") }, "\(hits)")
    }

    @Test func phrasesAreIndexedWithTheirOwnWeight() {
        let (catalog, problems) = Fixtures.load([("acme.yaml", """
            vendor:
              id: acme
              name: Acme
            categories:
              - id: api
                name: API
            codes:
              - code: A_DESCRIBED
                category: api
                description: The gizmo stalls.
              - code: B_PHRASED
                category: api
                description: Something else entirely.
                phrases:
                  - the gizmo stalls while uploading
            """)])
        #expect(problems.isEmpty, "\(problems)")
        #expect(catalog.entries[1].phrases == ["the gizmo stalls while uploading"])
        let searcher = Searcher(catalog: catalog)
        // Only the phrase says "uploading".
        #expect(searcher.search("uploading").map(\.reference.code) == ["B_PHRASED"])
        // A phrase weighs more than a description.
        #expect(searcher.search("gizmo stalls").first?.reference.code == "B_PHRASED")
        #expect(SearchField.phrases.weight > SearchField.description.weight)
        #expect(SearchField.phrases.weight < SearchField.keywords.weight)
    }

    @Test func anExampleTicketsTextCountsAsPhrasesOfItsCode() {
        let (catalog, problems) = Fixtures.load([
            ("acme.yaml", """
                vendor:
                  id: acme
                  name: Acme
                categories:
                  - id: api
                    name: API
                codes:
                  - code: QUIET
                    category: api
                    description: Nothing to see.
                    trees: [quiet]
                """),
            ("quiet-tree.yaml", """
                id: quiet
                title: Quiet
                vendors: [acme]
                codes: [acme:QUIET]
                start: done
                nodes:
                  done:
                    conclusion: Done
                    steps: [Nothing to do.]
                """),
            ("quiet-tests.yaml", """
                tests:
                  - name: a ticket
                    code: acme:QUIET
                    ticket: The kiosk freezes at midnight.
                    answers: []
                    expect: done
                """),
        ])
        #expect(problems.isEmpty, "\(problems)")
        #expect(Searcher(catalog: catalog).search("kiosk freezes").map(\.reference.code) == ["QUIET"])
    }

    @Test func shippedPhrasesAreSearched() {
        #expect(catalog.entries.allSatisfy { !$0.phrases.isEmpty })
        // "tablet" and "simultaneously" are only in MULTIPLE_INSTALLS_ACTIVE's phrases and keywords.
        #expect(top("used on phone and tablet simultaneously") == ["sentiance:MULTIPLE_INSTALLS_ACTIVE"])
    }

    @Test func aDistinctiveObjectBeatsGenericWords() {
        // "mailing" is rare, "not found" is everywhere: the only code about mailing lists comes first.
        #expect(top("our mailing list lookup is not found for this user id") == ["sentori:200"])
    }

    @Test func anExactCodeIsFoundOutsideTheScope() {
        let searcher = Searcher(catalog: catalog)
        let page = searcher.page("INSTALL_DELETED", vendor: "cometchat", limit: 30)
        #expect(page.hits.first?.reference.description == "sentiance:INSTALL_DELETED")
        #expect(page.outsideScope == [page.hits[0].entryIndex])
        #expect(page.hits.dropFirst().allSatisfy { $0.reference.vendor == "cometchat" })
        // In scope, nothing is outside it.
        #expect(searcher.page("INSTALL_DELETED", vendor: "sentiance").outsideScope.isEmpty)
        // A typed filter is not a scope: it still filters.
        #expect(searcher.search("INSTALL_DELETED v:cometchat").allSatisfy { $0.reference.vendor == "cometchat" })
    }

    @Test func anExactVendorMessageIsFoundOutsideTheScope() {
        let page = Searcher(catalog: catalog).page("Mailing List not found", vendor: "cometchat")
        let outside = page.outsideScope.map { catalog.entries[$0].reference.description }
        #expect(outside == ["sentori:200"])
        #expect(page.hits.contains { $0.reference.description == "sentori:200" })
    }

    @Test func learnedPairingsLiftACodeForSimilarQueries() throws {
        let searcher = Searcher(catalog: catalog)
        let query = "chat stays silent after login"
        let before = searcher.search(query, limit: 10)
        #expect(!before.contains { $0.learned })
        // The code chosen is one the words alone rank below the first (third, when there are three).
        try #require(before.count >= 2, "\(before.map(\.reference))")
        let chosen = before[min(2, before.count - 1)].reference
        searcher.memory = SearchMemory([.init(words: SearchMemory.words(of: query), code: chosen)])
        let same = searcher.search(query, limit: 10)
        #expect(same.first?.reference == chosen)
        #expect(same.first?.learned == true)
        // A similar query (most words in common) lifts it too.
        let similar = searcher.search("chat silent after login", limit: 10)
        let at = similar.firstIndex { $0.reference == chosen }
        #expect(at != nil && at! < 2, "\(similar.map(\.reference))")
        #expect(similar.first { $0.reference == chosen }?.learned == true)
        // A query with other words is not lifted.
        #expect(searcher.search("group is full", limit: 3).allSatisfy { !$0.learned })
        // Cleared, the lift is gone.
        searcher.memory = SearchMemory()
        #expect(searcher.search(query, limit: 10).map(\.reference) == before.map(\.reference))
    }

    @Test func negationsAndReflexivesAreReadAsTheirMeaning() {
        let read = QueryWords.rewritten(["uid", "doesnt", "exist", "isn", "t", "himself", "cannot"].map { Array($0) })
        #expect(read.map { String($0) } == ["uid", "not", "exist", "not", "t", "self", "cannot"])
        // "himself" meets the catalog's SELF codes: the self-friending code ranks higher with the step than without.
        func rank(_ steps: RankingSteps) -> Int {
            let searcher = Searcher(catalog: catalog)
            searcher.steps = steps
            let hits = searcher.search("user adds himself as friend", limit: 10).map(\.reference.code)
            return hits.firstIndex(of: "ERR_CANNOT_FORM_SELF_RELATION") ?? 10
        }
        var without = RankingSteps.all
        without.remove(.wordForms)
        #expect(rank(.all) < rank(without), "with: \(rank(.all)), without: \(rank(without))")
        #expect(rank(.all) < 3)
    }

    @Test func memoryKeepsOnlyWordForms() {
        #expect(SearchMemory.words(of: "The customer's Groups are BLOCKED v:cometchat") == ["block", "group"])
        #expect(SearchMemory.words(of: "key 0123456789abcdef0123456789abcdef") == ["key"])
    }
}
