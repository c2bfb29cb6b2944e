import Foundation

/// Where a stored diagnosis stands.
public enum SessionStatus: String, Codable, Hashable, Sendable, CaseIterable {
    /// In progress: it can be resumed.
    case open
    /// At a conclusion.
    case finished
    /// Given up: a new diagnosis was started for the same ticket instead.
    case abandoned
}

/// Whether a conclusion solved the ticket, as the engineer said (changeable later).
public enum SessionOutcome: String, Codable, Hashable, Sendable, CaseIterable {
    case solved
    case notSolved = "not_solved"
    case escalated

    /// Reads what a person types: `solved`, `not-solved`, `not_solved`, `not solved`, `escalated` (any case).
    public init?(argument: String) {
        let word = argument.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        switch word {
        case "solved": self = .solved
        case "not_solved", "notsolved", "unsolved": self = .notSolved
        case "escalated": self = .escalated
        default: return nil
        }
    }

    /// "solved", "not solved", "escalated".
    public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}

/// The conclusion a stored diagnosis reached: where it is and its diagnosis line.
public struct SessionConclusion: Codable, Hashable, Sendable {
    public var tree: TreeID
    public var node: NodeID
    /// The diagnosis line, placeholders filled and secrets masked.
    public var title: String
    /// True for a "not determined" conclusion (the tree could not tell what caused it).
    public var undetermined: Bool

    public init(tree: TreeID, node: NodeID, title: String, undetermined: Bool = false) {
        self.tree = tree
        self.node = node
        self.title = title
        self.undetermined = undetermined
    }
}

/// What is written after each step: the session with secrets masked, and its conclusion if it reached one.
public struct SessionSnapshot: Hashable, Sendable {
    /// `redacted()`: no secret value reaches the store.
    public var diagnosis: DiagnosisSession
    public var conclusion: SessionConclusion?
    /// How many leading steps the store already holds as they are (`sharedSteps(with:)` the state saved last):
    /// only the steps after them are written, so a step costs its own size. 0 writes the whole path.
    public var unchangedSteps = 0
    /// Who took the step (the team store's events name them); nil: the session's own user.
    public var actor: String?
    /// The catalog's version: its compiled checksum in hex, "yaml" for a catalog loaded from YAML.
    public var catalogVersion: String

    public init(_ session: DiagnosisSession, catalog: Catalog) {
        diagnosis = session.redacted()
        catalogVersion = catalog.compiledChecksum.map { String($0, radix: 16) } ?? "yaml"
        if session.isFinished, let step = session.current(in: catalog), let conclusion = step.conclusion {
            self.conclusion = SessionConclusion(tree: step.tree, node: step.node, title: conclusion.diagnosis,
                                                undetermined: !conclusion.determined)
        }
    }

    public var status: SessionStatus { conclusion == nil ? .open : .finished }
}

/// A diagnosis as stored: who, which ticket, the session itself, its times, conclusion and outcome.
public struct StoredSession: Codable, Hashable, Sendable {
    public var id: Int64
    public var user: String
    public var ticket: String?
    /// The tree the diagnosis started in.
    public var tree: TreeID
    /// `vendor:CODE` the diagnosis started from, if any.
    public var startCode: String?
    public var status: SessionStatus
    /// The session (secrets masked): path, values and notes; it can be continued.
    public var diagnosis: DiagnosisSession
    public var createdAt: Date
    public var updatedAt: Date
    /// When it reached its conclusion or was abandoned.
    public var endedAt: Date?
    public var conclusion: SessionConclusion?
    public var outcome: SessionOutcome?
    /// Why the open diagnosis waits ("waiting for the customer's logs"); nil when it does not.
    public var pausedReason: String?
    /// The machine the diagnosis was started on (nil for sessions stored before it was recorded).
    public var host: String?
    /// Why the stored state cannot be read ("cannot be read"), nil when it can. Such a session is listed (id,
    /// ticket, times from its summary) with an empty `diagnosis`; it cannot be resumed, shown or exported.
    public var problem: String?

    public init(id: Int64, user: String, ticket: String?, tree: TreeID, startCode: String?, status: SessionStatus,
                diagnosis: DiagnosisSession, createdAt: Date, updatedAt: Date, endedAt: Date?,
                conclusion: SessionConclusion?, outcome: SessionOutcome?, pausedReason: String? = nil,
                host: String? = nil) {
        self.id = id
        self.user = user
        self.ticket = ticket
        self.tree = tree
        self.startCode = startCode
        self.status = status
        self.diagnosis = diagnosis
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.endedAt = endedAt
        self.conclusion = conclusion
        self.outcome = outcome
        self.pausedReason = pausedReason
        self.host = host
    }
}

/// Which sessions `list` returns (every condition given must hold), newest first.
public struct SessionFilter: Hashable, Sendable {
    public var ticket: String?
    public var user: String?
    public var status: SessionStatus?
    /// Created at or after.
    public var since: Date?
    public var limit: Int?

