import BuiltinCatalog
import Dispatch
import Foundation
import Testing
import TestSupport
@testable import TriageCore

/// The search index made ahead on a background thread: handed over once to the first search of the same
/// catalog, waited for when the first key comes before it is made (and not made twice), never handed to another
/// catalog.
@Suite struct SearchIndexPrefetchTests {
    /// Counts the indexes made, and can hold each one back until released.
    final class Maker: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        let gate: DispatchSemaphore?
        init(held: Bool = false) { gate = held ? DispatchSemaphore(value: 0) : nil }
        var made: Int { lock.withLock { count } }
        @Sendable func make(_ catalog: Catalog) -> SearchIndex {
            gate?.wait()
            lock.withLock { count += 1 }
            return SearchIndex(catalog: catalog)
        }
    }

    static let builtIn = BuiltinCatalog.catalog()!
    static func other() -> Catalog {
        let folder = TestPaths.catalogFolder(["vendors/acme.yaml": Fixtures.acmeVendor])
        let cache = CatalogCache(directory: TestPaths.temporaryDirectory("cache").path + "/triage")
        return cache.load(builtIn: CatalogSource.builtIn(BuiltinCatalog.files), builtInKey: CompiledCatalog.key(of: BuiltinCatalog.files),
                          folders: [folder.path]).catalog
    }

    @Test func theIndexMadeAheadIsHandedOverOnce() {
        let maker = Maker()
        let prefetch = SearchIndexPrefetch(make: maker.make)
        prefetch.start(for: Self.builtIn)
        prefetch.start(for: Self.builtIn)  // asked again: not made again
        prefetch.waitUntilMade()
        #expect(maker.made == 1)
        let index = prefetch.index(for: Self.builtIn)
        #expect(Searcher(index: index).search("INSTALL_DOES_NOT_BELONG_TO_APP").first?.reference.code == "INSTALL_DOES_NOT_BELONG_TO_APP")
        #expect(maker.made == 1)
        #expect(prefetch.counts == (started: 1, handedOver: 1))
        // Handed over: a second ask makes a new one.
        _ = prefetch.index(for: Self.builtIn)
        #expect(maker.made == 2)
    }

    @Test func aKeyBeforeTheIndexIsMadeWaitsForItInsteadOfMakingASecond() async {
        let maker = Maker(held: true)
        let prefetch = SearchIndexPrefetch(make: maker.make)
        prefetch.start(for: Self.builtIn)
        let asked = Task.detached { prefetch.index(for: Self.builtIn) }
        try? await Task.sleep(for: .milliseconds(100))
        #expect(maker.made == 0)  // the search is waiting for the one being made
        maker.gate?.signal()
        let index = await asked.value
        #expect(index.entryCount == Self.builtIn.entries.count)
        #expect(maker.made == 1)
        #expect(prefetch.counts.handedOver == 1)
    }

    @Test func anotherCatalogIsNeverHandedTheIndexMadeAhead() {
        let maker = Maker()
        let prefetch = SearchIndexPrefetch(make: maker.make)
        let other = Self.other()
        #expect(other.compiledChecksum != nil && other.compiledChecksum != Self.builtIn.compiledChecksum)
        prefetch.start(for: Self.builtIn)
        prefetch.waitUntilMade()
        let index = prefetch.index(for: other)
        #expect(index.entryCount == other.entries.count)
        #expect(prefetch.counts.handedOver == 0)
        // A new catalog started ahead replaces the old one's.
        prefetch.start(for: other)
        prefetch.waitUntilMade()
        _ = prefetch.index(for: Self.builtIn)
        #expect(prefetch.counts == (started: 2, handedOver: 0))
        _ = prefetch.index(for: other)
        #expect(prefetch.counts == (started: 2, handedOver: 1))
    }

    @Test func aCatalogReadFromYAMLIsNotMadeAhead() {
        let maker = Maker()
        let prefetch = SearchIndexPrefetch(make: maker.make)
        let yaml = CatalogLoader.load([CatalogSource.builtIn(BuiltinCatalog.files)]).catalog
        #expect(yaml.compiledChecksum == nil)
        prefetch.start(for: yaml)
        prefetch.waitUntilMade()
        #expect(maker.made == 0 && prefetch.counts.started == 0)
        _ = prefetch.index(for: yaml)
        #expect(maker.made == 1)
    }
}
