import BuiltinCatalog
import Foundation
import Testing
import TestSupport
@testable import TriageCore

/// The user catalog's search index kept beside its cache file: built and stored by the first search, decoded by
/// the next, built again when the catalog's cache file was replaced or the stored index is damaged.
@Suite struct SearchIndexStoreTests {
    let builtIn = CatalogSource.builtIn(BuiltinCatalog.files)
    let key = CompiledCatalog.key(of: BuiltinCatalog.files)

    private func cached(_ vendor: String = Fixtures.acmeVendor) -> (catalog: Catalog, store: SearchIndexStore, folder: URL, cache: CatalogCache) {
        let folder = TestPaths.catalogFolder(["vendors/acme.yaml": vendor])
        let cache = CatalogCache(directory: TestPaths.temporaryDirectory("cache").path + "/triage")
        let loaded = cache.load(builtIn: builtIn, builtInKey: key, folders: [folder.path])
        return (loaded.catalog, SearchIndexStore(catalogFile: cache.file(builtInKey: key, folders: [folder.path])), folder, cache)
    }

    private func results(_ index: SearchIndex, _ query: String) -> [SearchHit] { Searcher(index: index).search(query) }

    @Test func theFirstSearchStoresTheIndexAndTheNextDecodesIt() throws {
        let (catalog, store, _, _) = cached()
        let first = store.index(for: catalog)
        #expect(first.outcome == .built)
        let mode = try FileManager.default.attributesOfItem(atPath: store.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let second = store.index(for: catalog)
        #expect(second.outcome == .loaded)
        let fresh = SearchIndex(catalog: catalog)
        for query in ["key not valid", "acme 401", "row", "instal not fund", "credentials"] {
            #expect(results(second.index, query) == results(fresh, query), "\(query)")
        }
        #expect(results(second.index, "key invalid").first?.reference == CodeReference(vendor: "acme", code: "KEY_INVALID"))
    }

    /// What a Triage killed mid-write leaves (`NAME.PID.tmp` of a process that is gone) is removed by the next
    /// write beside it; a live process's temporary file and other files stay.
    @Test func theNextWriteRemovesTemporaryFilesOfKilledProcesses() throws {
        let (catalog, store, _, _) = cached()
        let folder = (store.path as NSString).deletingLastPathComponent
        let name = (store.path as NSString).lastPathComponent
        // Past the kernel's largest process id: no such process.
        let gone = folder + "/\(name).4194305.tmp"
        let live = folder + "/\(name).\(getppid()).tmp"
        let other = folder + "/unrelated.4194305.tmp"
        for path in [gone, live, other] { #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: 7, count: 4096))) }
        #expect(store.index(for: catalog).outcome == .built)
        #expect(!FileManager.default.fileExists(atPath: gone))
        #expect(FileManager.default.fileExists(atPath: live))
        #expect(FileManager.default.fileExists(atPath: other))
        // The catalog cache's own writes clean up the same way.
        let cacheGone = (store.catalogFile) + ".4194305.tmp"
        #expect(FileManager.default.createFile(atPath: cacheGone, contents: Data([1])))
        try PrivateFile.writeAtomically([1, 2, 3], to: store.catalogFile + ".probe", directory: folder)
        #expect(FileManager.default.fileExists(atPath: cacheGone))  // another file's temporaries are not touched
        try PrivateFile.writeAtomically([1, 2, 3], to: store.catalogFile, directory: folder)
        #expect(!FileManager.default.fileExists(atPath: cacheGone))
        for path in [live, other] { unlink(path) }
    }

    @Test func aRebuiltCatalogGetsANewIndex() throws {
        let (catalog, store, folder, cache) = cached()
        _ = store.index(for: catalog)
        // Same codes, other words: only the cache file's identity tells the stored index is stale.
        try Fixtures.acmeVendor.replacingOccurrences(of: "The row does not exist.", with: "The zebra does not exist.")
            .write(to: folder.appendingPathComponent("vendors/acme.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)],
                                              ofItemAtPath: folder.appendingPathComponent("vendors/acme.yaml").path)
        let reloaded = cache.load(builtIn: builtIn, builtInKey: key, folders: [folder.path])
        #expect(reloaded.outcome != .hit)
        let again = store.index(for: reloaded.catalog)
        #expect(again.outcome == .built)
        #expect(results(again.index, "zebra").first?.reference == CodeReference(vendor: "acme", code: "ROW_NOT_FOUND"))
        #expect(store.index(for: reloaded.catalog).outcome == .loaded)
    }

    @Test func aDamagedStoredIndexIsBuiltAgain() throws {
        let (catalog, store, _, _) = cached()
        _ = store.index(for: catalog)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: store.path)))
        for offset in stride(from: SearchIndexStore.headerSize + 7, to: bytes.count, by: 97) { bytes[offset] ^= 0x5A }
        try Data(bytes).write(to: URL(fileURLWithPath: store.path))
        let damaged = store.index(for: catalog)
        #expect(damaged.outcome == .built)
        #expect(results(damaged.index, "key not valid") == results(SearchIndex(catalog: catalog), "key not valid"))
        try Data(bytes.prefix(30)).write(to: URL(fileURLWithPath: store.path))
        #expect(store.index(for: catalog).outcome == .built)
        #expect(store.index(for: catalog).outcome == .loaded)
    }

    @Test func withoutACacheFileTheIndexIsOnlyBuilt() throws {
        let store = SearchIndexStore(catalogFile: TestPaths.temporaryDirectory("none").path + "/catalog-0.bin")
        let catalog = Fixtures.load([("acme.yaml", Fixtures.acmeVendor)]).catalog
        guard case .builtUnsaved = store.index(for: catalog).outcome else {
            Issue.record("an index without its catalog file was stored")
            return
        }
        #expect(!FileManager.default.fileExists(atPath: store.path))
    }
}
