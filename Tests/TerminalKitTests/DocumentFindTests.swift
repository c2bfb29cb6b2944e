import TerminalKit
import Testing

@Suite("Find in a document: TextMatch, DocumentFind, highlights in DocumentView")
struct DocumentFindTests {
    func document(_ lines: [String]) -> Document<Never> {
        Document(lines: lines.map { StyledLine($0) })
    }

    @Test("matches ignore case, do not overlap, and span styled pieces")
    func cellRanges() {
        #expect(StyledLine("Token token TOKEN").cellRanges(of: "token") == [0..<5, 6..<11, 12..<17])
        #expect(StyledLine("aaaa").cellRanges(of: "aa") == [0..<2, 2..<4])
        let split = StyledLine("INVALID_", Style(bold: true)) + StyledLine("TOKEN here")
        #expect(split.cellRanges(of: "d_to") == [6..<10], "one match across two spans")
        #expect(StyledLine("abc").cellRanges(of: "") == [])
        #expect(StyledLine("abc").cellRanges(of: "abcd") == [])
    }

    @Test("columns are display cells: wide characters take two, control characters are drawn visible")
    func wideCells() {
        // 東京 is four cells, so "token" starts at cell 5.
        #expect(StyledLine("東京 token").cellRanges(of: "TOKEN") == [5..<10])
        #expect(StyledLine("a東京b").cellRanges(of: "京b") == [3..<6])
        #expect(StyledLine("é É").cellRanges(of: "é") == [0..<1, 2..<3], "accented letters fold too")
        // An escape in the text is drawn as a visible mark; the match after it is where the mark ends.
        let hostile = StyledLine("x\u{1B}[31my")
        let drawn = TerminalSafe.sanitize("x\u{1B}[31m", keepNewlines: false)
        #expect(hostile.cellRanges(of: "y") == [DisplayWidth.of(drawn)..<(DisplayWidth.of(drawn) + 1)])
    }

