import Foundation

/// What the field says about the catalog (`triage review`): per code and per conclusion, how often diagnoses
/// reached it and how they ended, with the flags raised on it and their notes, worst first; and the codes no
/// diagnosis started from and the conclusions that never solved one. Built from stored sessions and flags.
public struct CatalogReview: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        /// `vendor:CODE` for a code row; `tree/node` for a conclusion row.
        public var name: String
        /// The conclusion's diagnosis line (a conclusion row).
        public var title: String?
        public var reached = 0
        public var solved = 0
        public var notSolved = 0
        public var escalated = 0
        public var flagged = 0
        public var thumbsUp = 0
        public var thumbsDown = 0
        /// The flags' notes, oldest first.
        public var notes: [String] = []

        /// What sorts a row first: what went wrong, then how often it was reached.
        var badness: Int { notSolved + escalated + flagged + thumbsDown }
    }

    public var codes: [Row]
    public var conclusions: [Row]
    /// Codes of the catalog no diagnosis started from (in catalog order).
    public var neverReached: [String]
    /// Conclusions of the catalog's trees no diagnosis solved (`tree/node`, in tree order).
    public var neverSolved: [String]

    /// What the review needs of one diagnosis: where it started, where it ended, how it ended. Stored sessions
    /// give it here; the team store's summaries give it for `review --team`.
    public struct Session: Hashable, Sendable {
        public var startCode: String?
        public var conclusion: (tree: TreeID, node: NodeID)? {
            get { conclusionTree.flatMap { tree in conclusionNode.map { (tree, $0) } } }
            set { conclusionTree = newValue?.tree; conclusionNode = newValue?.node }
        }
        var conclusionTree: TreeID?
        var conclusionNode: NodeID?
        public var outcome: SessionOutcome?

        public init(startCode: String?, conclusion: (tree: TreeID, node: NodeID)?, outcome: SessionOutcome?) {
            self.startCode = startCode
            self.outcome = outcome
            self.conclusion = conclusion
        }

        public init(_ stored: StoredSession) {
            self.init(startCode: stored.startCode, conclusion: stored.conclusion.map { ($0.tree, $0.node) },
                      outcome: stored.outcome)
        }
    }

    public init(sessions: [StoredSession], flags: [CatalogFlag], catalog: Catalog) {
        self.init(reviewing: sessions.map(Session.init), flags: flags, catalog: catalog)
    }

    public init(reviewing sessions: [Session], flags: [CatalogFlag], catalog: Catalog) {
        var codes: [String: Row] = [:]
        var conclusions: [String: Row] = [:]
        func count(_ row: inout Row, _ outcome: SessionOutcome?) {
            row.reached += 1
            switch outcome {
            case .solved?: row.solved += 1
            case .notSolved?: row.notSolved += 1
            case .escalated?: row.escalated += 1
            case nil: break
            }
        }
        for session in sessions {
            if let code = session.startCode { count(&codes[code, default: Row(name: code)], session.outcome) }
            if let conclusion = session.conclusion {
                let name = "\(conclusion.tree)/\(conclusion.node)"
                count(&conclusions[name, default: Row(name: name)], session.outcome)
            }
        }
        for flag in flags {
            func add(_ row: inout Row) {
                switch flag.kind {
                case .flag:
                    row.flagged += 1
                    if let note = flag.note { row.notes.append(note) }
                case .up: row.thumbsUp += 1
                case .down: row.thumbsDown += 1
                }
            }
            var onConclusion = false
            if let tree = flag.tree, let node = flag.node,
               case .conclusion? = catalog.tree(id: tree)?[node: node]?.kind {
                onConclusion = true
                add(&conclusions["\(tree)/\(node)", default: Row(name: "\(tree)/\(node)")])
            }
            // A flag counts for its code too, unless it only rates a conclusion.
            if let code = flag.code, !(onConclusion && flag.kind != .flag) { add(&codes[code, default: Row(name: code)]) }
        }
        // A conclusion's own title, placeholders unfilled, rather than one session's filled text.
        for name in conclusions.keys {
            let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
            if parts.count == 2, case let .conclusion(conclusion)? = catalog.tree(id: TreeID(parts[0]))?[node: NodeID(parts[1])]?.kind {
                conclusions[name]?.title = conclusion.diagnosis
            }
        }
        func worstFirst(_ rows: [String: Row]) -> [Row] {
            rows.values.sorted { ($1.badness, $1.reached, $0.name) < ($0.badness, $0.reached, $1.name) }
        }
        self.codes = worstFirst(codes)
        self.conclusions = worstFirst(conclusions)
        let reachedCodes = Set(sessions.compactMap(\.startCode))
        neverReached = catalog.entries.indices.map { catalog.entries.reference(at: $0).description }
            .filter { !reachedCodes.contains($0) }
        neverSolved = catalog.trees.flatMap { tree in
            tree.nodeOrder.compactMap { id -> String? in
                guard case .conclusion? = tree[node: id]?.kind else { return nil }
                let name = "\(tree.id)/\(id)"
                return (conclusions[name]?.solved ?? 0) == 0 ? name : nil
            }
        }
    }
}
