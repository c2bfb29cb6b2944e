import Testing
import TestSupport
@testable import TriageCore

/// Vendor names fold byte by byte when they are ASCII, and category names split and stem as bytes, exactly as by
/// characters.
@Suite struct QuerySteeringFoldTests {
    @Test func asciiNamesFoldAsByCharacters() {
        let every = String((0..<128).map { Character(Unicode.Scalar(UInt8($0))) })
        for name in [every, "CometChat", "comet-chat", "Sentiance SDK v2", "A_B.c", "", "---", "Zz09"] {
            let byCharacters = Array(name.lowercased().filter { $0.isLetter || $0.isNumber })
            #expect(QuerySteering.folded(name) == byCharacters, "\(name.debugDescription)")
        }
        #expect(QuerySteering.folded("Ünïcode Pay") == Array("ünïcodepay"))
    }

    @Test func categoryNamesStemAsByCharacters() {
        let shipped = Fixtures.shipped.catalog.vendors.flatMap { $0.categories.map(\.name) }
        #expect(shipped.count > 10)
        for name in shipped + ["Rate-limiting & Quotas", "The API keys", "Über Zahlungen", "-1 errors", "a an of", "Webhooks"] {
            let byCharacters = SearchText.words(name).map { WordForms.stem($0.text) }
                .filter { !WordForms.isFiller($0) && $0.count >= 3 }
            #expect(QuerySteering.stems(of: name).map { Array(String(decoding: $0, as: UTF8.self)) } == byCharacters, "\(name)")
        }
    }

    /// The index carries every category's stems, in catalog order, and a stored index reads them back.
    @Test func theIndexCarriesEachCategorysStems() throws {
        let catalog = Fixtures.shipped.catalog
        let built = SearchIndex(catalog: catalog)
        let decoded = try #require(SearchIndex(decoding: built.encoded(), catalog: catalog))
        for index in [built, decoded] {
            var at = 0
            for category in catalog.vendors.flatMap(\.categories) {
                let stored = (Int(index.categoryStemStarts[at])..<Int(index.categoryStemStarts[at + 1])).map { index.categoryStems.array($0) }
                #expect(stored == QuerySteering.stems(of: category.name), "\(category.name)")
                at += 1
            }
            #expect(at + 1 == index.categoryStemStarts.count)
        }
    }
}
