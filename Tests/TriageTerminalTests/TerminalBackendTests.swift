import CNcurses
import Foundation
import Testing
import TerminalKit
@testable import TriageTerminal

// MARK: - Pure parts of the ncurses backend

@Suite struct TerminalBackendKeyTests {
    @Test(arguments: [
        (KEY_UP, Key.up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
        (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_HOME, .home), (KEY_END, .end),
        (KEY_ENTER, .enter), (KEY_BACKSPACE, .backspace), (KEY_DC, .delete), (KEY_BTAB, .backTab),
        (KEY_A1, .home), (KEY_C1, .end), (KEY_A3, .pageUp), (KEY_C3, .pageDown),
    ])
    func keyCodes(code: Int32, key: Key) {
        #expect(KeyDecoder.decode(.keyCode(code)) == .key(key))
    }

    @Test func functionKeysResizeAndMouse() {
        #expect(KeyDecoder.decode(.keyCode(shim_key_f(1))) == .key(.function(1)))
        #expect(KeyDecoder.decode(.keyCode(shim_key_f(12))) == .key(.function(12)))
        #expect(KeyDecoder.decode(.keyCode(KEY_RESIZE)) == .resize)
        #expect(KeyDecoder.decode(.keyCode(KEY_MOUSE)) == .mouse)
        #expect(KeyDecoder.decode(.keyCode(KEY_IC)) == .ignore)
        #expect(KeyDecoder.decode(.keyCode(shim_key_f(0))) == .ignore)
    }

    @Test(arguments: [
        (UInt32(13), Key.enter), (10, .enter), (9, .tab), (127, .backspace), (8, .backspace), (27, .escape),
        (3, .control("c")), (1, .control("a")), (26, .control("z")), (0, .control("@")), (31, .control("_")),
        (0x71, .character("q")), (0x20, .character(" ")), (0xE9, .character("é")), (0x65E5, .character("日")),
        (0x1F600, .character("😀")),
    ])
    func characters(value: UInt32, key: Key) {
        #expect(KeyDecoder.decode(.character(value)) == .key(key))
    }

    @Test func keyCodeAndCharacterNumbersOverlapButDecodeApart() {
        // KEY_DOWN is 0402 = U+0102 "Ă": the return value of get_wch, not the number, says which.
        #expect(UInt32(KEY_DOWN) == 0x102)
        #expect(KeyDecoder.decode(.keyCode(KEY_DOWN)) == .key(.down))
        #expect(KeyDecoder.decode(.character(0x102)) == .key(.character("Ă")))
    }

    @Test func c1ControlsAndInvalidScalarsAreIgnored() {
        #expect(KeyDecoder.decode(.character(0x9B)) == .ignore)
        #expect(KeyDecoder.decode(.character(0xD800)) == .ignore)
    }

    @Test func extraSequencesCoverKeysMisdescribedByTERM() {
        let table = Dictionary(ExtraKeySequences.all.map { ($0.sequence, $0.code) }, uniquingKeysWith: { first, _ in first })
        #expect(table.count == ExtraKeySequences.all.count, "no sequence is listed twice")
        #expect(table["\u{1B}[1~"] == KEY_HOME)
        #expect(table["\u{1B}[4~"] == KEY_END)
        #expect(table["\u{1B}[5~"] == KEY_PPAGE)
        #expect(table["\u{1B}[6~"] == KEY_NPAGE)
        #expect(table["\u{1B}OA"] == KEY_UP)
        #expect(table["\u{1B}[Z"] == KEY_BTAB)
        #expect(table["\u{1B}[15~"] == shim_key_f(5))
        #expect(table["\u{1B}[24~"] == shim_key_f(12))
        #expect(table["\u{1B}OP"] == shim_key_f(1))
    }

    @Test func mouseReports() {
        #expect(MouseDecoder.decode(buttons: UInt32(shim_mouse_button1()), x: 3, y: 4)
            == MouseEvent(kind: .press, x: 3, y: 4))
        #expect(MouseDecoder.decode(buttons: UInt32(shim_mouse_wheel_up()), x: 0, y: 0)?.kind == .wheelUp)
        #expect(MouseDecoder.decode(buttons: UInt32(shim_mouse_wheel_down()), x: 0, y: 0)?.kind == .wheelDown)
        #expect(MouseDecoder.decode(buttons: 0, x: 0, y: 0) == nil)
    }
}

