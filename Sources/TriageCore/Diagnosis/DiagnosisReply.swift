import Foundation

/// The reply of a finished diagnosis, ready for the ticket: the conclusion's `reply:` templates filled with the
/// values typed or read from the evidence. A secret is never filled in, not even masked: its fallback phrase
/// stands in its place. The customer's part carries no tree ids or engineer-only steps; the internal note
/// names the code, tree and conclusion for colleagues.
public struct DiagnosisReply: Hashable, Sendable, Encodable {
    public enum Format: String, CaseIterable, Sendable {
        case md, text, json
    }

    public var code: CodeReference?
    public var tree: TreeID
    public var conclusionNode: NodeID
    /// The conclusion's diagnosis line, filled.
    public var conclusion: String
    public var customer: String
    public var internalNote: String

    /// The reply at `session`'s conclusion; nil before a conclusion, or when the conclusion has no `reply:`.
    public init?(session: DiagnosisSession, catalog: Catalog) {
        guard session.isFinished, let node = catalog.tree(id: session.currentTree)?[node: session.currentNode],
              case let .conclusion(conclusion) = node.kind, let reply = conclusion.reply else { return nil }
        let values = session.values.filter { !session.secretVariables.contains($0.key) }
        func fill(_ text: String) -> String { Placeholders.fill(text, values: values, secret: session.secretVariables) }
        code = session.code
        tree = session.currentTree
        conclusionNode = session.currentNode
        self.conclusion = fill(conclusion.diagnosis)
        customer = fill(reply.customer)
        internalNote = fill(reply.internalNote)
    }

    /// The reply and the note as Markdown or plain text (JSON is written by the caller's encoder).
    public func rendered(_ format: Format) -> String {
        let origin = "Triage: " + (code.map { "\($0), " } ?? "") + "tree \(tree), conclusion \(conclusionNode)"
        switch format {
        case .md, .json:
            return "## Reply to the customer\n\n\(customer)\n\n## Internal note\n\n\(internalNote)\n\n_\(origin)_\n"
        case .text:
            return "Reply to the customer\n---------------------\n\(customer)\n\nInternal note\n-------------\n\(internalNote)\n\n\(origin)\n"
        }
    }

    enum CodingKeys: String, CodingKey {
        case code, tree, conclusionNode = "conclusion_node", conclusion, customer, internalNote = "internal_note"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code?.description, forKey: .code)
        try container.encode(tree.rawValue, forKey: .tree)
        try container.encode(conclusionNode.rawValue, forKey: .conclusionNode)
        try container.encode(conclusion, forKey: .conclusion)
        try container.encode(customer, forKey: .customer)
        try container.encode(internalNote, forKey: .internalNote)
    }
}
