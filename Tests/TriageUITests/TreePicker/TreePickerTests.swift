import TerminalKit
import Testing
import TriageCore
@testable import TriageUI

@Suite("Tree picker and starting a diagnosis")
struct TreePickerTests {
    let catalog = DiagnosisFixtures.catalog()

    @Test("a code's trees, most specific first; Enter starts the selected one from the code")
    func forCode() {
        var picker = TreePicker(catalog: catalog, code: DiagnosisFixtures.keyMissing)
        #expect(picker.trees == ["acme-keys", "acme-rejected"])
        #expect(picker.title == "Trees for KEY_MISSING (2)")
        picker.send(.down)
        #expect(picker.selectedTree == "acme-rejected")
        guard case let .request(session) = picker.send(.enter) else {
            Issue.record("Enter did not start the tree")
            return
        }
        #expect(session.tree == "acme-rejected")
        #expect(session.code == DiagnosisFixtures.keyMissing)
        #expect(session.currentNode == "header", "the code's question is implied")
    }

    @Test("t lists every tree; a digit starts that tree; Esc and Left close (q and h are filter text); Ctrl-C quits")
    func allTrees() {
        var picker = TreePicker(catalog: catalog)
        #expect(picker.trees == ["acme-keys", "acme-rejected"])
        #expect(picker.title == "Decision trees (2)")
        guard case let .request(session) = picker.send(.character("2")) else {
            Issue.record("2 did not start the second tree")
            return
        }
        #expect(session.tree == "acme-rejected")
        #expect(session.code == nil)
        #expect(session.currentNode == "which")
        #expect(picker.send(.character("7")) == .stay)
        #expect(picker.message == "There is no tree 7")
        #expect(picker.send(.escape) == .close)
        #expect(picker.send(.left) == .close)
        #expect(picker.send(.character("q")) == .stay, "typed: it filters")
        #expect(picker.filter.text == "q")
        #expect(picker.send(.character("?")) == .help)
        #expect(picker.send(.control("c")) == .quit)
    }

    @Test("moving keeps the selection on screen in a short terminal")
    func scrolls() {
        var picker = TreePicker(catalog: Fixtures.shipped, width: 40, height: 10)
        #expect(picker.trees.count == Fixtures.shipped.trees.count)
        let visible = picker.visibleRows
        #expect(visible < picker.trees.count)
        picker.send(.end)
        #expect(picker.selectedIndex == picker.trees.count - 1)
        #expect(picker.cursor.scroll == picker.trees.count - visible)
        picker.send(.home)
        #expect(picker.cursor.scroll == 0)
        picker.send(.pageDown)
        #expect(picker.selectedIndex == visible - 1)
        var screen = Buffer(width: 40, height: 10)
        picker.draw(into: &screen, x: 0, y: 0, width: 40, height: 10, context: RenderContext(width: 40, height: 10))
        #expect(screen.text.contains("Decision trees (\(picker.trees.count))"))
    }

    @Test("d on a code: one tree starts at once, several give a choice, none says so")
    func launch() throws {
        switch DiagnosisLaunch.forCode(DiagnosisFixtures.keyMissing, catalog: catalog, width: 80, height: 24) {
        case let .picker(picker): #expect(picker.trees.first == "acme-keys")
        default: Issue.record("KEY_MISSING has two trees")
        }
        switch DiagnosisLaunch.forCode(CodeReference(vendor: "acme", code: "KEY_EXPIRED"), catalog: catalog, width: 80, height: 24) {
        case let .session(session):
            let screen = DiagnosisScreen(session: session, catalog: catalog)
            #expect(screen.session.tree == "acme-rejected")
            #expect(screen.isTyping, "KEY_EXPIRED implies the first answer, which leads to the key")
        default: Issue.record("KEY_EXPIRED has one tree")
        }
        switch DiagnosisLaunch.forCode(CodeReference(vendor: "acme", code: "ORDER_LOCKED"), catalog: catalog, width: 80, height: 24) {
        case let .unavailable(message): #expect(message == "No decision tree diagnoses ORDER_LOCKED yet; t lists every tree")
        default: Issue.record("ORDER_LOCKED has no tree")
        }
    }
}

extension TreePicker {
    @discardableResult
    mutating func send(_ keys: Key...) -> TreePickerOutcome {
        var outcome = TreePickerOutcome.stay
        for key in keys { outcome = handle(key) }
        return outcome
    }
}
