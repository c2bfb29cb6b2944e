import Foundation
import GRDB
import Testing
import TestSupport
import TriageCore
import TriageStorage

/// The `feedback` table: created by the "v5-feedback" migration (user_version 5), round trips, and is kept when
/// the session a flag names is deleted.
@Suite struct FeedbackStoreTests {
    let catalog = Fixtures.shipped.catalog

    func databasePath() -> String {
        TestPaths.temporaryDirectory("triage-feedback").appendingPathComponent("state/triage/sessions.sqlite").path
    }

    @Test func theMigrationCreatesTheTableAtVersion5() throws {
        let path = databasePath()
        let store = try SQLiteSessionStore(path: path)
        let flag = CatalogFlag(kind: .flag, code: "sentori:1", note: "add the new settings page", user: "bo",
                               createdAt: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(try store.addFlag(flag) == 1)
        let (version, migrations) = try DatabaseQueue(path: path).read { db in
            (try Int.fetchOne(db, sql: "PRAGMA user_version"), try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        }
        #expect(version == 5)
        #expect(migrations.contains("v5-feedback"))
        #expect(try store.flags(since: nil) == [flag])
    }

    @Test func flagsOutliveTheirSessionAndKeepNoSecret() throws {
        let store = try SQLiteSessionStore(path: databasePath())
        let session = try DiagnosisSession.start(tree: "sentori-lists", in: catalog)
        let stored = try store.create(SessionSnapshot(session, catalog: catalog), user: "bo", ticket: nil, at: Date())
        _ = try store.addFlag(CatalogFlag(kind: .flag, tree: "sentori-lists", node: "list-id",
                                          note: "the key Bearer sk_live_0123456789abcdefghij was refused", sessionID: stored.id, user: "bo"))
        #expect(try store.delete(id: stored.id))
        let flags = try store.flags(since: nil)
        #expect(flags.count == 1 && flags[0].sessionID == stored.id)
        #expect(flags[0].note?.contains("0123456789abcdefghij") == false)
    }
}
