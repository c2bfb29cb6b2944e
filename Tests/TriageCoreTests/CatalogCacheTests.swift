import BuiltinCatalog
import Foundation
import Testing
import TestSupport
@testable import TriageCore

/// User catalogs compiled into the cache: reused while nothing changed, rebuilt when anything did, damaged
/// cache files ignored, files private.
@Suite struct CatalogCacheTests {
    let builtIn = CatalogSource.builtIn(BuiltinCatalog.files)
    let key = CompiledCatalog.key(of: BuiltinCatalog.files)

    struct Setup {
        var folder: URL
        var cache: CatalogCache
        var file: String { cache.file(builtInKey: CompiledCatalog.key(of: BuiltinCatalog.files), folders: [folder.path]) }
    }

    private func setup() -> Setup {
        let folder = TestPaths.catalogFolder(["vendors/acme.yaml": Fixtures.acmeVendor])
        return Setup(folder: folder, cache: CatalogCache(directory: TestPaths.temporaryDirectory("cache").path + "/triage"))
    }

    private func load(_ setup: Setup) -> (catalog: Catalog, problems: [CatalogProblem], outcome: CatalogCache.Outcome) {
        setup.cache.load(builtIn: builtIn, builtInKey: key, folders: [setup.folder.path])
    }

    /// Moves a file's modification time, so a change is seen even within the file system's time granularity.
    private func touch(_ path: String, secondsAgo: Double) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -secondsAgo)], ofItemAtPath: path)
    }

    private func yamlLoaded(_ setup: Setup) -> Catalog {
        CatalogLoader.load([builtIn, CatalogSource.directory(setup.folder.path).source]).catalog
    }

    @Test func firstLoadBuildsThenHitsWithTheSameCatalog() throws {
        let setup = setup()
        let first = load(setup)
        #expect(first.problems.isEmpty)
        #expect(first.outcome == .built("no cache yet"))
        let second = load(setup)
        #expect(second.outcome == .hit)
        #expect(second.catalog.entries == first.catalog.entries)
        #expect(second.catalog.vendors == first.catalog.vendors)
        #expect(second.catalog.trees == first.catalog.trees)
        #expect(second.catalog.examples == first.catalog.examples)
        #expect(second.catalog.entries == yamlLoaded(setup).entries)
        #expect(second.catalog.entry(CodeReference(vendor: "acme", code: "KEY_INVALID"))?.message == "Key not valid")
    }

    @Test func editingAFileRebuilds() throws {
        let setup = setup()
        _ = load(setup)
        let path = setup.folder.appendingPathComponent("vendors/acme.yaml").path
        // Same size, different text: only the content hash and the time tell.
        try Fixtures.acmeVendor.replacingOccurrences(of: "Key not valid", with: "Key not VALID")
            .write(toFile: path, atomically: false, encoding: .utf8)
        try touch(path, secondsAgo: 100)
        let edited = load(setup)
        #expect(edited.outcome == .built("a file changed"))
        #expect(edited.catalog.entry(CodeReference(vendor: "acme", code: "KEY_INVALID"))?.message == "Key not VALID")
        #expect(load(setup).outcome == .hit)
    }

    @Test func aNewTimeWithTheSameContentKeepsTheCompiledCatalog() throws {
        let setup = setup()
        let first = load(setup)
        try touch(setup.folder.appendingPathComponent("vendors/acme.yaml").path, secondsAgo: 50)
        let touched = load(setup)
        #expect(touched.outcome == .built("same contents, new times"))
        #expect(touched.catalog.entries == first.catalog.entries)
        #expect(load(setup).outcome == .hit)
    }

    @Test func addingRemovingAndRenamingFilesRebuild() throws {
        let setup = setup()
        _ = load(setup)
        let other = Fixtures.acmeVendor.replacingOccurrences(of: "acme", with: "zeta").replacingOccurrences(of: "Acme", with: "Zeta")
        let added = setup.folder.appendingPathComponent("vendors/zeta.yaml").path
        try other.write(toFile: added, atomically: true, encoding: .utf8)
        let afterAdd = load(setup)
        #expect(afterAdd.outcome == .built("a file was added"))
        #expect(afterAdd.catalog.vendor(id: "zeta") != nil)

        let renamed = setup.folder.appendingPathComponent("vendors/omega.yml").path
        try FileManager.default.moveItem(atPath: added, toPath: renamed)
        let afterRename = load(setup)
        #expect(afterRename.outcome == .built("a file was added"))
        #expect(afterRename.catalog.vendor(id: "zeta")?.location.file.hasSuffix("vendors/omega.yml") == true)
        #expect(afterRename.catalog.entries == yamlLoaded(setup).entries)

        try FileManager.default.removeItem(atPath: renamed)
        let afterRemove = load(setup)
        #expect(afterRemove.outcome == .built("a file was removed"))
        #expect(afterRemove.catalog.vendor(id: "zeta") == nil)
        #expect(load(setup).outcome == .hit)
    }

    @Test func damagedCacheFilesAreIgnoredAndRebuilt() throws {
        let setup = setup()
        let first = load(setup)
        let original = try #require(FileManager.default.contents(atPath: setup.file))
        var damages: [Data] = [Data(), original.prefix(original.count / 2), Data("not a cache".utf8)]
        var flipped = original
        flipped[flipped.count - 20] ^= 0xFF  // in the compiled catalog
        damages.append(flipped)
        var flippedManifest = original
        flippedManifest[30] ^= 0x01  // in the manifest
        damages.append(flippedManifest)
        for damaged in damages {
            try damaged.write(to: URL(fileURLWithPath: setup.file))
            let reloaded = load(setup)
            #expect(reloaded.outcome == .built("the cache file was damaged"), "\(damaged.count) bytes")
            #expect(reloaded.catalog.entries == first.catalog.entries)
            #expect(load(setup).outcome == .hit)
        }
    }

    /// The full check on demand: nil without a cache file, true for an intact one, false once a byte of the
    /// compiled catalog is damaged (what an open of a mapped file does not look at).
    @Test func verifyChecksEveryByteOnDemand() throws {
        let setup = setup()
        #expect(setup.cache.verify(builtInKey: key, folders: [setup.folder.path]) == nil)
        _ = load(setup)
        #expect(setup.cache.verify(builtInKey: key, folders: [setup.folder.path]) == true)
        var flipped = try #require(FileManager.default.contents(atPath: setup.file))
        flipped[flipped.count - 20] ^= 0xFF
        try flipped.write(to: URL(fileURLWithPath: setup.file))
        #expect(setup.cache.verify(builtInKey: key, folders: [setup.folder.path]) == false)
    }

    @Test func cacheFilesArePrivate() throws {
        let setup = setup()
        _ = load(setup)
        let fileMode = try FileManager.default.attributesOfItem(atPath: setup.file)[.posixPermissions] as? Int
        let folderMode = try FileManager.default.attributesOfItem(atPath: setup.cache.directory)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(folderMode == 0o700)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: setup.cache.directory).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func aCatalogWithProblemsIsReportedAndNotCached() throws {
        let setup = setup()
        let path = setup.folder.appendingPathComponent("vendors/acme.yaml").path
        try Fixtures.acmeVendor.replacingOccurrences(of: "category: auth", with: "category: nope")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = load(setup)
        #expect(loaded.outcome == .uncached("the catalog has problems"))
        #expect(loaded.problems.contains { $0.message.contains("unknown category 'nope'") })
        #expect(!FileManager.default.fileExists(atPath: setup.file))
        #expect(load(setup).problems.count == loaded.problems.count)
    }

    @Test func unwritableCacheFolderStillLoads() throws {
        let setup = setup()
        let blocked = TestPaths.temporaryDirectory("blocked").appendingPathComponent("file")
        try "x".write(to: blocked, atomically: true, encoding: .utf8)
        let cache = CatalogCache(directory: blocked.path + "/triage")  // under a regular file: cannot be created
        let loaded = cache.load(builtIn: builtIn, builtInKey: key, folders: [setup.folder.path])
        #expect(loaded.problems.isEmpty)
        #expect(loaded.catalog.vendor(id: "acme") != nil)
        if case .uncached = loaded.outcome {} else { Issue.record("expected uncached, got \(loaded.outcome)") }
    }

    @Test func cacheLocationFollowsXDGThenHome() {
        #expect(TriagePaths.cacheDirectory(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/h"]) == "/x/cache/triage")
        #expect(TriagePaths.cacheDirectory(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"]) == "/h/.cache/triage")
        #expect(TriagePaths.cacheDirectory(environment: [:]) == nil)
    }
}

