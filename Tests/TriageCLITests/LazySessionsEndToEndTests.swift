import Foundation
import Testing
import TestSupport

/// Issue 25 in the real binary: the browser draws its first frame without the sessions database. A fresh
/// machine gets no database file for browsing, searching or the resume offer; the first search choice remembered
/// creates it, a later search from the shell is lifted by it, and so is the next browser's first search.
@Suite(.serialized, .enabled(if: TmuxHarness.isAvailable, "tmux is not installed"))
struct LazySessionsEndToEndTests {
    @Test func theFirstFrameOpensNoDatabaseAndTheFirstChoiceCreatesIt() async throws {
        let tmux = try TmuxHarness(width: 120, height: 30)
        defer { tmux.close() }
        let database = tmux.stateHome.appendingPathComponent("triage/sessions.sqlite")
        try tmux.launchTriage([])
        _ = try await tmux.waitFor(text: "Sentiance")
        #expect(!FileManager.default.fileExists(atPath: database.path), "browsing creates no database")

        try tmux.type("/")
        try tmux.type("install deleted")
        _ = try await tmux.waitFor(text: "INSTALL_DELETED")
        #expect(!FileManager.default.fileExists(atPath: database.path), "searching creates no database")
        try tmux.press("Enter")  // the query is accepted: the codes list has the focus
        try tmux.press("Enter")  // the first code is opened: chosen after this query
        try await tmux.waitUntil("the choice is remembered in a new database") { _ in
            FileManager.default.fileExists(atPath: database.path)
        }
        try tmux.press("q")
        if try tmux.isRunning() { try tmux.press("q") }
        _ = try await tmux.waitForExit()

        let search = try TriageProcess.run(["search", "install", "deleted", "--json"],
                                           environment: ["HOME": tmux.home.path, "XDG_STATE_HOME": tmux.stateHome.path])
        #expect(search.stdout.contains("\"chosen_before\" : true"), "\(search.stdout)")

        // The next browser reads the pairing at its first search: the code is marked.
        let again = try TmuxHarness(width: 120, height: 30)
        defer { again.close() }
        // Only the database: the first run's place (state.json) would reopen its code's detail.
        let folder = again.stateHome.appendingPathComponent("triage")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: database.deletingLastPathComponent().path)
        where name.hasPrefix("sessions.sqlite") {
            try FileManager.default.copyItem(at: database.deletingLastPathComponent().appendingPathComponent(name),
                                             to: folder.appendingPathComponent(name))
        }
        try again.launchTriage([])
        _ = try await again.waitFor(text: "Sentiance")
        try again.type("/")
        try again.type("install deleted")
        let marked = try await again.waitFor(text: "chosen before")
        #expect(marked.contains("INSTALL_DELETED"), "\(marked)")
    }

}