/// Serialized: terminfo lookups (setupterm) share ncurses' global state and must not run on two threads at once.
@Suite(.serialized) struct TerminalBackendCapabilityTests {
    @Test func utf8Codesets() {
        #expect(TerminalCapabilities.isUTF8(codeset: "UTF-8"))
        #expect(TerminalCapabilities.isUTF8(codeset: "utf8"))
        #expect(!TerminalCapabilities.isUTF8(codeset: "ANSI_X3.4-1968"))
        #expect(!TerminalCapabilities.isUTF8(codeset: "ISO-8859-1"))
        #expect(!TerminalCapabilities.isUTF8(codeset: ""))
    }

    @Test(arguments: [
        ("xterm", "UTF-8", true), ("xterm-256color", "UTF-8", true), ("screen", "UTF-8", true),
        ("tmux-256color", "UTF-8", true), ("screen-256color", "UTF-8", true),
        ("linux", "UTF-8", false), ("vt100", "UTF-8", false), ("vt220", "UTF-8", false), ("dumb", "UTF-8", false),
        ("xterm-256color", "ANSI_X3.4-1968", false), ("xterm", "ISO-8859-1", false),
    ])
    func unicodeDecision(term: String, codeset: String, unicode: Bool) {
        #expect(TerminalCapabilities.unicode(term: term, codeset: codeset) == unicode)
    }

    @Test func asciiOnlyFollowsTheLocaleNotTERM() {
        #expect(!TerminalCapabilities.asciiOnly(codeset: "UTF-8"))
        #expect(TerminalCapabilities.asciiOnly(codeset: "ANSI_X3.4-1968"))
    }

    @Test func noColor() {
        #expect(TerminalCapabilities.colorsWanted(environment: [:]))
        #expect(TerminalCapabilities.colorsWanted(environment: ["NO_COLOR": ""]))
        #expect(!TerminalCapabilities.colorsWanted(environment: ["NO_COLOR": "1"]))
    }

    @Test(arguments: ["xterm", "xterm-256color", "screen", "tmux-256color", "linux", "vt100"])
    func supportedTerminalsAreKnown(term: String) {
        #expect(TerminalRunner.termProblem(term) == nil)
    }

    @Test func unknownAndUnusableTerminalsAreExplained() throws {
        let unknown = try #require(TerminalRunner.termProblem("no-such-terminal-xyz"))
        #expect(unknown.contains("unknown terminal type TERM=no-such-terminal-xyz"))
        let dumb = try #require(TerminalRunner.termProblem("dumb"))
        #expect(dumb.contains("cannot move the cursor"))
        let unset = try #require(TerminalRunner.termProblem(nil))
        #expect(unset.contains("TERM is not set"))
        #expect(TerminalRunner.termProblem("")?.contains("TERM is not set") == true)
        #expect(TerminalCapabilities.problem(term: "evil\u{1B}[2J", status: 0)?.contains("\u{1B}") == false)
    }

    @Test func runThrowsAClearErrorForAnUnknownTERM() {
        struct QuitAtOnce: TerminalProgram {
            var shutdowns: Counter
            mutating func update(_ event: InputEvent) -> Update<Never> { .quit }
            func view(_ context: RenderContext) -> Buffer { Buffer(width: 0, height: 0) }
            func shutdown() { shutdowns.value += 1 }
        }
        let counter = Counter()
        var program = QuitAtOnce(shutdowns: counter)
        #expect(throws: TerminalError.self) {
            _ = try TerminalRunner.run(&program, options: TerminalOptions(environment: ["TERM": "no-such-terminal-xyz"]))
        }
        #expect(counter.value == 1, "shutdown runs exactly once on every way out")
    }

    @Test func checkTerminalWithoutATerminal() {
        // Under `swift test` stdin is usually not a terminal; when it is, the check must pass the TERM test.
        let result = TerminalRunner.checkTerminal(environment: ["TERM": "no-such-terminal-xyz"])
        if isatty(STDIN_FILENO) == 0 {
            #expect(result == .unavailable(reason: "standard input is not a terminal"))
        } else if isatty(STDOUT_FILENO) == 1 {
            #expect(result != .ok)
        }
    }
}

final class Counter: @unchecked Sendable {
    var value = 0
}

@Suite struct TerminalBackendStyleTests {
    let colors = ColorMode(enabled: true, defaultColors: true)

    @Test func plainIsNormal() {
        let plan = StylePlanner.plan(.plain, mode: colors)
        #expect(plan == AttributePlan())
        #expect(plan.attributes == shim_attr_normal())
    }

