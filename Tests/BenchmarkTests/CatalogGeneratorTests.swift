import BuiltinCatalog
import CatalogGenerator
import Foundation
import Testing
import TestSupport
import TriageCore

/// The benchmark's catalog generator: deterministic, in the real format, with a vocabulary that grows.
@Suite struct CatalogGeneratorTests {
    @Test func sameSeedGivesIdenticalFilesAndAnotherSeedDoesNot() {
        let first = CatalogGenerator(codes: 700, seed: 7).vendorFiles()
        let again = CatalogGenerator(codes: 700, seed: 7).vendorFiles()
        let other = CatalogGenerator(codes: 700, seed: 8).vendorFiles()
        #expect(first.map(\.name) == again.map(\.name))
        #expect(first.map(\.text) == again.map(\.text))
        #expect(first.map(\.text) != other.map(\.text))
    }

    @Test func writtenCatalogLoadsCleanlyWithExactlyTheRequestedCodes() throws {
        let directory = TestPaths.temporaryDirectory("generated").path
        let summary = try CatalogGenerator(codes: 1_000, seed: 3).write(to: directory)
        let read = CatalogSource.directory(directory)
        #expect(read.problems.map(\.description) == [])
        let loaded = CatalogLoader.load([CatalogSource.builtIn(BuiltinCatalog.files), read.source])
        #expect(loaded.problems.map(\.description) == [])
        #expect(loaded.catalog.entries.count == 1_000 + 143)
        #expect(summary.vendors == 5)
        let generated = loaded.catalog.entries.dropFirst(143)
        #expect(generated.contains { !$0.related.isEmpty })
        #expect(generated.contains { $0.message != nil })
        #expect(generated.contains { !$0.keywords.isEmpty && !$0.causes.isEmpty && !$0.checks.isEmpty })
        #expect(Set(generated.map(\.vendor)).count == 5)
    }

    @Test func vocabularyGrowsWithTheCatalog() throws {
        let small = try CatalogGenerator(codes: 500, seed: 1).write(to: TestPaths.temporaryDirectory("small").path)
        let large = try CatalogGenerator(codes: 5_000, seed: 1).write(to: TestPaths.temporaryDirectory("large").path)
        #expect(small.distinctWords > 500)
        #expect(large.distinctWords > 3 * small.distinctWords / 2)
        #expect(large.distinctWords > 2_000)
    }
}
