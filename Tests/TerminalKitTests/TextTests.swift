import TerminalKit
import Testing

/// Styles standing in for an app theme.
private enum Theme {
    static let code = Style(bold: true)
    static let match = Style(foreground: .yellow, bold: true, underline: true)
}

@Suite("Text: wrapping, fitting, highlighting, drawing")
struct TextTests {
    @Test("words wrap at the width; newlines and empty lines are kept")
    func wrap() {
        #expect(WordWrap.lines("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
        #expect(WordWrap.lines("one\n\ntwo", width: 10) == ["one", "", "two"])
        #expect(WordWrap.lines("", width: 5) == [""])
        #expect(WordWrap.lines("a  b", width: 5) == ["a b"])
    }

    @Test("words longer than a line are broken; every line takes at least one character")
    func longWords() {
        #expect(WordWrap.lines("AUTH_ERR_TOKEN", width: 5) == ["AUTH_", "ERR_T", "OKEN"])
        #expect(WordWrap.lines("go AUTH_ERR", width: 4) == ["go", "AUTH", "_ERR"])
        #expect(WordWrap.lines("abc", width: 1) == ["a", "b", "c"])
        #expect(WordWrap.lines("abc", width: 0) == ["a", "b", "c"])
    }

    @Test("bullets hang their continuation lines")
    func bullets() {
        #expect(WordWrap.lines("one two three", width: 9, firstPrefix: "• ", restPrefix: "  ")
            == ["• one two", "  three"])
    }

    @Test("wide characters count two columns; control characters are made visible before measuring")
    func widths() {
        #expect(WordWrap.lines("漢字 漢字", width: 4) == ["漢字", "漢字"])
        #expect(WordWrap.lines("a\u{1B}b", width: 10) == ["a^[b"])
        #expect(WordWrap.lines("tab\there", width: 10) == ["tab here"])
    }

    @Test("fitted cuts with an ellipsis and pads to the exact width")
    func fitted() {
        let line = StyledLine("INSTALL_NOT_FOUND", Theme.code)
        #expect(line.fitted(to: 8, ellipsis: "…").plain == "INSTALL…")
        #expect(line.fitted(to: 8, ellipsis: "…").width == 8)
        #expect(line.fitted(to: 20, ellipsis: "…").plain == "INSTALL_NOT_FOUND   ")
        #expect(line.fitted(to: 1, ellipsis: "...").plain == "I")
        #expect(line.fitted(to: 0, ellipsis: "…").plain == "")
        #expect(StyledLine("漢字漢字").fitted(to: 4, ellipsis: "…").plain == "漢 …")
        let styled = (StyledLine("ab", Theme.code) + StyledLine("cdef")).fitted(to: 4, ellipsis: "…")
        #expect(styled.spans.map(\.text) == ["ab", "c", "…"])
        #expect(styled.spans[0].style == Theme.code)
    }

    @Test("highlight ranges split a string into styled spans")
    func highlighted() {
        let line = StyledLine.highlighted("API Key not valid", [4..<7],
                                          base: .plain, highlight: Theme.match)
        #expect(line.spans == [Span("API "), Span("Key", Theme.match), Span(" not valid")])
        let clipped = StyledLine.highlighted("ab", [1..<10], base: .plain, highlight: Theme.match)
        #expect(clipped.spans == [Span("a"), Span("b", Theme.match)])
    }

    @Test("draw clips to the width and marks the cut")
    func draw() {
        var screen = Buffer(width: 10, height: 1)
        let used = screen.draw(StyledLine("hello world"), x: 1, y: 0, width: 6)
        #expect(used == 6)
        #expect(screen.lines == [" hello…"])
        screen.draw(StyledLine("x"), x: 0, y: 5, width: 3)  // off screen: nothing
        #expect(screen.lines == [" hello…"])
    }
}
