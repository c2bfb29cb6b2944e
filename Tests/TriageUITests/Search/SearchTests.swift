import TerminalKit
import Testing
import TriageCore
@testable import TriageUI

@Suite("Incremental search")
struct SearchTests {
    @Test("/ starts a search in the codes pane; each key re-ranks the whole catalog")
    func typingReranks() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.character("/"))
        #expect(program.state.mode == .search)
        #expect(program.state.browse.focus == .list)
        #expect(program.state.browse.listedCodes == ["KEY_MISSING", "KEY_EXPIRED", "ORDER_NOT_FOUND", "ORDER_LOCKED"])
        program.type("ord")
        #expect(program.state.browse.isSearching)
        #expect(program.state.browse.listedCodes == ["ORDER_NOT_FOUND", "ORDER_LOCKED"])
        program.type("er lock")
        #expect(program.state.browse.listedCodes == ["ORDER_LOCKED"])
        #expect(program.state.browse.selectedEntry?.code == "ORDER_LOCKED")
        #expect(program.state.invariantViolations() == [])
    }

    @Test("while typing, q, j, k and h are text and arrows move the selection")
    func lettersAreText() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.character("/"))
        #expect(program.type("qjkh?/lg") == .continue)
        #expect(program.state.browse.query == "qjkh?/lg")
        #expect(program.state.mode == .search)
        program.send(.control("u"))
        program.type("key")
        #expect(program.state.browse.listedCodes == ["KEY_MISSING", "KEY_EXPIRED", "1"])
        program.send(.down)
        #expect(program.state.browse.selectedEntry?.code == "KEY_EXPIRED")
        program.send(.down, .down, .down)
        #expect(program.state.browse.selectedEntry?.code == "1")
        program.send(.up)
        #expect(program.state.browse.selectedEntry?.code == "KEY_EXPIRED")
        program.type("s")  // a new key re-ranks and selects the best result again
        #expect(program.state.browse.selectedIndex == program.state.browse.list.first)
    }

    @Test("Enter accepts: the results stay and the codes pane gets the keys")
    func accept() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.character("/"))
        program.type("key")
        program.send(.enter)
        #expect(program.state.mode == .browse)
        #expect(program.state.browse.focus == .list)
        #expect(program.state.browse.query == "key")
        #expect(program.state.browse.listedCodes == ["KEY_MISSING", "KEY_EXPIRED", "1"])
        program.send(.character("j"), .character("j"))
        #expect(program.state.browse.selectedEntry?.reference == CodeReference(vendor: "zeta", code: "1"))
        program.send(.enter)
        #expect(program.state.browse.focus == .detail)
        // Esc: back to the results, then out of them to the code in its own category.
        program.send(.escape)
        #expect(program.state.browse.focus == .list)
        #expect(program.state.browse.isSearching)
        program.send(.escape)
        #expect(!program.state.browse.isSearching)
        #expect(program.state.browse.query.isEmpty)
        #expect(program.state.browse.selectedVendor?.id == "zeta")
        #expect(program.state.browse.selectedCategory?.id == "general")
        #expect(program.state.browse.selectedEntry?.code == "1")
        #expect(program.state.invariantViolations() == [])
    }

    @Test("Esc while typing cancels and returns to where search started")
    func cancel() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.down, .down, .enter, .down)  // Acme › Orders › ORDER_LOCKED
        program.send(.character("/"))
        program.type("key")
        #expect(program.state.browse.selectedEntry?.code == "KEY_MISSING")
        program.send(.escape)
        #expect(program.state.mode == .browse)
        #expect(program.state.browse.query.isEmpty)
        #expect(program.state.browse.selectedCategory?.id == "orders")
        #expect(program.state.browse.selectedEntry?.code == "ORDER_LOCKED")
        #expect(program.state.invariantViolations() == [])
    }

    @Test("editing: Backspace, Ctrl-W deletes a word, Ctrl-U clears; Enter on nothing goes back to browsing")
    func editing() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.character("/"))
        program.type("order lock qqqq")
        #expect(program.state.browse.listedCodes == ["ORDER_LOCKED"], "a word no code has does not empty the results")
        #expect(program.state.invariantViolations() == [])
        program.send(.backspace, .backspace, .backspace, .backspace, .backspace)
        #expect(program.state.browse.query == "order lock")
        #expect(program.state.browse.listedCodes == ["ORDER_LOCKED"])
        program.send(.control("w"))
        #expect(program.state.browse.query == "order ")
        #expect(program.state.browse.listedCodes == ["ORDER_NOT_FOUND", "ORDER_LOCKED"])
        program.send(.control("u"))
        #expect(program.state.browse.query.isEmpty)
        #expect(!program.state.browse.isSearching)
        program.send(.backspace)  // nothing left to delete: still typing
        #expect(program.state.mode == .search)
        program.send(.enter)
        #expect(program.state.mode == .browse)
        #expect(!program.state.browse.isSearching)
        #expect(program.state.browse.selectedVendor?.id == "acme")
        #expect(program.state.invariantViolations() == [])
    }

    @Test("Tab while typing, and Ctrl-V, switch between all vendors and the selected vendor")
    func scope() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.character("/"))
        program.type("key")
        #expect(program.state.browse.scope == .all)
        program.send(.tab)
        #expect(program.state.browse.scope == .vendor)
        #expect(program.state.browse.listedCodes == ["KEY_MISSING", "KEY_EXPIRED"])
        #expect(program.render().lines[23].contains("2 results in Acme"))
        #expect(program.render().lines[0].contains("Search: Acme (2)"))
        program.send(.control("v"))
        #expect(program.state.browse.scope == .all)
        #expect(program.state.browse.listedCodes.count == 3)
        program.send(.control("v"), .enter)
        #expect(program.state.browse.scope == .vendor)
        // Moving to another vendor re-scopes the results.
        program.send(.tab, .tab, .character("G"))
        #expect(program.state.browse.selectedVendor?.id == "zeta")
        #expect(program.state.browse.listedCodes == ["1"])
        program.send(.control("v"))
        #expect(program.state.browse.scope == .all)
        #expect(program.state.browse.message == "Search scope: all vendors")
        #expect(program.state.invariantViolations() == [])
    }

    @Test("no results: an empty codes pane and a hint in the detail")
    func noResults() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.character("/"))
        program.type("zzzzqqq")
        #expect(program.state.browse.list.isEmpty)
        #expect(program.state.browse.selectedEntry == nil)
        #expect(program.render().text.contains("No codes match"))
        program.send(.enter)
        #expect(program.state.mode == .browse)
        #expect(program.state.invariantViolations() == [])
    }

    @Test("--query and --vendor start with the results of that vendor shown")
    func initialQuery() {
        let options = BrowserOptions(vendor: "zeta", query: "key")
        let program = BrowserProgram.sized(Fixtures.catalog(), options: options)
        #expect(program.state.mode == .browse)
        #expect(program.state.browse.focus == .list)
        #expect(program.state.browse.scope == .vendor)
        #expect(program.state.browse.selectedVendor?.id == "zeta")
        #expect(program.state.browse.listedCodes == ["1"])
        let all = BrowserProgram.sized(Fixtures.catalog(), options: BrowserOptions(query: "key"))
        #expect(all.state.browse.scope == .all)
        #expect(all.state.browse.listedCodes.count == 3)
        let vendorOnly = BrowserProgram.sized(Fixtures.catalog(), options: BrowserOptions(vendor: "zeta"))
        #expect(vendorOnly.state.browse.selectedVendor?.id == "zeta")
        #expect(!vendorOnly.state.browse.isSearching)
        let unknown = BrowserProgram.sized(Fixtures.catalog(), options: BrowserOptions(vendor: "nope"))
        #expect(unknown.state.browse.selectedVendor?.id == "acme")
    }

    @Test("matched characters of code and message are highlighted")
    func highlighting() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.character("/"))
        program.type("key not")
        // Zeta 1: "API Key not valid", first (codes matching only some of the words follow).
        #expect(program.state.browse.listedCodes.first == "1")
        let screen = program.render()
        let row = screen.lines[1]
        guard let keyColumn = Array(row).firstIndex(of: "K") else {
            Issue.record("no message in \(row)")
            return
        }
        let start = program.state.layout.list.x
        _ = start
        for offset in 0..<3 { #expect(screen[keyColumn + offset, 1].style.underline, "K-e-y underlined") }
        #expect(screen[keyColumn + 3, 1].style.underline == false)
        for offset in 4..<7 { #expect(screen[keyColumn + offset, 1].style.underline, "n-o-t underlined") }
        #expect(screen[keyColumn + 8, 1].style.underline == false)  // "valid"
        #expect(screen[keyColumn, 1].style.foreground == .yellow)
        #expect(screen[keyColumn, 1].style.bold)
    }
}
