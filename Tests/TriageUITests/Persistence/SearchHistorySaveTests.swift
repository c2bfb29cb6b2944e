import Foundation
import TerminalKit
import Testing
import TriageCore
@testable import TriageUI

/// The search history is saved when a query joins it, not only on the way out (issue 13): a crash or `kill -9`
/// after a search loses nothing.
@Suite("Search history saved on each change")
struct SearchHistorySaveTests {
    /// The `saveMemory` effects of one key.
    static func saves(_ program: inout BrowserProgram, _ key: Key) -> [BrowserMemory] {
        program.update(.key(key)).effects.compactMap { effect in
            if case let .saveMemory(memory) = effect { return memory }
            return nil
        }
    }

    @Test("accepting a new query asks to save the memory with it at once; nothing new, nothing saved")
    func savedOnAccept() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.character("/"))
        program.type("key")
        let saved = Self.saves(&program, .enter)
        #expect(saved.count == 1)
        #expect(saved.first?.searches == ["key"])
        #expect(saved.first == program.state.memory, "the memory as the update left it")
        #expect(program.shutdown().isEmpty, "nothing moved since: the way out saves nothing more")

        // The same query again is no change; an empty query is not history.
        program.send(.escape, .character("/"))
        program.type("key")
        #expect(Self.saves(&program, .enter).isEmpty)
        program.send(.escape, .character("/"))
        #expect(Self.saves(&program, .enter).isEmpty)
        // Typing and cancelling does not touch the history.
        program.send(.character("/"))
        program.type("order")
        #expect(Self.saves(&program, .escape).isEmpty)
        program.send(.character("/"))
        program.type("order")
        #expect(Self.saves(&program, .enter).first?.searches == ["order", "key"])
    }

    @Test("a save that fails mid-run is said in the status line; the browser keeps working")
    func failureIsShown() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.character("/"))
        program.type("key")
        let update = program.update(.key(.enter))
        let failing = MemorySaver { _ in throw TestFailure() }
        for effect in update.effects { _ = program.answer(effect.perform(transcripts: nil, memory: failing)) }
        #expect(program.state.browse.message == "Cannot save the search history: disk full")
        #expect(program.render().lines[23].contains("Cannot save the search history: disk full"))
        program.send(.character("j"))
        #expect(program.state.browse.message == nil)
    }

    struct TestFailure: LocalizedError {
        var errorDescription: String? { "disk full" }
    }
}
