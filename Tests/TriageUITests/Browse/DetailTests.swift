import TerminalKit
import Testing
import TriageCore
@testable import TriageUI

@Suite("Detail pane: links, related-code jumps, scrolling")
struct DetailTests {
    /// Acme › Auth › KEY_MISSING with the detail focused.
    func atKeyMissing(width: Int = 80, height: Int = 24) -> BrowserProgram {
        var program = BrowserProgram.sized(Fixtures.catalog(), width: width, height: height)
        program.send(.down, .enter, .enter)
        return program
    }

    @Test("j selects the related codes and trees in turn; Enter jumps to a related code")
    func followRelated() {
        var program = atKeyMissing()
        #expect(program.state.browse.focus == .detail)
        #expect(program.state.browse.detailPane.selection == nil)
        program.send(.character("j"))
        let document = program.state.browse.detailDocument()
        #expect(document.targets == [.code(CodeReference(vendor: "acme", code: "KEY_EXPIRED")),
                                   .code(CodeReference(vendor: "zeta", code: "1")), .tree("acme-keys")])
        #expect(program.state.browse.detailPane.selection == 0)
        program.send(.enter)
        #expect(program.state.browse.selectedEntry?.code == "KEY_EXPIRED")
        #expect(program.state.browse.focus == .detail)
        #expect(program.state.browse.selectedCategory?.id == "auth")
        #expect(program.state.invariantViolations() == [])
    }

    @Test("a related code of another vendor opens in its own vendor and category, and Back returns")
    func followAcrossVendors() {
        var program = atKeyMissing()
        program.send(.down, .down, .enter)
        #expect(program.state.browse.selectedEntry?.reference == CodeReference(vendor: "zeta", code: "1"))
        #expect(program.state.browse.selectedVendor?.id == "zeta")
        #expect(program.state.browse.selectedCategory?.id == "general")
        #expect(program.state.browse.listedCodes == ["-1", "1"])
        // Zeta 1 lists -1 as related: follow it too, then come back twice.
        program.send(.down, .enter)
        #expect(program.state.browse.selectedEntry?.code == "-1")
        program.send(.escape)
        #expect(program.state.browse.selectedEntry?.code == "1")
        #expect(program.state.browse.detailPane.selection == 0)
        program.send(.character("h"))
        #expect(program.state.browse.selectedEntry?.code == "KEY_MISSING")
        #expect(program.state.browse.selectedCategory?.id == "auth")
        #expect(program.state.browse.detailPane.selection == 1)
        #expect(program.state.browse.focus == .detail)
        program.send(.backspace)  // no history left: back to the codes pane
        #expect(program.state.browse.focus == .list)
    }

    @Test("Enter on a tree starts its diagnosis from the code; leaving it returns to the code")
    func treeLink() {
        var program = atKeyMissing()
        program.send(.down, .down, .down)
        #expect(program.state.browse.detailPane.selection == 2)
        program.send(.enter)
        #expect(program.state.mode == .diagnosis)
        #expect(program.state.diagnosis?.session.tree == "acme-keys")
        #expect(program.state.diagnosis?.session.code == CodeReference(vendor: "acme", code: "KEY_MISSING"))
        #expect(program.render().lines[0].contains("Question 1 · Acme key problems"))
        program.send(.escape)
        #expect(program.state.mode == .browse)
        #expect(program.state.browse.selectedEntry?.code == "KEY_MISSING")
        #expect(program.state.browse.detailPane.selection == 2)
        #expect(program.render().lines[23].contains("Left the diagnosis; D returns to it"))
        program.send(.down)  // messages last one key
        #expect(program.state.browse.message == nil)
    }

    @Test("Enter with no link selected only explains")
    func enterWithoutLink() {
        var program = atKeyMissing()
        program.send(.enter)
        #expect(program.state.browse.selectedEntry?.code == "KEY_MISSING")
        #expect(program.state.browse.message != nil)
    }

    @Test("in a short pane, j scrolls until a link is on screen, and k scrolls back")
    func scrolls() {
        var program = atKeyMissing(width: 80, height: 12)  // 9 text rows
        let document = program.state.browse.detailDocument()
        #expect(document.lines.count > 9)
        program.send(.down)
        #expect(program.state.browse.detailPane.scroll == 1)
        #expect(program.state.browse.detailPane.selection == nil)
        let firstLink = document.targetLines[0].lowerBound
        for _ in 0..<(firstLink - 9) { program.send(.down) }
        #expect(program.state.browse.detailPane.scroll == firstLink - 8)
        #expect(program.state.browse.detailPane.selection == nil)
        program.send(.down)  // the link is on screen now: select it, do not scroll
        #expect(program.state.browse.detailPane.scroll == firstLink - 8)
        #expect(program.state.browse.detailPane.selection == 0)
        program.send(.character("G"))
        #expect(program.state.browse.detailPane.scroll == document.lines.count - 9)
        #expect(program.state.browse.detailPane.selection == nil)
        program.send(.up)
        #expect(program.state.browse.detailPane.selection == 2)  // the last link, on screen
        program.send(.character("g"))
        #expect(program.state.browse.detailPane.scroll == 0)
        program.send(.pageDown)
        #expect(program.state.browse.detailPane.scroll == 8)
        program.send(.pageUp)
        #expect(program.state.browse.detailPane.scroll == 0)
        #expect(program.state.invariantViolations() == [])
    }

    @Test("the vendor view shows the vendor's notice and facts; a code shows the notice too")
    func vendorView() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        let text = program.render().text
        #expect(text.contains("Notice"))
        #expect(text.contains("This page documents the old v1"))
        #expect(text.contains("How the API works"))
        program.send(.tab)
        #expect(program.state.browse.detailContent == .entry(0))
        #expect(program.render().text.contains("! This page documents the old"))
    }

    @Test("a long notice is cut at the top of a code and given in full at the end")
    func longNotice() {
        var program = BrowserProgram.sized(Fixtures.shipped)
        guard let row = program.state.browse.sidebar.index(vendor: "sentiance", category: "user-linking") else {
            Issue.record("no Sentiance in the shipped catalog")
            return
        }
        program.state.browse.selectSidebarRow(row)
        program.send(.enter, .enter)
        let document = program.state.browse.detailDocument()
        let text = document.lines.map(\.plain)
        let notices = text.filter { $0.hasPrefix("! ") }
        #expect(notices.count == 1)
        #expect(text.contains("Vendor notice"))
        #expect(text.joined(separator: " ").contains("please go to https://docs.sentiance.com"))
    }

    @Test("clicking a row selects it; clicking a link follows it; the wheel scrolls")
    func mouse() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        let layout = program.state.layout
        _ = program.update(.mouse(MouseEvent(kind: .press, x: layout.sidebar.x + 2, y: layout.sidebar.y + 2)))
        #expect(program.state.browse.selectedCategory?.id == "orders")
        _ = program.update(.mouse(MouseEvent(kind: .press, x: layout.list.x + 2, y: layout.list.y + 1)))
        #expect(program.state.browse.focus == .list)
        #expect(program.state.browse.selectedEntry?.code == "ORDER_LOCKED")
        _ = program.update(.mouse(MouseEvent(kind: .wheelUp, x: layout.list.x + 2, y: layout.list.y)))
        #expect(program.state.browse.selectedEntry?.code == "ORDER_NOT_FOUND")
        program.send(.character("h"), .up)  // Auth
        _ = program.update(.mouse(MouseEvent(kind: .press, x: layout.list.x + 2, y: layout.list.y)))
        let document = program.state.browse.detailDocument()
        _ = program.update(.mouse(MouseEvent(kind: .press, x: layout.detail.x + 3, y: layout.detail.y + document.targetLines[0].lowerBound)))
        #expect(program.state.browse.selectedEntry?.code == "KEY_EXPIRED")
        _ = program.update(.mouse(MouseEvent(kind: .press, x: 0, y: 0)))  // on a border: nothing
        #expect(program.state.invariantViolations() == [])
    }
}
