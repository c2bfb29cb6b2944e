import Foundation
import GRDB
import TriageCore

/// One row of the `session` table: the stored session plus the columns that are queried.
struct SessionRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "session"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var user: String
    var ticket: String?
    var tree: String
    var startCode: String?
    var status: String
    var steps: Int
    var currentTree: String
    var currentNode: String
    var state: String
    var createdAt: Date
    var updatedAt: Date
    var endedAt: Date?
    var conclusionTree: String?
    var conclusionNode: String?
    var conclusionTitle: String?
    var conclusionUndetermined: Bool
    var outcome: String?
    var outcomeAt: Date?
    /// Why the open diagnosis waits; nil when it does not (every step clears it).
    var pausedReason: String?
    /// The machine the diagnosis was started on.
    var host: String?
    /// The id the team store shares (UUIDv7), the same on every host.
    var uuid: String?

    init(snapshot: SessionSnapshot, user: String, ticket: String?, date: Date) throws {
        self.user = user
        self.ticket = ticket
        host = TranscriptContext.currentHost
        uuid = UUIDv7.make(at: date)
        tree = snapshot.diagnosis.tree.rawValue
        startCode = snapshot.diagnosis.code?.description
        status = SessionStatus.open.rawValue
        steps = 0
        currentTree = ""
        currentNode = ""
        state = ""
        createdAt = date
        updatedAt = date
        conclusionUndetermined = false
        try apply(snapshot, date: date)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The state after a step: a new or different conclusion clears an outcome given for the old one.
    mutating func apply(_ snapshot: SessionSnapshot, date: Date) throws {
        let diagnosis = snapshot.diagnosis
        pausedReason = nil
        // The head only: the path is in `session_step`, written step by step (`SessionSteps`).
        state = try diagnosis.encodedHead()
        steps = diagnosis.stepCount
        currentTree = diagnosis.currentTree.rawValue
        currentNode = diagnosis.currentNode.rawValue
        updatedAt = date
        let conclusion = snapshot.conclusion
        if conclusion?.tree.rawValue != conclusionTree || conclusion?.node.rawValue != conclusionNode {
            outcome = nil
            outcomeAt = nil
        }
        let wasFinished = status == SessionStatus.finished.rawValue
        status = snapshot.status.rawValue
        if conclusion != nil {
            if !wasFinished || endedAt == nil { endedAt = date }
        } else {
            endedAt = nil
        }
        conclusionTree = conclusion?.tree.rawValue
        conclusionNode = conclusion?.node.rawValue
        conclusionTitle = conclusion?.title
        conclusionUndetermined = conclusion?.undetermined ?? false
    }

    /// The session with its path from `steps`; a row whose state does not decode is returned marked
    /// "cannot be read" (an empty diagnosis), never as an error, so one damaged row hides no other.
    func stored(steps texts: [String]) -> StoredSession {
        guard let diagnosis = try? DiagnosisSession(head: state, steps: texts) else {
            var damaged = stored(DiagnosisSession.unreadable(tree: TreeID(tree)))
            damaged.problem = "cannot be read"
            return damaged
        }
        return stored(diagnosis)
    }

    private func stored(_ diagnosis: DiagnosisSession) -> StoredSession {
        var conclusion: SessionConclusion?
        if let conclusionTree, let conclusionNode {
            conclusion = SessionConclusion(tree: TreeID(conclusionTree), node: NodeID(conclusionNode), title: conclusionTitle ?? "",
                                           undetermined: conclusionUndetermined)
        }
        return StoredSession(
            id: id ?? 0, user: user, ticket: ticket, tree: TreeID(tree), startCode: startCode,
            status: SessionStatus(rawValue: status) ?? .open, diagnosis: diagnosis, createdAt: createdAt,
            updatedAt: updatedAt, endedAt: endedAt, conclusion: conclusion,
            outcome: outcome.flatMap(SessionOutcome.init(rawValue:)), pausedReason: pausedReason, host: host)
    }
}