    @Test func attributesMapToNcursesBits() {
        let plan = StylePlanner.plan(Style(bold: true, underline: true, reverse: true, dim: true), mode: colors)
        #expect(plan.attributes
            == shim_attr_bold() | shim_attr_underline() | shim_attr_reverse() | shim_attr_dim())
        #expect(plan.colors == nil)
    }

    @Test func colorsUseMinusOneForTheDefault() {
        #expect(StylePlanner.plan(Style(foreground: .red), mode: colors).colors == ColorKey(foreground: 1, background: -1))
        #expect(StylePlanner.plan(Style(background: .yellow), mode: colors).colors == ColorKey(foreground: -1, background: 3))
        #expect(StylePlanner.plan(Style(foreground: .black, background: .white), mode: colors).colors
            == ColorKey(foreground: 0, background: 7))
    }

    @Test func withoutDefaultColorsTheDefaultIsWhiteOnBlack() {
        let mode = ColorMode(enabled: true, defaultColors: false)
        #expect(StylePlanner.plan(Style(foreground: .red), mode: mode).colors == ColorKey(foreground: 1, background: 0))
        #expect(StylePlanner.plan(Style(background: .blue), mode: mode).colors == ColorKey(foreground: 7, background: 4))
    }

    @Test func noColorKeepsBoldReverseUnderline() {
        let plan = StylePlanner.plan(Style(foreground: .red, background: .blue, bold: true, underline: true, reverse: true),
                                     mode: .none)
        #expect(plan.colors == nil)
        #expect(plan.bold && plan.underline && plan.reverse)
    }

    @Test func colorPairsAreAllocatedLazilyUpToTheLimit() {
        var table = ColorPairTable(limit: 2)
        let red = ColorKey(foreground: 1, background: -1), blue = ColorKey(foreground: 4, background: -1)
        #expect(table.pair(for: red)! == (1, true))
        #expect(table.pair(for: red)! == (1, false))
        #expect(table.pair(for: blue)! == (2, true))
        #expect(table.pair(for: ColorKey(foreground: 2, background: 0)) == nil)
        #expect(table.pair(for: blue)! == (2, false))
        #expect(ColorPairTable(limit: 0).limit == 0)
        #expect(ColorPairTable(limit: 1 << 20).limit == Int(Int16.max))
    }
}

@Suite struct TerminalBackendNormalizerTests {
    private func screen(_ rows: [String], width: Int? = nil) -> Buffer {
        var screen = Buffer(width: width ?? rows.map { DisplayWidth.of($0) }.max() ?? 0, height: rows.count)
        for (y, row) in rows.enumerated() { screen.put(row, x: 0, y: y) }
        return screen
    }

    @Test func keepsPrintableTextAndWideCharacters() {
        let input = screen(["ab日c", "café"], width: 6)
        let output = ScreenNormalizer.normalize(input, width: 6, height: 2, asciiOnly: false)
        #expect(output == input)
        #expect(output[2, 0].text == "日" && output[3, 0].text == "")
    }

    @Test func controlCharactersBecomeQuestionMarks() {
        var input = Buffer(width: 3, height: 1)
        input[0, 0] = Cell("\u{1B}")
        input[1, 0] = Cell("\u{9B}")
        input[2, 0] = Cell("\u{7F}")
        #expect(ScreenNormalizer.normalize(input, width: 3, height: 1, asciiOnly: false).lines == ["???"])
    }

    @Test func brokenWideCharactersAreBlanked() {
        var input = Buffer(width: 4, height: 1)
        input[0, 0] = Cell("日")  // no continuation cell after it
        input[1, 0] = Cell("x")
        input[2, 0] = Cell("")  // continuation without a wide character
        input[3, 0] = Cell("日")  // in the last column
        let output = ScreenNormalizer.normalize(input, width: 4, height: 1, asciiOnly: false)
        #expect(output.cells.map(\.text) == [" ", "x", " ", " "])
    }

    @Test func zeroWidthAndMultiCharacterCells() {
        var input = Buffer(width: 3, height: 1)
        input[0, 0] = Cell("\u{301}")
        input[1, 0] = Cell("ab")
        input[2, 0] = Cell("e\u{301}")
        let output = ScreenNormalizer.normalize(input, width: 3, height: 1, asciiOnly: false)
        #expect(output.cells.map(\.text) == [" ", "a", "e\u{301}"])
    }

