import BuiltinCatalog
import Testing
@testable import TriageCore

/// Bytes carried as a Swift string literal: every byte value survives, the source holds nothing a literal cannot,
/// and the built-in catalog read that way is the catalog compiled from its files.
@Suite struct ByteLiteralTests {
    /// What the Swift compiler makes of `source(of:)`: the escapes turned back into scalars, as UTF-8.
    static func compiled(_ source: String) -> [UInt8] {
        var scalars = String.UnicodeScalarView()
        var characters = source.unicodeScalars.makeIterator()
        while let scalar = characters.next() {
            guard scalar == "\\" else { scalars.append(scalar); continue }
            switch characters.next() {
            case "0": scalars.append("\0")
            case "t": scalars.append("\t")
            case "n": scalars.append("\n")
            case "r": scalars.append("\r")
            case "\"": scalars.append("\"")
            case "\\": scalars.append("\\")
            case "u":
                _ = characters.next()  // {
                var hex = ""
                while let digit = characters.next(), digit != "}" { hex.unicodeScalars.append(digit) }
                scalars.append(Unicode.Scalar(UInt32(hex, radix: 16)!)!)
            default: Issue.record("unknown escape")
            }
        }
        return Array(String(scalars).utf8)
    }

    static func roundTrip(_ bytes: [UInt8]) -> [UInt8]? {
        compiled(ByteLiteral.source(of: bytes)).withUnsafeBufferPointer(ByteLiteral.bytes(fromUTF8:))
    }

    @Test func everyByteValueSurvivesAtEveryAlignment() {
        let all = (0...255).map(UInt8.init)
        for shift in 0..<9 {
            let bytes = Array(repeating: UInt8(ascii: "a"), count: shift) + all + all.reversed() + Array("tail".utf8)
            #expect(Self.roundTrip(bytes) == bytes, "shift \(shift)")
        }
        #expect(Self.roundTrip([]) == [])
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let bytes = (0..<Int.random(in: 0...300, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(Self.roundTrip(bytes) == bytes)
        }
    }

    @Test func theSourceHoldsOnlyPrintableScalarsAndNoQuoteOrBackslashUnescaped() {
        let source = ByteLiteral.source(of: (0...255).map(UInt8.init))
        var previousWasBackslash = false
        for scalar in source.unicodeScalars {
            #expect(scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value), "\(scalar.value)")
            if scalar == "\"" { #expect(previousWasBackslash) }
            previousWasBackslash = scalar == "\\" && !previousWasBackslash
        }
    }

    @Test func utf8ThatNoLiteralOfBytesHasIsRefused() {
        for bad: [UInt8] in [[0xE2, 0x82, 0xAC], [0xC3], [0xC3, 0x41], [0x80], [0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0xC4, 0x80]] {
            #expect(bad.withUnsafeBufferPointer(ByteLiteral.bytes(fromUTF8:)) == nil, "\(bad)")
        }
    }

    @Test func theEmbeddedCatalogIsTheOneCompiledFromItsFiles() throws {
        let embedded = try #require(BuiltinCatalog.compiled)
        let loaded = CatalogLoader.load([CatalogSource.builtIn(BuiltinCatalog.files)])
        #expect(loaded.problems.isEmpty)
        #expect(embedded == CompiledCatalog.encode(loaded.catalog))
        let index = try #require(BuiltinCatalog.searchIndex)
        let catalog = try #require(CompiledCatalog.decode(embedded))
        #expect(index == SearchIndex(catalog: catalog).encoded())
    }

    /// The built-in catalog and index are decoded straight into memory of their own (`CatalogBytes(literal:)`),
    /// with the same decoder: the same bytes, page-aligned; a literal that is not one of bytes is refused.
    @Test func aLiteralDecodesIntoMemoryOfItsOwn() throws {
        let bytes = try #require(CatalogBytes(literal: "a\0\u{7f}\u{80}\u{ff}0123456789\u{c3}"))
        #expect(Array(bytes.buffer) == [0x61, 0x00, 0x7F, 0x80, 0xFF] + Array("0123456789".utf8) + [0xC3])
        #expect(Int(bitPattern: bytes.buffer.baseAddress) % 4096 == 0)
        #expect(CatalogBytes(literal: "price: \u{20ac}") == nil)
        #expect(CatalogBytes(literal: "")?.buffer.count == 0)
        let catalog = try #require(BuiltinCatalog.catalog())
        let compiled = try #require(BuiltinCatalog.compiled)
        let decoded = try #require(CompiledCatalog.decode(compiled))
        #expect(Array(catalog.entries) == Array(decoded.entries))
        let embeddedIndex = try #require(BuiltinCatalog.searchIndex)
        let indexBytes = try #require(BuiltinCatalog.searchIndexBytes)
        #expect(Int(bitPattern: indexBytes.buffer.baseAddress) % 4096 == 0)
        let index = try #require(SearchIndex(decoding: indexBytes, catalog: catalog, check: .structure))
        #expect(index.encoded() == embeddedIndex)
    }
}
