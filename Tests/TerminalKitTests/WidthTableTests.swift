import Foundation
import Testing
@testable import TerminalKit
#if canImport(Glibc)
import Glibc
#endif

/// One width table (`DisplayWidth`), and what the painter draws (`CellPieces`) takes as many columns as the
/// terminal's `wcwidth` says, so nothing shifts a row or leaves stale cells (flags included).
@Suite struct WidthTableTests {
    /// glibc's width of one scalar in a UTF-8 locale, what ncurses and tmux use.
    private func terminalWidth(_ scalar: Unicode.Scalar) -> Int32 {
        _ = setlocale(LC_CTYPE, "C.UTF-8")
        // wcwidth is not in the Glibc module's view: looked up by name.
        typealias WCWidth = @convention(c) (Int32) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "wcwidth") else { return -2 }
        return unsafeBitCast(symbol, to: WCWidth.self)(Int32(bitPattern: scalar.value))
    }

    @Test func whatIsDrawnIsAsWideAsTheTerminalCountsIt() {
        let samples: [Character] = ["🇫🇷", "🇺🇸", "a", "é", "認", "エ", "👨‍👩‍👧", "❤️", "😀", "🌡", "👍🏽", "한"]
        for character in samples {
            let pieces = CellPieces.of(character)
            #expect(pieces.reduce(0) { $0 + $1.width } == DisplayWidth.of(character), "\(character)")
            for piece in pieces {
                let first = piece.text.unicodeScalars.first!
                #expect(Int(terminalWidth(first)) == piece.width, "\(character): U+\(String(first.value, radix: 16))")
            }
        }
    }

    @Test func aFlagIsDrawnAsItsLetters() {
        #expect(CellPieces.of("🇫🇷").map(\.text) == ["F", "R"])
        #expect(DisplayWidth.of("🇫🇷") == 2)
        #expect(CellPieces.flattened("go 🇫🇷 now") == "go FR now")
        #expect(CellPieces.flattened("👨‍👩‍👧") == "👨👩👧")
        #expect(CellPieces.flattened("plain é") == "plain é")
    }

    @Test func everyInvisibleCharacterIsMadeVisible() {
        let invisible: [UInt32] = [0xE0041, 0xE0001, 0xE007F, 0xFFF9, 0xFFFA, 0xFFFB, 0x180E, 0x115F, 0x1160, 0x3164,
                                   0xFFA0, 0x034F, 0x061C, 0x206A, 0x206F, 0x200B, 0x200C, 0x2060, 0x2064, 0xFEFF,
                                   0xFE00, 0xE0100, 0x17B4, 0x1BCA0]
        for value in invisible {
            let scalar = Unicode.Scalar(value)!
            #expect(TerminalSafe.isUnsafe(scalar), "U+\(String(value, radix: 16))")
            let shown = TerminalSafe.sanitize("a\(scalar)b")
            #expect(shown == "a\\u{\(String(value, radix: 16, uppercase: true))}b", "\(shown)")
        }
        // Emoji keep their joiners and variation selectors; ordinary text is untouched.
        for kept in ["❤️", "👨‍👩‍👧", "plain text", "Grüße, 認証", "한국어"] {
            #expect(TerminalSafe.sanitize(kept) == kept, "\(kept)")
        }
        #expect(TerminalSafe.sanitize("x\u{FE0F}") == "x\\u{FE0F}", "a variation selector after a letter")
    }
}
