import TerminalKit
import TestSupport
import Testing
import TriageCore
@testable import TriageUI

/// `/` in the detail pane, as in less (issue 13): the find field, Enter, `n` / `N`, the marks on screen, Esc.
@Suite("Find in the detail pane")
struct DetailFindTests {
    /// One code whose detail is longer than the pane at 80x24, "token" in many places (one after wide
    /// characters), and a second code to move to.
    static let catalog: Catalog = {
        let causes = (1...12).map { "        - Cause \($0) has nothing to find." } + ["        - The 東京 token expired."]
        let yaml = """
            vendor:
              id: find
              name: Finder
            categories:
              - id: auth
                name: Auth
            codes:
              - code: TOKEN_BAD
                category: auth
                http: 401
                description: The token is bad. A Token can be renewed.
                causes:
            \(causes.joined(separator: "\n"))
                checks:
                  - Send a new TOKEN.
              - code: OTHER
                category: auth
                description: Something else entirely, with a token.
            """
        let loaded = CatalogLoader.load([CatalogSource(name: "t", files: [("find.yaml", yaml)])])
        precondition(loaded.problems.isEmpty, "\(loaded.problems)")
        return loaded.catalog
    }()

    /// The program at 80x24 with the focus on TOKEN_BAD's detail.
    static func inDetail() -> BrowserProgram {
        var program = BrowserProgram.sized(catalog)
        program.send(.enter, .enter)
        #expect(program.state.browse.focus == .detail)
        #expect(program.state.browse.selectedEntry?.code == "TOKEN_BAD")
        return program
    }

    /// The cells of the detail pane whose style is `style`, as (row, text) runs, top to bottom.
    static func marked(_ screen: Buffer, _ program: BrowserProgram, style: Style) -> [String] {
        let rect = program.state.layout.detail
        var runs: [String] = []
        for y in rect.y..<(rect.y + rect.height) {
            var run = ""
            for x in rect.x..<(rect.x + rect.width) {
                if screen[x, y].style == style { run += screen[x, y].text } else if !run.isEmpty { runs.append(run); run = "" }
            }
            if !run.isEmpty { runs.append(run) }
        }
        return runs
    }

    @Test("/ in the detail opens the find field on the last row; typing edits it (cursor, paste); Esc closes it")
    func field() {
        var program = Self.inDetail()
        program.send(.character("/"))
        #expect(program.state.mode == .find)
        #expect(program.state.browse.query == "", "not the code search")
        program.type("tken")
        program.send(.left, .left, .left)
        program.type("o")
        program.send(.end)
        _ = program.update(.paste(" x\ny"))
        let screen = program.render()
        #expect(program.state.browse.findField?.text == "token x y")
        #expect(screen.lines[23].hasPrefix(" /token x y"))
        #expect(screen.lines[23].hasSuffix("find in the detail  Enter find  Esc close"))
        #expect(screen.cursor?.y == 23 && screen.cursor?.x == 2 + "token x y".count, "after the pasted text")
        // q, n, j and / are text here.
        program.type("qnj/")
        #expect(program.state.browse.findField?.text == "token x yqnj/")
        program.send(.escape)
        #expect(program.state.mode == .browse && program.state.browse.focus == .detail)
        #expect(program.state.browse.detailFind == nil, "closing the field finds nothing")
        #expect(program.state.invariantViolations(deep: true).isEmpty)
    }

    @Test("Enter goes to the first match from the top line; every visible match is marked by cell, the current reversed")
    func enterMarks() throws {
        var program = Self.inDetail()
        program.send(.character("/"))
        program.type("TOKEN")
        program.send(.enter)
        #expect(program.state.mode == .browse)
        let find = try #require(program.state.browse.detailFind)
        #expect(find.current?.line == 0, "the code itself, TOKEN_BAD, on the top line")
        let screen = program.render()
        #expect(Self.marked(screen, program, style: Theme.currentMatch) == ["TOKEN"])
        #expect(Self.marked(screen, program, style: Theme.match) == ["token", "Token"])
        #expect(screen.lines[23].contains("/TOKEN 1/5"), "where the current match is: \(screen.lines[23])")
        #expect(screen.lines[23].contains("n N next/prev") && screen.lines[23].contains("Esc clear find"))
    }

