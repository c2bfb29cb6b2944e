import Foundation
import GRDB
import Testing
import TestSupport
import TriageCore
import TriageStorage

/// Issue 19's storage findings, each with its attack: a step appends instead of rewriting the session, a row that
/// does not decode hides no other, and a database Triage did not create is only read.
@Suite struct SessionStepStorageTests {
    let catalog = Fixtures.shipped.catalog

    func databasePath() -> String {
        TestPaths.temporaryDirectory("triage-steps").appendingPathComponent("state/sessions.sqlite").path
    }

    /// The longest walk answering 1 (or typing "value") at every step.
    func walk(_ tree: TreeID, recorder: SessionRecorder) throws -> DiagnosisSession {
        var session = try DiagnosisSession.start(tree: tree, in: catalog)
        recorder.record(session)
        while !session.isFinished, let step = session.current(in: catalog) {
            switch step.kind {
            case .question: try session.choose(0, in: catalog)
            case .ask: try session.provide("value", in: catalog)
            case .conclusion, .notDetermined: break
            }
            recorder.record(session)
        }
        return session
    }

    /// Counts every row SQLite inserts into `session_step` and how big `session.state` gets, by triggers.
    func countWrites(_ path: String) throws {
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS probe (inserted INTEGER NOT NULL, largest_state INTEGER NOT NULL);
                INSERT INTO probe VALUES (0, 0);
                CREATE TRIGGER probe_step AFTER INSERT ON session_step BEGIN UPDATE probe SET inserted = inserted + 1; END;
                CREATE TRIGGER probe_state AFTER UPDATE OF state ON session BEGIN
                  UPDATE probe SET largest_state = MAX(largest_state, length(NEW.state)); END;
                """)
        }
    }

    func probe(_ path: String) throws -> (inserted: Int, largestState: Int) {
        try DatabaseQueue(path: path).read { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT inserted, largest_state FROM probe"))
            return (row[0], row[1])
        }
    }

    @Test func eachStepAppendsOnlyItsOwnStepsAndLoadingRebuildsTheSession() throws {
        let path = databasePath()
        let store = try SQLiteSessionStore(path: path)
        try countWrites(path)
        let recorder = SessionRecorder(store: store, catalog: catalog, user: "alice", ticket: "T-1") { Issue.record("\($0)") }
        var session = try walk("sentori-lists", recorder: recorder)
        let id = try #require(recorder.id)
        let steps = session.stepCount
        #expect(steps >= 2)
        // Rewriting the session at each step would insert 1 + 2 + ... + n rows; appending inserts n.
        #expect(try probe(path).inserted == steps)
        #expect(try probe(path).largestState < 2_000, "the session row holds no path")
        let loaded = try #require(try store.load(id: id))
        #expect(loaded.diagnosis == session.redacted())

        // Going back two answers drops the tail; answering again appends only the new steps.
        session.back(2)
        recorder.record(session)
        #expect(try store.load(id: id)?.diagnosis == session.redacted())
        let kept = session.stepCount
        #expect(kept < steps)
        let before = try probe(path).inserted
        while !session.isFinished, let step = session.current(in: catalog) {
            if case .question = step.kind { try session.choose(0, in: catalog) } else { try session.provide("v", in: catalog) }
            recorder.record(session)
        }
        #expect(try probe(path).inserted - before == session.stepCount - kept)
        #expect(try store.load(id: id)?.diagnosis == session.redacted())
        // A note on an early step rewrites from that step on, not the whole session.
        session.setNote("checked the key", forStep: session.stepCount - 1)
        let beforeNote = try probe(path).inserted
        recorder.record(session)
        #expect(try probe(path).inserted - beforeNote == 1)
        #expect(try store.load(id: id)?.diagnosis.path.last?.note == "checked the key")
    }

    /// The attack: `update session set state='not json' where id=1`.
    @Test func aRowThatDoesNotDecodeIsListedAsDamagedAndTheOthersStayUsable() throws {
        let path = databasePath()
        let store = try SQLiteSessionStore(path: path)
        let recorder = { (ticket: String) in
            SessionRecorder(store: store, catalog: catalog, user: "alice", ticket: ticket) { Issue.record("\($0)") }
        }
        for ticket in ["ZD-1", "ZD-2", "ZD-3"] { _ = try walk("sentori-lists", recorder: recorder(ticket)) }
        try DatabaseQueue(path: path).write { try $0.execute(sql: "update session set state='not json' where id=1") }
        // Another row with a column no Triage writes.
        try DatabaseQueue(path: path).write { try $0.execute(sql: "update session set created_at='yesterday-ish' where id=2") }

        let listed = try store.list(SessionFilter())
        #expect(listed.count == 3)
        let damaged = try #require(listed.first { $0.id == 1 })
        #expect(damaged.problem == "cannot be read")
        #expect(damaged.ticket == "ZD-1")
        #expect(listed.first { $0.id == 2 }?.problem == "cannot be read")
        let good = try #require(listed.first { $0.id == 3 })
        #expect(good.problem == nil)
        #expect(good.diagnosis.isFinished)
        #expect(try store.load(id: 3)?.ticket == "ZD-3")
        #expect { try store.load(id: 1) } throws: { error in
            error as? SessionStoreError == .unreadable(1) && "\(error)".contains("cannot be read")
        }
        #expect(try store.list(SessionFilter(ticket: "ZD-1")).map(\.problem) == ["cannot be read"])
        #expect(try store.stats(since: nil).trees.first?.count == 3)
        #expect(try store.delete(id: 1), "a damaged session can be deleted")
        #expect(try store.list(SessionFilter()).count == 2)
    }

    /// The attack: another program's `session` table, no Triage migrations, in rollback-journal mode.
    @Test func anotherProgramsDatabaseIsOpenedReadOnlyAndNeverAltered() throws {
        let path = databasePath()
        try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path,
                                                withIntermediateDirectories: true)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                CREATE TABLE session (id INTEGER PRIMARY KEY, token TEXT, expires INTEGER);
                INSERT INTO session VALUES (1, 'abc', 42);
                """)
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let store = try SQLiteSessionStore(path: path)
        #expect(store.readOnlyReason?.contains("no Triage migrations") == true)
        #expect { try store.list(SessionFilter()) } throws: { "\($0)".contains("not a Triage sessions database") }
        let session = try DiagnosisSession.start(tree: "sentori-lists", in: catalog)
        #expect { try store.create(SessionSnapshot(session, catalog: catalog), user: "a", ticket: nil, at: Date()) } throws: {
            guard case .readOnly? = $0 as? SessionStoreError else { return false }
            return "\($0)".contains("read-only")
        }
        // A second open, and a diagnosis's recorder: still nothing written, no WAL switch.
        _ = try SQLiteSessionStore(path: path)
        var warnings: [String] = []
        let recorder = SessionRecorder(store: store, catalog: catalog, user: "a", ticket: nil) { warnings.append($0) }
        _ = try walk("sentori-lists", recorder: recorder)
        #expect(warnings.count == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let mode = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "delete")
    }

    /// Each step is also an event in the outbox, written in the same transaction, with secrets masked first.
    @Test func everyChangeIsAnEventInTheOutboxWithSecretsMasked() throws {
        let path = databasePath()
        let store = try SQLiteSessionStore(path: path)
        let recorder = SessionRecorder(store: store, catalog: catalog, user: "alice", ticket: "ZD-9") { Issue.record("\($0)") }
        var session = try walk("sentori-lists", recorder: recorder)
        let id = try #require(recorder.id)
        session.setNote("customer sent Authorization: Bearer sk_live_0123456789abcdef", forStep: 0)
        recorder.record(session)
        #expect(try store.setOutcome(.solved, id: id, at: Date()))
        #expect(try store.pause(id: id, reason: "waiting, token=abcdef0123456789", at: Date()))

        let events = try store.events(after: 0)
        #expect(events.map(\.seq) == Array(1...Int64(events.count)), "gap-free per-host sequence")
        #expect(events.first?.event.kind == .opened)
        #expect(events.first?.event.payload?.ticket == "ZD-9")
        #expect(Set(events.map(\.event.session)).count == 1)
        #expect(events.map(\.event.kind).contains(.concluded))
        #expect(events.suffix(2).map(\.event.kind) == [.outcome, .paused])
        // What the outbox holds (and the team store would get) has the secrets masked.
        let encoder = JSONEncoder()
        let outbox = try events.map { String(decoding: try encoder.encode($0.event), as: UTF8.self) }.joined()
        #expect(!outbox.contains("sk_live_0123456789abcdef"))
        #expect(!outbox.contains("abcdef0123456789"))
        #expect(outbox.contains("[secret]"))
        #expect(events.contains { $0.event.payload?.steps?.contains { $0.contains("customer sent Authorization: Bearer [secret]") } == true })
        #expect(events.last?.event.payload?.reason == "waiting, token=[secret]")
        // The note was masked when it was set (the one masking point of typed text), so only the pause reason,
        // handed to the store raw here, had to be masked on its way into the outbox.
        #expect(try store.maskedEventCount() == 1)

        // Deleting the session empties every payload it left in the outbox and queues a redaction.
        #expect(try store.delete(id: id))
        let after = try store.events(after: 0)
        #expect(after.last?.event.kind == .redacted)
        #expect(after.allSatisfy { $0.event.payload == nil })
    }
}
