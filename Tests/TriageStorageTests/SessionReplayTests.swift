import Foundation
import Testing
import TestSupport
import TriageCore
import TriageStorage

/// The outbox is enough to rebuild a session on another host: replaying a session's events gives the session
/// the store holds, through answers, jumps back, notes, a conclusion, an outcome and a pause.
@Suite struct SessionReplayTests {
    let catalog = Fixtures.shipped.catalog

    func store() throws -> SQLiteSessionStore {
        try SQLiteSessionStore(path: TestPaths.temporaryDirectory("triage-replay").appendingPathComponent("s.sqlite").path)
    }

    func forward(_ session: inout DiagnosisSession, _ recorder: SessionRecorder) throws {
        while !session.isFinished, let step = session.current(in: catalog) {
            if case .question = step.kind { try session.choose(0, in: catalog) } else { try session.provide("v", in: catalog) }
            recorder.record(session)
        }
    }

    @Test func replayingTheOutboxRebuildsTheStoredSession() throws {
        let store = try store()
        for tree in catalog.trees.prefix(6).map(\.id) {
            let recorder = SessionRecorder(store: store, catalog: catalog, user: "alice", ticket: "T-\(tree)") { Issue.record("\($0)") }
            var session = try DiagnosisSession.start(tree: tree, in: catalog)
            recorder.record(session)
            try forward(&session, recorder)
            session.back()
            recorder.record(session)
            session.setNote("looked at the dashboard", forStep: 0)
            recorder.record(session)
            try forward(&session, recorder)
            let id = try #require(recorder.id)
            #expect(try store.setOutcome(.escalated, id: id, at: Date()))

            let stored = try #require(try store.load(id: id))
            let uuid = try #require(try store.sessionUUID(id: id))
            let events = try store.events(after: 0, limit: 10_000).map(\.event).filter { $0.session == uuid }
            let replay = try SessionReplay(events)
            #expect(replay.diagnosis == stored.diagnosis, "tree \(tree)")
            #expect(replay.ticket == "T-\(tree)")
            #expect(replay.outcome == .escalated)
            #expect(replay.status == stored.status)
            #expect(replay.conclusion == stored.conclusion)
        }
    }

    @Test func aRedactedOrHeadlessSessionIsNotRebuilt() throws {
        let event = SessionEvent(session: UUIDv7.make(), kind: .redacted, at: Date(), actor: "a", catalog: "", payload: nil)
        #expect(throws: SessionReplay.Problem.redacted) { try SessionReplay([event]) }
        let note = SessionEvent(session: event.session, kind: .noted, at: Date(), actor: "a", catalog: "", payload: .init(head: "{}"))
        #expect(throws: SessionReplay.Problem.noOpening) { try SessionReplay([note]) }
    }

    @Test func uuidsAreVersion7AndOrderedByTime() {
        var generator = SystemRandomNumberGenerator()
        let early = UUIDv7.make(at: Date(timeIntervalSince1970: 1_800_000_000), using: &generator)
        let late = UUIDv7.make(at: Date(timeIntervalSince1970: 1_800_000_001), using: &generator)
        #expect(early.count == 36)
        #expect(Array(early)[14] == "7", "version 7")
        #expect("89ab".contains(Array(early)[19]), "RFC 9562 variant")
        #expect(early < late)
        #expect(UUID(uuidString: early) != nil)
        #expect(Set((0..<1000).map { _ in UUIDv7.make() }).count == 1000)
    }
}
