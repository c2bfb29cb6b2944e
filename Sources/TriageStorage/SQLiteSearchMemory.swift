import Foundation
import GRDB
import TriageCore

/// `SearchMemory` in the sessions database (tables `search_memory` and `search_setting`, migration
/// "v4-search-memory"): one row per query words and code chosen, with a count and when it was last used. The
/// oldest rows beyond `limit` are dropped, so the table stays small.
extension SQLiteSessionStore: SearchMemoryStore {
    /// The most pairings kept.
    static let searchMemoryLimit = 2000

    public func searchMemory() throws -> SearchMemory {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT words, vendor, code, count FROM search_memory ORDER BY count DESC, last_used DESC LIMIT ?
                """, arguments: [Self.searchMemoryLimit])
            return SearchMemory(rows.map { row in
                let words: String = row["words"]
                return SearchMemory.Pairing(words: words.split(separator: " ").map(String.init),
                                            code: CodeReference(vendor: row["vendor"], code: row["code"]),
                                            count: row["count"])
            })
        }
    }

    public func remember(_ pairing: SearchMemory.Pairing, at date: Date) throws {
        let words = pairing.words.joined(separator: " ")
        guard !words.isEmpty else { return }
        try write { db in
            try db.execute(sql: """
                INSERT INTO search_memory (words, vendor, code, count, last_used) VALUES (?, ?, ?, 1, ?)
                ON CONFLICT (words, vendor, code) DO UPDATE SET count = count + 1, last_used = excluded.last_used
                """, arguments: [words, pairing.code.vendor, pairing.code.code, date])
            try db.execute(sql: """
                DELETE FROM search_memory WHERE rowid NOT IN
                  (SELECT rowid FROM search_memory ORDER BY last_used DESC LIMIT ?)
                """, arguments: [Self.searchMemoryLimit])
        }
    }

    public func forgetSearches() throws -> Int {
        try write { db in
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM search_memory") ?? 0
            try db.execute(sql: "DELETE FROM search_memory")
            return count
        }
    }

    public func learnsSearches() throws -> Bool {
        try read { db in
            try String.fetchOne(db, sql: "SELECT value FROM search_setting WHERE name = 'learn'") != "off"
        }
    }

    public func setLearnsSearches(_ on: Bool) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO search_setting (name, value) VALUES ('learn', ?)
                ON CONFLICT (name) DO UPDATE SET value = excluded.value
                """, arguments: [on ? "on" : "off"])
        }
    }
}