    public init(ticket: String? = nil, user: String? = nil, status: SessionStatus? = nil, since: Date? = nil,
                limit: Int? = nil) {
        self.ticket = ticket
        self.user = user
        self.status = status
        self.since = since
        self.limit = limit
    }
}

/// Counts of sessions per tree and per conclusion, so catalog authors see which trees end without solving.
public struct SessionStats: Codable, Hashable, Sendable {
    public struct Row: Codable, Hashable, Sendable {
        public var tree: TreeID
        /// The conclusion node (per-conclusion rows only).
        public var node: NodeID?
        /// The conclusion's diagnosis line (per-conclusion rows only).
        public var title: String?
        public var count: Int
        public var solved: Int
        public var notSolved: Int
        public var escalated: Int
        public var abandoned: Int
        /// Sessions that ended at a "not determined" conclusion.
        public var undetermined: Int

        public init(tree: TreeID, node: NodeID? = nil, title: String? = nil, count: Int = 0, solved: Int = 0,
                    notSolved: Int = 0, escalated: Int = 0, abandoned: Int = 0, undetermined: Int = 0) {
            self.tree = tree
            self.node = node
            self.title = title
            self.count = count
            self.solved = solved
            self.notSolved = notSolved
            self.escalated = escalated
            self.abandoned = abandoned
            self.undetermined = undetermined
        }
    }

    /// One row per start tree, most sessions first.
    public var trees: [Row]
    /// One row per conclusion reached, the ones that least often solve first.
    public var conclusions: [Row]

    public init(trees: [Row], conclusions: [Row]) {
        self.trees = trees
        self.conclusions = conclusions
    }
}

/// Why the store cannot do what was asked, in words for the engineer.
public enum SessionStoreError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The database was written by a newer Triage; it is left untouched.
    case newerVersion(path: String, detail: String)
    /// The file is not a database, or is damaged; it is left untouched.
    case damaged(path: String, detail: String)
    /// The database cannot be created, opened or written (permissions, a file where a folder should be, ...).
    case unavailable(path: String, detail: String)
    /// The disk (or the database's size limit) is full.
    case full(path: String)
    /// No session has that id.
    case notFound(Int64)
    /// Session `id` is there, but its saved state cannot be read (damaged outside Triage).
    case unreadable(Int64)
    /// The database is opened read-only (another program's, or a file this user cannot write): nothing is written.
    case readOnly(path: String, detail: String)

    public var description: String {
        switch self {
        case let .newerVersion(path, detail):
            return "the sessions database \(path) was written by a newer version of Triage (\(detail)); it is left untouched: update Triage, or use another file with --db"
        case let .damaged(path, detail):
            return "the sessions database \(path) is damaged (\(detail)); it is left untouched: move it away to start a new one"
        case let .unavailable(path, detail):
            return "cannot use the sessions database \(path): \(detail)"
        case let .full(path):
            return "the disk holding the sessions database \(path) is full"
        case let .notFound(id):
            return "no session #\(id)"
        case let .unreadable(id):
            return "session #\(id) cannot be read (its saved state is damaged); 'triage sessions delete \(id)' removes it"
        case let .readOnly(path, detail):
            return "the sessions database \(path) is read-only (\(detail)): it can be listed, nothing is saved"
        }
    }
}

/// Where diagnosis sessions are kept. One small protocol, so a team database on a server can be added later
/// without touching the engine or the UI. Every write is one short transaction; implementations are safe to
/// use from several processes at once.
public protocol SessionStore: AnyObject, Sendable {
    /// Stores a new session for `user` (and `ticket`), returns it with its id.
    func create(_ snapshot: SessionSnapshot, user: String, ticket: String?, at date: Date) throws -> StoredSession
    /// Saves session `id` after a step (an answer, a note, a jump): its state, status and conclusion.
    func save(_ snapshot: SessionSnapshot, id: Int64, at date: Date) throws
    /// Sessions matching `filter`, newest first.
    func list(_ filter: SessionFilter) throws -> [StoredSession]
    /// Session `id`, or nil when there is none.
    func load(id: Int64) throws -> StoredSession?
    /// Deletes session `id`; false when there was none.
    func delete(id: Int64) throws -> Bool
    /// Sets (or with nil clears) the outcome of session `id`; false when there is none.
    func setOutcome(_ outcome: SessionOutcome?, id: Int64, at date: Date) throws -> Bool
    /// Marks session `id` paused with a one-line reason (nil clears it; so does its next step); false when there
    /// is none.
    func pause(id: Int64, reason: String?, at date: Date) throws -> Bool
    /// Sets (or with nil clears) the ticket of session `id`; false when there is none.
    func setTicket(_ ticket: String?, id: Int64, at date: Date) throws -> Bool
    /// Marks open session `id` abandoned; false when there is none or it is not open.
    func abandon(id: Int64, at date: Date) throws -> Bool
    /// Counts per tree and per conclusion of the sessions created at or after `since`.
    func stats(since: Date?) throws -> SessionStats
}
