import TerminalKit
import Testing
import TriageCore
@testable import TriageUI

/// Emoji sequences and zero-width characters cannot break the full-screen layout: every rendered row advances
/// a per-code-point terminal (ncurses, wcwidth) by exactly the screen width, and no cell holds a joiner,
/// variation selector or modifier that would make a per-grapheme terminal draw it narrower.
@Suite("Wide and zero-width text on screen")
struct WideTextTests {
    /// Columns a per-code-point terminal advances for a row.
    private func terminalColumns(_ row: String) -> Int {
        row.unicodeScalars.reduce(0) { $0 + DisplayWidth.of($1) }
    }

    private let merging: Set<UInt32> = [0x200D, 0xFE0E, 0xFE0F, 0x1F3FB, 0x1F3FC, 0x1F3FD, 0x1F3FE, 0x1F3FF]

    @Test func anEmojiFamilyIsDrawnAsItsParts() {
        var screen = Buffer(width: 12, height: 1)
        let used = screen.put("a👨‍👩‍👧b👍🏽❤️e\u{301}", x: 0, y: 0)
        #expect(screen.lines == ["a👨👩👧b👍❤é"])
        #expect(used == terminalColumns(screen.lines[0]))
        #expect(used == DisplayWidth.of("a👨‍👩‍👧b👍🏽❤️e\u{301}"))
    }

    @Test func zeroWidthCharactersTakeNoCellAndHideNothing() {
        var screen = Buffer(width: 30, height: 1)
        // A tag character outside an emoji flag hides text too (issue 19): shown, like a zero-width space.
        screen.put("x\u{E0001}y\u{200B}z\u{202E}w", x: 0, y: 0)
        #expect(screen.lines == ["x\\u{E0001}y\\u{200B}z\\u{202E}w"])
    }

    @Test func aCatalogFullOfSequencesKeepsEveryRowTheScreenWidth() {
        let yaml = """
            vendor: {id: emoji, name: "Emoji 👨‍👩‍👧‍👦"}
            categories: [{id: c, name: "Flags 🇩🇪🇫🇷 🏴󠁧󠁢󠁳󠁣󠁴󠁿"}]
            codes:
              - code: "FAMILY_👨‍👩‍👧‍👦_👍🏽"
                category: c
                message: "❤️ ☺️ 🏳️‍🌈 e\\u0301 각 \\u1100\\u1161\\u11A8"
                description: "Joined 👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻 zero\\u200Dwidth \\u2060 \\uFEFF end"
            """
        let loaded = CatalogLoader.load([CatalogSource(name: "t", files: [("e.yaml", yaml)])])
        #expect(loaded.problems.isEmpty, "\(loaded.problems)")
        for (width, height) in [(80, 24), (120, 40), (40, 12)] {
            var program = BrowserProgram.sized(loaded.catalog, width: width, height: height)
            for key in [Key.tab, .enter, .down] {
                _ = program.send(key)
                let screen = program.render()
                for (row, line) in screen.lines.enumerated() {
                    // Trailing spaces are trimmed from `lines`; a row is never wider than the screen.
                    #expect(terminalColumns(line) <= width, "\(width)x\(height) row \(row): \(line)")
                }
                for cell in screen.cells {
                    #expect(!cell.text.unicodeScalars.contains { merging.contains($0.value) }, "cell \(cell.text.unicodeScalars.map { String($0.value, radix: 16) })")
                }
                // The frame's right border is in the last column of every bordered row.
                for line in screen.lines where line.hasPrefix("│") {
                    #expect(terminalColumns(line) == width, "\(width)x\(height): \(line)")
                }
            }
        }
    }
}
