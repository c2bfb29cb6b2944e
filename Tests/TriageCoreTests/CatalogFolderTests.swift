import BuiltinCatalog
import Foundation
import Testing
import TestSupport
@testable import TriageCore

/// A catalog folder is the folder, not its spelling: four names of one folder compile once into one cache file; a
/// folder that is a symbolic link is read (and linted) through it; a loop of links is an error, not a hang.
@Suite("Catalog folders: spellings and symbolic links")
struct CatalogFolderTests {
    let builtIn = CatalogSource.builtIn(BuiltinCatalog.files)
    let key = CompiledCatalog.key(of: BuiltinCatalog.files)

    @Test("dir, dir/, dir/. and a link to dir compile once, into one cache file")
    func fourSpellingsCompileOnce() throws {
        let folder = TestPaths.catalogFolder(["vendors/acme.yaml": Fixtures.acmeVendor])
        let link = TestPaths.temporaryDirectory("catalog-link").appendingPathComponent("acme")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: folder)
        let cacheFolder = TestPaths.temporaryDirectory("cache").path + "/triage"
        let cache = CatalogCache(directory: cacheFolder)
        let spellings = [folder.path, folder.path + "/", folder.path + "/.", link.path]
        var outcomes: [CatalogCache.Outcome] = []
        for spelling in spellings {
            let loaded = cache.load(builtIn: builtIn, builtInKey: key, folders: [spelling])
            #expect(loaded.problems.isEmpty, "\(spelling): \(loaded.problems)")
            #expect(loaded.catalog.entry(CodeReference(vendor: "acme", code: "KEY_INVALID")) != nil, "\(spelling)")
            outcomes.append(loaded.outcome)
        }
        if case .built = outcomes[0] {} else { Issue.record("the first load compiles: \(outcomes[0])") }
        #expect(outcomes.dropFirst().allSatisfy { $0 == .hit }, "\(outcomes)")
        let files = try FileManager.default.contentsOfDirectory(atPath: cacheFolder).filter { $0.hasSuffix(".bin") }
        #expect(files.count == 1, "\(files)")
        #expect(Set(spellings.map { cache.file(builtInKey: key, folders: [$0]) }).count == 1)
    }

    @Test("a folder that is a symbolic link loads and lints like the folder")
    func aLinkedFolderLoads() throws {
        let folder = TestPaths.catalogFolder(["vendors/acme.yaml": Fixtures.acmeVendor])
        let link = TestPaths.temporaryDirectory("catalog-link").appendingPathComponent("linked")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: folder)
        let read = CatalogSource.directory(link.path)
        #expect(read.problems.isEmpty, "\(read.problems)")
        #expect(read.source.files.map(\.path) == [link.path + "/vendors/acme.yaml"], "shown under the name given")
        let loaded = CatalogLoader.load([builtIn, read.source])
        #expect(loaded.problems.isEmpty)
        #expect(loaded.catalog.entry(CodeReference(vendor: "acme", code: "KEY_INVALID")) != nil)
    }

    @Test("a loop of symbolic links is an error at once")
    func aLoopIsAnError() throws {
        let base = TestPaths.temporaryDirectory("catalog-loop")
        let first = base.appendingPathComponent("a"), second = base.appendingPathComponent("b")
        try FileManager.default.createSymbolicLink(atPath: first.path, withDestinationPath: second.path)
        try FileManager.default.createSymbolicLink(atPath: second.path, withDestinationPath: first.path)
        let read = CatalogSource.directory(first.path)
        #expect(read.problems.map(\.message) == ["the catalog folder is a loop of symbolic links"])
        #expect(CatalogFolder.resolve(first.path) == .failure(.loop))
        #expect(CatalogFolder.resolve(base.appendingPathComponent("none").path) == .failure(.missing))
    }
}