/// The built-in catalog compiled at build time is exactly the one loaded from its YAML.
@Suite struct CompiledCatalogTests {
    @Test func compiledBuiltInEqualsTheYAMLLoadedOne() throws {
        let bytes = try #require(BuiltinCatalog.compiled)
        let compiled = try #require(CompiledCatalog.decode(bytes))
        // Loaded exactly as triage names the built-in files (`[built-in] vendors/x.yaml`).
        let loaded = CatalogLoader.load([CatalogSource.builtIn(BuiltinCatalog.files)])
        #expect(loaded.problems.isEmpty)
        let yaml = loaded.catalog
        #expect(compiled.vendors == yaml.vendors)
        #expect(compiled.entries == yaml.entries)
        #expect(compiled.trees == yaml.trees)
        #expect(compiled.examples == yaml.examples)
        #expect(!compiled.examples.isEmpty)
        #expect(compiled.entries.count == 143)
        #expect(compiled.trees.count == yaml.trees.count && !compiled.trees.isEmpty)
    }

    /// The built-in catalog's search index is encoded at build time: it searches exactly as one built now, and is
    /// refused for any other catalog (a user folder added to it).
    @Test func builtInSearchIndexSearchesLikeABuiltOneAndOnlyForItsCatalog() throws {
        let compiledBytes = try #require(BuiltinCatalog.compiled)
        let compiled = try #require(CompiledCatalog.decode(compiledBytes))
        let bytes = try #require(BuiltinCatalog.searchIndex)
        let stored = try #require(SearchIndex(decoding: bytes, catalog: compiled))
        let fresh = Searcher(index: SearchIndex(catalog: compiled)), embedded = Searcher(index: stored)
        for query in SearchQueries.all {
            #expect(embedded.search(query) == fresh.search(query), "\(query)")
        }
        let other = CatalogLoader.load([CatalogSource.builtIn(BuiltinCatalog.files), CatalogSource(name: "team", files: [
            (path: "acme.yaml", text: "vendor: {id: acme, name: Acme}\ncategories: [{id: c, name: C}]\ncodes:\n  - {code: ACME_ONE, category: c, description: One.}\n"),
        ])])
        #expect(other.problems.isEmpty)
        #expect(SearchIndex(decoding: bytes, catalog: other.catalog) == nil)
    }

    @Test func roundTripKeepsEveryField() throws {
        let catalog = Fixtures.shipped.catalog
        let decoded = try #require(CompiledCatalog.decode(CompiledCatalog.encode(catalog)))
        #expect(decoded.entries == catalog.entries)
        #expect(decoded.entries.contains { $0.httpStatus == nil } && decoded.entries.contains { $0.message != nil })
    }

    @Test func damagedBytesAreRejectedNotTrusted() throws {
        let bytes = CompiledCatalog.encode(Fixtures.shipped.catalog)
        #expect(CompiledCatalog.decode([]) == nil)
        #expect(CompiledCatalog.decode(Array(bytes.prefix(bytes.count - 1))) == nil)
        #expect(CompiledCatalog.decode(bytes + [0]) == nil)
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x40
        #expect(CompiledCatalog.decode(flipped) == nil)
        var random = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let garbage = (0..<Int.random(in: 0..<400, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            #expect(CompiledCatalog.decode(Array("TRIAGEC1".utf8) + garbage) == nil)
        }
    }
}
