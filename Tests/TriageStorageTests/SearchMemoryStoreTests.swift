import Foundation
import GRDB
import Testing
import TestSupport
import TriageCore
import TriageStorage

/// What search learns, kept in the sessions database: pairings counted, read back most used first, cleared,
/// and the setting that turns learning off; the schema migration that adds them.
@Suite struct SearchMemoryStoreTests {
    func databasePath() -> String {
        TestPaths.temporaryDirectory("triage-search-memory").appendingPathComponent("state/triage/sessions.sqlite").path
    }

    let full = CodeReference(vendor: "cometchat", code: "ERR_NO_VACANCY")
    let missing = CodeReference(vendor: "sentori", code: "200")

    @Test func pairingsAreCountedReadBackAndCleared() throws {
        let path = databasePath()
        let store = try SQLiteSessionStore(path: path)
        #expect(try store.searchMemory().pairings.isEmpty)
        let words = SearchMemory.words(of: "group is full")
        try store.remember(.init(words: words, code: full), at: Date())
        try store.remember(.init(words: words, code: full), at: Date())
        try store.remember(.init(words: ["list", "mail"], code: missing), at: Date())
        // Another process (a later run) reads what this one wrote.
        let reopened = try SQLiteSessionStore(path: path)
        let pairings = try reopened.searchMemory().pairings
        #expect(pairings == [.init(words: words, code: full, count: 2), .init(words: ["list", "mail"], code: missing, count: 1)])
        #expect(try reopened.forgetSearches() == 2)
        #expect(try store.searchMemory().pairings.isEmpty)
        #expect(try store.forgetSearches() == 0)
    }

    @Test func learningIsOnUntilTurnedOff() throws {
        let store = try SQLiteSessionStore(path: databasePath())
        #expect(try store.learnsSearches())
        try store.setLearnsSearches(false)
        #expect(try store.learnsSearches() == false)
        try store.setLearnsSearches(true)
        #expect(try store.learnsSearches())
    }

    @Test func theSearchMemoryMigrationRunsAndTheVersionIsTheStoresNewest() throws {
        let path = databasePath()
        _ = try SQLiteSessionStore(path: path)
        let (version, migrations) = try DatabaseQueue(path: path).read { db in
            (try Int.fetchOne(db, sql: "PRAGMA user_version"),
             try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations"))
        }
        #expect(version == SQLiteSessionStore.schemaVersion && version! >= 4, "later migrations run after v4")
        #expect(migrations.contains("v4-search-memory"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600, "the database stays private")
    }
}