    @Test("n and N step through the matches, scroll them into view, and wrap with a message")
    func nextAndPrevious() throws {
        var program = Self.inDetail()
        program.send(.character("/"))
        program.type("token")
        program.send(.enter, .character("n"), .character("n"))
        #expect(program.state.browse.detailPane.scroll == 0)
        // The fourth match (after the twelve causes) is below the pane: n scrolls it up (to the top, as less
        // does, as far as the end of the text allows).
        program.send(.character("n"))
        let current = try #require(program.state.browse.detailFind?.current)
        let scroll = program.state.browse.detailPane.scroll
        #expect(scroll > 0 && program.state.browse.detailPane.isVisible(line: current.line))
        var screen = program.render()
        #expect(Self.marked(screen, program, style: Theme.currentMatch) == ["token"])
        let row = program.state.layout.detail.y + current.line - scroll
        #expect(screen.lines[row].contains("• The 東京 token expired."))
        // Wide characters: the mark covers exactly the five cells of "token" after them.
        let x = program.state.layout.detail.x + 1 + current.columns.lowerBound
        #expect((x..<(x + 5)).map { screen[$0, row].text }.joined() == "token")
        #expect(screen[x - 1, row].style != Theme.currentMatch && screen[x + 5, row].style != Theme.currentMatch)
        program.send(.character("n"))
        #expect(program.render().text.contains("TOKEN."), "the fifth match, in What to check")
        program.send(.character("n"))
        #expect(program.state.browse.message == "search hit BOTTOM, continuing at TOP")
        #expect(program.state.browse.detailFind?.current?.line == 0)
        #expect(program.state.browse.detailPane.scroll == 0)
        screen = program.render()
        #expect(screen.lines[23].contains("search hit BOTTOM, continuing at TOP"))
        program.send(.character("N"))
        #expect(program.state.browse.message == "search hit TOP, continuing at BOTTOM")
        program.send(.character("N"))
        #expect(program.state.browse.message == nil)
        #expect(program.state.invariantViolations(deep: true).isEmpty)
    }

    @Test("a pattern that is nowhere says so; n with nothing found yet explains; one match says there are no more")
    func notFound() {
        var program = Self.inDetail()
        program.send(.character("n"))
        #expect(program.state.browse.message == "Nothing to find yet: / finds text in the detail")
        program.send(.character("/"))
        program.type("absent")
        program.send(.enter)
        #expect(program.state.browse.message == "Pattern not found: absent")
        #expect(program.state.browse.detailFind == nil)
        #expect(program.render().lines[23].contains("Pattern not found: absent"))
        program.send(.character("/"))
        program.type("renewed")
        program.send(.enter, .character("n"))
        #expect(program.state.browse.message == "No more matches: this is the only one")
        // Enter on an empty field finds the last pattern again, as in less.
        program.send(.character("/"), .enter)
        #expect(program.state.browse.detailFind?.pattern == "renewed")
    }

    @Test("Esc clears the marks first, then goes back; showing another code forgets the find")
    func resets() {
        var program = Self.inDetail()
        program.send(.character("/"))
        program.type("token")
        program.send(.enter)
        // Moving to the codes and back keeps it: the detail still shows the same code.
        program.send(.backTab, .tab)
        #expect(program.state.browse.detailFind != nil)
        program.send(.escape)
        #expect(program.state.browse.detailFind == nil && program.state.browse.focus == .detail)
        #expect(Self.marked(program.render(), program, style: Theme.match).isEmpty)
        program.send(.escape)
        #expect(program.state.browse.focus == .list)
        // A find, then another code: the marks and the position go.
        program.send(.enter, .character("/"))
        program.type("token")
        program.send(.enter, .backTab, .character("j"))
        #expect(program.state.browse.selectedEntry?.code == "OTHER")
        #expect(program.state.browse.detailFind == nil)
        program.send(.tab, .character("n"))
        #expect(program.state.browse.message == "Nothing to find yet: / finds text in the detail")
    }

