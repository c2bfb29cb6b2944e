import TerminalKit
import Testing
import TriageCore
@testable import TriageUI

/// A bracketed paste is text for the field being typed in, as one line; elsewhere it is ignored, never keys.
@Suite("Pasting")
struct PasteTests {
    @Test("a paste in the search is the query, newlines as spaces")
    func pasteIntoSearch() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.character("/"))
        _ = program.update(.paste("order\nlock\u{1B}"))
        #expect(program.state.mode == .search, "the pasted ESC did not cancel the search")
        #expect(program.state.browse.query == "order lock")
        #expect(program.state.browse.listedCodes == ["ORDER_LOCKED"])
    }

    @Test("a paste outside a field does nothing: pasted q does not quit")
    func pasteElsewhere() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        let before = program.state
        #expect(program.update(.paste("q\n/jj")) == .continue)
        #expect(program.state.mode == before.mode && program.state.browse.query == before.browse.query)
    }
}
