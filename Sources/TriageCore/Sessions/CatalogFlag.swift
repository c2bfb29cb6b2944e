import Foundation

/// Feedback from the field on the catalog: a flag with a one-line note on a code, a question or a conclusion
/// ("the steps miss the new dashboard location"), or a thumbs up or down at a conclusion. A flag raised in a
/// diagnosis names its stored session; one raised in the browser names only the code.
public struct CatalogFlag: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        /// `!`: something is wrong or missing here (with a note).
        case flag
        /// `+` / `-` at a conclusion: it helped, or it did not.
        case up, down
    }

    public var kind: Kind
    /// `vendor:CODE`: the code flagged in the browser, or the code the diagnosis started from.
    public var code: String?
    /// The step flagged in a diagnosis (a question or a conclusion).
    public var tree: TreeID?
    public var node: NodeID?
    /// The one-line note, secrets masked.
    public var note: String?
    /// The stored diagnosis the flag was raised in.
    public var sessionID: Int64?
    public var user: String
    public var createdAt: Date

    public init(kind: Kind, code: String? = nil, tree: TreeID? = nil, node: NodeID? = nil, note: String? = nil,
                sessionID: Int64? = nil, user: String = "", createdAt: Date = Date()) {
        self.kind = kind
        self.code = code
        self.tree = tree
        self.node = node
        self.note = note.map { SecretMasker.masked($0.trimmingCharacters(in: .whitespacesAndNewlines)).text }
            .flatMap { $0.isEmpty ? nil : String($0.prefix(Self.noteLimit)) }
        self.sessionID = sessionID
        self.user = user
        self.createdAt = createdAt
    }

    /// A note is one line; longer text is cut here.
    public static let noteLimit = 500

    /// What was flagged, for messages: `tree/node` or the code.
    public var target: String {
        if let tree, let node { return "\(tree)/\(node)" }
        return code ?? "the catalog"
    }
}

/// Where flags are kept: the sessions database (`SQLiteSessionStore`), beside the sessions they name.
public protocol FeedbackStore: AnyObject, Sendable {
    /// Stores `flag` (its `user` and `createdAt` as given), returns its id.
    func addFlag(_ flag: CatalogFlag) throws -> Int64
    /// Flags raised at or after `since`, oldest first.
    func flags(since: Date?) throws -> [CatalogFlag]
}