    @Test("elsewhere / is still the code search and n N do nothing; the hints and help say which is which")
    func scheme() {
        var program = BrowserProgram.sized(Self.catalog)
        program.send(.enter)
        #expect(program.state.browse.focus == .list)
        #expect(program.render().lines[23].contains("/ search"))
        program.send(.character("n"), .character("N"))
        #expect(program.state.browse.message == nil && program.state.mode == .browse)
        program.send(.character("/"))
        #expect(program.state.mode == .search)
        program.send(.escape, .enter)
        #expect(program.state.browse.focus == .detail)
        let status = program.render().lines[23]
        #expect(status.contains("/ find") && !status.contains("/ search"))
        let help = KeyHelp.sections(for: .browser).flatMap(\.bindings)
        #expect(help.contains { $0.keys == "/  n  N (detail)" })
        #expect(help.contains { $0.keys == "/" && $0.action.contains("codes") })
        #expect(BrowseModel.detailKeys.action(for: .character("/")) == .find)
        #expect(BrowseModel.browseKeys.action(for: .character("/")) == .search)
    }

    @Test("the marks follow a resize: the document is wrapped again and the matches found in it")
    func resize() {
        var program = Self.inDetail()
        program.send(.character("/"))
        program.type("token")
        program.send(.enter)
        _ = program.update(.resize(width: 50, height: 20))
        let screen = program.render()
        #expect(!Self.marked(screen, program, style: Theme.match).isEmpty)
        for run in Self.marked(screen, program, style: Theme.match) { #expect(run.lowercased() == "token") }
        #expect(program.state.invariantViolations(deep: true).isEmpty)
    }
}

/// `o` takes a code's own docs URL, and links only a URL that is safe as the catalog has it.
@Suite("Docs key: the code's own URL, hostile URLs")
struct DocsLinkTests {
    static func program(docs: String) -> BrowserProgram {
        let yaml = """
            vendor:
              id: web
              name: Web
              docs: https://docs.web.test/
            categories:
              - id: api
                name: API
            codes:
              - code: OWN_DOCS
                category: api
                docs: \(docs)
                description: Has its own page.
            """
        let loaded = CatalogLoader.load([CatalogSource(name: "t", files: [("web.yaml", yaml)])])
        var program = BrowserProgram.sized(loaded.catalog)
        program.send(.enter)
        return program
    }

    @Test("a code's own docs URL comes first; the vendor row gives the vendor's")
    func ownURL() throws {
        var program = Self.program(docs: "https://docs.web.test/codes/own")
        program.send(.character("o"))
        #expect(program.state.browse.message == "Docs: https://docs.web.test/codes/own")
        #expect(try #require(program.render().hyperlinks.first).url == "https://docs.web.test/codes/own")
        program.send(.escape, .character("o"))
        #expect(program.state.browse.message == "Docs: https://docs.web.test/")
    }

    @Test("a URL with an escape, a bell or non-ASCII is shown made visible and never linked",
          arguments: ["\"https://evil.test/\\e]8;;https://attacker.test/\\e\\\\\"", "\"https://evil.test/\\a\"",
                      "\"https://exämple.test/\"", "\"javascript:alert(1)\""])
    func hostile(docs: String) {
        var program = Self.program(docs: docs)
        program.send(.character("o"))
        let screen = program.render()
        #expect(program.state.browse.message?.hasPrefix("Docs: ") == true)
        #expect(screen.hyperlinks.isEmpty, "\(program.state.browse.message ?? "")")
        #expect(!screen.cells.contains { $0.text.unicodeScalars.contains(where: TerminalSafe.isUnsafe) })
    }

    @Test("the vendor view's docs line is a hyperlink on exactly the URL's cells; a hostile one is not")
    func vendorViewLink() throws {
        let program = BrowserProgram.sized(Fixtures.catalog())
        let screen = program.render()
        let link = try #require(screen.hyperlinks.first)
        #expect(link.url == "https://docs.acme.test")
        #expect((link.x..<(link.x + link.width)).map { screen[$0, link.y].text }.joined() == "https://docs.acme.test")
        #expect(screen.lines[link.y].contains("Docs: https://docs.acme.test"))
        let yaml = """
            vendor:
              id: evil
              name: Evil
              docs: "https://evil.test/\\e]8;;https://attacker.test/"
            categories:
              - id: api
                name: API
            codes:
              - code: X
                category: api
                description: X.
            """
        let loaded = CatalogLoader.load([CatalogSource(name: "t", files: [("evil.yaml", yaml)])])
        let evil = BrowserProgram.sized(loaded.catalog).render()
        #expect(evil.text.contains("https://evil.test/^["), "the escape made visible")
        #expect(evil.hyperlinks.isEmpty)
        #expect(!evil.cells.contains { $0.text.unicodeScalars.contains(where: TerminalSafe.isUnsafe) })
    }
}
