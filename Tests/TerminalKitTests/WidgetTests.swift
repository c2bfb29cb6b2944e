import Testing
import TerminalKit

/// The shared widgets every view draws with: the list, the modal box and the status row, rendered into a cell
/// buffer and compared line by line.
@Suite("Widgets: list, modal, status row")
struct WidgetTests {
    @Test("the list draws the rows from the scroll offset, reverses the selected one only when focused")
    func listView() {
        let names = ["alpha", "bravo", "charlie", "delta", "echo"]
        var buffer = Buffer(width: 10, height: 3)
        var asked: [Int] = []
        ListView.draw(into: &buffer, rect: Rect(x: 0, y: 0, width: 10, height: 3), cursor: ListCursor(index: 2, scroll: 1),
                      count: names.count, focused: true, ellipsis: "…") { index, selected in
            asked.append(index)
            return StyledLine((selected ? ">" : " ") + names[index])
        }
        #expect(buffer.lines == [" bravo", ">charlie", " delta"])
        #expect(asked == [1, 2, 3], "only the rows on screen are made")
        #expect(buffer[0, 1].style.reverse && buffer[9, 1].style.reverse, "the whole selected row is reversed")
        #expect(!buffer[0, 0].style.reverse)
        var unfocused = Buffer(width: 10, height: 3)
        ListView.draw(into: &unfocused, rect: Rect(x: 0, y: 0, width: 10, height: 3), cursor: ListCursor(index: 2, scroll: 1),
                      count: names.count, focused: false, ellipsis: "…") { index, _ in StyledLine(names[index]) }
        #expect(!unfocused[0, 1].style.reverse)
        var short = Buffer(width: 6, height: 4)
        ListView.draw(into: &short, rect: Rect(x: 0, y: 0, width: 6, height: 4), cursor: ListCursor(), count: 2,
                      focused: true, ellipsis: "…") { index, _ in StyledLine(names[index] + "-long") }
        #expect(short.lines == ["alpha…", "bravo…", "", ""], "cut with the ellipsis, nothing past the end")
    }

    @Test("a modal clears what is under it, draws its border, title and footer, and returns the inside")
    func modal() {
        var buffer = Buffer(width: 18, height: 5)
        buffer.draw(StyledLine("xxxxxxxxxxxxxxxxxx"), x: 0, y: 2, width: 18)
        let inside = Modal.draw(into: &buffer, frame: Rect(x: 1, y: 0, width: 16, height: 5), title: "Keys",
                                titleStyle: Style(), footer: "any key", border: Style(), glyphs: .ascii)
        #expect(inside == Rect(x: 2, y: 1, width: 14, height: 3))
        #expect(buffer.lines[0].contains("Keys"))
        #expect(buffer.lines[4].contains("any key"))
        #expect(buffer.lines[2] == "x|              |x", "cleared inside, border on both sides")
    }

    @Test("the status row puts the hints that fit against the right margin and returns the room on the left")
    func statusRow() {
        var buffer = Buffer(width: 30, height: 1)
        let hints: [(line: StyledLine, priority: Int)] = [(StyledLine("Enter open"), 0), (StyledLine("? help"), 2),
                                                          (StyledLine("Esc back"), 1)]
        let room = StatusBar.draw(into: &buffer, x: 0, y: 0, width: 30, hints: hints, budget: 20, ellipsis: "…")
        #expect(buffer.lines[0] == "         Enter open  Esc back", "the least important hint went first, one column of margin")
        #expect(room.x == 1 && room.width == 30 - 2 - 20 - 2)
        var none = Buffer(width: 30, height: 1)
        let all = StatusBar.draw(into: &none, x: 0, y: 0, width: 30, hints: hints, budget: 3, ellipsis: "…")
        #expect(all.width == 28, "no hint fits: the left side gets the whole row but the margins")
    }
}

@Suite("Widgets: split")
struct SplitTests {
    @Test("columns and rows share one-cell borders; the last pane takes the rest")
    func split() {
        let frame = Rect(x: 0, y: 0, width: 20, height: 6)
        #expect(Split.columns(frame, widths: [4]) == [Rect(x: 1, y: 1, width: 4, height: 4), Rect(x: 6, y: 1, width: 13, height: 4)])
        #expect(Split.columns(frame, widths: []) == [Rect(x: 1, y: 1, width: 18, height: 4)])
        #expect(Split.columns(frame, widths: [3, 5]).map(\.x) == [1, 5, 11])
        #expect(Split.rows(frame, heights: [1]) == [Rect(x: 1, y: 1, width: 18, height: 1), Rect(x: 1, y: 3, width: 18, height: 2)])
        #expect(Split.columns(Rect(x: 0, y: 0, width: 3, height: 2), widths: [5]).allSatisfy { $0.width >= 0 && $0.height >= 0 },
                "too small a frame gives empty panes, never negative ones")
    }
}
