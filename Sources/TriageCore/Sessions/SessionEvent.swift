import Foundation

/// One immutable change to a stored session, as the local outbox keeps it and the team store shares it. Written
/// in the same transaction as the change itself, so an event the UI showed as saved is never lost; its payload
/// has secrets masked before it is kept. A `redacted` event empties the payloads of its session's events.
public struct SessionEvent: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        case opened, answered, noted, jumped, concluded, outcome, ticket, paused, abandoned, claimed, redacted
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

        public init(tree: String? = nil, startCode: String? = nil, user: String? = nil, ticket: String? = nil,
                    host: String? = nil, from: Int? = nil, steps: [String]? = nil, head: String? = nil,
                    status: SessionStatus? = nil, conclusion: SessionConclusion? = nil, outcome: SessionOutcome? = nil,
                    reason: String? = nil) {
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
