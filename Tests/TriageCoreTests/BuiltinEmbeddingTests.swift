import Foundation
import Testing
import BuiltinCatalog
import TriageCore

/// The cache key worked out at build time is the compiled bytes' key, and the built-in catalog opened without its
/// whole checksum is the same catalog.
@Suite struct BuiltinEmbeddingTests {
    @Test func theBuildTimeKeyIsTheCompiledBytesKey() throws {
        let compiled = try #require(BuiltinCatalog.compiled)
        #expect(BuiltinCatalog.compiledKey == CompiledCatalog.key(of: compiled))
    }

    @Test func theBuiltInCatalogDecodesWithoutItsWholeChecksumLikeWithIt() throws {
        let compiled = try #require(BuiltinCatalog.compiled)
        let checked = try #require(CompiledCatalog.decode(compiled))
        let trusted = try #require(BuiltinCatalog.catalog())
        #expect(Array(trusted.entries) == Array(checked.entries))
        #expect(trusted.vendors == checked.vendors)
    }
}
