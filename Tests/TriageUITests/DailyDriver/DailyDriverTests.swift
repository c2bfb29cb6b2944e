import TerminalKit
import TestSupport
import Testing
import TriageCore
@testable import TriageUI

/// Issue 13's full-screen half: the keys, layouts and manners of fzf, lazygit, less and tig.
@Suite("Daily driver: layouts and keys")
struct DailyDriverTests {
    // MARK: Ctrl-L, Ctrl-Z

    @Test("Ctrl-L asks the terminal to repaint and Ctrl-Z to suspend, in every mode and while typing")
    func screenKeys() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        #expect(program.update(.key(.control("l"))).commands == [.repaint])
        #expect(program.update(.key(.control("z"))).commands == [.suspend])
        program.send(.character("/"))
        program.type("key")
        let update = program.update(.key(.control("z")))
        #expect(update.commands == [.suspend] && update.result == .continue)
        #expect(program.state.browse.query == "key", "the query is untouched")
        #expect(program.state.mode == .search)
        #expect(program.update(.key(.character("x"))).commands.isEmpty)
        program.send(.escape, .character("t"))
        #expect(program.update(.key(.control("l"))).commands == [.repaint])
        #expect(program.state.mode == .trees)
    }

    // MARK: Codes get the room

    /// The codes pane's rows as text (what is between its borders).
    static func codeRows(_ program: BrowserProgram) -> [String] {
        let screen = program.render()
        let rect = program.state.layout.list
        return (0..<rect.height).map { row in
            (0..<rect.width).map { screen[rect.x + $0, rect.y + row].text }.joined()
        }
    }

    @Test("at 80x24 the vendors pane collapses with the focus on the codes, so similar codes are told apart")
    func codesAt80() throws {
        var program = BrowserProgram.sized(Fixtures.shipped)
        let row = try #require(program.state.browse.sidebar.index(vendor: "cometchat", category: "auth-token"))
        program.state.browse.selectSidebarRow(row)
        program.send(.tab)
        #expect(program.state.browse.focus == .list)
        #expect(program.state.layout.sidebarCollapsed)
        let text = program.render().text
        #expect(text.contains("ERR_AUTH_TOKEN_DELETE_FAILED"))
        #expect(text.contains("ERR_AUTH_TOKENS_DELETE_FAILED"))
        for entry in program.state.browse.list.map({ program.state.catalog.entries[$0] }) {
            #expect(Self.codeRows(program).contains { $0.contains(entry.code) }, "\(entry.code) whole")
        }
        // The detail keeps them too, and Shift-Tab brings the vendors back.
        program.send(.enter)
        #expect(program.state.browse.focus == .detail)
        #expect(program.render().text.contains("ERR_AUTH_TOKENS_DELETE_FAILED"))
        program.send(.backTab, .backTab)
        #expect(program.state.browse.focus == .sidebar)
        #expect(!program.state.layout.sidebarCollapsed)
        #expect(program.render().text.contains("Vendors"))
    }

    @Test("at 200x60 no code of any vendors-pane row is cut")
    func codesAt200() {
        var program = BrowserProgram.sized(Fixtures.shipped, width: 200, height: 60)
        for row in program.state.browse.sidebar.rows.indices {
            program.state.browse.selectSidebarRow(row)
            program.state.settle()
            let rows = Self.codeRows(program)
            for index in program.state.browse.list.prefix(program.state.layout.list.height) {
                let code = program.state.catalog.entries[index].code
                #expect(rows.contains { $0.contains(code) }, "\(code) is whole at 200 columns")
            }
        }
        #expect(!program.state.layout.sidebarCollapsed)
    }

    @Test("tree links in a narrow detail wrap instead of being cut to the same text")
    func treeLinksWrap() throws {
        var program = BrowserProgram.sized(Fixtures.shipped)
        let reference = CodeReference(vendor: "sentiance", code: "INSTALL_DOES_NOT_BELONG_TO_APP")
        program.state.browse.reveal(reference)
        program.send(.tab, .tab)
        #expect(program.state.browse.focus == .detail)
        let document = program.state.browse.detailDocument(unicode: true)
        let lines = document.lines.map(\.plain)
        for tree in program.state.catalog.trees(for: try #require(program.state.browse.selectedEntry)) {
            let region = try #require(document.regions.first { $0.target == .tree(tree.id) })
            let text = lines[region.lines].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            #expect(text.contains(tree.title), "\(tree.title) is shown whole: \(text)")
        }
    }

    // MARK: Narrow layout, hints, messages

    @Test("the narrow layout names every pane on the top border and highlights the one shown")
    func narrowTabs() {
        var program = BrowserProgram.sized(Fixtures.catalog(), width: 60, height: 20)
        var top = program.render().lines[0]
        #expect(top.contains("Vendors") && top.contains("Codes") && top.contains("Detail"), "\(top)")
        program.send(.tab)
        top = program.render().lines[0]
        #expect(top.contains("Codes: Acme (4)"), "\(top)")
        #expect(top.contains("Vendors") && top.contains("Detail"))
        let screen = program.render()
        let x = top.distance(from: top.startIndex, to: top.range(of: "Codes:")!.lowerBound)
        #expect(screen[x, 0].style.reverse, "the shown pane is highlighted")
        program.send(.tab)
        #expect(program.render().lines[0].contains("Detail"))
        // At 30 columns the names still fit.
        program = BrowserProgram.sized(Fixtures.catalog(), width: 30, height: 10)
        top = program.render().lines[0]
        #expect(top.contains("Vendors") && top.contains("Codes") && top.contains("Detail"), "\(top)")
    }

    @Test("t is among the browser's hints at 80 columns")
    func treesHint() {
        let program = BrowserProgram.sized(Fixtures.catalog())
        #expect(program.render().lines[23].contains("t trees"))
    }

    @Test("a message longer than the status line takes the rows above it, whole, until the next key")
    func longMessage() {
        var screen = DiagnosisFixtures.fromKeyMissing(width: 60, height: 20)
        let path = "/home/engineer/.local/state/triage/transcripts/acme-keys-2026-11-23T08-51-11Z.md"
        screen.transcriptSaved(at: path)
        let lines = screen.render().lines
        let joined = lines.suffix(3).map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(joined.contains("Transcript saved to"))
        #expect(joined.replacingOccurrences(of: " ", with: "").contains(path), "\(lines.suffix(3))")
        screen.send(.down)
        #expect(!screen.render().text.contains("Transcript saved"))
    }

    // MARK: Diagnosis

    @Test("r then Esc cancels the restart and stays in the diagnosis")
    func restartEscape() {
        var screen = DiagnosisFixtures.fromKeyMissing()
        screen.send(.character("1"), .escape)
        #expect(screen.session.currentNode == "key")
        screen.send(.character("r"))
        #expect(screen.message?.contains("Esc cancels") == true)
        #expect(screen.send(.escape) == .stay)
        #expect(screen.session.currentNode == "key" && screen.session.path.count == 2, "nothing was restarted")
        #expect(screen.message == "Restart cancelled")
        #expect(screen.send(.escape) != .stay, "a second Esc leaves as usual")
    }

    @Test("the typed-value field edits at the cursor, and the terminal cursor is drawn there")
    func valueFieldCursor() throws {
        guard case let .session(session) = DiagnosisLaunch.forCode(CodeReference(vendor: "acme", code: "KEY_EXPIRED"),
                                                                   catalog: DiagnosisFixtures.catalog(), width: 80, height: 24)
        else {
            Issue.record("KEY_EXPIRED starts one tree")
            return
        }
        var screen = DiagnosisScreen(session: session, catalog: DiagnosisFixtures.catalog())
        #expect(screen.isTyping)
        screen.type("abcd")
        screen.send(.left, .left)
        screen.type("X")
        #expect(screen.value == "abXcd")
        screen.send(.home)
        screen.type("<")
        screen.send(.control("e"), .delete)
        #expect(screen.value == "<abXcd")
        screen.send(.control("a"), .delete)
        #expect(screen.value == "abXcd")
        screen.send(.right, .right)
        screen.state(revealSecret: true)
        let rendered = screen.render()
        let cursor = try #require(rendered.cursor)
        // The cursor sits on the X (after "ab"); "ab" are the two cells before it.
        let before = (0..<2).map { rendered[cursor.x - 2 + $0, cursor.y].text }.joined()
        #expect(before == "ab" || before == "••", "the cursor is after the second character: \(before)")
        #expect(rendered[cursor.x, cursor.y].text == "X" || rendered[cursor.x, cursor.y].text == "•")
    }

    @Test("the search prompt edits at the cursor too")
    func searchCursor() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.character("/"))
        program.type("kexpired")
        program.send(.home, .right)
        program.type("ey ")
        #expect(program.state.browse.query == "key expired")
        let rendered = program.render()
        #expect(rendered.cursor?.x == 1 + 1 + 4, "after /key␠")
        program.send(.end)
        #expect(program.render().cursor?.x == 1 + 1 + 11)
    }

    // MARK: Tree list

    @Test("the tree list filters as you type; Backspace edits; Esc clears, then closes")
    func treeFilter() throws {
        var picker = TreePicker(catalog: Fixtures.shipped, width: 80, height: 24)
        let all = picker.trees.count
        #expect(all > 9)
        for character in "wrong env" { picker.send(.character(character)) }
        #expect(picker.trees.contains("sentiance-wrong-environment"))
        #expect(picker.trees.count < all)
        #expect(picker.trees.allSatisfy { id in
            let tree = Fixtures.shipped.tree(id: id)!
            let text = ([tree.id.rawValue, tree.title] + tree.codes.map(\.description)).joined(separator: " ").lowercased()
            return text.contains("wrong") && text.contains("env")
        })
        #expect(picker.title.contains("/\(all))"))
        var screen = Buffer(width: 80, height: 24)
        picker.draw(into: &screen, x: 0, y: 0, width: 80, height: 24, context: RenderContext(width: 80, height: 24))
        #expect(screen.text.contains("Filter: wrong env"))
        for _ in 0..<4 { picker.send(.backspace) }
        #expect(picker.filter.text == "wrong")
        for character in "zzzz" { picker.send(.character(character)) }
        #expect(picker.trees.isEmpty)
        #expect(picker.send(.enter) == .stay)
        #expect(picker.send(.escape) == .stay, "the first Esc clears the filter")
        #expect(picker.trees.count == all)
        #expect(picker.send(.character("q")) == .stay, "q is filter text")
        #expect(picker.filter.text == "q")
        picker.send(.escape)
        #expect(picker.send(.escape) == .close)
    }

    @Test("rows past 9 are reached with the arrows and End, and Enter starts them")
    func treesPastNine() throws {
        var picker = TreePicker(catalog: Fixtures.shipped, width: 80, height: 24)
        picker.send(.end)
        #expect(picker.selectedIndex == picker.trees.count - 1)
        let last = try #require(picker.selectedTree)
        guard case let .request(session) = picker.send(.enter) else {
            Issue.record("Enter did not start the last tree")
            return
        }
        #expect(session.tree == last)
        picker = TreePicker(catalog: Fixtures.shipped, width: 80, height: 24)
        for _ in 0..<10 { picker.send(.down) }
        #expect(picker.selectedIndex == 10)
        picker.send(.up)
        #expect(picker.selectedIndex == 9)
    }

    // MARK: Docs

    @Test("o shows the vendor's docs URL in the status line, as a hyperlink on exactly its cells; the next key clears it")
    func docsKey() throws {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.tab, .character("o"))
        #expect(program.state.browse.message == "Docs: https://docs.acme.test")
        let screen = program.render()
        #expect(screen.lines[23].contains("Docs: https://docs.acme.test"))
        let link = try #require(screen.hyperlinks.first)
        #expect(link.url == "https://docs.acme.test")
        let text = (link.x..<(link.x + link.width)).map { screen[$0, link.y].text }.joined()
        #expect(text == "https://docs.acme.test")
        program.send(.down)
        #expect(program.render().hyperlinks.isEmpty)
        // Zeta has no docs: said so, no link.
        program.send(.backTab)
        let zeta = try #require(program.state.browse.sidebar.index(vendor: "zeta", category: nil))
        program.state.browse.selectSidebarRow(zeta)
        program.send(.character("o"))
        #expect(program.state.browse.message == "Zeta has no docs link in the catalog")
        #expect(program.render().hyperlinks.isEmpty)
    }

    @Test("only http(s) URLs of printable ASCII become hyperlinks")
    func hyperlinkSafety() {
        #expect(Hyperlink.isSafe("https://docs.sentiance.com"))
        #expect(!Hyperlink.isSafe("https://evil.test/\u{1B}]8;;x\u{1B}\\"))
        #expect(!Hyperlink.isSafe("javascript:alert(1)"))
        #expect(!Hyperlink.isSafe("https://a.test/with space"))
        #expect(!Hyperlink.isSafe("https://a.test/\u{7}"))
        #expect(Hyperlink(x: 0, y: 0, width: 3, url: "file:///etc/passwd") == nil)
    }

    // MARK: Search history

    @Test("Up in an empty query recalls earlier accepted queries, newest first; they are kept in the memory, capped")
    func searchHistory() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        for query in ["key", "order"] {
            program.send(.character("/"))
            program.type(query)
            program.send(.enter, .escape)
        }
        #expect(program.state.memory.searches == ["order", "key"])
        program.send(.character("/"), .up)
        #expect(program.state.browse.query == "order")
        program.send(.up)
        #expect(program.state.browse.query == "key")
        program.send(.up)
        #expect(program.state.browse.query == "key", "nothing older")
        program.send(.down, .down)
        #expect(program.state.browse.query == "")
        program.type("x")
        program.send(.up)
        #expect(program.state.browse.query == "x", "with a query typed, Up moves in the results")
        var restored = BrowserMemory()
        restored.searches = (0..<80).map { "query \($0)" } + ["\u{1B}[31mred"]
        let reopened = BrowserProgram.sized(Fixtures.catalog(), options: BrowserOptions(memory: restored))
        #expect(reopened.state.browse.searchHistory.queries.count == SearchHistory.limit)
        #expect(reopened.state.browse.searchHistory.queries.allSatisfy { !$0.contains("\u{1B}") })
    }
}

private extension DiagnosisScreen {
    mutating func state(revealSecret: Bool) { self.revealSecret = revealSecret }
}
