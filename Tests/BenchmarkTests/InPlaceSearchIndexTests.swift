import BuiltinCatalog
import CatalogGenerator
import Foundation
import Testing
import TestSupport
@testable import TriageCore

/// The stored search index read in place (issue 25): opening it copies none of its arrays, and it ranks a
/// generated catalog exactly as the index built from the catalog does.
@Suite struct InPlaceSearchIndexTests {
    /// A generated catalog behind a compiled cache file, and the index store beside that file.
    private static func generated(codes: Int) throws -> (catalog: Catalog, store: SearchIndexStore) {
        let folder = TestPaths.temporaryDirectory("generated").path
        _ = try CatalogGenerator(codes: codes, seed: 5).write(to: folder)
        let cache = CatalogCache(directory: TestPaths.temporaryDirectory("cache").path + "/triage")
        let key = CompiledCatalog.key(of: BuiltinCatalog.files)
        let loaded = cache.load(builtIn: CatalogSource.builtIn(BuiltinCatalog.files), builtInKey: key, folders: [folder])
        #expect(loaded.problems.isEmpty)
        return (loaded.catalog, SearchIndexStore(catalogFile: cache.file(builtInKey: key, folders: [folder])))
    }

    /// Queries of every kind, made from the catalog: whole codes (alone, with a vendor filter, in a sentence),
    /// messages, words, prefixes, typos, statuses and no match.
    private static func queries(_ catalog: Catalog) -> [String] {
        let entries = catalog.entries
        var queries = ["not found", "invalid token expired", "i", "in", "pay", "permision denid", "429", "v:acme 404",
                       "zzqxv nothing", "toomanyrequests", "INSTALL_DELETED", "customer gets INSTALL_DELETED"]
        for at in stride(from: entries.count - 1, to: 0, by: -max(1, entries.count / 12)) {
            let entry = entries[at]
            queries.append(entry.code)
            queries.append("v:\(entry.vendor) \(entry.code)")
            queries.append("the customer sees \(entry.code.lowercased()) again")
            if let message = entry.message { queries.append(message) }
            if let word = entry.summary?.split(separator: " ").first { queries.append(String(word.prefix(4))) }
        }
        return queries
    }

    private static func same(_ a: SearchPage, _ b: SearchPage) -> Bool {
        a.hits == b.hits && a.total == b.total && a.outsideScope == b.outsideScope
    }

    @Test func theStoredIndexIsReadInPlaceAndRanksAsTheBuiltOne() throws {
        let (catalog, store) = try Self.generated(codes: 3_000)
        #expect(store.index(for: catalog).outcome == .built)
        let (stored, outcome) = store.index(for: catalog)
        #expect(outcome == .loaded)
        #expect(stored.copiedArrays == 0, "\(stored.copiedArrays) arrays copied out of the stored index")
        let built = SearchIndex(catalog: catalog)
        #expect(built.copiedArrays > 0)
        let inPlace = Searcher(index: stored), fresh = Searcher(index: built)
        let vendor = catalog.entries.vendor(at: catalog.entries.count - 1)
        for query in Self.queries(catalog) {
            #expect(inPlace.search(query) == fresh.search(query), "\(query)")
            #expect(Self.same(inPlace.page(query, limit: 20), fresh.page(query, limit: 20)), "\(query), 20 rows")
            #expect(Self.same(inPlace.page(query, vendor: vendor, limit: 20), fresh.page(query, vendor: vendor, limit: 20)),
                    "\(query), in \(vendor)")
        }
        #expect(stored.copiedArrays == 0, "searching copied the stored index")
    }

    /// What `triage search CODE` does: the index from the store, one search for an exact code. Nothing of the index
    /// is decoded (every array is read in place) and the code is the first row.
    @Test func anExactCodeSearchDecodesNoIndex() throws {
        let (catalog, store) = try Self.generated(codes: 1_500)
        _ = store.index(for: catalog)
        let (index, outcome) = store.index(for: catalog)
        #expect(outcome == .loaded)
        let entry = catalog.entries.count - 7
        let code = catalog.entries.code(at: entry)
        let hits = Searcher(index: index).search(code, limit: 20)
        #expect(hits.first?.entryIndex == entry)
        #expect(index.copiedArrays == 0)
    }
}
