import Foundation
import Testing
@testable import BuiltinCatalog
import TriageCore

/// The catalog and index embedded in the binary as base64 read back exactly as Foundation reads them, and the
/// cache key worked out at build time is the compiled bytes' key.
@Suite struct BuiltinEmbeddingTests {
    @Test func embeddedBytesDecodeAsFoundationDecodesThem() throws {
        for text in [EmbeddedCatalogFiles.compiled, EmbeddedCatalogFiles.searchIndex] {
            let text = try #require(text)
            #expect(Base64Bytes.decode(text) == [UInt8](try #require(Data(base64Encoded: text))))
        }
    }

    @Test func everyLengthAndPaddingDecodesAsFoundationDoes() throws {
        var generator = SystemRandomNumberGenerator()
        for length in 0..<70 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = Data(bytes).base64EncodedString()
            #expect(Base64Bytes.decode(text) == bytes, "\(length) bytes")
        }
    }

    @Test func textThatIsNotBase64IsRefused() {
        for text in ["A", "AB", "ABC", "AB=C", "A===", "AB*D", "ABCD\n", "ab cd", "Zm9v\u{e9}", "=AAA"] {
            #expect(Base64Bytes.decode(text) == nil, "\(text)")
        }
    }

    @Test func theBuildTimeKeyIsTheCompiledBytesKey() throws {
        let compiled = try #require(BuiltinCatalog.compiled)
        #expect(BuiltinCatalog.compiledKey == CompiledCatalog.key(of: compiled))
    }

    @Test func theBuiltInCatalogDecodesWithoutItsWholeChecksumLikeWithIt() throws {
        let compiled = try #require(BuiltinCatalog.compiled)
        let checked = try #require(CompiledCatalog.decode(compiled))
        let trusted = try #require(CompiledCatalog.decodeBuiltIn(compiled))
        #expect(Array(trusted.entries) == Array(checked.entries))
        #expect(trusted.vendors == checked.vendors)
    }
}
