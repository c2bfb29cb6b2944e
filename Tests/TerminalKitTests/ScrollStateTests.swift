import TerminalKit
import Testing

@Suite("ScrollState")
struct ScrollStateTests {
    /// `count` lines; a one-line region at each of `regions` (a taller one where a range is given).
    func document(lines count: Int, regions: [Range<Int>]) -> Document<Int> {
        Document(lines: (0..<count).map { StyledLine("line \($0)") },
                 regions: regions.enumerated().map { Document.Region(target: $0.offset, lines: $0.element) })
    }

    func settled(_ style: ScrollState.Style, height: Int, _ document: Document<Int>, scroll: Int = 0,
                 selection: Int? = nil) -> ScrollState {
        var state = ScrollState(style: style, scroll: scroll, selection: selection)
        state.settle(height: height, document: document)
        return state
    }

    @Test("links: Down selects the next link on screen, else scrolls; a link scrolled off is dropped")
    func linksDown() {
        // Links on lines 1, 2 and 7 of 10; a pane of 4 rows shows lines 0-3.
        var state = settled(.links, height: 4, document(lines: 10, regions: [1..<2, 2..<3, 7..<8]))
        state.down()
        #expect(state.selection == 0 && state.scroll == 0)
        state.down()
        #expect(state.selection == 1 && state.scroll == 0)
        state.down()  // the next link (line 7) is off screen: scroll one line, link 1 still on screen
        #expect(state.selection == 1 && state.scroll == 1)
        state.down()
        state.down()
        #expect(state.scroll == 3 && state.selection == nil)  // line 2 scrolled off
        state.down()
        #expect(state.scroll == 4 && state.selection == nil)
        state.down()
        #expect(state.scroll == 4 && state.selection == 2)
        state.down()
        state.down()
        state.down()
        #expect(state.scroll == 6 && state.selection == 2)  // the bottom: no further
    }

    @Test("links: Up selects the previous link on screen, else scrolls, and at the top clears the selection")
    func linksUp() {
        var state = settled(.links, height: 4, document(lines: 10, regions: [1..<2, 7..<8]), scroll: 6)
        state.up()
        #expect(state.selection == 1 && state.scroll == 6)
        state.up()  // link 0 is off screen: scroll, link 1 still shown
        #expect(state.selection == 1 && state.scroll == 5)
        state.move(by: -5)
        #expect(state.scroll == 1 && state.selection == 0)
        state.up()
        state.up()
        #expect(state.scroll == 0 && state.selection == nil)
    }

    @Test("links: paging and Home/End scroll within the document and keep only a visible link")
    func linksPage() {
        var state = settled(.links, height: 4, document(lines: 10, regions: [1..<2]), selection: 0)
        state.page(3)
        #expect(state.scroll == 3 && state.selection == nil)
        state.page(100)
        #expect(state.scroll == 6)
        state.page(-100)
        #expect(state.scroll == 0)
        state.selection = 0
        state.toEnd(last: true)
        #expect(state.scroll == 6 && state.selection == nil)
        state.toEnd(last: false)
        #expect(state.scroll == 0)
    }

    @Test("a document without regions simply scrolls, and one shorter than the pane does not")
    func plainText() {
        var state = settled(.links, height: 3, document(lines: 5, regions: []))
        state.down()
        state.down()
        state.down()
        #expect(state.scroll == 2 && state.selection == nil)
        state.up()
        #expect(state.scroll == 1)
        var short = settled(.links, height: 8, document(lines: 5, regions: []))
        short.down()
        short.page(4)
        #expect(short.scroll == 0 && short.maxScroll == 0)
    }

    @Test("items: Up and Down select the neighbour and scroll it in; a tall one shows its first line")
    func items() {
        // Answers on lines 0, 2-7 (six lines) and 9 of 10, in a pane of 4 rows.
        var state = settled(.items, height: 4, document(lines: 10, regions: [0..<1, 2..<8, 9..<10]))
        #expect(state.selection == 0)  // settle selects the first
        state.down()
        #expect(state.selection == 1 && state.scroll == 2)  // taller than the pane: its first line at the top
        state.down()
        #expect(state.selection == 2 && state.scroll == 6)
        state.down()
        #expect(state.selection == 2)
        state.move(by: -10)
        #expect(state.selection == 0 && state.scroll == 0)
        state.page(3)  // scrolling keeps the answer selected
        #expect(state.scroll == 3 && state.selection == 0)
        state.toEnd(last: true)
        #expect(state.selection == 2 && state.scroll == 6)
        state.toEnd(last: false)
        #expect(state.selection == 0 && state.scroll == 0)
    }

    @Test("settle clamps to a document that shrank: items keep one selected, links drop a missing one")
    func settleClamps() {
        let long = document(lines: 20, regions: [0..<1, 5..<6, 18..<19])
        let short = document(lines: 6, regions: [0..<1, 4..<5])
        var items = settled(.items, height: 4, long, scroll: 16, selection: 2)
        items.settle(height: 4, document: short)
        #expect(items.scroll == 2 && items.selection == 1)
        items.settle(height: 4, document: document(lines: 2, regions: []))
        #expect(items.scroll == 0 && items.selection == nil)
        var links = settled(.links, height: 4, long, scroll: 16, selection: 2)
        links.settle(height: 4, document: short)
        #expect(links.scroll == 2 && links.selection == nil)
        links.selection = 1
        links.settle(height: 2, document: short)  // a shorter pane: line 4 leaves the screen
        #expect(links.scroll == 2 && links.selection == nil)
    }

    @Test("reveal scrolls only as far as needed and ignores a region that does not exist")
    func reveal() {
        var state = settled(.items, height: 3, document(lines: 12, regions: [1..<2, 6..<8, 10..<11]))
        state.reveal(1)
        #expect(state.scroll == 5)
        state.reveal(0)
        #expect(state.scroll == 1)
        state.reveal(7)
        #expect(state.scroll == 1)
    }
}
