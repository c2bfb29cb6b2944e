import Foundation
import Testing
import TestSupport
import TriageCore
import TriageRuntime
import TriageStorage
import TriageUI

/// Flags end to end below the terminal: the browser's `.flag` effect performed by `SessionEffects` into a real
/// SQLite file (the "v5-feedback" migration), read back by `triage review`'s `CatalogReview` together with the
/// sessions written in the test.
@Suite struct FeedbackRecordTests {
    let catalog = Fixtures.shipped.catalog

    func store(_ name: String) throws -> (SQLiteSessionStore, String) {
        let path = TestPaths.temporaryDirectory(name).appendingPathComponent("sessions.sqlite").path
        return (try SQLiteSessionStore(path: path), path)
    }

    @Test func aFlagEffectIsStoredWithItsUserAndTime() throws {
        let (store, path) = try store("triage-feedback-store")
        let when = Date(timeIntervalSince1970: 1_800_000_000)
        let effects = SessionEffects(store: store, catalog: catalog, user: "ana", now: { when })
        let flag = CatalogFlag(kind: .flag, code: "cometchat:ERR_TOO_MANY_REQUESTS", note: "limits page moved")
        guard case let .flagged(stored, id)? = effects.perform(.flag(flag)) else {
            Issue.record("the flag was not stored")
            return
        }
        #expect(id == 1)
        #expect(stored.user == "ana" && stored.createdAt == when)
        #expect(try store.flags(since: nil) == [stored])
        #expect(try store.flags(since: when.addingTimeInterval(1)).isEmpty)
        // Reopening finds the same flag.
        #expect(try SQLiteSessionStore(path: path).flags(since: nil).count == 1)
    }

    @Test func reviewCountsTheSessionsAndFlagsWrittenHere() throws {
        let (store, _) = try store("triage-feedback-review")
        let code = CodeReference(vendor: "sentori", code: "200")
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        // Three diagnoses from code 200 to list-wrong-id (one solved, one not, one escalated), one to list-missing
        // left without an outcome, one still open.
        var ids: [Int64] = []
        for (index, answer) in ["1", "1", "1", "2", nil].enumerated() {
            var session = try DiagnosisSession.start(tree: "sentori-lists", from: code, in: catalog)
            try session.provide("list-\(index)", in: catalog)
            if let answer { try session.choose(Int(answer)! - 1, in: catalog) }
            let stored = try store.create(SessionSnapshot(session, catalog: catalog), user: "ana", ticket: "T-\(index)",
                                          at: start.addingTimeInterval(Double(index)))
            ids.append(stored.id)
        }
        for (id, outcome) in zip(ids, [SessionOutcome.solved, .notSolved, .escalated]) {
            #expect(try store.setOutcome(outcome, id: id, at: start))
        }
        let effects = SessionEffects(store: store, catalog: catalog, user: "ana", now: { start })
        for flag in [
            CatalogFlag(kind: .flag, code: "sentori:200", tree: "sentori-lists", node: "list-wrong-id", note: "mention the web app's list page", sessionID: ids[1]),
            CatalogFlag(kind: .down, code: "sentori:200", tree: "sentori-lists", node: "list-wrong-id", sessionID: ids[1]),
            CatalogFlag(kind: .up, code: "sentori:200", tree: "sentori-lists", node: "list-wrong-id", sessionID: ids[0]),
            CatalogFlag(kind: .flag, code: "sentori:500", note: "audience ids changed format"),
        ] {
            guard case .flagged? = effects.perform(.flag(flag)) else {
                Issue.record("flag not stored: \(flag)")
                return
            }
        }
        let review = CatalogReview(sessions: try store.list(SessionFilter()), flags: try store.flags(since: nil), catalog: catalog)
        let code200 = try #require(review.codes.first { $0.name == "sentori:200" })
        #expect((code200.reached, code200.solved, code200.notSolved, code200.escalated, code200.flagged) == (5, 1, 1, 1, 1))
        #expect(code200.thumbsUp == 0 && code200.thumbsDown == 0, "thumbs rate the conclusion, not the code")
        let wrongID = try #require(review.conclusions.first { $0.name == "sentori-lists/list-wrong-id" })
        #expect((wrongID.reached, wrongID.solved, wrongID.notSolved, wrongID.escalated) == (3, 1, 1, 1))
        #expect((wrongID.flagged, wrongID.thumbsUp, wrongID.thumbsDown) == (1, 1, 1))
        #expect(wrongID.notes == ["mention the web app's list page"])
        #expect(wrongID.title == "The request used something else than the list's ExternalID")
        let missing = try #require(review.conclusions.first { $0.name == "sentori-lists/list-missing" })
        #expect((missing.reached, missing.solved) == (1, 0))
        #expect(review.conclusions.first?.name == "sentori-lists/list-wrong-id", "worst first")
        // A flag from the browser counts for its code, which no diagnosis reached.
        let code500 = try #require(review.codes.first { $0.name == "sentori:500" })
        #expect((code500.reached, code500.flagged, code500.notes) == (0, 1, ["audience ids changed format"]))
        #expect(review.codes.first?.name == "sentori:200")
        #expect(review.neverReached.count == catalog.entries.count - 1)
        #expect(review.neverReached.contains("sentori:500") && !review.neverReached.contains("sentori:200"))
        #expect(review.neverSolved.contains("sentori-lists/list-missing"))
        #expect(!review.neverSolved.contains("sentori-lists/list-wrong-id"))
        #expect(review.neverSolved.count == Fixtures.shippedConclusionCount - 1, "one conclusion was solved")
    }
}
