import Foundation
import TriageCore

/// A stored session as `sessions list --json` and `sessions show --json` print it. Absent values are `null`.
/// `current_question` is the question now shown (null at a conclusion, or when the catalog no longer has it);
/// `age_seconds` counts from its creation.
struct SessionJSON: Encodable {
    struct Position: Encodable {
        let tree: TreeID
        let node: NodeID
    }

    struct ConclusionJSON: Encodable {
        let tree: TreeID
        let node: NodeID
        let title: String
    }

    let id: Int64
    @NullIfAbsent var ticket: String?
    let user: String
    let tree: TreeID
    let status: String
    @NullIfAbsent var outcome: String?
    @NullIfAbsent var startCode: String?
    let steps: Int
    let current: Position
    @NullIfAbsent var conclusion: ConclusionJSON?
    @NullIfAbsent var currentQuestion: String?
    @NullIfAbsent var pausedReason: String?
    let ageSeconds: Int
    let createdAt: String
    let updatedAt: String
    @NullIfAbsent var endedAt: String?
    /// "cannot be read" for a session whose saved state is damaged (its other fields then say little).
    @NullIfAbsent var problem: String?
    /// `show --json` only.
    var transcript: Transcript.Document?

    enum CodingKeys: String, CodingKey {
        case id, ticket, user, tree, status, outcome, startCode = "start_code", steps, current, conclusion
        case currentQuestion = "current_question", pausedReason = "paused_reason", ageSeconds = "age_seconds"
        case createdAt = "created_at", updatedAt = "updated_at", endedAt = "ended_at", transcript, problem
    }

    init(_ stored: StoredSession, catalog: Catalog?, now: Date) {
        id = stored.id
        ticket = stored.ticket
        user = stored.user
        tree = stored.tree
        status = stored.problem == nil ? stored.status.rawValue : "damaged"
        problem = stored.problem
        outcome = stored.outcome?.rawValue
        startCode = stored.startCode
        steps = stored.diagnosis.stepCount
        current = Position(tree: stored.diagnosis.currentTree, node: stored.diagnosis.currentNode)
        conclusion = stored.conclusion.map { ConclusionJSON(tree: $0.tree, node: $0.node, title: $0.title) }
        createdAt = SessionTime.iso(stored.createdAt)
        updatedAt = SessionTime.iso(stored.updatedAt)
        endedAt = stored.endedAt.map(SessionTime.iso)
        currentQuestion = SessionHeadline.question(stored, catalog: catalog)
        pausedReason = stored.pausedReason
        ageSeconds = max(0, Int(now.timeIntervalSince(stored.createdAt)))
    }
}