    @Test func asciiOnlyFoldsToCharactersTheLocaleCanEncode() {
        let input = screen(["┌─┐ 日本", "│é│ → …", "└─┘ ✓ “q”"], width: 10)
        let output = ScreenNormalizer.normalize(input, width: 10, height: 3, asciiOnly: true)
        #expect(output.lines == ["+-+ ????", "|e| > .", "+-+ v \"q\""])
        #expect(output.cells.allSatisfy { $0.text.unicodeScalars.allSatisfy(\.isASCII) && !$0.text.isEmpty })
    }

    @Test func clipsAndPadsToTheTerminalSizeAndDropsAnOffscreenCursor() {
        var input = screen(["abcdef", "ghijkl"])
        input.cursor = (5, 1)
        let smaller = ScreenNormalizer.normalize(input, width: 3, height: 1, asciiOnly: false)
        #expect(smaller.lines == ["abc"])
        #expect(smaller.cursor == nil)
        let larger = ScreenNormalizer.normalize(input, width: 8, height: 3, asciiOnly: false)
        #expect(larger.lines == ["abcdef", "ghijkl", ""])
        #expect(larger.cursor?.x == 5 && larger.cursor?.y == 1)
    }

    @Test func wideCharacterCutByTheRightEdgeIsBlanked() {
        let input = screen(["ab日"])
        let output = ScreenNormalizer.normalize(input, width: 3, height: 1, asciiOnly: false)
        #expect(output.cells.map(\.text) == ["a", "b", " "])
    }

    @Test(arguments: [false, true])
    func reusingTheLastFrameGivesWhatNormalizingAfreshGives(asciiOnly: Bool) {
        let texts = ["a", "日", "", "é", "\u{1B}", "ab", " ", "─"]
        var frame = Buffer(width: 6, height: 4)
        var memo: ScreenNormalizer.Memo?
        for step in 0..<200 {
            let index = (step * 7 + step / 5) % 24
            frame[index % 6, index / 6] = Cell(texts[(step * 3) % texts.count], style: Style(bold: step % 4 == 0))
            let fresh = ScreenNormalizer.normalize(frame, width: 6, height: 4, asciiOnly: asciiOnly)
            let reused = ScreenNormalizer.normalize(frame, width: 6, height: 4, asciiOnly: asciiOnly, reusing: memo)
            #expect(reused == fresh, "step \(step)")
            memo = ScreenNormalizer.Memo(raw: frame, normalized: reused, asciiOnly: asciiOnly)
        }
    }

    @Test func aMemoOfAnotherSizeOrRepertoireIsNotUsed() {
        let unicode = Buffer(width: 2, height: 1)
        var wide = Buffer(width: 2, height: 1)
        wide.put("日", x: 0, y: 0)
        let memo = ScreenNormalizer.Memo(raw: wide, normalized: wide, asciiOnly: false)
        #expect(ScreenNormalizer.normalize(wide, width: 2, height: 1, asciiOnly: true, reusing: memo).lines == ["??"])
        #expect(ScreenNormalizer.normalize(unicode, width: 3, height: 1, asciiOnly: false, reusing: memo).width == 3)
    }

    @Test func stylesSurviveNormalizing() {
        var input = Buffer(width: 2, height: 1)
        input.put("\u{7}x", x: 0, y: 0, style: Style(bold: true))
        let output = ScreenNormalizer.normalize(input, width: 2, height: 1, asciiOnly: true)
        #expect(output.cells.allSatisfy { $0.style.bold })
    }
}

@Suite struct TerminalBackendPaintPlannerTests {
    private func screen(_ rows: [String], width: Int) -> Buffer {
        var screen = Buffer(width: width, height: rows.count)
        for (y, row) in rows.enumerated() { screen.put(row, x: 0, y: y) }
        return screen
    }

