import Foundation
import GRDB
import TriageCore

/// One row of the `feedback` table: a flag or a thumbs up/down (`CatalogFlag`), with the session it was raised
/// in when there is one (a flag from the browser has none).
struct FeedbackRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "feedback"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var kind: String
    var code: String?
    var tree: String?
    var node: String?
    var note: String?
    var sessionId: Int64?
    var user: String
    var createdAt: Date

    init(_ flag: CatalogFlag) {
        kind = flag.kind.rawValue
        code = flag.code
        tree = flag.tree?.rawValue
        node = flag.node?.rawValue
        note = flag.note
        sessionId = flag.sessionID
        user = flag.user
        createdAt = flag.createdAt
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var flag: CatalogFlag {
        let treeID: TreeID? = tree.map { TreeID($0) }
        let nodeID: NodeID? = node.map { NodeID($0) }
        var flag = CatalogFlag(kind: CatalogFlag.Kind(rawValue: kind) ?? .flag, code: code, tree: treeID, node: nodeID,
                               sessionID: sessionId, user: user, createdAt: createdAt)
        flag.note = note
        return flag
    }

    /// "v5-feedback": the `feedback` table (`PRAGMA user_version = 5`). A session's flags stay when the session is
    /// deleted (the catalog's feedback is not the session's), so there is no foreign key.
    static func registerMigration(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-feedback") { db in
            try db.create(table: "feedback") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("kind", .text).notNull().check(sql: "kind IN ('flag', 'up', 'down')")
                table.column("code", .text)
                table.column("tree", .text)
                table.column("node", .text)
                table.column("note", .text)
                table.column("session_id", .integer)
                table.column("user", .text).notNull()
                table.column("created_at", .datetime).notNull()
            }
            try db.create(index: "feedback_on_created", on: "feedback", columns: ["created_at"])
            try db.execute(sql: "PRAGMA user_version = 5")
        }
    }
}

extension SQLiteSessionStore: FeedbackStore {
    public func addFlag(_ flag: CatalogFlag) throws -> Int64 {
        try write { db in
            var row = FeedbackRow(flag)
            try row.insert(db)
            let id = row.id ?? db.lastInsertedRowID
            // The team store gets it too: an outbox event in the same transaction (masked like every event).
            try SessionOutbox.append(db, SessionEvent(flag: flag))
            return id
        }
    }

    public func flags(since: Date?) throws -> [CatalogFlag] {
        try read { db in
            var request = FeedbackRow.all()
            if let since { request = request.filter(Column("created_at") >= since) }
            return try request.order(Column("created_at"), Column("id")).fetchAll(db).map(\.flag)
        }
    }
}
