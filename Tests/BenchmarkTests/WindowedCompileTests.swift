import BuiltinCatalog
import CatalogGenerator
import Foundation
import Testing
import TestSupport
@testable import TriageCore

/// The compile that writes the cache file in a bounded window (`CatalogCompiler`) gives what loading the catalog
/// whole and encoding it gave: the same bytes, so the same entries, lookups and search results; it holds a few
/// files' entries at a time, not the catalog; and a catalog with problems is reported as the whole loader does.
@Suite struct WindowedCompileTests {
    let builtIn = CatalogSource.builtIn(BuiltinCatalog.files)
    let key = CompiledCatalog.key(of: BuiltinCatalog.files)

    /// A generated catalog of 3,000 codes in one folder, and a second folder overriding two of its vendor files
    /// (the same codes again, from other files: the entries keep their places and take the new locations).
    static let folders: [String] = {
        let files = CatalogGenerator(codes: 3_000, seed: 5).vendorFiles()
        var first: [String: String] = [:]
        for file in files { first["vendors/\(file.name)"] = file.text }
        let second = ["override/\(files[1].name)": files[1].text, "override/more/\(files[2].name)": files[2].text]
        return [TestPaths.catalogFolder(first).path, TestPaths.catalogFolder(second).path]
    }()

    private func whole(_ folders: [String]) -> (catalog: Catalog, problems: [CatalogProblem]) {
        let read = CatalogSources.reading(builtIn, then: folders)
        let loaded = CatalogLoader.load(read.sources)
        return (loaded.catalog, read.problems + loaded.problems)
    }

    @Test func theCacheFileHoldsTheWholeEncodingsBytes() throws {
        let cache = CatalogCache(directory: TestPaths.temporaryDirectory("windowed").path + "/triage")
        let compiled = cache.load(builtIn: builtIn, builtInKey: key, folders: Self.folders)
        #expect(compiled.problems.isEmpty)
        #expect(compiled.outcome == .built("no cache yet"))
        let loaded = whole(Self.folders)
        #expect(loaded.problems.isEmpty)
        let encoded = CompiledCatalog.encode(loaded.catalog)
        let file = try [UInt8](Data(contentsOf: URL(fileURLWithPath: cache.file(builtInKey: key, folders: Self.folders))))
        #expect(file.count > encoded.count)
        #expect(file.suffix(encoded.count).elementsEqual(encoded))
        #expect(cache.verify(builtInKey: key, folders: Self.folders) == true)

        // The same entries, lookups and search results as the catalog loaded whole.
        let catalog = compiled.catalog
        #expect(catalog.entries == loaded.catalog.entries)
        #expect(catalog.vendors == loaded.catalog.vendors)
        #expect(catalog.treeIDs == loaded.catalog.treeIDs)
        for index in stride(from: 0, to: catalog.entries.count, by: 97) {
            let entry = loaded.catalog.entries[index]
            #expect(catalog.index(of: entry.reference) == loaded.catalog.index(of: entry.reference))
            #expect(catalog.indices(code: entry.code.lowercased()) == loaded.catalog.indices(code: entry.code.lowercased()))
        }
        let searched = Searcher(index: SearchIndex(catalog: catalog)), expected = Searcher(index: SearchIndex(catalog: loaded.catalog))
        let first = loaded.catalog.entries[loaded.catalog.entries.count / 2]
        for query in ["timeout", "invalid token", first.code, first.message ?? first.description, "zzzz nothing"] {
            #expect(searched.search(query, limit: 50) == expected.search(query, limit: 50), "\(query)")
        }
        // A second start finds it current.
        #expect(cache.load(builtIn: builtIn, builtInKey: key, folders: Self.folders).outcome == .hit)
    }

    @Test func theCompileHoldsAWindowOfFilesNotTheCatalog() throws {
        let directory = TestPaths.temporaryDirectory("window").path
        let stamped = Self.folders.flatMap { CatalogFileStamp.files(in: $0) ?? [] }
        var compiler = CatalogCompiler(directory: directory)
        compiler.filesAhead = 2
        let result = compiler.compile(builtIn: builtIn, folders: Self.folders, stamped: stamped, into: directory + "/out.bin",
                                      prefix: { _ in [] }, open: { CatalogBytes.file($0).flatMap { CompiledCatalog.open($0) } })
        #expect(result.outcome == .written)
        let sources = CatalogSources.reading(builtIn, then: Self.folders).sources
        let codesPerFile = sources.flatMap(\.files).map { file in
            if case let .vendor(vendor) = ParsedCatalogFile.parse(path: file.path, text: file.text, source: "s").content {
                return vendor.codes.count
            }
            return 0
        }
        let total = codesPerFile.reduce(0, +)
        #expect(result.window.files >= 1 && result.window.files <= 2)
        // At most two files' entries parsed and not yet merged, whatever the catalog's size.
        let twoLargest = codesPerFile.sorted(by: >).prefix(2).reduce(0, +)
        #expect(result.window.entries <= twoLargest)
        #expect(result.window.entries * 4 < total, "\(result.window.entries) of \(total)")
        // The file is the whole encoding of the catalog.
        let encoded = CompiledCatalog.encode(CatalogLoader.load(sources).catalog)
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/out.bin")) == Data(encoded))
    }

    @Test func aCatalogWithProblemsIsReportedAsTheWholeLoaderReportsIt() throws {
        let files = CatalogGenerator(codes: 400, seed: 7).vendorFiles()
        var broken: [String: String] = [:]
        for file in files { broken["vendors/\(file.name)"] = file.text }
        let name = files[0].name
        broken["vendors/\(name)"] = files[0].text + "  - code: EXTRA_ONE\n    category: nowhere\n    description: d\n    related: [NOT_A_CODE]\n"
        broken["vendors/zz-\(name)"] = files[0].text  // the same codes in another file of the same folder
        let folder = TestPaths.catalogFolder(broken).path
        let cache = CatalogCache(directory: TestPaths.temporaryDirectory("broken").path + "/triage")
        let loaded = cache.load(builtIn: builtIn, builtInKey: key, folders: [folder])
        #expect(loaded.outcome == .uncached("the catalog has problems"))
        #expect(!loaded.problems.isEmpty)
        #expect(loaded.problems == whole([folder]).problems)
        #expect(!FileManager.default.fileExists(atPath: cache.file(builtInKey: key, folders: [folder])))
    }
}