    @Test func firstFrameWritesEveryRow() {
        let next = screen(["abc", "de"], width: 3)
        #expect(PaintPlanner.plan(previous: nil, next: next) == [
            PaintRun(x: 0, y: 0, text: "abc"), PaintRun(x: 0, y: 1, text: "de "),
        ])
    }

    @Test func sameFrameWritesNothing() {
        let next = screen(["abc", "de"], width: 3)
        #expect(PaintPlanner.plan(previous: next, next: next).isEmpty)
    }

    @Test func onlyChangedRunsAreWritten() {
        let previous = screen(["hello world", "second"], width: 11)
        let next = screen(["hellO worLD", "second"], width: 11)
        #expect(PaintPlanner.plan(previous: previous, next: next) == [
            PaintRun(x: 4, y: 0, text: "O"), PaintRun(x: 9, y: 0, text: "LD"),
        ])
    }

    @Test func aStyleChangeIsAChangeAndSplitsRuns() {
        let previous = screen(["abcd"], width: 4)
        var next = previous
        next.restyle(x: 1, y: 0, width: 2) { $0.reverse = true }
        next[3, 0] = Cell("D")
        #expect(PaintPlanner.plan(previous: previous, next: next) == [
            PaintRun(x: 1, y: 0, text: "bc", style: Style(reverse: true)), PaintRun(x: 3, y: 0, text: "D"),
        ])
    }

    @Test func wideCharactersAreWrittenOnceForTwoColumns() {
        let previous = screen(["abcd"], width: 4)
        let next = screen(["a日d"], width: 4)
        #expect(PaintPlanner.plan(previous: previous, next: next) == [PaintRun(x: 1, y: 0, text: "日", columns: 2)])
        #expect(PaintPlanner.plan(previous: next, next: previous) == [PaintRun(x: 1, y: 0, text: "bc")])
        #expect(PaintPlanner.plan(previous: nil, next: next) == [PaintRun(x: 0, y: 0, text: "a日d", columns: 4)])
    }

    @Test func replacingOneWideCharacterByAnother() {
        let previous = screen(["日本"], width: 4)
        let next = screen(["日語"], width: 4)
        #expect(PaintPlanner.plan(previous: previous, next: next) == [PaintRun(x: 2, y: 0, text: "語", columns: 2)])
    }

    @Test func aDifferentSizeRepaintsEverything() {
        let previous = screen(["ab"], width: 2)
        let next = screen(["ab", "cd"], width: 2)
        #expect(PaintPlanner.plan(previous: previous, next: next).count == 2)
    }

    @Test func terminfoPaddingIsStripped() {
        #expect(TerminfoText.stripPadding(Array("\u{1B}[m\u{0F}$<2>".utf8)) == Array("\u{1B}[m\u{0F}".utf8))
        #expect(TerminfoText.stripPadding(Array("a$<5/*>b$<1.5*>c".utf8)) == Array("abc".utf8))
        #expect(TerminfoText.stripPadding(Array("$x$<abc>$<".utf8)) == Array("$x$<abc>$<".utf8))
    }
}

/// Undecoded escape sequences are dropped whole.
@Suite struct EscapeSequenceSwallowerTests {
    private func verdicts(_ text: String) -> [EscapeSequenceSwallower.Verdict] {
        var swallower = EscapeSequenceSwallower()
        return text.unicodeScalars.map { swallower.feed($0.value) }
    }

    @Test func anX10MouseReportIsOneSequence() {
        #expect(verdicts("[Mq!!") == [.needMore, .needMore, .needMore, .needMore, .complete])
    }

    @Test func csiSs3AndStringSequences() {
        #expect(verdicts("[<0;12;5M").last == .complete)
        #expect(verdicts("[<0;12;5M").dropLast().allSatisfy { $0 == .needMore })
        #expect(verdicts("[200~") == [.needMore, .needMore, .needMore, .needMore, .complete])
        #expect(verdicts("Ox") == [.needMore, .complete])
        #expect(verdicts("]0;title\u{7}").last == .complete)
        #expect(verdicts("]52;c;aGk=\u{1B}\\").last == .complete)
        #expect(verdicts("]52;c;aGk=\u{1B}\\").dropLast().allSatisfy { $0 == .needMore })
    }

    @Test func altPlusAKeyIsNotASequence() {
        #expect(verdicts("q") == [.notASequence])
        #expect(verdicts("1") == [.notASequence])
    }
}

/// A bracketed paste is collected as text up to its end marker.
@Suite struct PasteCollectorTests {
    private func collect(_ text: String) -> (ended: Bool, text: String) {
        var collector = PasteCollector()
        var ended = false
        for scalar in text.unicodeScalars where !ended { ended = collector.feed(scalar.value) }
        return (ended, collector.finish())
    }

    @Test func newlinesAndEscapesInsideAreText() {
        let result = collect("abc123\rus\r1\r\u{1B}x\u{1B}[20\u{1B}[201~ignored")
        #expect(result.ended)
        #expect(result.text == "abc123\nus\n1\n\u{1B}x\u{1B}[20")
    }

    @Test func aPasteCutOffKeepsWhatArrived() {
        let result = collect("half\u{1B}[20")
        #expect(!result.ended)
        #expect(result.text == "half\u{1B}[20")
    }
}
