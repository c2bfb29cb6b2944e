import TerminalKit
import Testing
import TriageCore
@testable import TriageUI

@Suite("Browsing: moving, panes, back, quit")
struct NavigationTests {
    @Test("starts on the first vendor, with its codes listed and its facts in the detail")
    func startsOnFirstVendor() {
        let program = BrowserProgram.sized(Fixtures.catalog())
        #expect(program.state.browse.focus == .sidebar)
        #expect(program.state.mode == .browse)
        #expect(program.state.browse.selectedVendor?.id == "acme")
        #expect(program.state.browse.selectedCategory == nil)
        #expect(program.state.browse.listedCodes == ["KEY_MISSING", "KEY_EXPIRED", "ORDER_NOT_FOUND", "ORDER_LOCKED"])
        #expect(program.state.browse.selectedEntry?.code == "KEY_MISSING")
        #expect(program.state.browse.detailContent == .vendor("acme"))
        #expect(program.state.invariantViolations() == [])
    }

    @Test("j and k move through vendors and categories; the codes pane follows")
    func sidebarMoves() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.character("j"))
        #expect(program.state.browse.selectedCategory?.id == "auth")
        #expect(program.state.browse.listedCodes == ["KEY_MISSING", "KEY_EXPIRED"])
        program.send(.down)
        #expect(program.state.browse.listedCodes == ["ORDER_NOT_FOUND", "ORDER_LOCKED"])
        program.send(.down)
        #expect(program.state.browse.selectedCategory?.id == "empty")
        #expect(program.state.browse.list.isEmpty)
        #expect(program.state.browse.selectedEntry == nil)
        #expect(program.state.invariantViolations() == [])
        program.send(.down)
        #expect(program.state.browse.selectedVendor?.id == "zeta")
        #expect(program.state.browse.listedCodes == ["-1", "1"])
        program.send(.down, .down, .down)  // stops at the last row
        #expect(program.state.browse.selectedCategory?.id == "general")
        program.send(.character("k"), .up)
        #expect(program.state.browse.selectedCategory?.id == "empty")
        program.send(.character("g"))
        #expect(program.state.browse.selectedVendor?.id == "acme")
        #expect(program.state.browse.selectedCategory == nil)
        program.send(.character("G"))
        #expect(program.state.browse.selectedCategory?.id == "general")
        program.send(.home)
        #expect(program.state.browse.selectedCategory == nil)
        program.send(.end)
        #expect(program.state.browse.selectedCategory?.id == "general")
    }

    @Test("Enter and l go into the codes and the detail; Esc, h, Left and Backspace come back")
    func openAndBack() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.down, .enter)
        #expect(program.state.browse.focus == .list)
        program.send(.character("j"))
        #expect(program.state.browse.selectedEntry?.code == "KEY_EXPIRED")
        program.send(.character("l"))
        #expect(program.state.browse.focus == .detail)
        #expect(program.state.browse.detailContent == .entry(1))
        program.send(.escape)
        #expect(program.state.browse.focus == .list)
        program.send(.right)
        #expect(program.state.browse.focus == .detail)
        program.send(.character("h"))
        #expect(program.state.browse.focus == .list)
        program.send(.backspace)
        #expect(program.state.browse.focus == .sidebar)
        #expect(program.state.browse.selectedCategory?.id == "auth")
        // Back on a category goes to its vendor row; on a vendor row it stays.
        program.send(.left)
        #expect(program.state.browse.selectedVendor?.id == "acme")
        #expect(program.state.browse.selectedCategory == nil)
        program.send(.escape)
        #expect(program.state.browse.selectedCategory == nil)
        #expect(program.state.browse.focus == .sidebar)
    }

    @Test("Enter on an empty category does not open a detail")
    func emptyCategory() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.down, .down, .down, .enter, .enter)
        #expect(program.state.browse.focus == .list)
        #expect(program.state.browse.selectedEntry == nil)
        #expect(program.state.invariantViolations() == [])
    }

    @Test("Tab and Shift-Tab cycle through the panes")
    func tabCycles() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.tab)
        #expect(program.state.browse.focus == .list)
        program.send(.tab)
        #expect(program.state.browse.focus == .detail)
        program.send(.tab)
        #expect(program.state.browse.focus == .sidebar)
        program.send(.backTab)
        #expect(program.state.browse.focus == .detail)
        program.send(.backTab)
        #expect(program.state.browse.focus == .list)
    }

    @Test("PgUp, PgDn, g and G page through a long list and keep the selection on screen")
    func paging() {
        var program = BrowserProgram.sized(Fixtures.bulk(60))  // 21 rows visible at 80x24
        program.send(.enter)
        #expect(program.state.browse.list.count == 60)
        program.send(.pageDown)
        #expect(program.state.browse.listIndex == 20)
        program.send(.pageDown, .pageDown)
        #expect(program.state.browse.listIndex == 59 || program.state.browse.listIndex == 60 - 1)
        program.send(.pageUp)
        #expect(program.state.browse.listIndex == 39)
        program.send(.character("g"))
        #expect(program.state.browse.listIndex == 0)
        program.send(.character("G"))
        #expect(program.state.browse.selectedEntry?.code == "CODE_59")
        let screen = program.render()
        #expect(screen.lines[21].contains("CODE_59"))
        #expect(screen.lines[1].contains("CODE_39"))
        #expect(program.state.invariantViolations() == [])
    }

    @Test("q and Ctrl-C quit; other keys continue")
    func quit() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        #expect(program.send(.character("x")) == .continue)
        #expect(program.send(.character("q")) == .quit)
        var other = BrowserProgram.sized(Fixtures.catalog())
        #expect(other.send(.tab, .tab) == .continue)
        #expect(other.send(.control("c")) == .quit)
    }

    @Test("a resize keeps the selection, at every size")
    func resizeKeepsSelection() {
        var program = BrowserProgram.sized(Fixtures.bulk(60))
        program.send(.enter, .pageDown, .pageDown, .down)
        let selected = program.state.browse.selectedEntry
        #expect(selected?.code == "CODE_41")
        for (width, height) in [(40, 10), (200, 60), (10, 3), (1, 1), (0, 0), (80, 24), (30, 8)] {
            _ = program.update(.resize(width: width, height: height))
            #expect(program.state.browse.selectedEntry == selected, "at \(width)x\(height)")
            #expect(program.state.invariantViolations() == [], "at \(width)x\(height): \(program.state.invariantViolations())")
            _ = program.render()
        }
        #expect(program.render().text.contains("CODE_41"))
    }
}
