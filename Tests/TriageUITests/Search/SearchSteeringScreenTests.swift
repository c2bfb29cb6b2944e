import Foundation
import TerminalKit
import Testing
import TestSupport
@testable import TriageCore
import TriageStorage
@testable import TriageUI

/// On the screen: `/` starts a new query, a remembered scope never hides an exact code, and codes chosen from
/// search results are remembered (as effects, kept by the real store) and shown "chosen before" next time.
@Suite struct SearchSteeringScreenTests {
    @Test func slashStartsAnEmptyQueryAndUpRecallsTheLastOne() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.character("/"))
        program.type("key")
        program.send(.enter)
        #expect(program.state.browse.query == "key")
        program.send(.character("/"))
        #expect(program.state.mode == .search)
        #expect(program.state.browse.query == "")
        program.type("order")
        #expect(program.state.browse.query == "order", "not appended to the last query")
        #expect(program.state.browse.listedCodes == ["ORDER_NOT_FOUND", "ORDER_LOCKED"])
        program.send(.control("u"), .up)
        #expect(program.state.browse.query == "key", "↑ in an empty query recalls the history")
        // Esc goes back to the accepted results.
        program.send(.escape)
        #expect(program.state.browse.query == "key")
        #expect(program.state.invariantViolations() == [])
    }

    @Test func aRememberedScopeNeverHidesAnExactCode() {
        let memory = BrowserMemory(vendor: "cometchat", scope: .vendor, focus: .list)
        var program = BrowserProgram.sized(Fixtures.shipped, width: 120, height: 30,
                                           options: BrowserOptions(query: "INSTALL_DELETED", memory: memory))
        let browse = program.state.browse
        #expect(browse.scope == .vendor)
        #expect(browse.selectedEntry?.reference == CodeReference(vendor: "sentiance", code: "INSTALL_DELETED"))
        let screen = program.render()
        #expect(screen.lines[0].contains("Search: CometChat ("), "\(screen.lines[0])")
        #expect(screen.lines[0].contains(", 1 outside)"), "\(screen.lines[0])")
        #expect(screen.lines[29].contains("INSTALL_DELETED is at Sentiance, outside the scope"), "\(screen.lines[29])")
        // The rest of the list stays in the scope.
        #expect(browse.list.dropFirst().allSatisfy { browse.catalog.entries[$0].vendor == "cometchat" })
        program.send(.control("v"))
        #expect(!program.render().lines[0].contains("outside"), "no note once the scope is all vendors")
        #expect(program.state.invariantViolations() == [])
    }

    @Test func aCodeOpenedFromResultsIsRememberedAndLiftedNextTime() throws {
        let path = TestPaths.temporaryDirectory("triage-learned-screen").appendingPathComponent("sessions.sqlite").path
        let store = try SQLiteSessionStore(path: path)
        var options = BrowserOptions()
        options.searchMemory = try store.searchMemory()
        var program = BrowserProgram.sized(Fixtures.shipped, width: 120, height: 30, options: options)
        program.send(.character("/"))
        program.type("chat silent after login")
        program.send(.enter)
        // The code chosen is the one the words alone rank third.
        let wanted = program.state.browse.catalog.entries[program.state.browse.list[2]].reference
        program.send(.down, .down)
        let update = program.update(.key(.enter))
        #expect(program.state.browse.focus == .detail)
        let remembered = update.effects.compactMap { effect -> SearchMemory.Pairing? in
            if case let .rememberSearch(pairing) = effect { return pairing }
            return nil
        }
        #expect(remembered == [SearchMemory.Pairing(words: ["chat", "login", "silent"], code: wanted)])
        for pairing in remembered { try store.remember(pairing, at: Date()) }

        // The next run reads the store: a similar query lists the code first, "chosen before".
        options.searchMemory = try store.searchMemory()
        var next = BrowserProgram.sized(Fixtures.shipped, width: 120, height: 30, options: options)
        next.send(.character("/"))
        next.type("silent chat after login again")
        #expect(next.state.browse.selectedEntry?.reference == wanted)
        let row = next.render().lines.first { $0.contains(wanted.code) } ?? ""
        #expect(row.contains("chosen before"), "\(row)")

        // Cleared (`triage learned --clear`), nothing is lifted any more.
        #expect(try store.forgetSearches() == 1)
        options.searchMemory = try store.searchMemory()
        var cleared = BrowserProgram.sized(Fixtures.shipped, width: 120, height: 30, options: options)
        cleared.send(.character("/"))
        cleared.type("silent chat after login again")
        #expect(cleared.state.browse.selectedEntry?.reference != wanted)
        #expect(!cleared.render().text.contains("chosen before"))
    }

    @Test func withLearningOffNothingIsRemembered() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        program.send(.character("/"))
        program.type("key")
        program.send(.enter)
        let update = program.update(.key(.enter))
        #expect(program.state.browse.focus == .detail)
        #expect(!update.effects.contains { if case .rememberSearch = $0 { return true } else { return false } })
    }
}
