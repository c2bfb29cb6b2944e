import Testing
@testable import TriageCore

/// Vendor names fold byte by byte when they are ASCII, exactly as by characters.
@Suite struct QuerySteeringFoldTests {
    @Test func asciiNamesFoldAsByCharacters() {
        let every = String((0..<128).map { Character(Unicode.Scalar(UInt8($0))) })
        for name in [every, "CometChat", "comet-chat", "Sentiance SDK v2", "A_B.c", "", "---", "Zz09"] {
            let byCharacters = Array(name.lowercased().filter { $0.isLetter || $0.isNumber })
            #expect(QuerySteering.folded(name) == byCharacters, "\(name.debugDescription)")
        }
        #expect(QuerySteering.folded("Ünïcode Pay") == Array("ünïcodepay"))
    }
}
