import Foundation

/// One immutable change to a stored session, as the local outbox keeps it and the team store shares it. Written
/// in the same transaction as the change itself, so an event the UI showed as saved is never lost; its payload
/// has secrets masked before it is kept. A `redacted` event empties the payloads of its session's events.
public struct SessionEvent: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        case opened, answered, noted, jumped, concluded, outcome, ticket, paused, abandoned, claimed, redacted
        /// A flag or a thumbs up/down on the catalog (`feedback`, `code`, `tree`, `node`, `note`). It has its own
        /// stream (`session` is the flag's own id), so it stays when the session it was raised in is deleted, as the
        /// local `feedback` row does.
        case flagged
    }

    /// What changed. Steps are the session's own JSON texts (`DiagnosisSession.encodedSteps`): `steps` replace
    /// the path from index `from` on, and `head` is the rest of the session.
    public struct Payload: Codable, Hashable, Sendable {
        public var tree: String?
        public var startCode: String?
        public var user: String?
        public var ticket: String?
        public var host: String?
        public var from: Int?
        public var steps: [String]?
        public var head: String?
        public var status: SessionStatus?
        public var conclusion: SessionConclusion?
        public var outcome: SessionOutcome?
        public var reason: String?
        /// A `flagged` event: `flag`, `up` or `down` (`CatalogFlag.Kind`), what it names, and its note.
        public var feedback: String?
        public var code: String?
        public var node: String?
        public var note: String?

        public init(tree: String? = nil, startCode: String? = nil, user: String? = nil, ticket: String? = nil,
                    host: String? = nil, from: Int? = nil, steps: [String]? = nil, head: String? = nil,
                    status: SessionStatus? = nil, conclusion: SessionConclusion? = nil, outcome: SessionOutcome? = nil,
                    reason: String? = nil, feedback: String? = nil, code: String? = nil, node: String? = nil,
                    note: String? = nil) {
            self.tree = tree
            self.startCode = startCode
            self.user = user
            self.ticket = ticket
            self.host = host
            self.from = from
            self.steps = steps
            self.head = head
            self.status = status
            self.conclusion = conclusion
            self.outcome = outcome
            self.reason = reason
            self.feedback = feedback
            self.code = code
            self.node = node
            self.note = note
        }
    }

    /// UUIDv7.
    public var id: String
    /// The session's shared id (UUIDv7), the same on every host.
    public var session: String
    public var kind: Kind
    /// The writer's clock: for display, never for ordering.
    public var at: Date
    /// Who did it (`$USER`).
    public var actor: String
    /// The catalog version the step was taken with (its compiled checksum), so stats can be split by it.
    public var catalog: String
    /// nil once redacted.
    public var payload: Payload?

    public init(id: String = UUIDv7.make(), session: String, kind: Kind, at: Date, actor: String, catalog: String,
                payload: Payload?) {
        self.id = id
        self.session = session
        self.kind = kind
        self.at = at
        self.actor = actor
        self.catalog = catalog
        self.payload = payload
    }
}

extension SessionEvent {
    /// The `flagged` event of `flag` (its own stream: a fresh shared id).
    public init(flag: CatalogFlag) {
        self.init(session: UUIDv7.make(at: flag.createdAt), kind: .flagged, at: flag.createdAt, actor: flag.user, catalog: "",
                  payload: Payload(tree: flag.tree?.rawValue, feedback: flag.kind.rawValue, code: flag.code,
                                   node: flag.node?.rawValue, note: flag.note))
    }

    /// The flag a `flagged` event carries (nil for another event, or one emptied by a redaction).
    public var flag: CatalogFlag? {
        guard kind == .flagged, let payload, let feedback = payload.feedback.flatMap(CatalogFlag.Kind.init(rawValue:)) else {
            return nil
        }
        var flag = CatalogFlag(kind: feedback, code: payload.code, tree: payload.tree.map { TreeID($0) },
                               node: payload.node.map { NodeID($0) }, user: actor, createdAt: at)
        flag.note = payload.note
        return flag
    }
}
