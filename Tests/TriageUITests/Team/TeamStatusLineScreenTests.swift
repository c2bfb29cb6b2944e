import Testing
import TerminalKit
import TriageCore
@testable import TriageUI

/// The status line's team field: what the background pushes left (`BrowserMessage.teamStatus`) shown after the
/// place at 80x24, nothing without a team store, kept when the built catalog replaces a stand-in.
@Suite struct TeamStatusLineScreenTests {
    static func statusLine(_ program: BrowserProgram) -> String { program.render().lines.last ?? "" }

    @Test func noTeamStoreNoField() {
        let program = BrowserProgram.sized(Fixtures.catalog())
        #expect(!Self.statusLine(program).contains("team:"))
    }

    @Test func eachStateIsShownAndReplacedByTheNext() {
        var program = BrowserProgram.sized(Fixtures.catalog())
        for text in ["team: 14 queued", "team: offline (14 queued)", "team: synced 2m ago"] {
            let update = program.receive(.teamStatus(text))
            #expect(update.result == .continue && update.effects.isEmpty)
            let line = Self.statusLine(program)
            #expect(line.contains(text), "\(line)")
            #expect(line.components(separatedBy: "team:").count == 2, "one field, the latest: \(line)")
            #expect(program.render().lines.count == 24)
        }
        // Moving around keeps it (it is not a one-off message).
        program.send(.down)
        #expect(Self.statusLine(program).contains("team: synced 2m ago"))
        #expect(program.state.invariantViolations().isEmpty)
    }

    @Test func keptWhenTheBuiltCatalogArrives() {
        var options = BrowserOptions()
        options.catalogBuild = CatalogBuildProgress(done: 0, total: 10)
        var program = BrowserProgram.sized(Fixtures.catalog(), options: options)
        _ = program.receive(.teamStatus("team: 3 queued"))
        _ = program.receive(.catalogReady(Fixtures.catalog()))
        #expect(program.state.teamStatus == "team: 3 queued")
    }
}