    @Test("a document's matches are in reading order, optionally only in some lines")
    func documentMatches() {
        let text = document(["one key", "none", "key and KEY", "", "last key"])
        #expect(text.matches(of: "key") == [
            TextMatch(line: 0, columns: 4..<7), TextMatch(line: 2, columns: 0..<3), TextMatch(line: 2, columns: 8..<11),
            TextMatch(line: 4, columns: 5..<8),
        ])
        #expect(text.matches(of: "key", lines: 1..<3).map(\.line) == [2, 2])
        #expect(text.matches(of: "key", lines: 3..<99).map(\.line) == [4], "a range past the end is clamped")
    }

    @Test("first goes to the first match at or after a line, wrapping when there is none after")
    func first() {
        let text = document(["key", "x", "x", "key", "x"])
        var find = DocumentFind(pattern: "KEY")
        #expect(find.first(in: text, atOrAfter: 1) == .found)
        #expect(find.current?.line == 3)
        #expect(find.first(in: text, atOrAfter: 3) == .found)
        #expect(find.current?.line == 3, "at the top line counts")
        #expect(find.first(in: text, atOrAfter: 4) == .wrapped)
        #expect(find.current?.line == 0)
        var missing = DocumentFind(pattern: "absent")
        #expect(missing.first(in: text, atOrAfter: 0) == .notFound)
        #expect(missing.current == nil)
    }

    @Test("next and previous step through the matches and wrap at the ends, saying so")
    func steps() {
        let text = document(["a key", "key key", "b"])
        var find = DocumentFind(pattern: "key")
        find.first(in: text, atOrAfter: 0)
        #expect(find.current == TextMatch(line: 0, columns: 2..<5))
        #expect(find.next(in: text) == .found)
        #expect(find.current == TextMatch(line: 1, columns: 0..<3))
        #expect(find.next(in: text) == .found)
        #expect(find.current == TextMatch(line: 1, columns: 4..<7), "the second match on the same line")
        #expect(find.next(in: text) == .wrapped, "search hit BOTTOM, continuing at TOP")
        #expect(find.current?.line == 0)
        #expect(find.previous(in: text) == .wrapped, "search hit TOP, continuing at BOTTOM")
        #expect(find.current == TextMatch(line: 1, columns: 4..<7))
        #expect(find.previous(in: text) == .found)
        #expect(find.current == TextMatch(line: 1, columns: 0..<3))

        var single = DocumentFind(pattern: "b")
        single.first(in: text, atOrAfter: 0)
        #expect(single.next(in: text) == .alone)
        #expect(single.previous(in: text) == .alone)
        #expect(single.current?.line == 2)
        #expect(single.next(in: document(["nothing"])) == .notFound)
        #expect(single.current == nil)
    }

    @Test("after the document changes, a step goes on from the old position")
    func rewrapped() {
        var find = DocumentFind(pattern: "key")
        find.first(in: document(["x", "key", "x", "key"]), atOrAfter: 2)
        #expect(find.current?.line == 3)
        // Narrower: the same text takes more lines; the next match after line 3 is on line 5.
        #expect(find.next(in: document(["x", "x", "key", "x", "x", "key"])) == .found)
        #expect(find.current?.line == 5)
    }

    @Test("the view marks every match on the visible lines, in the highlight's style, by cell")
    func highlights() {
        let text = document(["東京 key", "key", "more key"])
        let style = Style(foreground: .yellow, reverse: true)
        let highlights = DocumentFind(pattern: "key").matches(in: text, lines: 1..<3).map {
            DocumentView.Highlight($0, style: style)
        }
        var buffer = Buffer(width: 12, height: 2)
        DocumentView.render(text, scroll: 1, selection: nil, in: Rect(x: 0, y: 0, width: 12, height: 2), into: &buffer,
                            ellipsis: "…", highlights: highlights)
        #expect(buffer.lines == [" key", " more key"])
        let marked = (0..<2).map { row in (0..<12).filter { buffer[$0, row].style == style } }
        #expect(marked == [[1, 2, 3], [6, 7, 8]])

        var wide = Buffer(width: 12, height: 1)
        let first = DocumentFind(pattern: "京 k").matches(in: text).map { DocumentView.Highlight($0, style: style) }
        DocumentView.render(text, scroll: 0, selection: nil, in: Rect(x: 0, y: 0, width: 12, height: 1), into: &wide,
                            ellipsis: "…", highlights: first)
        #expect((0..<12).filter { wide[$0, 0].style == style } == [3, 4, 5, 6], "both cells of 京, the space, k")
    }

    @Test("a highlight past the pane's text width is cut there; show(line:) scrolls a match into view")
    func clippedAndShown() {
        let text = document(["abcdefgh key"] + (0..<20).map { "line \($0)" })
        let style = Style(underline: true)
        var buffer = Buffer(width: 8, height: 1)
        DocumentView.render(text, scroll: 0, selection: nil, in: Rect(x: 0, y: 0, width: 8, height: 1), into: &buffer,
                            ellipsis: "…", highlights: text.matches(of: "fgh key").map { DocumentView.Highlight($0, style: style) })
        #expect((0..<8).filter { buffer[$0, 0].style == style } == [6], "only the cells inside the padding")

        var scroll = ScrollState()
        scroll.settle(height: 5, document: text)
        scroll.show(line: 3)
        #expect(scroll.scroll == 0, "visible: left alone")
        scroll.show(line: 12)
        #expect(scroll.scroll == 12, "at the top, as less does")
        scroll.show(line: 20)
        #expect(scroll.scroll == 16, "clamped to the last page")
    }

    @Test("a hyperlink line records the URL's cells; the view hands a safe, wholly drawn one to the buffer")
    func hyperlinks() {
        var builder = DocumentBuilder<Never>(width: 30, ellipsis: "…")
        builder.hyperlink("Docs: ", url: "https://a.test/x")
        builder.hyperlink("Docs: ", url: "https://e.test/\u{1B}]8;;x")
        builder.hyperlink("Docs: ", url: "https://a.test/a-very-long-path-that-wraps")
        let document = builder.finish()
        #expect(document.links.map(\.line) == [0, 1], "the wrapped one has no link (the view refuses the second)")
        #expect(document.links.first?.columns == 6..<22)
        var buffer = Buffer(width: 32, height: 4)
        DocumentView.render(document, scroll: 0, selection: nil, in: Rect(x: 0, y: 0, width: 32, height: 4), into: &buffer,
                            ellipsis: "…")
        #expect(buffer.hyperlinks == [Hyperlink(x: 7, y: 0, width: 16, url: "https://a.test/x")].compactMap { $0 })
        #expect((7..<23).map { buffer[$0, 0].text }.joined() == "https://a.test/x")
        var narrow = Buffer(width: 20, height: 1)
        DocumentView.render(document, scroll: 0, selection: nil, in: Rect(x: 0, y: 0, width: 20, height: 1), into: &narrow,
                            ellipsis: "…")
        #expect(narrow.hyperlinks.isEmpty, "a link cut by a narrower pane is not linked")
    }
}
