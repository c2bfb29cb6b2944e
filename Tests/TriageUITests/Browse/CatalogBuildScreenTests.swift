import Testing
import TerminalKit
import TriageCore
@testable import TriageUI

/// The browser while a user catalog compiles in the background: it opens on a stand-in at once, shows the
/// build's progress in the status line, switches to the built catalog (keeping the place) and says so, and quits
/// when the build found problems (the command line prints them).
@Suite struct CatalogBuildScreenTests {
    /// The stand-in: only Zeta. The built catalog: Acme, Zeta and a tree.
    static let standIn = CatalogLoader.load([CatalogSource(name: "built-in", files: [("zeta.yaml", Fixtures.zeta)])]).catalog
    static let built = Fixtures.catalog()

    static func building(_ options: BrowserOptions = BrowserOptions(), width: Int = 80, height: Int = 24) -> BrowserProgram {
        var options = options
        options.catalogBuild = CatalogBuildProgress(done: 0, total: 4_000)
        return BrowserProgram.sized(standIn, width: width, height: height, options: options)
    }

    static func statusLine(_ program: BrowserProgram) -> String {
        program.render().lines.last ?? ""
    }

    @Test func theFirstFrameShowsTheStandInAndTheProgress() {
        let program = Self.building()
        let screen = program.render().lines.joined(separator: "\n")
        #expect(screen.contains("Zeta"))
        #expect(!screen.contains("Acme"))
        #expect(Self.statusLine(program).contains("Compiling the catalog: 0 of 4,000 files"))
    }

    @Test func progressUpdatesTheStatusLine() {
        var program = Self.building()
        let update = program.receive(.catalogProgress(CatalogBuildProgress(done: 1_234, total: 4_000)))
        #expect(update.result == .continue && update.effects.isEmpty)
        #expect(Self.statusLine(program).contains("Compiling the catalog: 1,234 of 4,000 files"))
        // A key clears one-off messages, not the progress.
        program.send(.down)
        #expect(Self.statusLine(program).contains("Compiling the catalog: 1,234 of 4,000 files"))
    }

    @Test func theBuiltCatalogReplacesTheStandInAndSaysSo() {
        var program = Self.building()
        _ = program.receive(.catalogReady(Self.built))
        let screen = program.render().lines.joined(separator: "\n")
        #expect(screen.contains("Acme"))
        #expect(program.state.catalogBuild == nil)
        #expect(Self.statusLine(program).contains("Catalog compiled: \(Self.built.entries.count) codes"))
        #expect(!Self.statusLine(program).contains("Compiling"))
        // Late progress (posted before the result) changes nothing.
        _ = program.receive(.catalogProgress(CatalogBuildProgress(done: 3_999, total: 4_000)))
        #expect(!Self.statusLine(program).contains("Compiling"))
        #expect(program.state.invariantViolations().isEmpty)
    }

    @Test func theRememberedPlaceIsRestoredInTheBuiltCatalog() {
        // Acme is only in the built catalog: the stand-in cannot show it, the switch does.
        let memory = BrowserMemory(vendor: "acme", category: "auth", code: "KEY_EXPIRED", scope: .all, focus: .list)
        var program = Self.building(BrowserOptions(memory: memory))
        #expect(program.state.browse.selectedVendor?.id == "zeta")
        _ = program.receive(.catalogReady(Self.built))
        #expect(program.state.browse.selectedVendor?.id == "acme")
        #expect(program.state.browse.selectedEntry?.code == "KEY_EXPIRED")
        #expect(program.state.browse.focus == .list)
    }

    @Test func aPlaceChosenMeanwhileIsKept() {
        var program = Self.building()
        program.send(.tab, .down)
        let chosen = program.state.browse.selectedEntry?.reference
        #expect(chosen != nil)
        _ = program.receive(.catalogReady(Self.built))
        #expect(program.state.browse.selectedEntry?.reference == chosen)
        #expect(program.state.browse.focus == .list)
    }

    @Test func theSwitchWaitsForTheBrowseScreen() {
        var program = Self.building()
        program.send(.character("?"))
        #expect(program.state.mode == .help)
        _ = program.receive(.catalogReady(Self.built))
        #expect(program.state.catalog.entries.count == Self.standIn.entries.count)
        program.send(.escape)
        #expect(program.state.mode == .browse)
        #expect(program.state.catalog.entries.count == Self.built.entries.count)
        #expect(Self.statusLine(program).contains("Catalog compiled"))
    }

    /// A search typed while the catalog compiles: the status line says whose codes it searches, and the built
    /// catalog's results replace the stand-in's when the build finishes, with the box still open.
    @Test func aSearchTypedDuringTheBuildEndsOnTheBuiltCatalog() {
        var program = Self.building()
        program.send(.character("/"))
        for character in "key" { program.send(.character(character)) }
        program.send(.left)
        let codes = { (program: BrowserProgram) in program.state.browse.list.map { program.state.catalog.entries[$0].code } }
        #expect(codes(program) == ["1"])  // Zeta's "API Key not valid": all the stand-in has
        #expect(Self.statusLine(program).contains("1 result in the built-in catalog (yours is compiling)"))
        _ = program.receive(.catalogReady(Self.built))
        #expect(program.state.catalog.entries.count == Self.built.entries.count)
        #expect(program.state.mode == .search)
        #expect(program.state.browse.query == "key")
        #expect(program.state.browse.queryCursor == 2)
        #expect(codes(program).contains("KEY_MISSING"))
        #expect(!Self.statusLine(program).contains("built-in"))
        // Typing goes on in the built catalog; Enter keeps its results.
        program.send(.end, .character("_"), .character("m"))
        #expect(codes(program).first == "KEY_MISSING")
        program.send(.enter)
        #expect(program.state.mode == .browse)
        #expect(program.state.browse.selectedEntry?.code == "KEY_MISSING")
        #expect(program.state.invariantViolations().isEmpty)
    }

