import TerminalKit
import Testing

@Suite("Document, DocumentBuilder, DocumentView, LayoutCache")
struct DocumentTests {
    enum Link: Hashable, Sendable { case first, second }

    func sample(width: Int = 12) -> Document<Link> {
        var builder = DocumentBuilder<Link>(width: width, ellipsis: "…")
        builder.gap()  // nothing at the top
        builder.text("a title")
        builder.gap()
        builder.gap()  // never two in a row
        builder.bullets(["one two three"], bullet: "•")
        builder.heading("Links", Style(bold: true))
        builder.region(.first) { $0.line(StyledLine("→ first")) }
        builder.region(.second) { lines in
            lines.text("second link wraps here")
        }
        builder.gap()
        return builder.finish(title: "Doc")
    }

    @Test("the builder wraps, hangs bullets, keeps one gap, and records the lines of each region")
    func builds() {
        let document = sample()
        #expect(document.title == "Doc")
        #expect(document.lines.map(\.plain) == ["a title", "", "• one two", "  three", "", "Links", "→ first",
                                                "second link", "wraps here"])
        #expect(document.targets == [.first, .second])
        #expect(document.targetLines == [6..<7, 7..<9])
        #expect(document.region(atLine: 8) == 1)
        #expect(document.region(atLine: 0) == nil)
        #expect(document.maxScroll(height: 4) == 5)
    }

    @Test("text with a limit ends in the ellipsis; a field row survives at the end")
    func limitAndField() {
        var builder = DocumentBuilder<Link>(width: 10, ellipsis: "…")
        builder.text("one two three four five six", limit: 2)
        builder.field()
        let document = builder.finish()
        #expect(document.lines.map(\.plain) == ["one two", "three fou…", ""])
        #expect(document.fieldLine == 2)
    }

    @Test("paragraphs are trimmed and separated by one empty line")
    func paragraphs() {
        var builder = DocumentBuilder<Link>(width: 20, ellipsis: "…")
        builder.paragraphs("  first  \n\n\t second\n")
        #expect(builder.finish().lines.map(\.plain) == ["first", "", "second"])
    }

    @Test("the view draws from the scroll offset with padding, and highlights the selected region with its marker")
    func renders() {
        let document = sample()
        var buffer = Buffer(width: 14, height: 4)
        let selection = DocumentView.Selection(region: 1, marker: Span(">", Style(bold: true)), reverse: true,
                                               bold: true, undim: true)
        DocumentView.render(document, scroll: 5, selection: selection, in: Rect(x: 0, y: 0, width: 14, height: 4),
                            into: &buffer, ellipsis: "…")
        #expect(buffer.lines == [" Links", " → first", " >econd link", " wraps here"])
        #expect(buffer[0, 2].style.reverse && buffer[13, 3].style.reverse)
        #expect(!buffer[1, 1].style.reverse, "only the selected region is highlighted")
    }

    @Test("the layout cache builds once per key and starts over when full")
    func cache() {
        let cache = LayoutCache<Int, String>(limit: 2)
        var builds = 0
        func value(_ key: Int) -> String { cache.value(for: key) { builds += 1; return "v\(key)" } }
        #expect(value(1) == "v1")
        #expect(value(1) == "v1")
        #expect(builds == 1)
        _ = value(2)
        _ = value(3)  // full: starts over with 3
        _ = value(1)
        #expect(builds == 4)
    }

    @Test("the status bar keeps the most important hints that fit, in their order, and shows the end of long text")
    func statusBar() {
        let hints = [(StyledLine("a one"), 2), (StyledLine("b two"), 0), (StyledLine("c three"), 1)]
        #expect(StatusBar.fit(hints, in: 14).plain == "b two  c three")
        #expect(StatusBar.fit(hints, in: 100).plain == "a one  b two  c three")
        #expect(StatusBar.tail("abcdef", room: 4) == ("def", true))
        #expect(StatusBar.tail("abc", room: 4) == ("abc", false))
    }

    @Test("a key map finds the first binding, and sorts hints by order")
    func keyMap() {
        enum Action: Hashable, Sendable { case up, down, other }
        let keys = KeyMap<Int, Action>([
            .init("Move", [
                .init("Up", "Up", [([.up, .character("k")], .up)], hints: [.init("k", "up", order: 2, priority: 0)]),
                .init("Down", "Down", [([.down], .down)],
                      hints: [.init("j", order: 1, priority: 1) { $0 > 0 ? "down" : nil }]),
            ]),
        ]) + KeyMap([.init("Other", [.init(nil, "hidden", [([.up], .other)])])])
        #expect(keys.action(for: .character("k")) == .up)
        #expect(keys.action(for: .up) == .up, "the first table wins")
        #expect(keys.action(for: .enter) == nil)
        #expect(keys.hints(for: 1).map(\.key) == ["j", "k"])
        #expect(keys.hints(for: 0).map(\.key) == ["k"])
        #expect(keys.withoutHints.hints(for: 1).isEmpty)
        #expect(Set(keys.boundKeys) == [.up, .character("k"), .down])
    }
}
