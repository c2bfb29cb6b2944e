import Foundation
import GRDB
import TerminalKit
import Testing
import TestSupport
import TriageCore
import TriageRuntime
import TriageStorage
@testable import TriageUI

/// The sessions screen against a real SQLite file: every session is listed (past the first 1,000), and a row
/// whose state does not decode is shown as damaged while the others stay usable.
@Suite("Sessions screen: every session, damaged ones said", .serialized)
struct SessionsScreenStoreTests {
    @Test("1,005 sessions: the last one is reachable; a damaged row says it cannot be read")
    func everySessionAndADamagedOne() throws {
        let path = TestPaths.temporaryDirectory("triage-screen-all").appendingPathComponent("sessions.sqlite").path
        let store = try SQLiteSessionStore(path: path)
        let catalog = Fixtures.shipped.catalog
        let session = try DiagnosisSession.start(tree: "sentori-lists", in: catalog)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        for index in 1...1005 {
            _ = try store.create(SessionSnapshot(session, catalog: catalog), user: "alice", ticket: "ZD-\(index)",
                                 at: start.addingTimeInterval(Double(index)))
        }
        // The attack: a row changed outside Triage.
        try DatabaseQueue(path: path).write { try $0.execute(sql: "update session set state='not json' where id=1") }

        var run = SwitcherTests.Driver(store: store)
        run.keys(.character("S"))
        #expect(run.screen.contains("ZD-1005"), "newest first")
        run.keys(.character("G"))
        let screen = run.screen
        #expect(screen.contains("#1 "), "the oldest, past the first 1,000, is listed")
        #expect(screen.contains("ZD-1 "))
        #expect(screen.contains("damaged"))
        #expect(screen.contains("cannot be read"))
        #expect(!screen.contains("not json"), "no row dump")
        // Enter on it says why instead of opening an empty diagnosis; the others still open.
        run.keys(.enter)
        #expect(run.screen.contains("Session #1 cannot be read"))
        run.keys(.up, .enter)
        #expect(run.program.state.mode == .diagnosis)
    }
}
