import TerminalKit
import Testing
@testable import TriageCore
@testable import TriageUI

/// Search results come a page at a time: a query matching thousands of codes ranks a few screenfuls, says how
/// many match in all, and ranks more as the selection moves down (End ranks them all).
@Suite struct SearchPagingTests {
    static let catalog = CompiledCatalogFrameTests.makeBig()

    @Test func aQueryMatchingThousandsRanksAPageAndCountsThemAll() throws {
        var program = BrowserProgram.sized(Self.catalog, width: 120, height: 40)
        program.send(.character("/"))
        program.type("message")
        let state = program.state
        #expect(state.browse.listTotal == 6000)
        #expect(state.browse.list.count == BrowseModel.searchPage)
        // The same first page as ranking every hit.
        let all = Searcher(catalog: Self.catalog).search("message").map(\.entryIndex)
        #expect(state.browse.list == Array(all.prefix(BrowseModel.searchPage)))
        let screen = program.render().text
        #expect(screen.contains("Search: all (6000)"), "\(screen)")
        #expect(screen.contains("1/6000"), "\(screen)")
        #expect(state.invariantViolations() == [])
    }

    @Test func movingDownRanksMoreAndEndReachesTheLastHit() throws {
        var program = BrowserProgram.sized(Self.catalog, width: 120, height: 40)
        program.send(.character("/"))
        program.type("message")
        for _ in 0..<8 { program.send(.pageDown) }
        let paged = program.state.browse
        #expect(paged.list.count > BrowseModel.searchPage, "paging down ranked more: \(paged.list.count)")
        #expect(paged.listIndex < paged.list.count - paged.layout.list.height, "the selection never reaches the end of what is ranked")
        let all = Searcher(catalog: Self.catalog).search("message").map(\.entryIndex)
        #expect(paged.list == Array(all.prefix(paged.list.count)))
        program.send(.enter, .end)
        let end = program.state.browse
        #expect(end.list.count == 6000)
        #expect(end.listIndex == 5999)
        #expect(end.list == all)
        #expect(program.render().text.contains("6000/6000"))
        #expect(end.invariantViolations() == [])
    }

    @Test func aNewQueryStartsFromOnePageAgain() throws {
        var program = BrowserProgram.sized(Self.catalog, width: 120, height: 40)
        program.send(.character("/"))
        program.type("message")
        program.send(.enter, .end)
        #expect(program.state.browse.list.count == 6000)
        program.send(.character("/"))
        program.type(" 1")
        #expect(program.state.browse.list.count <= BrowseModel.searchPage)
        #expect(program.state.invariantViolations() == [])
    }
}