    /// The built catalog is laid out for the terminal the stand-in was: a wide, tall one stays wide and tall
    /// (it once fell back to 80x24 and left the bottom rows blank).
    @Test func theSwitchKeepsTheTerminalSize() {
        for typing in [false, true] {
            var program = Self.building(width: 140, height: 30)
            if typing { program.send(.character("/"), .character("k")) }
            _ = program.receive(.catalogReady(Self.built))
            let lines = program.render().lines
            #expect(lines.count == 30)
            #expect(lines.last?.contains(typing ? "/k" : "Catalog compiled") == true, "\(lines.last ?? "")")
            #expect(lines[0].count > 100, "\(lines[0])")
            #expect(program.state.browse.layout.status.y == 29)
        }
    }

    /// Esc after the swap goes back to a place in the built catalog, not one of the stand-in's.
    @Test func cancellingASearchResumedOnTheBuiltCatalogLeavesASearchFreeBrowser() {
        var program = Self.building()
        program.send(.character("/"), .character("o"), .character("r"), .character("d"))
        _ = program.receive(.catalogReady(Self.built))
        #expect(program.state.browse.list.contains { program.state.catalog.entries[$0].code == "ORDER_LOCKED" })
        program.send(.escape)
        #expect(program.state.mode == .browse)
        #expect(program.state.browse.query.isEmpty)
        #expect(program.state.catalog.entries.count == Self.built.entries.count)
        #expect(program.state.invariantViolations().isEmpty)
    }

    /// A find in the detail pane is not interrupted: the switch waits until it closes.
    @Test func theSwitchWaitsForAFindInTheDetail() {
        var program = Self.building()
        program.send(.tab, .tab, .character("/"))
        guard case .find = program.state.browse.input else {
            Issue.record("no find in the detail: \(program.state.browse.input)")
            return
        }
        _ = program.receive(.catalogReady(Self.built))
        #expect(program.state.catalog.entries.count == Self.standIn.entries.count)
        program.send(.escape)
        #expect(program.state.catalog.entries.count == Self.built.entries.count)
    }

    /// The runner is asked to make the search index ahead once per catalog: with the first frame's update, and
    /// with the built catalog when it arrives; not for the stand-in (it builds its own small index), and not for
    /// a catalog already searched.
    @Test func theSearchIndexIsAskedForAheadOncePerCatalog() {
        let prepares = { (effects: [BrowserEffect]) in effects.filter { $0 == .prepareSearch }.count }
        var options = BrowserOptions()
        options.makeSearchIndex = { SearchIndex(catalog: $0) }
        var plain = BrowserProgram(catalog: Self.built, options: options)
        #expect(prepares(plain.update(.resize(width: 80, height: 24)).effects) == 1)
        #expect(prepares(plain.update(.key(.down)).effects) == 0)
        // Searched first (a key before the first update's effects): nothing left to make ahead.
        var searched = BrowserProgram(catalog: Self.built, options: options)
        searched.state.browse.lazySearcher.value.memory = SearchMemory()
        #expect(prepares(searched.update(.resize(width: 80, height: 24)).effects) == 0)

        var program = Self.building(options)
        #expect(prepares(program.update(.key(.down)).effects) == 0)
        let swapped = program.receive(.catalogReady(Self.built))
        #expect(prepares(swapped.effects) == 1)
        #expect(prepares(program.update(.key(.down)).effects) == 0)
        // Waiting for the browse screen, the switch comes with the key that brought it back.
        var waiting = Self.building(options)
        waiting.send(.character("?"))
        #expect(prepares(waiting.receive(.catalogReady(Self.built)).effects) == 0)
        #expect(prepares(waiting.update(.key(.escape)).effects) == 1)
        // A search being typed is answered at once, so its index is made then, not ahead.
        var typing = Self.building(options)
        typing.send(.character("/"), .character("k"))
        #expect(prepares(typing.receive(.catalogReady(Self.built)).effects) == 0)
    }

    @Test func aFailedBuildQuitsWithoutSavingTheStandInPlace() {
        var program = Self.building()
        program.send(.tab, .down)
        let update = program.receive(.catalogFailed(problems: 3))
        #expect(update.result == .quit)
        #expect(update.effects.isEmpty)
        #expect(program.shutdown().isEmpty)
    }

    @Test func quittingDuringTheBuildKeepsTheRememberedPlace() {
        var program = Self.building()
        program.send(.tab, .down)
        let update = program.update(.key(.character("q")))
        #expect(update.result == .quit)
        #expect(!update.effects.contains { if case .saveMemory = $0 { return true } else { return false } })
        #expect(program.shutdown().isEmpty)
    }
}
